// The learned combination `uprx compare` scores a pair of recommendations with: a logistic
// regression over the pair's features (PairScorer, compare_score.h), with the two thresholds
// that turn its probability into a repeat, a partial link or nothing.
//
//   core::Result<CompareModel> model = CompareModel::LoadDefault();   // compare_model.tsv
//   double p = model.value().Probability(features);                  // P(same or partial)
//   if (p >= model.value().repeat_threshold()) { ... a repeat ... }
//
// The model file is written by `uprx eval --compare-gold ... --write-model FILE`, which trains
// on every judged pair and chooses both thresholds by leave-one-review-pair-out validation
// (compare_eval.h); it is embedded in the binary and checked at load (an error names
// `file:line` and why). Train() is deterministic: the same examples give the same file.
#ifndef UPRX_PIPELINE_COMPARE_COMPARE_MODEL_H_
#define UPRX_PIPELINE_COMPARE_COMPARE_MODEL_H_

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/core/status.h"

namespace uprx::pipeline {

// The features, in the order of FeatureVector; compare_model.tsv names them.
// A table; clang-format would put one name a line.
// clang-format off
inline constexpr std::array<const char*, 25> kPairFeatureNames = {
    "words",           "cover",           "phrases",         "terms",
    "themes",          "issues",          "same_action",     "instr_shared",
    "instr_conflict",  "groups_differ",   "topic_shared",    "topic_conflict",
    "main_new_in_old", "main_old_in_new", "main_min",        "length_ratio",
    "same_state",      "vec_cos",         "soft_new_in_old", "soft_old_in_new",
    "family_shared",   "main_new_rest",   "main_old_rest",   "object_new_in_old",
    "object_old_in_new"};
// clang-format on
inline constexpr std::size_t kPairFeatures = kPairFeatureNames.size();
using FeatureVector = std::array<double, kPairFeatures>;

struct LabelledPair {
  FeatureVector features{};
  bool linked = false;  // judged same or partial
};

struct ModelTrainOptions {
  int iterations = 500;
  double learning_rate = 0.5;
  double l2 = 1.0;  // L2 penalty on the standardised weights: the summed loss plus l2/2 * |w|^2
};

class CompareModel {
 public:
  [[nodiscard]] static core::Result<CompareModel> Parse(std::string_view tsv,
                                                        std::string_view source);
  // The compare_model.tsv compiled into the binary.
  [[nodiscard]] static core::Result<CompareModel> LoadDefault();
  // Logistic regression on standardised features, full-batch gradient descent from zero.
  // Thresholds are set to 0.5 and 0.5; the caller chooses them (WithThresholds).
  static CompareModel Train(const std::vector<LabelledPair>& pairs,
                            const ModelTrainOptions& options = {});

  CompareModel WithThresholds(double repeat, double partial) const;
  // P(linked) for these features, in (0, 1).
  double Probability(const FeatureVector& features) const;
  // The TSV Parse() reads, with a comment line per entry of `notes`.
  std::string Serialize(const std::vector<std::string>& notes = {}) const;

  double repeat_threshold() const { return repeat_threshold_; }
  double partial_threshold() const { return partial_threshold_; }
  // The weight of each feature on the standardised scale (how much one standard deviation of
  // the feature moves the log-odds), in kPairFeatureNames order.
  const FeatureVector& weights() const { return weight_; }

 private:
  FeatureVector mean_{}, scale_{}, weight_{};
  double bias_ = 0;
  double repeat_threshold_ = 0.5, partial_threshold_ = 0.5;
};

}  // namespace uprx::pipeline

#endif  // UPRX_PIPELINE_COMPARE_COMPARE_MODEL_H_
