#include "classifiers/multi_label_model.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace uprx::classifiers {
namespace {

// Two labels that each follow a word, one that needs both, across four groups (folds).
std::vector<MultiLabelExample> Synthetic() {
  std::vector<MultiLabelExample> examples;
  for (int i = 0; i < 40; ++i) {
    const std::string noise = "w=noise" + std::to_string(i % 5);
    examples.push_back({{"w=torture", noise}, {"torture"}, i});
    examples.push_back({{"w=prison", noise}, {"detention"}, i});
    examples.push_back({{"w=torture", "w=prison", noise}, {"torture", "detention"}, i});
    examples.push_back({{"w=ratify", noise}, {"instruments"}, i});
  }
  return examples;
}

const std::vector<std::string> kLabels = {"detention", "instruments", "torture"};
// The default penalty suits 30,000 texts; 160 need a lighter one to learn their weights.
constexpr MultiLabelTrainOptions kSmall = {.epochs = 10, .l2 = 1e-4};

std::vector<std::string> Given(const MultiLabelModel& m, const std::vector<std::string>& f) {
  std::vector<std::string> out;
  for (const LabelProbability& p : m.Predict(f)) out.push_back(p.label);
  std::sort(out.begin(), out.end());
  return out;
}

TEST(MultiLabelModel, LearnsEachLabelOnItsOwn) {
  const MultiLabelModel m = MultiLabelModel::Train(Synthetic(), kLabels, kSmall);
  EXPECT_EQ(m.labels(), kLabels);
  EXPECT_EQ(Given(m, {"w=torture"}), (std::vector<std::string>{"torture"}));
  EXPECT_EQ(Given(m, {"w=prison", "w=torture"}),
            (std::vector<std::string>{"detention", "torture"}));
  EXPECT_EQ(Given(m, {"w=ratify", "never=seen"}), (std::vector<std::string>{"instruments"}));
  const std::vector<double> p = m.Probabilities({"w=ratify"});
  ASSERT_EQ(p.size(), 3u);
  EXPECT_GT(p[1], 0.5);
  EXPECT_LT(p[0], 0.5);
}

TEST(MultiLabelModel, NamesTheFeaturesThatDecided) {
  const MultiLabelModel m = MultiLabelModel::Train(Synthetic(), kLabels, kSmall);
  const std::vector<LabelProbability> p = m.Predict({"w=ratify", "w=noise1"});
  ASSERT_FALSE(p.empty());
  ASSERT_FALSE(p[0].top_features.empty());
  EXPECT_EQ(p[0].top_features[0], "w=ratify");
}

TEST(MultiLabelModel, ThresholdsComeFromCrossValidationOrDefaultToAHalf) {
  const MultiLabelModel tuned = MultiLabelModel::Train(Synthetic(), kLabels, {});
  const MultiLabelModel plain = MultiLabelModel::Train(Synthetic(), kLabels, {.folds = 1});
  EXPECT_EQ(plain.thresholds(), std::vector<double>(3, 0.5));
  EXPECT_DOUBLE_EQ(plain.fallback(), 1);
  for (double t : tuned.thresholds()) {
    EXPECT_GT(t, 0);
    EXPECT_LT(t, 1);
  }
}

TEST(MultiLabelModel, SerializeAndParseRoundTrip) {
  MultiLabelModel m = MultiLabelModel::Train(Synthetic(), kLabels, {.epochs = 3, .seed = 7});
  m.metadata().emplace_back("taxonomy", "uprinfo");
  const std::string text = m.Serialize();
  EXPECT_TRUE(MultiLabelModel::LooksLikeOne(text));
  auto back = MultiLabelModel::Parse(text, "m.model");
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back.value().Serialize(), text);
  EXPECT_EQ(back.value().Meta("taxonomy"), "uprinfo");
  EXPECT_EQ(back.value().Meta("absent"), "");
  EXPECT_EQ(Given(back.value(), {"w=prison"}), Given(m, {"w=prison"}));
}

TEST(MultiLabelModel, TrainingIsDeterministic) {
  EXPECT_EQ(MultiLabelModel::Train(Synthetic(), kLabels, {}).Serialize(),
            MultiLabelModel::Train(Synthetic(), kLabels, {}).Serialize());
}

TEST(MultiLabelModel, RareFeaturesAreDropped) {
  std::vector<MultiLabelExample> examples = Synthetic();
  examples.push_back({{"w=once"}, {"torture"}, 0});
  const MultiLabelModel m = MultiLabelModel::Train(examples, kLabels, {.min_count = 2});
  EXPECT_EQ(m.Serialize().find("w=once"), std::string::npos);
}

TEST(MultiLabelModel, ParseNamesTheBadLine) {
  struct Case {
    const char* text;
    const char* message;
  };
  const Case cases[] = {
      {"uprx-linear-model\t1\n", "m.model:1: not a uprx multi-label model"},
      {"uprx-multi-label-model\t2\n", "m.model:1: model format 2, this uprx reads 1"},
      {"uprx-multi-label-model\t1\nlabels\ta\tb\nthresholds\t0.5\n",
       "m.model:3: expected one number per label after thresholds"},
      {"uprx-multi-label-model\t1\nlabels\ta\nthresholds\t0.5\nbias\t0\nw\tf\t3:0.1\n",
       "m.model:5: bad weight '3:0.1' (expected label-index:weight)"},
      {"uprx-multi-label-model\t1\nlabels\ta\n", "m.model:2: no 'thresholds' or 'bias' line"},
      {"", "m.model:0: empty model file"},
  };
  for (const Case& c : cases) {
    auto m = MultiLabelModel::Parse(c.text, "m.model");
    ASSERT_FALSE(m.ok()) << c.text;
    EXPECT_EQ(m.status().code(), "model_invalid");
    EXPECT_EQ(m.status().message(), c.message) << c.text;
  }
}

TEST(WordFeatures, LowerCasedWordsAndPairs) {
  struct Case {
    const char* text;
    std::vector<std::string> features;
  };
  const Case cases[] = {
      {"Ratify OP-CAT", {"w=ratify", "b=ratify op", "w=op", "b=op cat", "w=cat"}},
      {"", {}},
      {"  ;; ", {}},
      // Non-ASCII letters stay inside their word.
      {"Türkiye", {"w=türkiye"}},
  };
  for (const Case& c : cases) EXPECT_EQ(WordFeatures(c.text), c.features) << c.text;
}

}  // namespace
}  // namespace uprx::classifiers
