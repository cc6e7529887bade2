#include "pipeline/formats/impact_writer.h"

#include <gtest/gtest.h>

#include <sstream>

#include "tests/pipeline/formats/output_fixtures.h"
#include "tests/strict_csv.h"

namespace uprx::pipeline {
namespace {

std::vector<std::vector<std::string>> Records(const std::vector<core::Review>& reviews,
                                              const ImpactOptions& options = {}) {
  std::ostringstream out;
  WriteImpactCsv(out, reviews, options);
  return testing::ReadRfc4180(out.str());
}

// The attribute IMPACT reads from a column title: the text between "[database:" or "[rel:" and
// "]", with its prefix.
std::string Attribute(const std::string& title) {
  const std::size_t at = title.find('[');
  if (at == std::string::npos) return title;
  return title.substr(at + 1, title.find(']', at) - at - 1);
}

std::vector<std::string> Attributes(const ImpactOptions& options) {
  std::vector<std::string> out;
  for (const auto& title : ImpactColumns(options)) out.push_back(Attribute(title));
  return out;
}

// Links written here for the fixture's labels (its theme ids are not uhri's).
ImpactCategories FixtureCategories() {
  auto c = ImpactCategories::Parse(
      "# a comment\n"
      "state\tGHA\tGH\nbody\tupr\tUPR\ncycle\tKHM-c2\tUPR-2014\n"
      "theme\tD25\tIntegrity\ntheme\tD26\tIntegrity\npersons\tliberty\tLiberty\n"
      "sdg\t16\tSDG 16\n",
      "fixture");
  EXPECT_TRUE(c.ok()) << c.status().ToString();
  return std::move(c).value();
}

TEST(ImpactCsv, ColumnTitlesAreFieldsTheCurrentClientImports) {
  const std::vector<std::string> rel(6, "rel:category-short-title");
  std::vector<std::string> want = {"database:reference",    "database:title",
                                   "database:framework_id", "database:support_level",
                                   "database:response",     "database:description"};
  want.insert(want.end(), rel.begin(), rel.end());
  EXPECT_EQ(Attributes({}), want);
  want[3] = "database:accepted";
  want.resize(6);  // older clients cannot link categories
  EXPECT_EQ(Attributes({.legacy = true}), want);
  EXPECT_EQ(Records({}), std::vector<std::vector<std::string>>{ImpactColumns()});
}

TEST(ImpactCsv, OneRowPerRecommendationReferencedByItsUprxId) {
  const auto records = Records({testing::LabelledReview()});
  ASSERT_EQ(records.size(), 4u);             // header + 3 recommendations (118.2 has two States)
  EXPECT_EQ(records[1][0], "KHM-c2-118.1");  // "118.1" would clash with the next cycle's
  EXPECT_EQ(records[1][1], "Ratify the Optional Protocol to the Convention against Torture");
  EXPECT_EQ(records[2][1], "Say \"no\" to <violence>, & protect \"defenders\"");  // round-trips
  EXPECT_EQ(records[1][2], "1");
  EXPECT_EQ(Records({testing::LabelledReview()}, {.framework = 3})[3][2], "3");
}

TEST(ImpactCsv, ReferencesStayUniqueWhenTheExtractionGaveAnIdTwice) {
  core::Review review = testing::LabelledReview();
  review.recommendations.push_back(review.recommendations[0]);  // 118.1 read twice
  review.recommendations.push_back(review.recommendations[0]);
  const auto records = Records({review});
  ASSERT_EQ(records.size(), 6u);
  EXPECT_EQ(records[1][0], "KHM-c2-118.1");
  EXPECT_EQ(records[4][0], "KHM-c2-118.1 (2)");
  EXPECT_EQ(records[5][0], "KHM-c2-118.1 (3)");
}

TEST(ImpactCsv, SupportLevelIsTwoOneZeroOrEmptyAndResponseCarriesTheExplanation) {
  EXPECT_EQ(ImpactSupportLevel(core::PositionValue::kSupported), "2");
  EXPECT_EQ(ImpactSupportLevel(core::PositionValue::kSupportedInPart), "1");
  EXPECT_EQ(ImpactSupportLevel(core::PositionValue::kNoted), "0");
  EXPECT_EQ(ImpactSupportLevel(core::PositionValue::kPending), "");
  EXPECT_EQ(ImpactSupportLevel(core::PositionValue::kUnknown), "");
  const auto records = Records({testing::LabelledReview()});
  EXPECT_EQ(records[1][3], "2");
  EXPECT_EQ(records[2][3], "0");
  EXPECT_EQ(records[2][4], "The Constitution already provides for it.");
  EXPECT_EQ(records[3][3], "");
  EXPECT_EQ(records[3][4], "Pending: no answer from the State yet.");
}

TEST(ImpactCsv, LegacyInstancesGetAcceptedTrueFalseOrEmpty) {
  EXPECT_EQ(ImpactAccepted(core::PositionValue::kSupported), "true");
  EXPECT_EQ(ImpactAccepted(core::PositionValue::kNoted), "false");
  EXPECT_EQ(ImpactAccepted(core::PositionValue::kSupportedInPart), "false");
  EXPECT_EQ(ImpactAccepted(core::PositionValue::kPending), "");
  const ImpactCategories categories = FixtureCategories();
  const auto records =
      Records({testing::LabelledReview()}, {.legacy = true, .categories = &categories});
  EXPECT_EQ(records[1].size(), 6u);
  EXPECT_EQ(records[1][3], "true");
  EXPECT_EQ(records[2][3], "false");
  EXPECT_EQ(records[3][3], "");
}

TEST(ImpactCsv, LinksStatesThemesPersonsAndSdgsThroughTheCategoriesFile) {
  const ImpactCategories categories = FixtureCategories();
  const auto records = Records({testing::LabelledReview()}, {.categories = &categories});
  // State, body, cycle, issues, persons, SDGs.
  EXPECT_EQ(std::vector<std::string>(records[1].begin() + 6, records[1].end()),
            (std::vector<std::string>{"FRA", "UPR", "UPR-2014", "Integrity", "Liberty", "SDG 16"}));
  EXPECT_EQ(records[3][6], "");  // no State found: nothing linked
  // Without a categories file nothing is linked.
  EXPECT_EQ(Records({testing::LabelledReview()})[1][6], "");
}

TEST(ImpactCsv, AJointRecommendationLinksItsFirstStateAndSaysWhichWereNotLinked) {
  const ImpactCategories categories = FixtureCategories();
  const auto records = Records({testing::LabelledReview()}, {.categories = &categories});
  EXPECT_EQ(records[2][6], "CHL");  // Chile and Ghana: the taxonomy takes one category
  EXPECT_NE(records[2][5].find("- **Linked recommending State:** CHL only"), std::string::npos)
      << records[2][5];
  EXPECT_NE(records[2][5].find("not linked: GHA"), std::string::npos) << records[2][5];
  EXPECT_EQ(records[1][5].find("Linked recommending State"), std::string::npos);
}

TEST(ImpactCsv, ThemesMappedToOneIssueLinkItOnce) {
  const ImpactCategories categories = FixtureCategories();
  core::Review review = testing::LabelledReview();
  core::Recommendation& r = review.recommendations[0];
  r.labels.themes->push_back(testing::Label("uhri", "D26", "Enforced disappearances", {"x"}));
  r.labels.themes->push_back(testing::Label("uhri", "Z99", "Not in the file", {"y"}));
  EXPECT_EQ(ImpactLinksOf(review, r, categories).issues, "Integrity");
}

TEST(ImpactCsv, DescriptionKeepsWhatCannotBeImportedAsCategories) {
  const core::Review review = testing::LabelledReview();
  const std::string full = ImpactDescription(review, review.recommendations[0]);
  for (const char* s :
       {"- **Recommending States:** France (FRA)",
        "- **Review:** Cambodia, UPR cycle 2, Working Group session 18 (2014)",
        "- **Position:** supported (Working Group report A/HRC/26/16)",
        "- **Source:** A/HRC/26/16 p. 20", "- **uprx id:** KHM-c2-118.1",
        "- **Action category:** 5 Specific action", "- **Themes:** Prohibition of torture",
        "- **SDGs:** 16", "- **Lead institution:** Ministry of Justice",
        "- **Supporting institutions:** Ministry of Interior"}) {
    EXPECT_NE(full.find(s), std::string::npos) << s << "\n" << full;
  }
  EXPECT_NE(full.back(), '\n');
  // Labels not computed are left out, not written empty.
  const std::string bare = ImpactDescription(review, review.recommendations[2]);
  EXPECT_EQ(bare.find("Themes"), std::string::npos) << bare;
  EXPECT_EQ(bare.find("Recommending States"), std::string::npos);
  // People read the description in the tracker: positions in words.
  core::Review in_part = review;
  in_part.recommendations[1].position.value = core::PositionValue::kSupportedInPart;
  const std::string partial = ImpactDescription(in_part, in_part.recommendations[1]);
  EXPECT_NE(partial.find("- **Position:** supported in part (Working Group report"),
            std::string::npos)
      << partial;
}

TEST(ImpactCsv, BomOnlyWhenAsked) {
  std::ostringstream plain, bom;
  WriteImpactCsv(plain, {});
  WriteImpactCsv(bom, {}, {.bom = true});
  EXPECT_EQ(plain.str().rfind("Reference [database:reference],", 0), 0u);
  EXPECT_EQ(bom.str(), "\xEF\xBB\xBF" + plain.str());
}

}  // namespace
}  // namespace uprx::pipeline
