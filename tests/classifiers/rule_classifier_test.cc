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

// A rule whose DFA needs a state per combination of the last 12 letters, and a text that visits
// thousands of them: with a budget just above what the set needs to compile (6 KiB here), the
// DFA's cache fills and starts again many times over the text; no match may be lost on the way.
TEST(RuleClassifier, ASmallSetBudgetLosesNoMatch) {
  auto t = Taxonomy::Parse(
      "taxonomy\tdemo\nversion\t1\n"
      "label\tx\tX\tx\nlabel\ty\tY\ty\n"
      "rule\tx\ta[ab]{12}c\t1\nrule\ty\tb[ab]{12}d\t1\n",
      "demo.tsv");
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  std::string text;
  std::uint32_t state = 12345;
  for (int i = 0; i < 20000; ++i) {
    state = state * 1103515245u + 12345u;
    text.push_back((state >> 16) & 1 ? 'a' : 'b');
  }
  text += "bababababababd";  // only rule y matches, at the very end
  auto small = RuleClassifier::Create(t.value(), 6 << 10);
  ASSERT_TRUE(small.ok()) << small.status().ToString();
  const std::vector<RuleMatch> m = small.value().Match(text);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].rule->label_id, "y");
  EXPECT_EQ(m[0].evidence, "bababababababd");
  EXPECT_EQ(m[0].offset, 20000u);
}

// 'unless': words inside a span the label does not own (a treaty's title) do not count, and
// the rule looks on for a match outside it; 'context': a rule counts only with other words.
Taxonomy ContextDemo() {
  auto t = Taxonomy::Parse(
      "taxonomy\tdemo\nversion\t1\n"
      "label\tvote\tVoting\telections\n"
      "label\tdp\tDeath penalty\tcapital punishment\n"
      "rule\tvote\t\\b(political\\s+rights|elections)\\b\t0.9\n"
      "unless\tvote\t\\bcovenant\\s+on\\s+civil\\s+and\\s+political\\s+rights\\b\n"
      "rule\tdp\t\\b(moratorium)\\b\t0.9\n"
      "context\t\\b(executions?|death)\\b\n",
      "demo.tsv");
  EXPECT_TRUE(t.ok()) << t.status().ToString();
  return t.value();
}

TEST(RuleClassifier, WordsInsideAnUnlessSpanDoNotCount) {
  auto rc = RuleClassifier::Create(ContextDemo());
  ASSERT_TRUE(rc.ok()) << rc.status().ToString();
  EXPECT_TRUE(rc.value().Match("Ratify the Covenant on Civil and Political Rights").empty());
  EXPECT_EQ(rc.value().Votes("Ratify the Covenant on Civil and Political Rights").count("vote"),
            0u);
}

TEST(RuleClassifier, AnUnlessSpanLetsTheRuleFindItsWordsFurtherOn) {
  auto rc = RuleClassifier::Create(ContextDemo());
  ASSERT_TRUE(rc.ok());
  const std::string text =
      "Implement the Covenant on Civil and Political Rights and respect political rights";
  const std::vector<RuleMatch> m = rc.value().Match(text);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].evidence, "political rights");
  EXPECT_EQ(m[0].offset, text.rfind("political rights"));
}

TEST(RuleClassifier, ARuleWithAContextNeedsItsContextWords) {
  auto rc = RuleClassifier::Create(ContextDemo());
  ASSERT_TRUE(rc.ok());
  EXPECT_TRUE(rc.value().Match("Review land concessions before the moratorium is lifted").empty());
  const std::vector<RuleMatch> m = rc.value().Match("Establish a moratorium on executions");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].rule->label_id, "dp");
  EXPECT_EQ(m[0].evidence, "moratorium");
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
