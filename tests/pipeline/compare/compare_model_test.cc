#include "pipeline/compare/compare_model.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

namespace uprx::pipeline {
namespace {

// A model file with every feature at mean 0, scale 1 and the given weight for "words".
std::string ModelFile(const std::string& words_weight, const std::string& repeat = "0.8",
                      const std::string& partial = "0.4") {
  std::string out = "# test\n";
  for (const char* name : kPairFeatureNames) {
    out += std::string("feature\t") + name + "\t0\t1\t" +
           (std::string(name) == "words" ? words_weight : "0") + "\n";
  }
  return out + "bias\t-\t-\t-\t0\nthreshold\trepeat\t-\t-\t" + repeat +
         "\nthreshold\tpartial\t-\t-\t" + partial + "\n";
}

TEST(CompareModel, ReadsWeightsAndThresholds) {
  const core::Result<CompareModel> m = CompareModel::Parse(ModelFile("2"), "m.tsv");
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  EXPECT_DOUBLE_EQ(m.value().repeat_threshold(), 0.8);
  EXPECT_DOUBLE_EQ(m.value().partial_threshold(), 0.4);
  FeatureVector f{};
  EXPECT_DOUBLE_EQ(m.value().Probability(f), 0.5);  // logit 0
  f[0] = 1;                                         // words
  EXPECT_NEAR(m.value().Probability(f), 1 / (1 + std::exp(-2.0)), 1e-12);
}

TEST(CompareModel, BadFilesNameTheLine) {
  const struct {
    std::string tsv;
    const char* part;
  } cases[] = {
      {ModelFile("x"), "m.tsv:2: 'x' is not a number"},
      {"feature\tcolour\t0\t1\t1\n", "m.tsv:1: unknown feature 'colour'"},
      {"feature\twords\t0\t0\t1\n", "m.tsv:1: mean and scale"},
      {"feature\twords\t0\t1\n", "m.tsv:1: expected 5"},
      {"feature\twords\t0\t1\t1\nfeature\twords\t0\t1\t1\n", "m.tsv:2: feature words given twice"},
      {ModelFile("1", "1.5"), "a threshold must be in (0, 1)"},
      {ModelFile("1", "0.3", "0.6"), "the partial threshold is above the repeat one"},
      {"bias\t-\t-\t-\t0\n", "feature words missing"},
  };
  for (const auto& c : cases) {
    const core::Result<CompareModel> m = CompareModel::Parse(c.tsv, "m.tsv");
    ASSERT_FALSE(m.ok()) << c.tsv;
    EXPECT_NE(m.status().message().find(c.part), std::string::npos) << m.status().message();
  }
}

TEST(CompareModel, TrainingLearnsWhichSideOfAFeatureIsLinked) {
  std::vector<LabelledPair> pairs;
  for (int i = 0; i < 40; ++i) {
    LabelledPair p;
    p.features[0] = i / 40.0;                // words: high for linked pairs
    p.features[8] = i % 2 == 0 ? 1.0 : 0.0;  // instr_conflict: noise
    p.linked = i >= 20;
    pairs.push_back(p);
  }
  const CompareModel m = CompareModel::Train(pairs);
  EXPECT_GT(m.weights()[0], 0);
  FeatureVector low{}, high{};
  low[0] = 0.1, high[0] = 0.9;
  EXPECT_LT(m.Probability(low), 0.5);
  EXPECT_GT(m.Probability(high), 0.5);
  // What Serialize writes, Parse reads back to the same probabilities.
  const core::Result<CompareModel> back =
      CompareModel::Parse(m.WithThresholds(0.7, 0.3).Serialize({"note"}), "back.tsv");
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_NEAR(back.value().Probability(high), m.Probability(high), 1e-5);
  EXPECT_DOUBLE_EQ(back.value().repeat_threshold(), 0.7);
}

TEST(CompareModel, TheShippedModelLoads) {
  const core::Result<CompareModel> m = CompareModel::LoadDefault();
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  EXPECT_GT(m.value().repeat_threshold(), m.value().partial_threshold());
}

}  // namespace
}  // namespace uprx::pipeline
