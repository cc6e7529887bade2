#include "pipeline/run/review_join.h"

#include <gtest/gtest.h>

namespace uprx::pipeline {
namespace {

core::Position Pos(core::PositionValue value, const std::string& stage, const std::string& doc) {
  core::Position p;
  p.value = value;
  p.as_written =
      value == core::PositionValue::kPending ? "will be examined" : core::PositionKey(value);
  p.stage = stage;
  p.document = doc;
  return p;
}

ProcessedDocument Report(int items_pending) {
  ProcessedDocument d;
  d.path = "report.pdf";
  d.info.kind = core::DocumentKind::kWgReport;
  d.info.symbol = "A/HRC/99/9";
  d.info.sur_iso3 = "SVN";
  d.info.sur_name = "Slovenia";
  d.info.cycle = 4;
  for (int i = 1; i <= items_pending; ++i) {
    core::Recommendation r;
    r.number = "140." + std::to_string(i);
    r.paragraph = 140;
    r.position = Pos(core::PositionValue::kPending, "working_group", "A/HRC/99/9");
    d.recommendations.push_back(r);
  }
  return d;
}

ProcessedDocument Addendum(std::vector<std::pair<std::string, core::PositionValue>> answers) {
  ProcessedDocument d;
  d.path = "addendum.pdf";
  d.info.kind = core::DocumentKind::kAddendum;
  d.info.symbol = "A/HRC/99/9/Add.1";
  d.info.sur_iso3 = "SVN";
  d.info.cycle = 4;
  for (auto& [number, value] : answers) {
    d.statements.push_back({number, number, Pos(value, "addendum", d.info.symbol), {}});
  }
  return d;
}

bool Has(const core::Review& r, const std::string& code) {
  for (const auto& d : r.diagnostics) {
    if (d.code == code) return true;
  }
  return false;
}

TEST(ReviewJoin, TheFinalReportIsTheBaseWhenItsDraftIsGivenToo) {
  ProcessedDocument draft = Report(3);
  draft.path = "Slovenia - Draft report circulated on 8 May 2026.docx";
  draft.info.draft = true;
  ProcessedDocument final_report = Report(2);
  auto reviews = JoinReviews({draft, final_report});
  ASSERT_EQ(reviews.size(), 1u);
  const auto& r = reviews[0];
  EXPECT_EQ(r.documents.size(), 2u);
  EXPECT_EQ(r.recommendations.size(), 2u);
  EXPECT_TRUE(Has(r, "draft_superseded"));
}

TEST(ReviewJoin, TwoVersionsOfADraftGiveOneBase) {
  ProcessedDocument circulated = Report(3);
  circulated.path = "circulated.docx";
  circulated.info.draft = true;
  ProcessedDocument adopted = circulated;
  adopted.path = "adopted.docx";
  auto reviews = JoinReviews({circulated, adopted});
  ASSERT_EQ(reviews.size(), 1u);
  EXPECT_EQ(reviews[0].recommendations.size(), 3u);
  EXPECT_TRUE(Has(reviews[0], "draft_duplicate"));
}

TEST(ReviewJoin, TheAddendumGivesTheFinalPositionAndKeepsTheWorkingGroupOne) {
  auto reviews = JoinReviews({Report(2), Addendum({{"140.1", core::PositionValue::kSupported},
                                                   {"140.2", core::PositionValue::kNoted}})});
  ASSERT_EQ(reviews.size(), 1u);
  const auto& r = reviews[0];
  EXPECT_EQ(r.documents.size(), 2u);
  EXPECT_EQ(r.recommendations[0].position.value, core::PositionValue::kSupported);
  EXPECT_EQ(r.recommendations[0].position.stage, "addendum");
  ASSERT_EQ(r.recommendations[0].position_history.size(), 1u);
  EXPECT_EQ(r.recommendations[0].position_history[0].value, core::PositionValue::kPending);
  EXPECT_EQ(r.recommendations[1].position.value, core::PositionValue::kNoted);
  EXPECT_FALSE(Has(r, "no_final_position"));
}

TEST(ReviewJoin, OrderOfInputsDoesNotMatter) {
  auto a = JoinReviews({Report(2), Addendum({{"140.2", core::PositionValue::kNoted}})});
  auto b = JoinReviews({Addendum({{"140.2", core::PositionValue::kNoted}}), Report(2)});
  ASSERT_EQ(a.size(), 1u);
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(a[0].recommendations[1].position.value, b[0].recommendations[1].position.value);
  EXPECT_EQ(a[0].documents[0].symbol, b[0].documents[0].symbol);
}

TEST(ReviewJoin, GapsAndConflictsAreReported) {
  auto reviews = JoinReviews({Report(2), Addendum({{"140.1", core::PositionValue::kSupported},
                                                   {"140.1", core::PositionValue::kNoted},
                                                   {"140.9", core::PositionValue::kNoted}})});
  const auto& r = reviews[0];
  EXPECT_TRUE(Has(r, "position_conflict"));
  EXPECT_TRUE(Has(r, "answered_but_absent"));  // 140.9
  EXPECT_TRUE(Has(r, "no_final_position"));    // 140.2
}

TEST(ReviewJoin, DeclaredTotalsAreCheckedAgainstTheCount) {
  ProcessedDocument add = Addendum(
      {{"140.1", core::PositionValue::kSupported}, {"140.2", core::PositionValue::kSupported}});
  add.info.declared.received = 2;
  add.info.declared.supported = 1;
  add.info.declared.noted = 1;
  auto reviews = JoinReviews({Report(2), add});
  EXPECT_TRUE(Has(reviews[0], "declared_total_mismatch"));
}

TEST(ReviewJoin, CycleOneItemNumbersResolveToTheOpenParagraph) {
  // A/HRC/14/15/Add.1 answers items 1-97 of paragraph 111 by their own numbers.
  auto reviews = JoinReviews({Report(3), Addendum({{"?.3", core::PositionValue::kSupported}})});
  EXPECT_EQ(reviews[0].recommendations[2].position.value, core::PositionValue::kSupported);
}

TEST(ReviewJoin, AThematicListAloneStandsInForTheReport) {
  ProcessedDocument list = Report(1);
  list.info.kind = core::DocumentKind::kThematicList;
  list.recommendations[0].position =
      Pos(core::PositionValue::kSupported, "thematic_list", "A/HRC/99/9");
  list.recommendations[0].given_labels.themes = {"Acceptance of international norms"};
  auto reviews = JoinReviews({list});
  ASSERT_EQ(reviews[0].recommendations.size(), 1u);
  EXPECT_EQ(reviews[0].recommendations[0].position.value, core::PositionValue::kSupported);
  EXPECT_EQ(reviews[0].recommendations[0].given_labels.themes.size(), 1u);
}

TEST(ReviewJoin, ThematicListLabelsJoinTheReportAndTheAddendumWinsADisagreement) {
  ProcessedDocument list = Report(1);
  list.path = "list.docx";
  list.info.kind = core::DocumentKind::kThematicList;
  list.info.symbol = "";
  list.recommendations[0].position =
      Pos(core::PositionValue::kNoted, "thematic_list", "A/HRC/99/9");
  list.recommendations[0].given_labels.sdgs = {"16"};
  auto reviews =
      JoinReviews({Report(1), list, Addendum({{"140.1", core::PositionValue::kSupported}})});
  const auto& rec = reviews[0].recommendations[0];
  EXPECT_EQ(rec.given_labels.sdgs, std::vector<std::string>{"16"});
  EXPECT_EQ(rec.position.value, core::PositionValue::kSupported);
  EXPECT_EQ(rec.position_history.size(), 2u);
  EXPECT_TRUE(Has(reviews[0], "sources_disagree"));
}

}  // namespace
}  // namespace uprx::pipeline
