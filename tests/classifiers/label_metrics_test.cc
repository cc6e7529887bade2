#include "classifiers/label_metrics.h"

#include <gtest/gtest.h>

namespace uprx::classifiers {
namespace {

TEST(LabelMetrics, CountsAccuracyPerLabelScoresAndConfusions) {
  LabelMetrics m({"a", "b"});
  m.Add("a", "a");
  m.Add("a", "b");
  m.Add("b", "b");
  m.Add("b", "zzz");  // a label outside the list counts as "other"
  EXPECT_EQ(m.total(), 4u);
  EXPECT_DOUBLE_EQ(m.accuracy(), 0.5);
  const std::vector<LabelScore> s = m.PerLabel();
  ASSERT_EQ(s.size(), 2u);
  EXPECT_DOUBLE_EQ(s[0].precision, 1.0);
  EXPECT_DOUBLE_EQ(s[0].recall, 0.5);
  EXPECT_DOUBLE_EQ(s[1].precision, 0.5);
  EXPECT_DOUBLE_EQ(s[1].recall, 0.5);
  EXPECT_EQ(m.confusion()[0][1], 1u);
  EXPECT_EQ(m.confusion()[1][2], 1u);
  EXPECT_NE(m.Report().find("accuracy 0.5000 (4 items)"), std::string::npos);
}

TEST(LabelMetrics, EmptyIsZeroNotNan) {
  LabelMetrics m({"a"});
  EXPECT_EQ(m.accuracy(), 0);
  EXPECT_EQ(m.PerLabel()[0].f1, 0);
}

TEST(MultiLabelMetrics, PoolsMicroAndAveragesMacroOverLabelsWithSupport) {
  MultiLabelMetrics m({"a", "b", "c"}, {"Alpha", "Beta", "Gamma"});
  m.Add({"a", "b"}, {"a"});       // a: TP; b: FN
  m.Add({"a"}, {"a", "b", "b"});  // a: TP; b: FP (counted once)
  m.Add({"b"}, {"b", "zzz"});     // b: TP; "zzz" is not a label
  EXPECT_EQ(m.total(), 3u);
  EXPECT_EQ(m.unknown(), 1u);
  EXPECT_DOUBLE_EQ(m.exact_match(), 1.0 / 3);  // the third also gave "zzz": only labels count
  const LabelScore micro = m.Micro();          // TP 3, FP 1, FN 1
  EXPECT_DOUBLE_EQ(micro.precision, 0.75);
  EXPECT_DOUBLE_EQ(micro.recall, 0.75);
  const std::vector<LabelScore> per = m.PerLabel();
  EXPECT_DOUBLE_EQ(per[0].f1, 1.0);
  EXPECT_DOUBLE_EQ(per[1].precision, 0.5);
  EXPECT_DOUBLE_EQ(per[1].recall, 0.5);
  EXPECT_EQ(per[2].support, 0u);
  EXPECT_DOUBLE_EQ(m.macro_f1(), 0.75);  // c has no gold item: left out, not counted as 0
  ASSERT_EQ(m.Worst(1).size(), 1u);
  EXPECT_EQ(m.Worst(1)[0].label, "b");
}

TEST(MultiLabelMetrics, ReportNamesWhatTheWorstLabelIsConfusedWith) {
  MultiLabelMetrics m({"a", "b"}, {"Alpha", "Beta"});
  m.Add({"a"}, {"b"});
  m.Add({"a"}, {"b"});
  m.Add({"b"}, {"b"});
  const std::string r = m.Report(1);
  EXPECT_NE(r.find("- a Alpha: F1 0.0000, 0 FP, 2 FN"), std::string::npos) << r;
  EXPECT_NE(r.find("FN given:    Beta (2)"), std::string::npos) << r;
}

TEST(MultiLabelMetrics, EmptyIsZeroNotNan) {
  MultiLabelMetrics m({"a"});
  EXPECT_EQ(m.Micro().f1, 0);
  EXPECT_EQ(m.macro_f1(), 0);
  EXPECT_EQ(m.exact_match(), 0);
}

}  // namespace
}  // namespace uprx::classifiers
