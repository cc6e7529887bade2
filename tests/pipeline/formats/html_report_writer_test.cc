#include "pipeline/formats/html_report_writer.h"

#include <gtest/gtest.h>

#include <sstream>

#include "tests/pipeline/formats/output_fixtures.h"

namespace uprx::pipeline {
namespace {

std::string Report(const std::vector<core::Review>& reviews,
                   const HtmlReportOptions& options = {}) {
  std::ostringstream out;
  WriteHtmlReport(out, reviews, options);
  return out.str();
}

// The profile a test run had: two institutions, one with a name that must not end the script.
HtmlReportOptions WithInstitutions() {
  HtmlReportOptions o;
  o.institutions = [](const core::Review&) {
    return std::vector<InstitutionChoice>{{"MOJ", "Ministry of Justice"},
                                          {"X", "Bureau </script><b>x</b>"}};
  };
  return o;
}

int Count(const std::string& text, const std::string& what) {
  int n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// The <tr> of the recommendation with this id.
std::string RowOf(const std::string& html, const std::string& id) {
  const std::size_t begin = html.find("<tr id=\"" + id + "\"");
  if (begin == std::string::npos) return "";
  return html.substr(begin, html.find("</tr>", begin) - begin);
}

TEST(HtmlReport, IsOneSelfContainedPage) {
  const std::string html = Report({testing::LabelledReview()});
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(html.find("</html>\n"), std::string::npos);
  EXPECT_NE(html.find("Content-Security-Policy"), std::string::npos);
  // Nothing loaded from elsewhere: no external script, style sheet, image or font.
  for (const char* external : {"src=\"http", "href=\"http", "<link", "@import", "url("}) {
    EXPECT_EQ(html.find(external), std::string::npos) << external;
  }
  // The style sheet and both scripts are inlined from the embedded assets.
  EXPECT_NE(html.find("data-uprx-errors"), std::string::npos);
  EXPECT_NE(html.find("data-uprx-ready"), std::string::npos);
  EXPECT_NE(html.find("@media print"), std::string::npos);
}

TEST(HtmlReport, DrawsThreeChartsAsInlineSvg) {
  const std::string html = Report({testing::LabelledReview()});
  EXPECT_EQ(Count(html, "<svg "), 3);
  EXPECT_NE(html.find("aria-label=\"Recommendations by theme\""), std::string::npos);
  EXPECT_NE(html.find("aria-label=\"Positions by regional group"), std::string::npos);
  EXPECT_NE(html.find("aria-label=\"Workload per lead institution\""), std::string::npos);
}

TEST(HtmlReport, HasOneFilterableRowPerRecommendation) {
  const std::string html = Report({testing::LabelledReview()});
  EXPECT_EQ(Count(html, "<tr id=\"KHM-c2-"), 3);
  const std::string full = RowOf(html, "KHM-c2-118.1");
  EXPECT_NE(full.find("data-position=\"|supported|\""), std::string::npos) << full;
  EXPECT_NE(full.find("data-themes=\"|Prohibition of torture|\""), std::string::npos);
  EXPECT_NE(full.find("data-institution=\"|Ministry of Justice|\""), std::string::npos);
  EXPECT_NE(full.find("data-groups=\"|WEOG|\""), std::string::npos);
  const std::string partial = RowOf(html, "KHM-c2-118.2");
  EXPECT_NE(partial.find("data-groups=\"|GRULAC|African|\""), std::string::npos);
  EXPECT_NE(partial.find("data-themes=\"|no theme|\""), std::string::npos);
  EXPECT_NE(partial.find("data-institution=\"|No lead institution|\""), std::string::npos);
  // Every filter value on a row is an option of its select.
  EXPECT_NE(html.find("<option value=\"Ministry of Justice\">"), std::string::npos);
  EXPECT_NE(html.find("<option value=\"not classified\">"), std::string::npos);
}

TEST(HtmlReport, ShowsLabelsWithEvidenceOrNotClassified) {
  const std::string html = Report({testing::LabelledReview()});
  const std::string full = RowOf(html, "KHM-c2-118.1");
  EXPECT_NE(full.find("<dt>Action</dt><dd>5 Specific action</dd>"), std::string::npos) << full;
  EXPECT_NE(full.find("<b>Lead:</b> Ministry of Justice"), std::string::npos);
  EXPECT_NE(full.find("<b>Supporting:</b> Ministry of Interior"), std::string::npos);
  EXPECT_NE(full.find("<summary>evidence</summary>"), std::string::npos);
  EXPECT_NE(full.find("Specific action (Ratify)"), std::string::npos);
  EXPECT_NE(RowOf(html, "KHM-c2-119.1").find("not classified"), std::string::npos);
  EXPECT_EQ(full.find("not classified"), std::string::npos);
}

TEST(HtmlReport, FirstScreenSaysThePositionsAreTheWorkingGroups) {
  const std::string html = Report({testing::LabelledReview()});
  const std::size_t banner = html.find(
      "<p class=\"banner\" role=\"note\">1 recommendation is "
      "pending; positions are those of the Working Group report "
      "A/HRC/26/16 \xE2\x80\x94 give the addendum");
  ASSERT_NE(banner, std::string::npos) << html.substr(0, 4000);
  EXPECT_LT(banner, html.find("<section id=\"summary\">"));
  EXPECT_NE(html.find("Documents: Working Group report A/HRC/26/16."), std::string::npos);
}

TEST(HtmlReport, PositionsAreWordsWithTheirStageAndDocument) {
  core::Review review = testing::LabelledReview();
  review.recommendations[1].position.value = core::PositionValue::kSupportedInPart;
  const std::string html = Report({review});
  const std::string row = RowOf(html, "KHM-c2-118.2");
  EXPECT_NE(row.find(">supported in part</span><div class=\"stage\">Working Group report "
                     "A/HRC/26/16</div>"),
            std::string::npos)
      << row;
  // Codes stay in attributes for the filters and styles; no text shows them.
  EXPECT_EQ(html.find(">supported_in_part"), std::string::npos);
  EXPECT_EQ(html.find("wg_report"), std::string::npos);
  EXPECT_NE(html.find("<option value=\"supported_in_part\">supported in part (1)</option>"),
            std::string::npos);
}

TEST(HtmlReport, EmbedsTheProfilesInstitutionsAndEachRowsDecisionForEditMode) {
  const std::string html = Report({testing::LabelledReview()}, WithInstitutions());
  EXPECT_NE(html.find("<script type=\"application/json\" id=\"uprx-institutions\">{\"KHM-c2\":[{"
                      "\"id\":\"MOJ\",\"name\":\"Ministry of Justice\"},{\"id\":\"X\",\"name\":"
                      "\"Bureau \\u003c/script>\\u003cb>x\\u003c/b>\"}]}</script>"),
            std::string::npos);
  const std::string full = RowOf(html, "KHM-c2-118.1");
  EXPECT_NE(full.find("<td class=\"inst\" data-review=\"KHM-c2\" data-lead=\"MOJ\" "
                      "data-supporting=\"MOI\" data-note=\"\">"),
            std::string::npos)
      << full;
  EXPECT_NE(html.find("id=\"edit-toggle\""), std::string::npos);
  EXPECT_NE(html.find("--overrides KHM-c2-overrides.csv"), std::string::npos);
  // Without a profile there is nothing to choose from: the list is empty.
  EXPECT_NE(Report({testing::LabelledReview()}).find("id=\"uprx-institutions\">{}</script>"),
            std::string::npos);
}

TEST(HtmlReport, NoInstitutionsColumnWithoutTheMinistriesStage) {
  core::Review review = testing::LabelledReview();
  for (auto& r : review.recommendations) r.labels.ministries.reset();
  const std::string html = Report({review}, WithInstitutions());
  EXPECT_EQ(html.find("<th>Institutions</th>"), std::string::npos);
  EXPECT_EQ(html.find("<td class=\"inst\""), std::string::npos);
  EXPECT_NE(html.find("id=\"uprx-institutions\">{}</script>"), std::string::npos);
  EXPECT_NE(Report({testing::LabelledReview()}).find("<th>Institutions</th>"), std::string::npos);
}

TEST(HtmlReport, ShowsTheCommitteesEarlierDecisionAndNote) {
  core::Review review = testing::LabelledReview();
  auto& lead = (*review.recommendations[0].labels.ministries)[0];
  lead.method = "manual";
  lead.evidence = {"khm.csv:3", "Led by the tribunal"};
  const std::string row = RowOf(Report({review}, WithInstitutions()), "KHM-c2-118.1");
  EXPECT_NE(row.find("data-note=\"Led by the tribunal\" data-decided=\"1\">"), std::string::npos)
      << row;
  EXPECT_NE(row.find("decided by the committee"), std::string::npos);
  EXPECT_NE(row.find("Note: Led by the tribunal"), std::string::npos);
}

TEST(HtmlReport, EscapesDocumentText) {
  const std::string html = Report({testing::LabelledReview()});
  EXPECT_EQ(html.find("<violence>"), std::string::npos);
  EXPECT_NE(html.find("Say &quot;no&quot; to &lt;violence&gt;, &amp; protect"), std::string::npos);
}

TEST(HtmlReport, SameReviewsSameBytes) {
  EXPECT_EQ(Report({testing::LabelledReview()}), Report({testing::LabelledReview()}));
}

TEST(HtmlReport, SeveralReviewsAreTitledAndNumberedByTheirIds) {
  core::Review other = testing::LabelledReview();
  other.cycle = 3;
  for (auto& r : other.recommendations) r.id = "KHM-c3-" + r.number;
  const std::string html = Report({testing::LabelledReview(), other});
  EXPECT_NE(html.find("<title>UPR recommendations: 2 reviews</title>"), std::string::npos);
  EXPECT_NE(html.find("<td class=\"num\">KHM-c3-118.1</td>"), std::string::npos);
  EXPECT_EQ(Count(html, "<tr id=\"KHM-c"), 6);
}

TEST(HtmlReport, AnEmptyBatchStillRenders) {
  const std::string html = Report({});
  EXPECT_NE(html.find("<table id=\"recs\">"), std::string::npos);
  EXPECT_EQ(Count(html, "<svg "), 3);
  EXPECT_NE(html.find("No data"), std::string::npos);
}

}  // namespace
}  // namespace uprx::pipeline
