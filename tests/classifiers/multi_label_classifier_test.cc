#include "classifiers/multi_label_classifier.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace uprx::classifiers {
namespace {

Taxonomy Demo(const char* version = "1") {
  auto t = Taxonomy::Parse(std::string("taxonomy\tdemo\nversion\t") + version +
                               "\n"
                               "label\tdp\tDeath penalty\tcapital punishment\n"
                               "label\tkid\tChildren\tchildren\n"
                               "label\tlaw\tInstruments\ttreaties\n"
                               "rule\tdp\t\\b(death\\s+penalty|moratorium)\\b\t0.9\n"
                               "rule\tkid\t\\b(child(?:ren)?)\\b\t0.3\n"
                               "rule\tkid\t\\b(juvenile)\\b\t0.3\n"
                               "exclude\tkid\t\\bchild\\s+soldiers\\b\n",
                           "demo.tsv");
  EXPECT_TRUE(t.ok()) << t.status().ToString();
  return t.value();
}

std::vector<std::string> Ids(const std::vector<core::AssignedLabel>& labels) {
  std::vector<std::string> ids;
  for (const core::AssignedLabel& l : labels) ids.push_back(l.id);
  return ids;
}

TEST(MultiLabelClassifier, RulesVoteAndTheThresholdDecides) {
  auto c = MultiLabelClassifier::Create(Demo());
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  struct Case {
    const char* text;
    std::vector<std::string> labels;
  };
  const Case cases[] = {
      {"Abolish the death penalty", {"dp"}},
      {"Protect children", {}},                             // 0.3 alone is under 0.5
      {"Protect children in juvenile detention", {"kid"}},  // 1 - 0.7 * 0.7 = 0.51
      {"Declare a moratorium on the death penalty for juvenile children", {"dp", "kid"}},
      // A veto holds even when other rules of the label voted.
      {"End the use of child soldiers and juvenile children", {}},
  };
  for (const Case& k : cases) {
    EXPECT_EQ(Ids(c.value().Classify(k.text)), k.labels) << k.text;
    EXPECT_EQ(Ids(c.value().ClassifyByRules(k.text)), k.labels) << k.text;
  }
  EXPECT_FALSE(c.value().has_model());
}

TEST(MultiLabelClassifier, FeaturesAreWordsAndRuleVotes) {
  auto c = MultiLabelClassifier::Create(Demo());
  ASSERT_TRUE(c.ok());
  const std::vector<std::string> f = c.value().Features("Protect children");
  for (const char* want : {"w=protect", "b=protect children", "rule=kid"}) {
    EXPECT_NE(std::find(f.begin(), f.end(), want), f.end()) << want;
  }
  EXPECT_EQ(std::find(f.begin(), f.end(), "rule=kid:given"), f.end());
  const std::vector<std::string> g = c.value().Features("the death penalty");
  EXPECT_NE(std::find(g.begin(), g.end(), "rule=dp:given"), g.end());
}

std::vector<MultiLabelledText> Training() {
  std::vector<MultiLabelledText> rows;
  for (int i = 0; i < 30; ++i) {
    rows.push_back({"Ratify the Convention number " + std::to_string(i % 4), {"law"}, i});
    rows.push_back({"Abolish the death penalty", {"dp"}, i});
    rows.push_back({"Ratify the second protocol on the death penalty", {"dp", "law"}, i});
    rows.push_back({"Protect children from violence", {"kid"}, i});
  }
  return rows;
}

TEST(MultiLabelClassifier, ModelDecidesWithEvidenceFromRulesAndFeatures) {
  auto rules = MultiLabelClassifier::Create(Demo());
  ASSERT_TRUE(rules.ok());
  // The default penalty suits 30,000 texts; 120 need a lighter one.
  MultiLabelModel model =
      TrainMultiLabelModel(rules.value(), Training(), {.epochs = 10, .l2 = 1e-4});
  EXPECT_EQ(model.Meta("taxonomy"), "demo");
  EXPECT_EQ(model.Meta("taxonomy_version"), "1");
  auto both = MultiLabelClassifier::Create(Demo(), std::move(model));
  ASSERT_TRUE(both.ok()) << both.status().ToString();
  EXPECT_TRUE(both.value().has_model());
  // The rules give nothing here (one weak vote); the model learned "protect children".
  EXPECT_TRUE(both.value().ClassifyByRules("Protect children from violence").empty());
  const std::vector<core::AssignedLabel> kid = both.value().Classify("Protect children");
  ASSERT_EQ(Ids(kid), std::vector<std::string>{"kid"});
  EXPECT_EQ(kid[0].method, "rules+model");
  EXPECT_EQ(kid[0].name, "Children");
  EXPECT_GT(kid[0].score, 0.5);
  EXPECT_LE(kid[0].score, 1.0);
  ASSERT_FALSE(kid[0].evidence.empty());
  EXPECT_EQ(kid[0].evidence[0], "children");  // the rule's words come first
  const std::vector<core::AssignedLabel> law = both.value().Classify("Ratify the Convention");
  ASSERT_EQ(Ids(law), std::vector<std::string>{"law"});
  EXPECT_FALSE(law[0].evidence.empty());  // no rule voted: the model's features say why
}

TEST(MultiLabelClassifier, RefusesAModelOfAnotherTaxonomyOrVersion) {
  auto rules = MultiLabelClassifier::Create(Demo());
  ASSERT_TRUE(rules.ok());
  const MultiLabelModel model = TrainMultiLabelModel(rules.value(), Training(), {.folds = 1});
  auto other_version = MultiLabelClassifier::Create(Demo("2"), model);
  ASSERT_FALSE(other_version.ok());
  EXPECT_EQ(other_version.status().code(), "model_invalid");
  EXPECT_NE(other_version.status().message().find("train it again"), std::string::npos);
  MultiLabelModel renamed = model;
  for (auto& [key, value] : renamed.metadata()) {
    if (key == "taxonomy") value = "uhri";
  }
  EXPECT_EQ(MultiLabelClassifier::Create(Demo(), renamed).status().code(), "model_invalid");
}

TEST(MultiLabelClassifier, UprInfoTaxonomyLoadsWithEveryIssueOfTheExports) {
  auto t = Taxonomy::LoadEmbedded("uprinfo.tsv");
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_EQ(t.value().labels().size(), 54u);
  // Spellings of the exports and of the 2014 list both resolve.
  for (const char* name : {"Detention", "Detention conditions", "Technical assistance",
                           "Technical assistance and cooperation", "HIV - Aids",
                           "Sexual Orientation and Gender Identity", "Women's rights"}) {
    EXPECT_NE(t.value().FindLabelByName(name), nullptr) << name;
  }
  auto c = MultiLabelClassifier::Create(t.value());
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  struct Case {
    const char* text;
    const char* label;  // a label the rules must give
  };
  const Case cases[] = {
      {"Ratify the Optional Protocol to the Convention against Torture", "29"},
      {"Establish a moratorium on executions with a view to abolishing the death penalty", "6"},
      {"Improve conditions of detention and reduce overcrowding in prisons", "7"},
      {"Establish a national human rights institution in line with the Paris Principles", "35"},
      {"Extend a standing invitation to the special procedures", "48"},
      {"Combat trafficking in persons, especially women and children", "51"},
      {"Decriminalize same-sex relations between consenting adults", "47"},
  };
  for (const Case& k : cases) {
    const std::vector<std::string> ids = Ids(c.value().Classify(k.text));
    EXPECT_NE(std::find(ids.begin(), ids.end(), k.label), ids.end()) << k.text;
  }
}

}  // namespace
}  // namespace uprx::classifiers

namespace uprx::classifiers {
namespace {

// Former bug: a rule anchored with no words ("^", the persons label "general") gave the label
// with an empty evidence string.
TEST(MultiLabelClassifier, ARuleThatMatchesNoWordsNamesItselfAsEvidence) {
  auto t = Taxonomy::Parse(
      "taxonomy\tp\nversion\t1\nlabel\tgeneral\tGeneral\teveryone\n"
      "label\tkid\tChildren\tchildren\nrule\tgeneral\t^\t0.5\nexclude\tgeneral\tchild\n"
      "rule\tkid\t\\b(children)\\b\t0.9\n",
      "p.tsv");
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  auto c = MultiLabelClassifier::Create(t.value());
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  const auto general = c.value().Classify("Ensure fair trials");
  ASSERT_EQ(general.size(), 1u);
  EXPECT_EQ(general[0].id, "general");
  EXPECT_EQ(general[0].evidence, std::vector<std::string>{"rule p:5"});
  const auto kid = c.value().Classify("Protect children");
  ASSERT_EQ(kid.size(), 1u);
  EXPECT_EQ(kid[0].id, "kid");
}

}  // namespace
}  // namespace uprx::classifiers
