// The per-institution table: counts of recommendations led and supported, by position, with
// the main themes and ids of those led.
#include "pipeline/formats/institution_summary.h"

#include <gtest/gtest.h>

#include <sstream>

namespace uprx::pipeline {
namespace {

core::AssignedLabel Ministry(const char* id, const char* role, const char* function) {
  return {"ministries", id,      std::string("Ministry ") + id,
          0.8,          "rules", {"words", std::string("function: ") + function},
          role};
}

core::Review Review() {
  core::Review r;
  r.sur_name = "Cambodia";
  r.sur_iso3 = "KHM";
  r.cycle = 2;
  r.year = 2014;
  const struct {
    const char* number;
    core::PositionValue position;
    std::vector<core::AssignedLabel> labels;
  } kRecs[] = {
      {"118.1",
       core::PositionValue::kSupported,
       {Ministry("MOJ", "lead", "Justice"), Ministry("MOI", "supporting", "")}},
      {"118.2", core::PositionValue::kSupported, {Ministry("MOJ", "lead", "Justice")}},
      {"119.1",
       core::PositionValue::kPending,
       {Ministry("MOI", "lead", "Police"), Ministry("MOJ", "supporting", "")}},
      {"119.2",
       core::PositionValue::kNoted,
       {{"ministries", "NONE", "No clear institution", 0, "rules", {"why"}, "lead"}}},
  };
  for (const auto& k : kRecs) {
    core::Recommendation rec;
    rec.number = k.number;
    rec.position.value = k.position;
    rec.labels.ministries = k.labels;
    r.recommendations.push_back(rec);
  }
  return r;
}

TEST(InstitutionSummary, CountsLeadAndSupportByPosition) {
  const auto rows = SummarizeInstitutions(Review());
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].id, "MOJ");  // most led first
  EXPECT_EQ(rows[0].leads(), 2);
  EXPECT_EQ(rows[0].supports(), 1);
  EXPECT_EQ(rows[0].lead_by_position.at(core::PositionValue::kSupported), 2);
  EXPECT_EQ(rows[0].support_by_position.at(core::PositionValue::kPending), 1);
  EXPECT_EQ(rows[0].lead_themes.at("Justice"), 2);
  EXPECT_EQ(rows[0].led, (std::vector<std::string>{"118.1", "118.2"}));
  EXPECT_EQ(rows[1].id, "MOI");
  EXPECT_EQ(rows[2].id, "NONE");  // explicit: counted, never dropped
  EXPECT_EQ(rows[2].lead_by_position.at(core::PositionValue::kNoted), 1);
}

TEST(InstitutionSummary, WritesAMarkdownTableAndCsv) {
  std::ostringstream md, csv;
  WriteInstitutionSummary(md, {Review()}, SummaryFormat::kMarkdown);
  EXPECT_NE(md.str().find("### Cambodia, cycle 2 (2014): recommendations by institution"),
            std::string::npos);
  EXPECT_NE(
      md.str().find("| Ministry MOJ (MOJ) | 2 | 1 | 2 / 0 / 0 | Justice (2) | 118.1, 118.2 |"),
      std::string::npos)
      << md.str();
  WriteInstitutionSummary(csv, {Review()}, SummaryFormat::kCsv);
  EXPECT_EQ(csv.str().substr(0, csv.str().find('\r')),
            "review,institution_id,institution,leads,supports,led_supported,led_noted,led_pending,"
            "led_other,supported_supported,supported_noted,supported_pending,supported_other,"
            "main_themes_led,led,supported");
  EXPECT_NE(csv.str().find("KHM-c2,MOI,Ministry MOI,1,1,0,0,1,0,1,0,0,0,Police (1),119.1,118.1"),
            std::string::npos)
      << csv.str();
}

}  // namespace
}  // namespace uprx::pipeline
