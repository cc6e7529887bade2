#include "pipeline/eval/compare_eval.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <deque>
#include <string>
#include <vector>

namespace uprx::pipeline {
namespace {

// Judged pairs whose "words" feature says the label (1 same, 0.5 partial, 0 different) and whose
// "cover" is noise, in `review_pairs` pairs of reviews. Each judged pair is its own new
// recommendation with one candidate, itself.
struct Synthetic {
  std::deque<GoldPair> gold;  // stable addresses for GoldReviewPair::Judged::gold
  GoldData data;
};

Synthetic MakeData(int review_pairs, int per_label) {
  Synthetic s;
  std::uint32_t seed = 12345;
  const auto noise = [&seed] {
    seed = seed * 1664525u + 1013904223u;
    return static_cast<double>(seed >> 8) / static_cast<double>(1u << 24);
  };
  for (int r = 0; r < review_pairs; ++r) {
    GoldReviewPair pair;
    pair.name = "R" + std::to_string(r);
    for (const auto& [label, words] :
         {std::pair<const char*, double>{"same", 1.0}, {"partial", 0.5}, {"different", 0.0}}) {
      for (int i = 0; i < per_label; ++i) {
        const std::string id = pair.name + "-" + label + "-" + std::to_string(i);
        s.gold.push_back({"old-" + id, "new-" + id, label, "synthetic", 0});
        FeatureVector f{};
        f[0] = words;    // words
        f[1] = noise();  // cover
        pair.judged.push_back({&s.gold.back(), pair.candidates.size(), f});
        pair.candidates.push_back({f});
      }
    }
    s.data.review_pairs.push_back(std::move(pair));
  }
  return s;
}

TEST(CompareEvalTraining, AFeatureThatSaysTheLabelFindsEverySameHeldOutAndLeftOut) {
  const Synthetic s = MakeData(3, 40);
  const std::vector<bool> all(kPairFeatures, true);
  const ChosenModel chosen = TrainWithThresholds(s.data, {0, 1, 2}, all);
  EXPECT_DOUBLE_EQ(chosen.held_out_recall, 1.0);
  EXPECT_GT(chosen.l2, 0);
  const CompareModel& m = chosen.model;
  for (const GoldReviewPair::Judged& j : s.data.review_pairs[0].judged) {
    const double p = m.Probability(j.features);
    if (j.gold->label == "same") {
      EXPECT_GE(p, m.repeat_threshold()) << j.gold->old_id;
    } else if (j.gold->label == "different") {
      EXPECT_LT(p, m.partial_threshold()) << j.gold->old_id;
    }
  }
  const CrossValidation cv = CrossValidate(s.data, all);
  ASSERT_EQ(cv.per_pair.size(), 3u);
  EXPECT_DOUBLE_EQ(cv.pooled.repeats.recall().value_or(0), 1.0);
  EXPECT_DOUBLE_EQ(cv.pooled.repeats.precision().value_or(0), 1.0);
}

TEST(CompareEvalTraining, WithoutTheTellingFeatureNothingReachesThePrecision) {
  const Synthetic s = MakeData(3, 40);
  std::vector<bool> mask(kPairFeatures, true);
  mask[0] = false;  // only the noise is left
  const ChosenModel chosen = TrainWithThresholds(s.data, {0, 1, 2}, mask);
  EXPECT_LT(chosen.held_out_recall, 0.5);
}

}  // namespace
}  // namespace uprx::pipeline
