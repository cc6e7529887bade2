#include "classifiers/rule_classifier.h"

#include <gtest/gtest.h>

namespace uprx::classifiers {
namespace {

Taxonomy Demo() {
  auto t = Taxonomy::Parse(
      "taxonomy\tdemo\nversion\t1\n"
      "label\tlaw\tLaw\tlegal acts\n"
      "label\tkid\tChildren\tchildren\n"
      "rule\tlaw\t^(?:to\\s+)?(ratify|accede)\\b\t10\n"
      "rule\tkid\t\\bchild(?:ren)?\\b\t1\n",
      "demo.tsv");
  EXPECT_TRUE(t.ok()) << t.status().ToString();
  return t.value();
}

TEST(RuleClassifier, GivesEvidenceFromGroupOneAndTheWholeMatchOtherwise) {
  auto rc = RuleClassifier::Create(Demo());
  ASSERT_TRUE(rc.ok());
  const std::vector<RuleMatch> m = rc.value().Match("To RATIFY the Convention on the children");
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[0].rule->label_id, "law");
  EXPECT_EQ(m[0].evidence, "RATIFY");
  EXPECT_EQ(m[0].offset, 3u);
  EXPECT_EQ(m[1].rule->label_id, "kid");
  EXPECT_EQ(m[1].evidence, "children");
}

TEST(RuleClassifier, MatchesNothingWhenNoRuleApplies) {
  auto rc = RuleClassifier::Create(Demo());
  ASSERT_TRUE(rc.ok());
  EXPECT_TRUE(rc.value().Match("Consider ratifying").empty());  // anchored: not the first verb
  EXPECT_TRUE(rc.value().Match("").empty());
}

TEST(RuleClassifier, WorksOnATaxonomyWithoutRules) {
  auto t = Taxonomy::Parse("taxonomy\tx\nversion\t1\nlabel\ta\tA\tB\n", "x.tsv");
  ASSERT_TRUE(t.ok());
  auto rc = RuleClassifier::Create(t.value());
  ASSERT_TRUE(rc.ok());
  EXPECT_TRUE(rc.value().Match("anything").empty());
}

}  // namespace
}  // namespace uprx::classifiers
