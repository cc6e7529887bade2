// Scores `uprx compare` against judged pairs (corpora/compare_gold.tsv) and chooses its model:
// the logistic regression of compare_model.h, its L2 penalty and its two thresholds, by leaving one
// pair of reviews out at a time.
//
//   auto gold = ReadCompareGold("corpora/compare_gold.tsv");
//   std::vector<ReviewPair> pairs = {{&svn_c3, &svn_c4, "SVN c3->c4"}, ...};
//   auto data = CollectGold(gold.value(), pairs, terms);   // features of every scored pair
//   CompareEvaluation e = Evaluate(data.value(), model);    // the model as shipped
//   CrossValidation cv = CrossValidate(data.value());       // each review pair left out once
//
// Counting (COMPARE.md): a predicted repeat is right when the pair was judged same or partial;
// repeat recall is the share of pairs judged same that are predicted repeats. A predicted
// partial link is right when judged partial; its recall is over pairs judged partial. A new
// recommendation is "repeated" in the gold set when one of its judged pairs is same (strict) or
// same or partial (loose); predicted when `uprx compare` gives it a repeat (strict) or any link
// (loose) with any old recommendation, judged or not. "Clear" counts only the new
// recommendations whose judged pairs settle the question: one judged same (repeated) or all
// judged different (new); those with partial links only are left out, and a repeat is right
// for the first, none for the second. A gold pair belongs to the review pair
// whose old review holds its old id and whose new review holds its new id; pairs no review
// holds are listed as unscored.
#ifndef UPRX_PIPELINE_EVAL_COMPARE_EVAL_H_
#define UPRX_PIPELINE_EVAL_COMPARE_EVAL_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/compare/compare_model.h"
#include "pipeline/compare/compare_text.h"
#include "pipeline/core/document.h"
#include "pipeline/core/status.h"

namespace uprx::pipeline {

struct GoldPair {
  std::string old_id, new_id;
  std::string label;  // same | partial | different
  std::string reason;
  int line = 0;
  // True (scope "rec") when the pair was judged with every old recommendation its new one might
  // repeat, so that the new one's verdict (repeated or new) can be scored; false (scope "pair")
  // for a pair sampled on its own, which counts for the pair figures only.
  bool whole_rec = true;
};

// TSV with a header line "old_id new_id label reason" and an optional fifth column "scope"
// (rec | pair; rec when absent); '#' lines are comments. An error names `source:line` (wrong
// column count, unknown label or scope, a pair given twice).
[[nodiscard]] core::Result<std::vector<GoldPair>> ParseCompareGold(std::string_view tsv,
                                                                   std::string_view source);
[[nodiscard]] core::Result<std::vector<GoldPair>> ReadCompareGold(const std::string& path);

struct ReviewPair {
  const core::Review* old_review;
  const core::Review* new_review;
  std::string name;  // "SVN-c3 -> SVN-c4", for reports
};

// The judged pairs of one pair of reviews with their features, and the features of every old
// recommendation against each judged new one (for the recommendation-level figures).
struct GoldReviewPair {
  std::string name;
  struct Judged {
    const GoldPair* gold = nullptr;
    std::size_t new_slot = 0;  // index into `candidates`
    FeatureVector features{};
  };
  std::vector<Judged> judged;
  std::vector<std::vector<FeatureVector>> candidates;  // per judged new rec: every old rec
};

struct GoldData {
  std::vector<GoldReviewPair> review_pairs;
  std::vector<std::string> unscored;  // "old_id new_id" of pairs no review holds
};

// Status "no_gold_scored" when no gold pair belongs to the given reviews.
[[nodiscard]] core::Result<GoldData> CollectGold(const std::vector<GoldPair>& gold,
                                                 const std::vector<ReviewPair>& reviews,
                                                 const CompareTerms& terms);

struct Counts {
  std::size_t right = 0, predicted = 0, relevant = 0, found = 0;
  std::optional<double> precision() const;
  std::optional<double> recall() const;
  Counts& operator+=(const Counts& o);
};

struct CompareFigures {
  Counts repeats;   // predicted repeats right when same|partial; recall over same
  Counts partials;  // predicted partial links right when partial; recall over partial
  Counts links;     // repeat or partial predicted; right when same|partial; recall over both
  // The repeats claimed among pairs of scope "pair" (drawn at random from an earlier model's
  // claimed repeats): the precision of what the matcher outputs, not of pairs chosen by closeness.
  Counts sampled;
  std::size_t recs = 0, recs_right_strict = 0, recs_right_loose = 0;
  std::size_t recs_clear = 0, recs_right_clear = 0;
  std::optional<double> rec_accuracy_strict() const;
  std::optional<double> rec_accuracy_loose() const;
  std::optional<double> rec_accuracy_clear() const;
  CompareFigures& operator+=(const CompareFigures& o);
};

struct CurvePoint {
  double threshold = 0;
  Counts repeats;  // every pair at or above `threshold` predicted a repeat
};

struct CompareEvaluation {
  std::size_t gold = 0, scored = 0, same = 0, partial = 0;
  CompareFigures at_model;        // at the model's thresholds
  std::vector<CurvePoint> curve;  // precision-recall over thresholds
  struct Disagreement {
    const GoldPair* gold;
    double score;
    std::string predicted;  // repeat | partial | none
  };
  std::vector<Disagreement> disagreements;
};

CompareEvaluation Evaluate(const GoldData& data, const CompareModel& model,
                           const std::vector<double>& curve_thresholds);

// Trains on the review pairs `training` of `data`. The regularisation strength and both
// thresholds are chosen on held-out predictions of those review pairs (each left out in turn):
// of the strengths tried, the one that finds the most same pairs at precision 0.90.
struct ChosenModel {
  CompareModel model;
  double l2 = 1;               // the chosen ModelTrainOptions::l2
  double held_out_recall = 0;  // recall of same at the repeat threshold, held out
};
ChosenModel TrainWithThresholds(const GoldData& data, const std::vector<std::size_t>& training,
                                const std::vector<bool>& feature_mask);

struct CrossValidation {
  std::vector<std::pair<std::string, CompareFigures>> per_pair;  // on the left-out pair
  CompareFigures pooled;
};
// Leave one review pair out: train and choose thresholds on the others, score the one left out.
// `feature_mask` false drops a feature (every value read as 0), for measuring its contribution.
CrossValidation CrossValidate(const GoldData& data, const std::vector<bool>& feature_mask);

// A list of recommendation ids (corpora/compare_round6.txt): one a line, '#' lines and blank
// lines skipped. An error names the file (unreadable, or no id in it).
[[nodiscard]] core::Result<std::vector<std::string>> ReadIdList(const std::string& path);

// How the method does on new recommendations no model saw: the new recommendations `round` names
// (ids) are left out half at a time (alternating in its order); a model is trained on every
// other judged pair (TrainWithThresholds over all review pairs) and scores the half left out.
// The figures of both halves, added, and the precision-recall curve over `curve_thresholds`
// (each half scored by its own model); empty when no judged pair has a new id of `round`.
struct LeftOutRound {
  CompareFigures figures;
  std::vector<CurvePoint> curve;
};
LeftOutRound LeaveRoundOut(const GoldData& data, const std::vector<std::string>& round,
                           const std::vector<double>& curve_thresholds = {});

// `uprx eval --compare-gold FILE --old A.json --new B.json [--old C --new D ...]`.
int RunCompareEvalCommand(const std::vector<std::string>& args);

}  // namespace uprx::pipeline

#endif  // UPRX_PIPELINE_EVAL_COMPARE_EVAL_H_
