// TSV data files (ontology/lexicon/*.tsv): rows of tab-separated fields with their line numbers.
//
// Blank lines and '#' comment lines are skipped, and so is the header row (the first line that
// is neither). A row with fewer than `min_fields` fields is reported as bad_data at its line.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.hpp"

namespace nkg {

struct TsvRow {
  std::vector<std::string_view> fields;  // views into the file's text
  std::uint64_t line = 0;                // 1-based
};

[[nodiscard]] inline Result<std::vector<TsvRow>> read_tsv(std::string_view tsv, std::string_view name,
                                                          std::size_t min_fields) {
  std::vector<TsvRow> rows;
  bool header_seen = false;
  std::uint64_t line_no = 0;
  std::size_t start = 0;
  while (start < tsv.size()) {
    std::size_t end = tsv.find('\n', start);
    if (end == std::string_view::npos) end = tsv.size();
    std::string_view line = tsv.substr(start, end - start);
    start = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    if (!header_seen) {
      header_seen = true;
      continue;
    }
    TsvRow row;
    row.line = line_no;
    std::size_t field_start = 0;
    while (true) {
      const std::size_t tab = line.find('\t', field_start);
      row.fields.push_back(line.substr(field_start, tab == std::string_view::npos ? tab : tab - field_start));
      if (tab == std::string_view::npos) break;
      field_start = tab + 1;
    }
    if (row.fields.size() < min_fields) {
      return Status{StatusCode::bad_data,
                    "expected " + std::to_string(min_fields) + " tab-separated fields, found " +
                        std::to_string(row.fields.size()),
                    {std::string(name), line_no, 1}};
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace nkg
