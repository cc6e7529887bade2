// The labelled texts of the UPR Info export (Text, Action, Issue, Session) for training and
// evaluating classifiers, read with the CSV and encoding functions of uprinfo_eval.h.
//
//   auto rows = LoadLabelledRows("../shared/corpora/labels/uprinfo");   // a directory or a file
//   auto range = ParseSessionRange("17-20");
//   for (const LabelledRow& r : rows.value()) if (range.value().Contains(r.session)) ...
#ifndef UPRX_PIPELINE_EVAL_UPRINFO_LABEL_ROWS_H_
#define UPRX_PIPELINE_EVAL_UPRINFO_LABEL_ROWS_H_

#include <string>
#include <string_view>
#include <vector>

#include "pipeline/core/status.h"

namespace uprx::pipeline {

struct LabelledRow {
  std::string text;
  std::string action;                    // "1".."5", "" when the row has none
  std::string issues;                    // the Issue column as written (comma-separated)
  std::vector<std::string> issue_names;  // the Issue column split at commas, trimmed, no empties
  int session = 0;                       // WG session, 0 when not a number
  std::string origin;                    // "14-17.csv:123"
};

// Every row of `path` (a CSV file, or every *.csv in a directory, sorted by name) except
// voluntary pledges (From is the State under review). Fails ("labels_invalid") on a file
// without the Text or Session column, naming it; "unreadable" as ReadLabelFiles says.
[[nodiscard]] core::Result<std::vector<LabelledRow>> LoadLabelledRows(const std::string& path);
// The same over contents (`name` appears in errors and origins).
[[nodiscard]] core::Result<std::vector<LabelledRow>> ParseLabelledRows(std::string_view bytes,
                                                                       std::string_view name);

// A comma-separated Issue cell as its names, trimmed, empty ones left out ("Justice, NHRI" ->
// {"Justice", "NHRI"}). No UPR Info issue name has a comma in it.
std::vector<std::string> SplitIssueNames(std::string_view cell);

// Inclusive WG session range: "all", "N" or "N-M". Usage error message otherwise.
struct SessionRange {
  int first = 0, last = 0;  // "all": 0 and a large number
  bool Contains(int session) const { return session >= first && session <= last; }
};
[[nodiscard]] core::Result<SessionRange> ParseSessionRange(std::string_view text);

}  // namespace uprx::pipeline

#endif  // UPRX_PIPELINE_EVAL_UPRINFO_LABEL_ROWS_H_
