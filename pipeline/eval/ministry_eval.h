// Scores labels.ministries against a hand-made gold set (corpora/ministries_gold.tsv):
// lead-institution accuracy, supporting-institution precision and recall, and the pairs of
// institutions most often confused, for the whole set and for each of its parts ("tuning",
// "heldout"). `uprx eval --ministries-gold GOLD.tsv REVIEW.json...` runs it.
//
// Gold file: TSV with the header id, lead, supporting, reason[, part]; '#' lines are comments;
// supporting ids are separated by ';'. A gold id no review has counts as a wrong lead and its
// supporting institutions as missed (and is listed).
#ifndef UPRX_PIPELINE_EVAL_MINISTRY_EVAL_H_
#define UPRX_PIPELINE_EVAL_MINISTRY_EVAL_H_

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "pipeline/core/document.h"
#include "pipeline/core/status.h"

namespace uprx::pipeline {

struct MinistryGoldRow {
  std::string id, lead;
  std::vector<std::string> supporting;
  std::string reason, part;
  int line = 0;
};

// "gold_invalid" naming file:line for a missing column, a row with the wrong number of fields
// or without a lead.
[[nodiscard]] core::Result<std::vector<MinistryGoldRow>> ParseMinistryGold(std::string_view text,
                                                                           std::string_view source);
[[nodiscard]] core::Result<std::vector<MinistryGoldRow>> ReadMinistryGold(const std::string& path);

struct MinistryPartScore {
  int rows = 0, missing = 0, lead_correct = 0, predicted_none = 0;
  int support_tp = 0, support_fp = 0, support_fn = 0;
  std::map<std::pair<std::string, std::string>, std::vector<std::string>>
      confusions;  // (gold, predicted) -> ids
  double lead_accuracy() const { return rows ? static_cast<double>(lead_correct) / rows : 0; }
  double support_precision() const {
    return support_tp + support_fp ? static_cast<double>(support_tp) / (support_tp + support_fp)
                                   : 0;
  }
  double support_recall() const {
    return support_tp + support_fn ? static_cast<double>(support_tp) / (support_tp + support_fn)
                                   : 0;
  }
};

// By part: "all" and each part named in the gold ("tuning", "heldout").
std::map<std::string, MinistryPartScore> ScoreMinistries(const std::vector<MinistryGoldRow>& gold,
                                                         const std::vector<core::Review>& reviews);

// Scores the reviews in the uprx/1 files `inputs` against the gold TSV and prints the figures
// (text, or JSON with `json`) to stdout; with `failures`, writes every differing row there.
// Returns the exit code: 0, or 1 when a file cannot be read or written (named on stderr).
int RunMinistryEval(const std::string& gold_path, const std::vector<std::string>& inputs,
                    const std::string& failures, bool json);

}  // namespace uprx::pipeline

#endif  // UPRX_PIPELINE_EVAL_MINISTRY_EVAL_H_
