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

}  // namespace
}  // namespace uprx::classifiers
