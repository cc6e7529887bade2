// The SDG taxonomy (classifiers/taxonomies/sdg.tsv): 17 goals with ids "1".."17", the ways the
// thematic lists write them, and the goals of short recommendations written here.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "classifiers/multi_label_classifier.h"
#include "classifiers/taxonomy.h"
#include "pipeline/eval/thematic_eval.h"

namespace uprx::classifiers {
namespace {

struct Case {
  const char* text;
  std::vector<std::string> want;
  std::vector<std::string> not_want;
};

std::vector<std::string> Ids(std::string_view text) {
  static const MultiLabelClassifier c = [] {
    auto t = Taxonomy::LoadEmbedded("sdg.tsv");
    EXPECT_TRUE(t.ok()) << t.status().ToString();
    auto m = MultiLabelClassifier::Create(t.value());
    EXPECT_TRUE(m.ok()) << m.status().ToString();
    return std::move(m).value();
  }();
  std::vector<std::string> ids;
  for (const auto& l : c.Classify(text)) ids.push_back(l.id);
  return ids;
}

TEST(SdgTaxonomy, HasSeventeenGoalsNumberedInOrder) {
  auto t = Taxonomy::LoadEmbedded("sdg.tsv");
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  ASSERT_EQ(t.value().labels().size(), 17u);
  for (int i = 0; i < 17; ++i) EXPECT_EQ(t.value().labels()[i].id, std::to_string(i + 1));
}

TEST(SdgTaxonomy, ReadsTheGoalsAsTheListsWriteThem) {
  auto t = Taxonomy::LoadEmbedded("sdg.tsv");
  ASSERT_TRUE(t.ok());
  const std::pair<const char*, const char*> cases[] = {
      {"10 - REDUCED INEQUALITIES", "10"},
      {"16 - PEACE, JUSTICE AND STRONG INSTITUTIONS", "16"},
      {"S05 SDG 5 - gender equality and women's empowerment", "5"},
      {"S16 SDG 16 - peace, justice and strong institutions", "16"},
      {"1 - NO POVERTY", "1"},
      {"S11", "11"},
  };
  for (const auto& [given, id] : cases) {
    const Label* l = pipeline::MapGivenLabel(t.value(), given);
    ASSERT_NE(l, nullptr) << given;
    EXPECT_EQ(l->id, id) << given;
  }
}

TEST(SdgTaxonomy, GivesTheGoalsOfClearRecommendations) {
  const Case cases[] = {
      {"Ensure that all children are registered at birth", {"16"}, {"4"}},
      {"Reduce the gender pay gap", {"5", "8"}, {}},
      {"Improve access of Roma to safe drinking water", {"6", "10"}, {}},
      {"Increase the budget for primary schools", {"4"}, {"16"}},
      {"Combat poverty among older persons", {"1", "10"}, {}},
      {"Adopt a national plan to adapt to climate change", {"13"}, {"5"}},
  };
  for (const Case& c : cases) {
    const std::vector<std::string> got = Ids(c.text);
    for (const std::string& w : c.want) {
      EXPECT_NE(std::find(got.begin(), got.end(), w), got.end()) << w << " missing: " << c.text;
    }
    for (const std::string& n : c.not_want) {
      EXPECT_EQ(std::find(got.begin(), got.end(), n), got.end()) << n << " given: " << c.text;
    }
  }
}

TEST(SdgTaxonomy, FormerBugs) {
  // Occupational health is decent work (8), not the health goal.
  const std::vector<std::string> got = Ids("Improve occupational health in factories");
  EXPECT_EQ(std::find(got.begin(), got.end(), "3"), got.end());
}

}  // namespace
}  // namespace uprx::classifiers
