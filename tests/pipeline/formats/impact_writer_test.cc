#include "pipeline/formats/impact_writer.h"

#include <gtest/gtest.h>

#include <sstream>

#include "tests/pipeline/formats/output_fixtures.h"
#include "tests/strict_csv.h"

namespace uprx::pipeline {
namespace {

std::vector<std::vector<std::string>> Records(const std::vector<core::Review>& reviews) {
  std::ostringstream out;
  WriteImpactCsv(out, reviews);
  return testing::ReadRfc4180(out.str());
}

// The attribute IMPACT reads from a column title: the text between "[database:" and "]".
std::string Attribute(const std::string& title) {
  const std::size_t at = title.find("[database:");
  if (at == std::string::npos) return title;
  return title.substr(at + 10, title.find(']', at) - at - 10);
}

TEST(ImpactCsv, ColumnTitlesFollowImpactsDatabaseConvention) {
  std::vector<std::string> attributes;
  for (const auto& title : ImpactColumns()) attributes.push_back(Attribute(title));
  EXPECT_EQ(attributes, (std::vector<std::string>{"reference", "title", "accepted", "response",
                                                  "description"}));
  EXPECT_EQ(Records({}), std::vector<std::vector<std::string>>{ImpactColumns()});
}

TEST(ImpactCsv, OneRowPerRecommendationNotPerState) {
  const auto records = Records({testing::LabelledReview()});
  ASSERT_EQ(records.size(), 4u);  // header + 3 recommendations (118.2 has two States)
  EXPECT_EQ(records[1][0], "118.1");
  EXPECT_EQ(records[1][1], "Ratify the Optional Protocol to the Convention against Torture");
  EXPECT_EQ(records[2][1], "Say \"no\" to <violence>, & protect \"defenders\"");  // round-trips
}

TEST(ImpactCsv, AcceptedIsTrueFalseOrEmptyAndResponseCarriesTheExplanation) {
  EXPECT_EQ(ImpactAccepted("supported"), "true");
  EXPECT_EQ(ImpactAccepted("noted"), "false");
  EXPECT_EQ(ImpactAccepted("supported_in_part"), "false");
  EXPECT_EQ(ImpactAccepted("pending"), "");
  EXPECT_EQ(ImpactAccepted("unknown"), "");
  const auto records = Records({testing::LabelledReview()});
  EXPECT_EQ(records[1][2], "true");
  EXPECT_EQ(records[2][2], "false");
  EXPECT_EQ(records[2][3], "The Constitution already provides for it.");
  EXPECT_EQ(records[3][2], "");
  EXPECT_EQ(records[3][3], "Pending: no answer from the State yet.");
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
  in_part.recommendations[1].position.value = "supported_in_part";
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
