// Scores `uprx compare` against a gold set of judged pairs (corpora/compare_gold.tsv): precision
// and recall of "repeated" at a threshold, and the trade-off over a range of thresholds.
//
//   auto gold = ReadCompareGold("corpora/compare_gold.tsv");
//   std::vector<ReviewPair> pairs = {{&svn_c3, &svn_c4}, {&khm_c1, &khm_c2}};
//   auto eval = EvaluateCompare(gold.value(), pairs, terms, {0.3, 0.4, 0.5, 0.6});
//   for (const ThresholdScore& t : eval.value().curve) { ... t.precision(), t.recall() ... }
//
// A gold pair is positive when labelled "same" or "partial" (a partial repeat is a repeat for
// the report); the strict figures count "same" only. A pair is predicted repeated at threshold T
// when `uprx compare` with --threshold T lists it among its matches (so the cap on matches per
// recommendation counts too). A gold pair is scored against the review pair whose old review
// holds its old id and whose new review holds its new id; pairs no review holds are counted as
// unscored (ids changed, or their review was not given).
#ifndef UPRX_PIPELINE_EVAL_COMPARE_EVAL_H_
#define UPRX_PIPELINE_EVAL_COMPARE_EVAL_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/compare/compare.h"
#include "pipeline/core/document.h"
#include "pipeline/core/status.h"

namespace uprx::pipeline {

struct GoldPair {
  std::string old_id, new_id;
  std::string label;  // same | partial | different
  std::string reason;
  int line = 0;
};

// TSV with a header line "old_id new_id label reason"; '#' lines are comments. An error names
// `source:line` (wrong column count, unknown label, a pair given twice).
[[nodiscard]] core::Result<std::vector<GoldPair>> ParseCompareGold(std::string_view tsv,
                                                                   std::string_view source);
[[nodiscard]] core::Result<std::vector<GoldPair>> ReadCompareGold(const std::string& path);

struct ReviewPair {
  const core::Review* old_review;
  const core::Review* new_review;
};

struct ThresholdScore {
  double threshold = 0;
  std::size_t true_positives = 0, false_positives = 0, false_negatives = 0, true_negatives = 0;
  std::optional<double> precision() const;
  std::optional<double> recall() const;
  std::optional<double> f1() const;
};

// One gold pair as scored: its PairScore score (whatever the cap) and the decision at the
// evaluation threshold.
struct ScoredGoldPair {
  const GoldPair* gold = nullptr;
  double score = 0;
  bool predicted = false;
};

struct CompareEvaluation {
  std::size_t gold = 0, scored = 0, positives = 0, strict_positives = 0;
  std::vector<std::string> unscored;         // "old_id new_id" of pairs no review holds
  std::vector<ThresholdScore> curve;         // positive = same or partial
  std::vector<ThresholdScore> strict_curve;  // positive = same
  ThresholdScore at_threshold, strict_at_threshold;
  std::vector<ScoredGoldPair> pairs;  // at `threshold`, the scored gold pairs in gold order
};

// Status "no_gold_scored" when no gold pair belongs to the given reviews.
[[nodiscard]] core::Result<CompareEvaluation> EvaluateCompare(
    const std::vector<GoldPair>& gold, const std::vector<ReviewPair>& reviews,
    const CompareTerms& terms, const std::vector<double>& thresholds, double threshold,
    std::size_t max_matches = CompareOptions{}.max_matches);

// `uprx eval --compare-gold FILE --old A.json --new B.json [--old C --new D ...]`.
int RunCompareEvalCommand(const std::vector<std::string>& args);

}  // namespace uprx::pipeline

#endif  // UPRX_PIPELINE_EVAL_COMPARE_EVAL_H_
