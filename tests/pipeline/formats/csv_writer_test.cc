#include "pipeline/formats/csv_writer.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string_view>
#include <utility>

#include "tests/pipeline/formats/output_fixtures.h"
#include "tests/strict_csv.h"

namespace uprx::pipeline {
namespace {

core::Recommendation Rec(const std::string& number, const std::string& text,
                         std::vector<core::StateRef> states) {
  core::Recommendation r;
  r.id = "KHM-c2-" + number;
  r.number = number;
  r.paragraph = 118;
  r.printed_number = number;
  r.text = text;
  r.recommending_states = std::move(states);
  r.position.value = core::PositionValue::kSupported;
  r.position.stage = "working_group";
  r.position.document = "A/HRC/26/16";
  r.source = {"A/HRC/26/16", 14, 10, 20};
  return r;
}

core::Review Cambodia(std::vector<core::Recommendation> recs) {
  core::Review r;
  r.sur_name = "Cambodia";
  r.sur_iso3 = "KHM";
  r.cycle = 2;
  r.wg_session = 18;
  r.year = 2014;
  r.recommendations = std::move(recs);
  return r;
}

core::StateRef France() { return {"France", "FRA", "WEOG", "France", ""}; }
core::StateRef Chile() { return {"Chile", "CHL", "GRULAC", "Chile", ""}; }

std::string Csv(const std::vector<core::Review>& reviews, CsvOptions options = {}) {
  std::ostringstream out;
  WriteCsv(out, reviews, options);
  return out.str();
}

using uprx::testing::ReadRfc4180;

std::string Column(const std::vector<std::string>& row, const std::string& name) {
  const auto& cols = CsvColumns();
  for (std::size_t i = 0; i < cols.size(); ++i) {
    if (cols[i] == name) return row.at(i);
  }
  ADD_FAILURE() << "no column " << name;
  return "";
}

TEST(CsvField, QuotesOnlyWhatRfc4180Requires) {
  const struct {
    const char* in;
    const char* out;
  } kCases[] = {
      {"", ""},
      {"plain text", "plain text"},
      {"a,b", "\"a,b\""},
      {"say \"no\"", "\"say \"\"no\"\"\""},
      {"line\nbreak", "\"line\nbreak\""},
      {"cr\rhere", "\"cr\rhere\""},
      {"\"", "\"\"\"\""},
      {"Côte d'Ivoire; Türkiye", "Côte d'Ivoire; Türkiye"},  // UTF-8 and ';' need no quotes
  };
  for (const auto& c : kCases) EXPECT_EQ(CsvField(c.in), c.out) << c.in;
}

TEST(SpreadsheetSafe, PutsAQuoteBeforeWhatASpreadsheetRunsAsAFormula) {
  const struct {
    const char* in;
    const char* out;
  } kCases[] = {
      {"=HYPERLINK(\"http://example.invalid\",\"x\")",
       "'=HYPERLINK(\"http://example.invalid\",\"x\")"},
      {"+SUM(1,2)", "'+SUM(1,2)"},
      {"-1+1", "'-1+1"},
      {"@SUM(1,2)", "'@SUM(1,2)"},
      {"\t=1+1", "'\t=1+1"},
      {"\r=1+1", "'\r=1+1"},
      {"", ""},
      {"Ratify the Convention", "Ratify the Convention"},
      {"a = b", "a = b"},  // only the first character matters
      {"'quoted", "'quoted"},
      {"118.1", "118.1"},
  };
  for (const auto& c : kCases) EXPECT_EQ(SpreadsheetSafe(c.in), c.out) << c.in;
}

TEST(CsvWriter, StartsWithUprInfosColumnsThenUprxsOwn) {
  const std::vector<std::string> upr_info = {"To",       "To-Rgrp", "Text",  "From",   "From-Rgrp",
                                             "Response", "Action",  "Issue", "Session"};
  const auto& cols = CsvColumns();
  ASSERT_GT(cols.size(), upr_info.size());
  EXPECT_EQ(std::vector<std::string>(cols.begin(), cols.begin() + 9), upr_info);
  EXPECT_EQ(cols[9], "id");
  EXPECT_EQ(Csv({}),
            "To,To-Rgrp,Text,From,From-Rgrp,Response,Action,Issue,Session,id,number,"
            "paragraph,cycle,sur_iso3,from_iso3,position,position_stage,"
            "position_document,segment,action_name,issues,themes,sdgs,groups,"
            "lead_institutions,supporting_institutions,given_themes,given_affected_persons,"
            "given_sdgs,source_document,source_page\r\n");
}

TEST(CsvWriter, WritesOneRowPerRecommendingState) {
  const auto rows = ReadRfc4180(Csv({Cambodia({Rec("118.1", "Ratify", {France(), Chile()})})}));
  ASSERT_EQ(rows.size(), 3u);  // header + France + Chile
  EXPECT_EQ(rows[1], (std::vector<std::string>{"Cambodia",
                                               "Asia-Pacific",
                                               "Ratify",
                                               "France",
                                               "WEOG",
                                               "Accepted",
                                               "",
                                               "",
                                               "18",
                                               "KHM-c2-118.1",
                                               "118.1",
                                               "118",
                                               "2",
                                               "KHM",
                                               "FRA",
                                               "supported",
                                               "working_group",
                                               "A/HRC/26/16",
                                               "",  // segment
                                               "",  // labels: not classified
                                               "",
                                               "",
                                               "",
                                               "",
                                               "",
                                               "",
                                               "",  // given labels: none
                                               "",
                                               "",
                                               "A/HRC/26/16",
                                               "14"}));
  EXPECT_EQ(Column(rows[2], "From"), "Chile");
  EXPECT_EQ(Column(rows[2], "From-Rgrp"), "GRULAC");
  EXPECT_EQ(Column(rows[2], "from_iso3"), "CHL");
  EXPECT_EQ(Column(rows[2], "id"), "KHM-c2-118.1");
}

TEST(CsvWriter, KeepsARecommendationWithoutStateAsOneRowWithEmptyStateColumns) {
  const auto rows = ReadRfc4180(Csv({Cambodia({Rec("118.2", "Ratify", {})})}));
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(Column(rows[1], "id"), "KHM-c2-118.2");
  EXPECT_EQ(Column(rows[1], "From"), "");
  EXPECT_EQ(Column(rows[1], "From-Rgrp"), "");
  EXPECT_EQ(Column(rows[1], "from_iso3"), "");
  EXPECT_EQ(Column(rows[1], "segment"), "");
}

TEST(CsvWriter, QuotesTextsThatHoldCommasQuotesAndLineBreaks) {
  const std::string text = "Adopt the \"Law on NGOs\", with\r\nconsultation,\nand\rreview";
  const std::string csv = Csv({Cambodia({Rec("118.3", text, {France()})})});
  EXPECT_NE(csv.find("\"Adopt the \"\"Law on NGOs\"\", with\r\nconsultation,\nand\rreview\""),
            std::string::npos);
  const auto rows = ReadRfc4180(csv);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(Column(rows[1], "Text"), text);
}

TEST(CsvWriter, EndsEveryRecordWithCrlf) {
  const std::string csv = Csv({Cambodia({Rec("118.1", "A", {France(), Chile()})})});
  std::size_t crlf = 0;
  for (std::size_t i = 0; i + 1 < csv.size(); ++i) crlf += csv.compare(i, 2, "\r\n") == 0;
  EXPECT_EQ(crlf, 3u);
  EXPECT_EQ(csv.substr(csv.size() - 2), "\r\n");
  EXPECT_EQ(csv.find('\n'), csv.find("\r\n") + 1);  // no bare LF before the first CRLF
}

TEST(CsvWriter, WritesAByteOrderMarkOnlyWhenAsked) {
  const std::vector<core::Review> reviews = {Cambodia({Rec("118.1", "A", {France()})})};
  const std::string with = Csv(reviews, {.bom = true});
  const std::string without = Csv(reviews);
  EXPECT_EQ(with, "\xEF\xBB\xBF" + without);
  EXPECT_EQ(without.rfind("To,", 0), 0u);
}

TEST(CsvWriter, GivesUprInfosResponseWords) {
  using enum core::PositionValue;
  const std::pair<core::PositionValue, const char*> kCases[] = {{kSupported, "Accepted"},
                                                                {kNoted, "Noted"},
                                                                {kSupportedInPart, "Noted"},
                                                                {kPending, "pending"},
                                                                {kUnknown, "unknown"}};
  for (const auto& [value, response] : kCases) EXPECT_EQ(UprInfoResponse(value), response) << value;
}

TEST(CsvWriter, JoinsGivenLabelsAndCarriesTheStatesSegment) {
  core::StateRef ukraine{"Ukraine", "UKR", "Eastern European", "Ukraine", "Ratify X"};
  core::Recommendation r = Rec("118.4", "Ratify X (Ukraine); Increase Y (Slovakia)", {ukraine});
  r.given_labels.themes = {"A12 Acceptance of international norms", "Migrants"};
  r.given_labels.sdgs = {"16 - PEACE, JUSTICE AND STRONG INSTITUTIONS"};
  r.position.value = core::PositionValue::kNoted;
  r.position.stage = "addendum";
  r.position.document = "A/HRC/26/16/Add.1";
  const auto rows = ReadRfc4180(Csv({Cambodia({r})}));
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(Column(rows[1], "segment"), "Ratify X");
  EXPECT_EQ(Column(rows[1], "given_themes"), "A12 Acceptance of international norms; Migrants");
  EXPECT_EQ(Column(rows[1], "given_affected_persons"), "");
  EXPECT_EQ(Column(rows[1], "given_sdgs"), "16 - PEACE, JUSTICE AND STRONG INSTITUTIONS");
  EXPECT_EQ(Column(rows[1], "themes"), "");  // not classified
  EXPECT_EQ(Column(rows[1], "Response"), "Noted");
  EXPECT_EQ(Column(rows[1], "position_stage"), "addendum");
  EXPECT_EQ(Column(rows[1], "position_document"), "A/HRC/26/16/Add.1");
}

TEST(CsvWriter, LeavesUnknownFactsEmpty) {
  core::Review review = Cambodia({Rec("1", "A", {{"Atlantis", "", "", "Atlantis", ""}})});
  review.sur_iso3.clear();
  review.cycle.reset();
  review.wg_session.reset();
  const auto rows = ReadRfc4180(Csv({review}));
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(Column(rows[1], "To-Rgrp"), "");
  EXPECT_EQ(Column(rows[1], "Session"), "");
  EXPECT_EQ(Column(rows[1], "cycle"), "");
  EXPECT_EQ(Column(rows[1], "From"), "Atlantis");
  EXPECT_EQ(Column(rows[1], "from_iso3"), "");
}

TEST(CsvWriter, WritesTheClassifyStagesLabelsInUprInfosAndUprxsColumns) {
  const auto rows = ReadRfc4180(Csv({testing::LabelledReview()}));
  ASSERT_EQ(rows.size(), 5u);  // 118.1 France, 118.2 Chile and Ghana, 119.1 without State
  const auto& full = rows[1];
  EXPECT_EQ(Column(full, "Action"), "5");  // UPR Info's action category
  EXPECT_EQ(Column(full, "Issue"), "Torture and other CID");
  EXPECT_EQ(Column(full, "action_name"), "Specific action");
  EXPECT_EQ(Column(full, "issues"), "Torture and other CID");
  EXPECT_EQ(Column(full, "themes"), "Prohibition of torture");
  EXPECT_EQ(Column(full, "sdgs"), "16");
  EXPECT_EQ(Column(full, "groups"), "Persons deprived of their liberty");
  EXPECT_EQ(Column(full, "lead_institutions"), "Ministry of Justice");
  EXPECT_EQ(Column(full, "supporting_institutions"), "Ministry of Interior");
  // Not classified, or classified with nothing: empty cells, and both States keep the labels.
  for (const auto& row : {rows[2], rows[3], rows[4]}) {
    for (const char* c : {"Action", "Issue", "themes", "sdgs", "lead_institutions"}) {
      EXPECT_EQ(Column(row, c), "") << c;
    }
  }
  EXPECT_EQ(Column(rows[3], "From"), "Ghana");
}

TEST(CsvWriter, JoinsSeveralIssuesTheWayUprInfoDoesInItsColumn) {
  core::Review review = testing::LabelledReview();
  auto& issues = *review.recommendations[0].labels.issues;
  issues.push_back(testing::Label("uprinfo", "detention", "Detention conditions", {"prison"}));
  const auto rows = ReadRfc4180(Csv({review}));
  EXPECT_EQ(Column(rows[1], "Issue"), "Torture and other CID, Detention conditions");
  EXPECT_EQ(Column(rows[1], "issues"), "Torture and other CID; Detention conditions");
}

}  // namespace
}  // namespace uprx::pipeline
