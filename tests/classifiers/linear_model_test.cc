#include "classifiers/linear_model.h"

#include <gtest/gtest.h>

namespace uprx::classifiers {
namespace {

std::vector<Example> Synthetic() {
  std::vector<Example> examples;
  for (int i = 0; i < 20; ++i) {
    examples.push_back({{"bias", "first=ratify", "w=treaty" + std::to_string(i % 3)}, "5"});
    examples.push_back({{"bias", "first=continue", "w=efforts"}, "2"});
    examples.push_back({{"bias", "first=consider", "w=treaty" + std::to_string(i % 3)}, "3"});
  }
  return examples;
}

TEST(LinearModel, LearnsSeparableLabels) {
  const LinearModel m = LinearModel::Train(Synthetic(), {});
  EXPECT_EQ(m.labels(), (std::vector<std::string>{"2", "3", "5"}));
  EXPECT_EQ(m.Predict({"bias", "first=ratify", "w=treaty1"}).label, "5");
  EXPECT_EQ(m.Predict({"bias", "first=consider", "w=treaty1"}).label, "3");
  const Prediction p = m.Predict({"first=continue", "never=seen"});
  EXPECT_EQ(p.label, "2");
  EXPECT_GT(p.score, 0.5);
  EXPECT_LE(p.score, 1.0);
  ASSERT_FALSE(p.top_features.empty());
  EXPECT_EQ(p.top_features[0], "first=continue");
}

TEST(LinearModel, SerializeAndParseRoundTrip) {
  LinearModel m = LinearModel::Train(Synthetic(), {.epochs = 3, .seed = 7});
  m.metadata().emplace_back("taxonomy", "action");
  auto back = LinearModel::Parse(m.Serialize(), "m.model");
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back.value().labels(), m.labels());
  EXPECT_EQ(back.value().metadata(), m.metadata());
  for (const Example& e : Synthetic()) {
    EXPECT_EQ(back.value().Predict(e.features).label, m.Predict(e.features).label);
  }
  EXPECT_EQ(back.value().Serialize(), m.Serialize());
}

TEST(LinearModel, TrainingIsDeterministic) {
  EXPECT_EQ(LinearModel::Train(Synthetic(), {}).Serialize(),
            LinearModel::Train(Synthetic(), {}).Serialize());
}

TEST(LinearModel, AveragesSeveralRunsInTheirOwnOrders) {
  const LinearModel one = LinearModel::Train(Synthetic(), {.runs = 1});
  const LinearModel three = LinearModel::Train(Synthetic(), {.runs = 3});
  // Each run visits the examples in another order, so the mean differs from one run ...
  EXPECT_NE(one.Serialize(), three.Serialize());
  // ... but still learns the labels, and is as reproducible as one run.
  EXPECT_EQ(three.Predict({"bias", "first=ratify", "w=treaty2"}).label, "5");
  EXPECT_EQ(three.Predict({"bias", "first=consider", "w=treaty2"}).label, "3");
  EXPECT_EQ(three.Serialize(), LinearModel::Train(Synthetic(), {.runs = 3}).Serialize());
}

TEST(LinearModel, ParseNamesTheBadLine) {
  EXPECT_EQ(LinearModel::Parse("something else\n", "m.model").status().message(),
            "m.model:1: not a uprx linear model");
  EXPECT_EQ(LinearModel::Parse("uprx-linear-model\t2\n", "m.model").status().message(),
            "m.model:1: model format 2, this uprx reads 1");
  EXPECT_EQ(LinearModel::Parse("uprx-linear-model\t1\nlabels\ta\tb\nw\tf\t1\n", "m.model")
                .status()
                .message(),
            "m.model:3: unexpected line (expected meta, labels or w with one weight per label)");
  EXPECT_EQ(LinearModel::Parse("uprx-linear-model\t1\nlabels\ta\nw\tf\tx\n", "m.model")
                .status()
                .message(),
            "m.model:3: bad weight");
}

TEST(LinearModel, EmptyTrainingSetGivesAnEmptyModel) {
  const LinearModel m = LinearModel::Train({}, {});
  EXPECT_TRUE(m.labels().empty());
  EXPECT_EQ(m.Predict({"x"}).label, "");
}

}  // namespace
}  // namespace uprx::classifiers
