#include "pipeline/formats/report_data.h"

#include <gtest/gtest.h>

#include "tests/pipeline/formats/output_fixtures.h"

namespace uprx::pipeline {
namespace {

using testing::LabelledReview;

int CountOf(const Tally& tally, const std::string& name) {
  for (const auto& [n, count] : tally) {
    if (n == name) return count;
  }
  return -1;
}

int Sum(const Tally& tally) {
  int sum = 0;
  for (const auto& entry : tally) sum += entry.second;
  return sum;
}

TEST(ReportData, CodesAreShownInWords) {
  using enum core::PositionValue;
  const std::pair<core::PositionValue, const char*> kPositions[] = {
      {kSupported, "supported"},
      {kSupportedInPart, "supported in part"},
      {kPending, "pending"},
      {kUnknown, "unknown"}};
  const std::pair<const char*, const char*> kStages[] = {{"working_group", "Working Group report"},
                                                         {"addendum", "addendum"},
                                                         {"thematic_list", "thematic list"},
                                                         {"", "unknown"}};
  for (const auto& [code, words] : kPositions)
    EXPECT_STREQ(core::PositionLabel(code), words) << code;
  for (const auto& [code, words] : kStages) EXPECT_EQ(StageName(code), words) << code;
  EXPECT_EQ(DocumentKindLabel(core::DocumentKind::kWgReport), "Working Group report");
  core::Position p;
  p.stage = "addendum";
  p.document = "A/HRC/26/16/Add.1";
  EXPECT_EQ(PositionSource(p), "addendum A/HRC/26/16/Add.1");
  p.document.clear();
  EXPECT_EQ(PositionSource(p), "addendum");
}

// Cambodia 2014 as the Working Group left it: 34 of 205 pending, no addendum.
core::Review WorkingGroupStage(int supported, int pending) {
  core::Review review = LabelledReview();
  review.recommendations.clear();
  for (int i = 1; i <= supported + pending; ++i) {
    review.recommendations.push_back(testing::FixtureRec(
        (i <= supported ? "118." : "119.") + std::to_string(i), "Text", {},
        i <= supported ? core::PositionValue::kSupported : core::PositionValue::kPending));
  }
  return review;
}

TEST(ReportData, BannerSaysPositionsAreTheWorkingGroupsWithoutAnAddendum) {
  EXPECT_EQ(PositionBanner(WorkingGroupStage(171, 34)),
            "34 recommendations are pending; positions are those of the Working Group report "
            "A/HRC/26/16 \xE2\x80\x94 give the addendum to get the final ones.");
  EXPECT_EQ(PositionBanner(WorkingGroupStage(3, 0)),
            "Positions are those of the Working Group report A/HRC/26/16 \xE2\x80\x94 give the "
            "addendum to get the final ones.");
}

TEST(ReportData, BannerWithAnAddendumOnlyWhenSomethingIsStillPending) {
  core::Review review = WorkingGroupStage(3, 1);
  core::DocumentInfo addendum;
  addendum.symbol = "A/HRC/26/16/Add.1";
  addendum.kind = core::DocumentKind::kAddendum;
  review.documents.push_back(addendum);
  EXPECT_EQ(PositionBanner(review),
            "1 recommendation is still pending: the addendum A/HRC/26/16/Add.1 gives no position "
            "on it.");
  review.recommendations.back().position = {core::PositionValue::kNoted,
                                            "does not accept",
                                            "addendum",
                                            "A/HRC/26/16/Add.1",
                                            2,
                                            std::nullopt};
  EXPECT_EQ(PositionBanner(review), "");
}

TEST(ReportData, BannerNamesAThematicListWhenItGaveThePositions) {
  core::Review review = WorkingGroupStage(2, 0);
  for (auto& r : review.recommendations)
    r.position = {core::PositionValue::kSupported, "Supported", "thematic_list",
                  "UPR20 thematic list",           0,           std::nullopt};
  EXPECT_EQ(PositionBanner(review),
            "Positions are those of the thematic list UPR20 thematic list; no addendum was given.");
  EXPECT_EQ(PositionBanner(core::Review{}), "");
}

TEST(ReportData, TheCommitteesDecisionIsAManualLabelWithItsNote) {
  core::Review review = LabelledReview();
  core::Recommendation& r = review.recommendations[0];
  EXPECT_FALSE(DecidedByCommittee(r));
  EXPECT_EQ(CommitteeDecision(r), "");
  (*r.labels.ministries)[1].method = "manual";
  (*r.labels.ministries)[1].evidence = {"khm.csv:4"};
  EXPECT_TRUE(DecidedByCommittee(r));
  EXPECT_EQ(CommitteeNote(r), "");
  EXPECT_EQ(CommitteeDecision(r), "decided by the committee");
  (*r.labels.ministries)[1].evidence.push_back("Interior runs the prisons");
  EXPECT_EQ(CommitteeDecision(r), "decided by the committee: Interior runs the prisons");
  EXPECT_FALSE(DecidedByCommittee(review.recommendations[2]));  // not classified
}

TEST(ReportData, LabelTextIsEmptyWhenNotClassified) {
  const core::Review review = LabelledReview();
  const auto& full = review.recommendations[0];
  const auto& bare = review.recommendations[2];
  EXPECT_EQ(LabelNames(full.labels.themes), "Prohibition of torture");
  EXPECT_EQ(LabelNames(bare.labels.themes), "");
  EXPECT_EQ(SdgGoals(full.labels.sdgs), "16");
  EXPECT_EQ(ActionCategory(full.labels), "5");
  EXPECT_EQ(ActionName(full.labels), "Specific action");
  EXPECT_EQ(ActionCategory(bare.labels), "");
  EXPECT_EQ(LeadInstitution(full), "Ministry of Justice");
  EXPECT_EQ(Institutions(full, "supporting"), std::vector<std::string>{"Ministry of Interior"});
  EXPECT_EQ(LeadInstitution(bare), "");
}

TEST(ReportData, EvidenceNamesEveryLabelWithTheWordsThatDecidedIt) {
  const core::Review review = LabelledReview();
  const std::string evidence = EvidenceText(review.recommendations[0].labels);
  EXPECT_NE(evidence.find("Action: 5 Specific action (Ratify)"), std::string::npos) << evidence;
  EXPECT_NE(evidence.find("Themes: Prohibition of torture (torture)"), std::string::npos);
  EXPECT_NE(evidence.find("Ministry of Justice [lead] (ratify)"), std::string::npos);
  EXPECT_EQ(EvidenceText(review.recommendations[2].labels), "");
}

TEST(ReportData, TalliesAddUpToEveryRecommendationOrRow) {
  const std::vector<core::Review> reviews = {LabelledReview()};
  using enum core::PositionValue;
  const auto positions = CountByPosition(reviews);
  ASSERT_EQ(positions.size(), kReportPositionOrder.size());
  EXPECT_EQ(positions[0], (std::pair<core::PositionValue, int>{kSupported, 1}));
  EXPECT_EQ(positions[1], (std::pair<core::PositionValue, int>{kNoted, 1}));
  EXPECT_EQ(positions[2], (std::pair<core::PositionValue, int>{kSupportedInPart, 0}));
  EXPECT_EQ(positions[3], (std::pair<core::PositionValue, int>{kPending, 1}));

  const Tally themes = CountByTheme(reviews);
  EXPECT_EQ(CountOf(themes, "Prohibition of torture"), 1);
  EXPECT_EQ(CountOf(themes, kNoTheme), 1);
  EXPECT_EQ(CountOf(themes, kNotClassified), 1);

  const Tally leads = CountByLeadInstitution(reviews);
  EXPECT_EQ(leads[0], (std::pair<std::string, int>{kNoLeadInstitution, 2}));
  EXPECT_EQ(CountOf(leads, "Ministry of Justice"), 1);
  EXPECT_EQ(Sum(leads), 3);

  // Rows are recommendation x State: France, Chile, Ghana (119.1 has no State).
  const Tally groups = CountByRegionalGroup(reviews);
  EXPECT_EQ(Sum(groups), 3);
  EXPECT_EQ(CountOf(groups, "GRULAC"), 1);
}

TEST(ReportData, PositionsByRegionalGroupSplitsEachGroupsRows) {
  const auto rows = PositionsByRegionalGroup({LabelledReview()});
  ASSERT_EQ(rows.size(), 3u);
  for (const auto& [group, counts] : rows) {
    ASSERT_EQ(counts.size(), kReportPositionOrder.size());
    const int supported = counts[0], noted = counts[1];
    if (group == "WEOG") {
      EXPECT_EQ(supported, 1);
    }
    if (group == "African") {
      EXPECT_EQ(noted, 1);
    }
  }
}

TEST(ReportData, GroupsByLeadInstitutionLoseNothing) {
  // The groups point into the reviews: they must outlive them (a temporary did not, under ASan).
  const std::vector<core::Review> reviews = {LabelledReview()};
  const auto groups = ByLeadInstitution(reviews);
  ASSERT_EQ(groups.size(), 2u);
  EXPECT_EQ(groups[0].first, kNoLeadInstitution);
  ASSERT_EQ(groups[0].second.size(), 2u);
  EXPECT_EQ(groups[0].second[0]->number, "118.2");  // document order within a group
  EXPECT_EQ(groups[0].second[1]->number, "119.1");
  EXPECT_EQ(groups[1].first, "Ministry of Justice");
}

TEST(ReportData, TheMinistryStagesNoInstitutionLeadIsNoLead) {
  core::Review review = LabelledReview();
  review.recommendations[2].labels.ministries = std::vector<core::AssignedLabel>{
      testing::Label("ministries", "NONE", "No clear institution", {"no function scored"}, "lead")};
  EXPECT_EQ(LeadInstitution(review.recommendations[2]), "");
  EXPECT_TRUE(Institutions(review.recommendations[2], "lead").empty());
  EXPECT_EQ(CountByLeadInstitution({review})[0],
            (std::pair<std::string, int>{kNoLeadInstitution, 2}));
}

}  // namespace
}  // namespace uprx::pipeline
