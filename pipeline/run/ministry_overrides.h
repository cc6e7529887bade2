// Manual decisions of a human-rights committee on who implements a recommendation, kept in a
// CSV file and applied after classification on every run, so that they survive re-runs.
//
//   auto f = ReadMinistryOverrides("khm-overrides.csv");
//   OverrideReport r = ApplyMinistryOverrides(f.value(), reviews, stage);
//   for (const std::string& p : r.problems) std::cerr << p << "\n";
//
// File: RFC 4180 CSV with a header naming the columns id, lead, supporting and optionally note
// (any order, case ignored); lines starting with '#' are comments. One row per recommendation:
//   id          the recommendation id as in the JSON ("KHM-c2-118.98")
//   lead        an institution id or abbreviation of the review's profile, or NONE; empty keeps
//               the lead the rules gave
//   supporting  ids separated by ';'; empty keeps the rules' supporting institutions; "-" means
//               none
//   note        free text, added to the evidence
// Applied labels have method "manual", score 1 and the evidence "<file>:<line>" (+ the note).
// Problems (an id no review has, an institution the profile does not know, a duplicate row) are
// returned and added to the review as warning diagnostics ("override_unknown_id",
// "override_unknown_institution", "override_duplicate"); the rest of the row still applies.
#ifndef UPRX_PIPELINE_RUN_MINISTRY_OVERRIDES_H_
#define UPRX_PIPELINE_RUN_MINISTRY_OVERRIDES_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "classifiers/ministry_assigner.h"
#include "classifiers/review_classifier.h"
#include "pipeline/core/document.h"
#include "pipeline/core/status.h"

namespace uprx::pipeline {

struct MinistryOverride {
  std::string id;
  std::string lead;                     // "" keeps the computed lead
  std::vector<std::string> supporting;  // used when replace_supporting
  bool replace_supporting = false;
  std::string note;
  int line = 0;
};

struct MinistryOverrides {
  std::string source;  // the file name, as it appears in evidence and messages
  std::vector<MinistryOverride> rows;
};

// "overrides_invalid" naming source:line for a missing column or a row without an id.
[[nodiscard]] core::Result<MinistryOverrides> ParseMinistryOverrides(std::string_view text,
                                                                     std::string_view source);
// "unreadable" when the file cannot be read.
[[nodiscard]] core::Result<MinistryOverrides> ReadMinistryOverrides(const std::string& path);

struct OverrideReport {
  std::size_t applied = 0;            // recommendations changed
  std::vector<std::string> problems;  // one line each, "file:line: why"
};

// Applies `overrides` to labels.ministries of the reviews; `stage` gives each review's profile.
OverrideReport ApplyMinistryOverrides(const MinistryOverrides& overrides,
                                      std::vector<core::Review>& reviews,
                                      const classifiers::MinistryStage& stage);

// The committee steps of `run --profile`: applies the overrides file (problems to stderr) and
// writes the per-institution summary; does nothing for an empty path or without a ministries
// stage. Fails on an unreadable or invalid overrides file or an unwritable summary.
core::Status ApplyMinistryOptions(const std::string& overrides_path,
                                  const std::string& summary_path,
                                  const std::optional<classifiers::ReviewClassifier>& classifier,
                                  std::vector<core::Review>& reviews);

}  // namespace uprx::pipeline

#endif  // UPRX_PIPELINE_RUN_MINISTRY_OVERRIDES_H_
