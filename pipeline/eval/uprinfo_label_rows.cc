#include "pipeline/eval/uprinfo_label_rows.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <limits>

#include "pipeline/eval/uprinfo_eval.h"

namespace uprx::pipeline {
namespace {

int ToInt(std::string_view s, int fallback) {
  int value = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  return ec == std::errc() && end == s.data() + s.size() ? value : fallback;
}

}  // namespace

std::vector<std::string> SplitIssueNames(std::string_view cell) {
  std::vector<std::string> names;
  std::size_t start = 0;
  while (start <= cell.size()) {
    std::size_t comma = cell.find(',', start);
    if (comma == std::string_view::npos) comma = cell.size();
    std::string_view name = cell.substr(start, comma - start);
    while (!name.empty() && std::isspace(static_cast<unsigned char>(name.front()))) {
      name.remove_prefix(1);
    }
    while (!name.empty() && std::isspace(static_cast<unsigned char>(name.back()))) {
      name.remove_suffix(1);
    }
    if (!name.empty()) names.emplace_back(name);
    start = comma + 1;
  }
  return names;
}

core::Result<std::vector<LabelledRow>> ParseLabelledRows(std::string_view bytes,
                                                         std::string_view name) {
  auto text = LabelTextToUtf8(bytes, name);
  if (!text.ok()) return text.status();
  auto records = ParseCsv(text.value(), name);
  if (!records.ok()) return records.status();
  const std::vector<CsvRecord>& rec = records.value();
  if (rec.empty()) return std::vector<LabelledRow>{};
  const std::vector<std::string>& header = rec[0].fields;
  auto column = [&](std::string_view c) {
    return static_cast<std::size_t>(std::find(header.begin(), header.end(), c) - header.begin());
  };
  const std::size_t to = column("To"), from = column("From"), text_col = column("Text"),
                    action = column("Action"), issue = column("Issue"), session = column("Session");
  if (text_col >= header.size() || session >= header.size()) {
    return core::Status("labels_invalid", std::string(name) + ":1: no Text or Session column");
  }
  auto field = [](const CsvRecord& r, std::size_t i) {
    return i < r.fields.size() ? r.fields[i] : std::string();
  };
  std::vector<LabelledRow> rows;
  for (std::size_t i = 1; i < rec.size(); ++i) {
    const CsvRecord& r = rec[i];
    if (to < header.size() && from < header.size() && field(r, to) == field(r, from)) continue;
    const std::string issues = field(r, issue);
    rows.push_back({field(r, text_col), field(r, action), issues, SplitIssueNames(issues),
                    ToInt(field(r, session), 0), std::string(name) + ":" + std::to_string(r.line)});
  }
  return rows;
}

core::Result<std::vector<LabelledRow>> LoadLabelledRows(const std::string& path) {
  auto files = ReadLabelFiles(path);
  if (!files.ok()) return files.status();
  std::vector<LabelledRow> rows;
  for (const LabelFile& file : files.value()) {
    auto parsed = ParseLabelledRows(file.bytes, file.name);
    if (!parsed.ok()) return parsed.status();
    for (LabelledRow& r : parsed.value()) rows.push_back(std::move(r));
  }
  return rows;
}

core::Result<SessionRange> ParseSessionRange(std::string_view text) {
  if (text == "all") return SessionRange{0, std::numeric_limits<int>::max()};
  const std::size_t dash = text.find('-');
  const int first = ToInt(text.substr(0, dash), -1);
  const int last = dash == std::string_view::npos ? first : ToInt(text.substr(dash + 1), -1);
  if (first < 0 || last < first) {
    return core::Status("usage", "sessions '" + std::string(text) + "': expected all, N or N-M");
  }
  return SessionRange{first, last};
}

}  // namespace uprx::pipeline
