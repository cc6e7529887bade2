#include "pipeline/formats/xlsx_writer.h"

#include <gtest/gtest.h>

#include <string>

#include "pipeline/formats/report_data.h"
#include "tests/pipeline/formats/output_fixtures.h"
#include "tests/pipeline/formats/zip_member.h"

namespace uprx::pipeline {
namespace {

// One member of the workbook (a zip archive held in memory), or "" when it is missing.
std::string Member(const std::string& xlsx, const char* name) {
  const std::optional<std::string> member = testing::ZipMember(xlsx, name);
  if (!member) ADD_FAILURE() << "not a zip archive";
  return member.value_or("");
}

// Sheet names in workbook order, from xl/workbook.xml.
std::vector<std::string> SheetNames(const std::string& xlsx) {
  const std::string workbook = Member(xlsx, "xl/workbook.xml");
  std::vector<std::string> names;
  for (std::size_t at = workbook.find("<sheet "); at != std::string::npos;
       at = workbook.find("<sheet ", at + 1)) {
    const std::size_t begin = workbook.find("name=\"", at) + 6;
    names.push_back(workbook.substr(begin, workbook.find('"', begin) - begin));
  }
  return names;
}

TEST(XlsxWriter, HasOverviewRecommendationsAndOneSheetPerLeadInstitution) {
  const auto bytes = XlsxBytes({testing::LabelledReview()});
  ASSERT_TRUE(bytes.ok()) << bytes.status().ToString();
  EXPECT_EQ(bytes.value().substr(0, 2), "PK");
  EXPECT_EQ(SheetNames(bytes.value()),
            (std::vector<std::string>{"Overview", "Recommendations", kNoLeadInstitution,
                                      "Ministry of Justice"}));
}

TEST(XlsxWriter, RecommendationsSheetHasFrozenHeaderFilterAndWrappedText) {
  const auto bytes = XlsxBytes({testing::LabelledReview()});
  ASSERT_TRUE(bytes.ok());
  const std::string sheet = Member(bytes.value(), "xl/worksheets/sheet2.xml");
  EXPECT_NE(sheet.find("<pane ySplit=\"1\""), std::string::npos) << "frozen header row";
  EXPECT_NE(sheet.find("<autoFilter ref=\"A1:U4\""), std::string::npos) << "filter on 3 rows";
  EXPECT_NE(sheet.find("<col "), std::string::npos) << "column widths";
  EXPECT_NE(Member(bytes.value(), "xl/styles.xml").find("wrapText=\"1\""), std::string::npos);
}

TEST(XlsxWriter, ShowsLabelsAndNotClassifiedAndTheCommitteesBlock) {
  const auto bytes = XlsxBytes({testing::LabelledReview()});
  ASSERT_TRUE(bytes.ok());
  const std::string strings = Member(bytes.value(), "xl/sharedStrings.xml");
  for (const char* s :
       {"not classified", "Prohibition of torture", "5 Specific action", "Ministry of Interior",
        "Planned action", "Indicator", "Status", "Recommendations by lead institution",
        "Rows by regional group", "Say \"no\" to &lt;violence&gt;, &amp; protect"}) {
    EXPECT_NE(strings.find(s), std::string::npos) << s;
  }
  // The institution sheet offers the status choices as a list.
  const std::string sheet = Member(bytes.value(), "xl/worksheets/sheet3.xml");
  EXPECT_NE(sheet.find("\"Not started,In progress,Completed\""), std::string::npos);
}

TEST(XlsxWriter, OpensWithTheBannerAndShowsPositionsInWordsWithTheirSource) {
  core::Review review = testing::LabelledReview();
  review.recommendations[1].position.value = core::PositionValue::kSupportedInPart;
  const auto bytes = XlsxBytes({review});
  ASSERT_TRUE(bytes.ok());
  const std::string strings = Member(bytes.value(), "xl/sharedStrings.xml");
  EXPECT_NE(
      strings.find("1 recommendation is pending; positions are those of the Working Group "
                   "report A/HRC/26/16 \xE2\x80\x94 give the addendum to get the final ones."),
      std::string::npos)
      << strings;
  EXPECT_NE(strings.find(">supported in part<"), std::string::npos);
  EXPECT_EQ(strings.find("supported_in_part"), std::string::npos);
  EXPECT_NE(strings.find(">Working Group report A/HRC/26/16<"), std::string::npos);
  EXPECT_NE(strings.find(">Position given in<"), std::string::npos);
  // The banner is the overview's second row, merged across the first columns.
  const std::string overview = Member(bytes.value(), "xl/worksheets/sheet1.xml");
  EXPECT_NE(overview.find("<mergeCell ref=\"A2:E2\""), std::string::npos) << overview;
}

TEST(XlsxWriter, CarriesTheCommitteesDecisionAndNote) {
  core::Review review = testing::LabelledReview();
  auto& lead = (*review.recommendations[0].labels.ministries)[0];
  lead.method = "manual";
  lead.evidence = {"khm.csv:3", "Led by the tribunal"};
  const auto bytes = XlsxBytes({review});
  ASSERT_TRUE(bytes.ok());
  const std::string strings = Member(bytes.value(), "xl/sharedStrings.xml");
  EXPECT_NE(strings.find("s decision<"), std::string::npos);  // the column header
  EXPECT_NE(strings.find(">decided by the committee: Led by the tribunal<"), std::string::npos);
}

TEST(XlsxWriter, NoBannerWhenTheAddendumAnsweredEverything) {
  core::Review review = testing::LabelledReview();
  review.recommendations.pop_back();  // the pending one
  core::DocumentInfo addendum;
  addendum.symbol = "A/HRC/26/16/Add.1";
  addendum.kind = core::DocumentKind::kAddendum;
  review.documents.push_back(addendum);
  const auto bytes = XlsxBytes({review});
  ASSERT_TRUE(bytes.ok());
  EXPECT_EQ(Member(bytes.value(), "xl/sharedStrings.xml").find("give the addendum"),
            std::string::npos);
  EXPECT_EQ(Member(bytes.value(), "xl/worksheets/sheet1.xml").find("<mergeCell"),
            std::string::npos);
}

TEST(XlsxWriter, AnEmptyBatchIsStillAWorkbook) {
  const auto bytes = XlsxBytes({});
  ASSERT_TRUE(bytes.ok());
  EXPECT_EQ(SheetNames(bytes.value()), (std::vector<std::string>{"Overview", "Recommendations"}));
}

TEST(XlsxWriter, AnUnwritablePathIsAnError) {
  const core::Status s = WriteXlsxFile("/nonexistent-dir/out.xlsx", {testing::LabelledReview()});
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.code(), "xlsx_unwritable");
}

TEST(InstitutionSheetNames, AreValidExcelNamesAndUnique) {
  const std::string long_name =
      "Ministry of Social Affairs, Veterans and Youth Rehabilitation";  // 61 characters
  const auto names = InstitutionSheetNames({"Ministry of Justice", "ministry of justice",
                                            "Police [HQ]: jails/prisons?", long_name, long_name,
                                            "Overview", "'Quoted'"});
  ASSERT_EQ(names.size(), 7u);
  EXPECT_EQ(names[0], "Ministry of Justice");
  EXPECT_EQ(names[1], "ministry of justice (2)");  // Excel compares names ignoring case
  EXPECT_EQ(names[2], "Police  HQ   jails prisons");
  EXPECT_EQ(names[3], long_name.substr(0, 31));
  EXPECT_EQ(names[4], long_name.substr(0, 27) + " (2)");
  EXPECT_EQ(names[5], "Overview (2)");  // the overview sheet has the name already
  EXPECT_EQ(names[6], "Quoted");        // no apostrophe at either end
  for (const auto& n : names) EXPECT_LE(n.size(), 31u) << n;
}

TEST(InstitutionSheetNames, CutsAtCharactersNotBytes) {
  const auto names =
      InstitutionSheetNames({"Ministère de l'Éducation, de la Jeunesse et des Sports"});
  ASSERT_EQ(names.size(), 1u);
  EXPECT_EQ(names[0], "Ministère de l'Éducation, de la");  // 31 characters, 33 bytes
}

}  // namespace
}  // namespace uprx::pipeline
