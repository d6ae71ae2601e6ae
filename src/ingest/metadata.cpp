// Headline, byline and dates from the first lines of an article.
#include <array>
#include <cctype>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/ingest.hpp"

namespace nkg::ingest {

namespace {

constexpr std::array<std::string_view, 12> month_names{
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December"};

constexpr std::size_t max_header_lines = 10;  // metadata lives at the top of an article
constexpr std::size_t max_headline_bytes = 200;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

/// Month number for a full or three-letter abbreviated English month name at the start of s.
int month_prefix(std::string_view s, std::size_t& length) {
  for (std::size_t m = 0; m < month_names.size(); ++m) {
    const std::string_view name = month_names[m];
    if (s.substr(0, name.size()) == name) {
      length = name.size();
      return static_cast<int>(m) + 1;
    }
    if (name.size() > 3 && s.size() >= 3 && s.substr(0, 3) == name.substr(0, 3) &&
        (s.size() == 3 || !std::isalpha(static_cast<unsigned char>(s[3])))) {
      length = (s.size() > 3 && s[3] == '.') ? 4 : 3;
      return static_cast<int>(m) + 1;
    }
  }
  return 0;
}

std::size_t read_number(std::string_view s, std::size_t i, std::size_t max_digits, int& value) {
  std::size_t n = 0;
  value = 0;
  while (i + n < s.size() && is_digit(s[i + n]) && n < max_digits) {
    value = value * 10 + (s[i + n] - '0');
    ++n;
  }
  if (i + n < s.size() && is_digit(s[i + n])) return 0;  // too many digits
  return n;
}

bool is_valid_day(int year, int month, int day) {
  constexpr std::array<int, 12> days{31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1) return false;
  if (month == 2 && day == 29) return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return day <= days[static_cast<std::size_t>(month - 1)];
}

std::size_t skip_spaces(std::string_view s, std::size_t i) {
  while (i < s.size() && s[i] == ' ') ++i;
  return i;
}

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t nl = text.find('\n', start);
    const std::size_t end = nl == std::string_view::npos ? text.size() : nl;
    lines.push_back(text.substr(start, end - start));
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  return lines;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

/// Words separated by spaces or tabs; counting stops at `limit`.
std::size_t count_words(std::string_view s, std::size_t limit = SIZE_MAX) {
  std::size_t words = 0;
  bool in_word = false;
  for (const char c : s) {
    const bool space = c == ' ' || c == '\t';
    if (!space && !in_word && ++words == limit) return words;
    in_word = !space;
  }
  return words;
}

bool is_capitalized_word(std::string_view w) {
  return !w.empty() && (std::isupper(static_cast<unsigned char>(w[0])) || static_cast<unsigned char>(w[0]) >= 0x80);
}

/// Finds the first date anywhere in `line`.
std::optional<PartialDate> find_date_in(std::string_view line) {
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (i > 0 && std::isalnum(static_cast<unsigned char>(line[i - 1]))) continue;
    const DateMatch m = parse_date_prefix(line.substr(i));
    if (m.date.year != 0) return m.date;
  }
  return std::nullopt;
}

/// A line that is only a clock time or a place and a time ("Warsaw 00:36") or a date.
bool is_time_or_date_line(std::string_view line) {
  // Words first: a paragraph is ruled out without looking for a date in every word of it.
  const std::size_t words = count_words(line, 7);
  if (words <= 6 && find_date_in(line)) return true;
  const std::size_t colon = line.find(':');
  return words <= 3 && colon != std::string_view::npos && colon > 0 && is_digit(line[colon - 1]) &&
         colon + 1 < line.size() && is_digit(line[colon + 1]);
}

/// "Last update: January 24, 2025" -> the date, when the line announces an update.
bool starts_with_any(std::string_view line, std::initializer_list<std::string_view> prefixes) {
  for (const std::string_view p : prefixes) {
    if (line.substr(0, p.size()) == p) return true;
  }
  return false;
}

/// "By Maria Lindqvist August 22, 2024" -> "Maria Lindqvist"; the name is 2-4 capitalized words.
std::optional<std::string> byline_author(std::string_view line) {
  if (!starts_with_any(line, {"By ", "by "})) return std::nullopt;
  std::string_view rest = line.substr(3);
  std::string name;
  std::size_t words = 0;
  while (!rest.empty() && words < 4) {
    rest = trim(rest);
    const std::size_t end = rest.find_first_of(" ,|");
    const std::string_view word = rest.substr(0, end);
    std::size_t month_len = 0;
    if (!is_capitalized_word(word) || month_prefix(word, month_len) != 0) break;
    if (!name.empty()) name += ' ';
    name += word;
    ++words;
    if (end == std::string_view::npos || rest[end] != ' ') break;
    rest = rest.substr(end);
  }
  if (words < 2) return std::nullopt;
  return name;
}

/// Drops a trailing " | Section" or " - Outlet" that sites append to titles.
std::string_view strip_title_suffix(std::string_view line) {
  for (const std::string_view sep : {std::string_view(" | "), std::string_view(" — ")}) {
    const std::size_t pos = line.rfind(sep);
    if (pos != std::string_view::npos && count_words(line.substr(pos + sep.size())) <= 3) {
      return trim(line.substr(0, pos));
    }
  }
  return line;
}

bool looks_like_body_paragraph(std::string_view line) {
  const char last = line.empty() ? ' ' : line.back();
  return line.size() > max_headline_bytes || (last == '.' && count_words(line) >= 8);
}

bool looks_like_headline(std::string_view line) {
  if (line.size() > max_headline_bytes) return false;
  const std::size_t words = count_words(line);
  if (words < 3 || words > 25) return false;
  const char first = line.front();
  const char last = line.back();
  if (first == '(' || first == '-' || first == '"' || last == '.' || last == ':' || last == ',') return false;
  if (line.size() > 5 && line.substr(line.size() - 5) == " logo") return false;
  return is_capitalized_word(line);
}

std::uint32_t code_points_before(std::string_view text, std::size_t byte) {
  std::uint32_t n = 0;
  for (std::size_t i = 0; i < byte; ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0U) != 0x80U) ++n;
  }
  return n;
}

}  // namespace

DateMatch parse_date_prefix(std::string_view s) {
  DateMatch none;
  int a = 0;
  // ISO: 2024-08-22
  if (std::size_t n = read_number(s, 0, 4, a); n == 4 && s.size() >= 10 && s[4] == '-' && s[7] == '-') {
    int month = 0;
    int day = 0;
    if (read_number(s, 5, 2, month) == 2 && read_number(s, 8, 2, day) == 2 && is_valid_day(a, month, day)) {
      return {{a, month, day}, 10};
    }
    return none;
  }
  // Month D, YYYY | Month YYYY
  std::size_t month_len = 0;
  if (const int month = month_prefix(s, month_len); month != 0) {
    std::size_t i = skip_spaces(s, month_len);
    if (i == month_len) return none;
    int value = 0;
    const std::size_t n = read_number(s, i, 4, value);
    if (n == 4) return {{value, month, 0}, i + 4};
    if (n == 0 || n > 2) return none;
    std::size_t j = i + n;
    if (j < s.size() && s[j] == ',') ++j;
    j = skip_spaces(s, j);
    int year = 0;
    if (read_number(s, j, 4, year) == 4 && is_valid_day(year, month, value)) return {{year, month, value}, j + 4};
    return none;
  }
  // D Month YYYY
  if (const std::size_t n = read_number(s, 0, 2, a); n > 0) {
    std::size_t i = skip_spaces(s, n);
    if (i == n) return none;
    const int month = month_prefix(s.substr(i), month_len);
    if (month == 0) return none;
    i = skip_spaces(s, i + month_len);
    int year = 0;
    if (read_number(s, i, 4, year) == 4 && is_valid_day(year, month, a)) return {{year, month, a}, i + 4};
  }
  return none;
}

DocumentMeta find_metadata(std::string_view text) {
  DocumentMeta meta;
  bool body_started = false;
  std::size_t seen = 0;
  std::size_t line_start = 0;
  for (const std::string_view raw : split_lines(text)) {
    const std::size_t this_start = line_start;
    line_start += raw.size() + 1;
    const std::string_view line = trim(raw);
    if (line.empty()) continue;
    if (++seen > max_header_lines) break;
    if (starts_with_any(line, {"Last update", "Last updated", "Updated", "Modified"})) {
      if (auto d = find_date_in(line)) meta.date_modified = *d;
      continue;
    }
    if (auto author = byline_author(line)) {
      if (!meta.author) {
        meta.author = *author;
        const std::size_t at = this_start + static_cast<std::size_t>(line.data() - raw.data()) + 3;
        const auto begin = code_points_before(text, at);
        meta.author_span = Span{begin, begin + code_points_before(*author, author->size())};
      }
      if (auto d = find_date_in(line); d && !meta.date_published) meta.date_published = *d;
      continue;
    }
    if (starts_with_any(line, {"Published", "Posted"}) || (is_time_or_date_line(line) && find_date_in(line))) {
      if (auto d = find_date_in(line); d && !meta.date_published) meta.date_published = *d;
      continue;
    }
    if (body_started || meta.headline) continue;
    if (looks_like_body_paragraph(line)) {
      body_started = true;
      continue;
    }
    if (!is_time_or_date_line(line) && looks_like_headline(line)) {
      const std::string_view title = strip_title_suffix(line);
      meta.headline = std::string(title);
      const std::size_t at = this_start + static_cast<std::size_t>(line.data() - raw.data());
      const auto begin = code_points_before(text, at);
      meta.headline_span = Span{begin, begin + code_points_before(title, title.size())};
    }
  }
  return meta;
}

}  // namespace nkg::ingest
