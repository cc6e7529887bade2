// Manual decisions of a committee replace the rules' assignment, survive a new assignment, and
// are reported when they name an unknown recommendation or institution.
#include "pipeline/run/ministry_overrides.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace uprx::pipeline {
namespace {

core::Review CambodianReview() {
  core::Review r;
  r.sur_iso3 = "KHM";
  r.cycle = 2;
  const std::pair<const char*, const char*> kRecs[] = {
      {"KHM-c2-118.1", "Ratify the Second Optional Protocol to the ICCPR"},
      {"KHM-c2-118.2", "Improve the quality of schools"}};
  for (const auto& [id, text] : kRecs) {
    core::Recommendation rec;
    rec.id = id;
    rec.text = text;
    r.recommendations.push_back(rec);
  }
  return r;
}

const classifiers::MinistryStage& Stage() {
  static const auto* const kStage = [] {
    auto s = classifiers::MinistryStage::Create("KHM");
    EXPECT_TRUE(s.ok()) << s.status().ToString();
    return new classifiers::MinistryStage(std::move(s).value());
  }();
  return *kStage;
}

const char kOverrides[] =
    "# committee decisions, workshop of 3 May\n"
    "id,lead,supporting,note\n"
    "KHM-c2-118.1,MoJ,MOI; CHRC,decided at the workshop\n"
    "KHM-c2-999.9,MOJ,,\n"
    "KHM-c2-118.2,XYZ,-,\n";

TEST(MinistryOverrides, ReplaceTheAssignmentAndSurviveAReassignment) {
  auto o = ParseMinistryOverrides(kOverrides, "o.csv");
  ASSERT_TRUE(o.ok()) << o.status().ToString();
  std::vector<core::Review> reviews = {CambodianReview()};
  for (int run = 0; run < 2; ++run) {  // a re-run classifies again, then applies the file again
    Stage().Assign(reviews[0]);
    reviews[0].diagnostics.clear();
    const OverrideReport report = ApplyMinistryOverrides(o.value(), reviews, Stage());
    EXPECT_EQ(report.applied, 2u);
    const auto& first = *reviews[0].recommendations[0].labels.ministries;
    ASSERT_EQ(first.size(), 3u);
    EXPECT_EQ(first[0].id, "MOJ");
    EXPECT_EQ(first[0].role, "lead");
    EXPECT_EQ(first[0].method, "manual");
    EXPECT_EQ(first[0].evidence, (std::vector<std::string>{"o.csv:3", "decided at the workshop"}));
    EXPECT_EQ(first[1].id, "MOI");
    EXPECT_EQ(first[2].id, "CHRC");
    EXPECT_EQ(first[2].role, "supporting");
    // Unknown institution: the rules' lead stays, "-" removes the supporting institutions.
    const auto& second = *reviews[0].recommendations[1].labels.ministries;
    ASSERT_EQ(second.size(), 1u);
    EXPECT_EQ(second[0].id, "MOEYS");
    EXPECT_EQ(second[0].method, "rules");
    ASSERT_EQ(report.problems.size(), 2u);
    EXPECT_NE(report.problems[0].find("o.csv:4: no recommendation has the id 'KHM-c2-999.9'"),
              std::string::npos);
    EXPECT_NE(report.problems[1].find("institution 'XYZ' is not in profile KHM"),
              std::string::npos);
    std::vector<std::string> codes;
    for (const auto& d : reviews[0].diagnostics) codes.push_back(d.code);
    EXPECT_EQ(codes,
              (std::vector<std::string>{"override_unknown_id", "override_unknown_institution"}));
  }
}

TEST(MinistryOverrides, ReportsADuplicateRow) {
  auto o =
      ParseMinistryOverrides("id,lead,supporting\nKHM-c2-118.1,MOJ,\nKHM-c2-118.1,MOI,\n", "o.csv");
  ASSERT_TRUE(o.ok());
  std::vector<core::Review> reviews = {CambodianReview()};
  Stage().Assign(reviews[0]);
  const OverrideReport report = ApplyMinistryOverrides(o.value(), reviews, Stage());
  ASSERT_EQ(report.problems.size(), 1u);
  EXPECT_NE(report.problems[0].find("o.csv:3: a second row"), std::string::npos);
  EXPECT_EQ(reviews[0].recommendations[0].labels.ministries->front().id, "MOI");
}

TEST(MinistryOverrides, RefusesAFileWithoutTheColumns) {
  auto o = ParseMinistryOverrides("id,lead\nKHM-c2-118.1,MOJ\n", "o.csv");
  ASSERT_FALSE(o.ok());
  EXPECT_EQ(o.status().code(), "overrides_invalid");
  EXPECT_NE(o.status().message().find("o.csv:1: the header has no column 'supporting'"),
            std::string::npos);
}

// The note becomes evidence in the JSON, which holds UTF-8 only (found with overrides_fuzz's
// JSON check, the same fault taxonomy_fuzz found in label names).
TEST(MinistryOverrides, RefusesAFileThatIsNotUtf8) {
  auto o =
      ParseMinistryOverrides("id,lead,supporting,note\nKHM-c2-118.1,MOJ,,d\xe9j\xe0 vu\n", "o.csv");
  ASSERT_FALSE(o.ok());
  EXPECT_EQ(o.status().code(), "overrides_invalid");
  EXPECT_EQ(o.status().message(), "o.csv:2: not valid UTF-8 at byte 43; save the file as UTF-8");
}

}  // namespace
}  // namespace uprx::pipeline
