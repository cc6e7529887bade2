#include "extractors/thematic_list_table.h"

#include <re2/re2.h>

#include <algorithm>
#include <optional>
#include <utility>

#include "pipeline/core/text_util.h"

namespace uprx::extractors {
namespace {

std::vector<std::string> SplitCells(std::string_view line) {
  std::vector<std::string> cells;
  for (std::size_t pos = 0;;) {
    const std::size_t tab = line.find('\t', pos);
    cells.emplace_back(
        TrimChars(line.substr(pos, tab == std::string_view::npos ? tab : tab - pos)));
    if (tab == std::string_view::npos) return cells;
    pos = tab + 1;
  }
}

}  // namespace

std::string_view TrimChars(std::string_view s, std::string_view chars) {
  while (!s.empty() && chars.find(s.front()) != std::string_view::npos) s.remove_prefix(1);
  while (!s.empty() && chars.find(s.back()) != std::string_view::npos) s.remove_suffix(1);
  return s;
}

std::optional<core::PositionValue> ThematicPositionValue(std::string_view cell, const Patterns& p) {
  using enum core::PositionValue;
  static constexpr std::pair<const char*, core::PositionValue> kOrder[] = {
      {"thematic_position_in_part", kSupportedInPart},
      {"thematic_position_noted", kNoted},
      {"thematic_position_pending", kPending},
      {"thematic_position_supported", kSupported}};
  for (const auto& [name, value] : kOrder) {
    if (RE2::PartialMatch(cell, p.Get(name))) return value;
  }
  return std::nullopt;
}

namespace {

std::optional<std::vector<ThematicColumn>> HeaderColumns(const std::vector<std::string>& cells,
                                                         const Patterns& p) {
  static constexpr std::pair<const char*, ThematicColumn> kOrder[] = {
      {"thematic_header_recommendation", ThematicColumn::kRecommendation},
      {"thematic_header_states", ThematicColumn::kStates},
      {"thematic_header_position", ThematicColumn::kPosition},
      {"thematic_header_sdgs", ThematicColumn::kSdgs},
      {"thematic_header_themes", ThematicColumn::kThemes}};
  std::vector<ThematicColumn> columns;
  for (const std::string& cell : cells) {
    columns.push_back(ThematicColumn::kOther);
    for (const auto& [name, column] : kOrder) {
      if (!RE2::PartialMatch(cell, p.Get(name))) continue;
      columns.back() = column;
      break;
    }
  }
  if (columns.front() != ThematicColumn::kRecommendation) return std::nullopt;
  for (ThematicColumn c : columns) {
    if (c == ThematicColumn::kPosition) return columns;
  }
  return std::nullopt;
}

// Without a header row: the first cell after the text that holds a position is the position
// column; cells before it name States, cells after it hold labels.
std::vector<ThematicColumn> InferColumns(const std::vector<std::string>& cells, const Patterns& p) {
  for (std::size_t i = 1; i < cells.size(); ++i) {
    if (!ThematicPositionValue(cells[i], p)) continue;
    std::vector<ThematicColumn> columns(cells.size(), ThematicColumn::kThemes);
    columns[0] = ThematicColumn::kRecommendation;
    for (std::size_t j = 1; j < i; ++j) columns[j] = ThematicColumn::kStates;
    columns[i] = ThematicColumn::kPosition;
    return columns;
  }
  return {};
}

}  // namespace

ThematicTable ReadThematicTable(const std::string& text, const Patterns& p) {
  ThematicTable t;
  bool open = false;  // a recommendation row was the last table row
  for (std::size_t begin = 0, end = 0; begin < text.size(); begin = end + 1) {
    end = std::min(text.find('\n', begin), text.size());
    const std::string_view line = std::string_view(text).substr(begin, end - begin);
    if (line.find('\t') == std::string_view::npos) {  // a heading row or text around the table
      open = false;
      continue;
    }
    std::vector<std::string> cells = SplitCells(line);
    if (RE2::PartialMatch(cells[0], p.Get("thematic_number_cs"))) {
      if (t.columns.empty()) t.columns = InferColumns(cells, p);
      t.rows.push_back({std::move(cells), begin, end});
      open = true;
    } else if (open) {  // a recommendation split over two table rows
      ThematicRow& row = t.rows.back();
      row.cells.resize(std::max(row.cells.size(), cells.size()));
      for (std::size_t i = 0; i < cells.size(); ++i) {
        if (!cells[i].empty()) row.cells[i] += (row.cells[i].empty() ? "" : " ") + cells[i];
      }
      row.end = end;
    } else if (t.rows.empty()) {
      if (auto columns = HeaderColumns(cells, p)) t.columns = std::move(*columns);
    }
  }
  return t;
}

std::string_view ThematicTable::Cell(const ThematicRow& row, ThematicColumn column) const {
  for (std::size_t i = 0; i < columns.size() && i < row.cells.size(); ++i) {
    if (columns[i] == column) return row.cells[i];
  }
  return {};
}

ThematicTextCell ParseThematicTextCell(std::string_view cell, const Patterns& p) {
  ThematicTextCell out;
  re2::StringPiece sp(cell.data(), cell.size());
  std::string paragraph, item, dot;
  RE2::Consume(&sp, p.Get("thematic_number_cs"), &paragraph, &item, &dot);
  out.paragraph = core::ParseBoundedInt(paragraph, 0, kMaxNumberPart).value_or(0);
  out.number = paragraph + "." + item;
  out.printed = out.number + dot;
  out.body = std::string_view(sp.data(), sp.size());
  re2::StringPiece note;
  if (RE2::PartialMatch(sp, p.Get("thematic_position_note"), &note)) {
    out.body = TrimChars(cell.substr(sp.data() - cell.data(), note.data() - sp.data()));
    out.note = TrimChars(cell.substr(note.data() - cell.data()));
  }
  return out;
}

}  // namespace uprx::extractors
