// The table of an OHCHR thematic list as the DOCX reader gives it (a row is one line, its cells
// separated by '\t'), read into recommendation rows and column roles for the
// ThematicListExtractor.
//
//   ThematicTable t = ReadThematicTable(normalized.text, Patterns::Default());
//   for (const ThematicRow& row : t.rows) use(t.Cell(row, ThematicColumn::kPosition));
//
// Column roles come from the header row ("Recommendation", "Recommending state/s",
// "Position", "Full list of themes", "Relevant SDGs"); without one, from the first row: the
// first cell after the text that holds a position is the position column, cells before it name
// States, cells after it hold labels. A row whose first cell opens with a number ("140.7",
// "186.28.") is a recommendation; a later table row without a number continues it cell by cell;
// a line without cells (a theme-group heading, text around the table) ends it.
#ifndef UPRX_EXTRACTORS_THEMATIC_LIST_TABLE_H_
#define UPRX_EXTRACTORS_THEMATIC_LIST_TABLE_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/patterns.h"
#include "pipeline/core/position_value.h"

namespace uprx::extractors {

enum class ThematicColumn { kRecommendation, kStates, kPosition, kThemes, kSdgs, kOther };

// One recommendation: its cells, with any continuation rows appended, and its span in the text.
struct ThematicRow {
  std::vector<std::string> cells;  // trimmed; cells[0] opens with the number
  std::size_t begin = 0, end = 0;
};

struct ThematicTable {
  std::vector<ThematicColumn> columns;  // empty when no header and no position cell was seen
  std::vector<ThematicRow> rows;        // document order

  // The row's cell in the first column of that role; empty when there is none.
  std::string_view Cell(const ThematicRow& row, ThematicColumn column) const;
};

ThematicTable ReadThematicTable(const std::string& text, const Patterns& p);

// The position a cell states ("Supported/Noted" is supported in part); nullopt when it states
// none.
std::optional<core::PositionValue> ThematicPositionValue(std::string_view cell, const Patterns& p);

// The recommendation cell: "140.7 Text (France); Source of Position: A/HRC/59/15/Add.1 - Para.3"
// -> number "140.7" (a trailing period is printed only), body up to the note, the note.
struct ThematicTextCell {
  int paragraph = 0;
  std::string number, printed;
  std::string_view body, note;  // views into the cell
};
ThematicTextCell ParseThematicTextCell(std::string_view cell, const Patterns& p);

// `s` without leading and trailing `chars`.
std::string_view TrimChars(std::string_view s, std::string_view chars = " \t");

}  // namespace uprx::extractors

#endif  // UPRX_EXTRACTORS_THEMATIC_LIST_TABLE_H_
