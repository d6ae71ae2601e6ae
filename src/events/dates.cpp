// Dates in news text, as precise as the text allows.
#include <array>
#include <string>

#include "events/events.hpp"
#include "lexicon/lexicon.hpp"
#include "text/text.hpp"

namespace nkg::events {

namespace {

constexpr std::array<std::string_view, 12> months{"january", "february", "march",     "april",   "may",      "june",
                                                  "july",    "august",   "september", "october", "november", "december"};
constexpr std::array<std::string_view, 7> weekdays{"monday", "tuesday", "wednesday", "thursday",
                                                   "friday", "saturday", "sunday"};

/// ASCII lower case (month and weekday names are ASCII; other bytes stay as they are).
std::string lower(std::string_view s) { return lexicon::ascii_lower(s); }

/// 1-12 for a month name or its usual abbreviation ("Sept", "Aug"), else 0.
int month_of(std::string_view word) {
  const std::string w = lower(word);
  for (std::size_t m = 0; m < months.size(); ++m) {
    if (w == months[m]) return static_cast<int>(m) + 1;
    if (w.size() >= 3 && w.size() <= 4 && months[m].substr(0, w.size()) == w && w != "mar" && w != "may") {
      return static_cast<int>(m) + 1;
    }
  }
  return w == "mar" ? 3 : 0;
}

/// 0 (Monday) .. 6 (Sunday), or -1.
int weekday_of(std::string_view word) {
  const std::string w = lower(word);
  for (std::size_t d = 0; d < weekdays.size(); ++d) {
    if (w == weekdays[d]) return static_cast<int>(d);
  }
  return -1;
}

int number_of(std::string_view w) {
  if (w.empty() || w.size() > 4) return -1;
  int n = 0;
  for (const char c : w) {
    if (c < '0' || c > '9') return -1;
    n = n * 10 + (c - '0');
  }
  return n;
}

bool is_year(int n) { return n >= 1900 && n <= 2100; }

int days_in_month(int year, int month) {
  static constexpr std::array<int, 12> days{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : days[static_cast<std::size_t>(month - 1)];
}

}  // namespace

long days_from_civil(int year, int month, int day) {
  // Howard Hinnant's algorithm.
  year -= month <= 2 ? 1 : 0;
  const long era = (year >= 0 ? year : year - 399) / 400;
  const long yoe = year - era * 400;
  const long doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

PartialDate civil_from_days(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  const long d = doy - (153 * mp + 2) / 5 + 1;
  const long m = mp < 10 ? mp + 3 : mp - 9;
  const long y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return {static_cast<int>(y), static_cast<int>(m), static_cast<int>(d)};
}

std::vector<DateMention> find_dates(std::string_view text, const Segmentation& seg,
                                    const std::optional<PartialDate>& published) {
  std::vector<DateMention> out;
  const auto& tokens = seg.tokens;
  auto word = [&](std::size_t i) { return i < tokens.size() ? text::token_text(text, tokens[i]) : std::string_view{}; };
  const bool full_published = published && published->month > 0 && published->day > 0;
  // A month and day without a year belong to the publication year when they are not after it.
  auto year_for = [&](int month, int day) -> int {
    if (!full_published) return 0;
    if (month < published->month || (month == published->month && (day == 0 || day <= published->day))) {
      return published->year;
    }
    return 0;
  };
  auto add = [&](std::size_t begin, std::size_t end, PartialDate d, bool relative) {
    if (d.year == 0) return;
    out.push_back({d, {tokens[begin].span.begin_cp, tokens[end - 1].span.end_cp}, relative});
  };
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const int month = month_of(word(i));
    // "May" and "March" are dates only next to a number, a year or "in"/"mid-".
    if (month > 0) {
      std::size_t k = i + 1;
      if (word(k) == ".") ++k;  // "Aug."
      const int day = number_of(word(k));
      if (day >= 1 && day <= 31) {
        std::size_t end = k + 1;
        if (word(end) == "-" && number_of(word(end + 1)) >= 1 && number_of(word(end + 1)) <= 31) end += 2;  // 13-14
        int year = 0;
        if (word(end) == "," && is_year(number_of(word(end + 1)))) {
          year = number_of(word(end + 1));
          end += 2;
        } else if (is_year(number_of(word(end)))) {
          year = number_of(word(end));
          end += 1;
        }
        const bool relative = year == 0;
        if (year == 0) year = year_for(month, day);
        if (year != 0 && day <= days_in_month(year, month)) add(i, end, {year, month, day}, relative);
        i = end - 1;
        continue;
      }
      if (is_year(number_of(word(k)))) {  // "January 2022"
        add(i, k + 1, {number_of(word(k)), month, 0}, false);
        i = k;
        continue;
      }
      const std::string before = i > 0 ? lower(word(i - 1)) : std::string();
      const bool mid = i > 1 && word(i - 1) == "-" && (lower(word(i - 2)) == "mid" || lower(word(i - 2)) == "early" ||
                                                       lower(word(i - 2)) == "late");
      if (mid || before == "in" || before == "early" || before == "late" || before == "since") {
        const int year = year_for(month, 0);
        if (year != 0) add(mid ? i - 2 : i, i + 1, {year, month, 0}, true);
      }
      continue;
    }
    // "21 August 2024"
    const int n = number_of(word(i));
    if (n >= 1 && n <= 31 && month_of(word(i + 1)) > 0 && is_year(number_of(word(i + 2)))) {
      const int m = month_of(word(i + 1));
      const int y = number_of(word(i + 2));
      if (n <= days_in_month(y, m)) add(i, i + 3, {y, m, n}, false);
      i += 2;
      continue;
    }
    // "in 2002", "from 2018 to 2022", "since 1991"
    if (is_year(n) && tokens[i].end_byte - tokens[i].begin_byte == 4 && i > 0) {
      const std::string before = lower(word(i - 1));
      if (before == "in" || before == "since" || before == "from" || before == "to" || before == "until" ||
          before == "of" || before == "by" || before == "early" || before == "late" || before == "and") {
        add(i, i + 1, {n, 0, 0}, false);
      }
      continue;
    }
    // "on Wednesday", "this Saturday", "last Friday": the day in the week up to publication.
    const int wd = weekday_of(word(i));
    if (wd >= 0 && full_published) {
      const long pub = days_from_civil(published->year, published->month, published->day);
      const int pub_wd = static_cast<int>(((pub % 7) + 7 + 3) % 7);  // 1970-01-01 was a Thursday (3)
      const long back = (pub_wd - wd + 7) % 7;
      const std::string before = i > 0 ? lower(word(i - 1)) : std::string();
      if (before == "next") continue;  // the future is not certain enough to resolve
      const std::size_t begin = (before == "on" || before == "this" || before == "last") ? i - 1 : i;
      add(begin, i + 1, civil_from_days(pub - back), true);
      continue;
    }
    const std::string w = lower(word(i));
    if (full_published && (w == "yesterday" || w == "today")) {
      const long pub = days_from_civil(published->year, published->month, published->day);
      add(i, i + 1, civil_from_days(w == "today" ? pub : pub - 1), true);
    }
  }
  return out;
}

}  // namespace nkg::events
