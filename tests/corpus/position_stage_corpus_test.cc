// Issue 16, point 1, on the real Working Group report of Cambodia 2014 (A/HRC/26/16): given
// alone, the workbook's first sheet and the report's first screen say that the positions are the
// Working Group's and that 34 are pending; given with an addendum, the positions it states
// replace the Working Group's, stage and document named. The addendum is a short sample written
// for the project in the layout of real addenda (tests/data/addenda/, marked as a sample): it
// notes the four recommendations that Cambodia did not accept after the session (118.5, 118.22,
// 118.57, 118.161).
#include <gtest/gtest.h>

#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "pipeline/formats/html_report_writer.h"
#include "pipeline/formats/report_data.h"
#include "pipeline/formats/xlsx_writer.h"
#include "pipeline/run/review_join.h"
#include "pipeline/run/runner.h"
#include "tests/corpus/corpus_env.h"
#include "tests/pipeline/formats/zip_member.h"

namespace uprx::pipeline {
namespace {

const char* const kRejected[] = {"118.5", "118.22", "118.57", "118.161"};
constexpr const char* kWorkingGroupBanner =
    "34 recommendations are pending; positions are those of the Working Group report A/HRC/26/16 "
    "\xE2\x80\x94 give the addendum to get the final ones.";

std::vector<core::Review> ReadReviews(const std::vector<std::string>& paths) {
  const DocumentProcessor processor;
  return JoinReviews(RunDocuments(processor, paths, {2, false}));
}

std::string Cambodia2014() { return testing::CorporaDir() + "/wg-reports/cambodia2014.pdf"; }

std::string SampleAddendum() {
  return std::string(UPRX_SOURCE_DIR) + "/tests/data/addenda/cambodia2014-addendum-sample.txt";
}

std::string Html(const std::vector<core::Review>& reviews) {
  std::ostringstream out;
  WriteHtmlReport(out, reviews);
  return out.str();
}

// The shared strings of a workbook (every text cell), read from the zip in memory.
std::string SharedStrings(const std::string& xlsx) {
  return testing::ZipMember(xlsx, "xl/sharedStrings.xml").value_or("");
}

std::map<std::string, const core::Recommendation*> ByNumber(const core::Review& review) {
  std::map<std::string, const core::Recommendation*> out;
  for (const auto& r : review.recommendations) out[r.number] = &r;
  return out;
}

TEST(PositionStageCorpus, WorkingGroupReportAloneSaysSoOnTheFirstScreenAndSheet) {
  CORPUS_OR_SKIP();
  const auto reviews = ReadReviews({Cambodia2014()});
  ASSERT_EQ(reviews.size(), 1u);
  ASSERT_EQ(reviews[0].recommendations.size(), 205u);
  EXPECT_EQ(PositionBanner(reviews[0]), kWorkingGroupBanner);

  const std::string html = Html(reviews);
  const std::size_t banner =
      html.find(std::string("<p class=\"banner\" role=\"note\">") + kWorkingGroupBanner + "</p>");
  ASSERT_NE(banner, std::string::npos);
  // First screen: before the summary, the charts and the table.
  EXPECT_LT(banner, html.find("<section id=\"summary\">"));
  const std::string row = html.substr(html.find("<tr id=\"KHM-c2-118.5\""), 3000);
  EXPECT_NE(row.find(">supported</span><div class=\"stage\">Working Group report "
                     "A/HRC/26/16</div>"),
            std::string::npos);

  const auto xlsx = XlsxBytes(reviews);
  ASSERT_TRUE(xlsx.ok()) << xlsx.status().ToString();
  const std::string strings = SharedStrings(xlsx.value());
  EXPECT_NE(strings.find(kWorkingGroupBanner), std::string::npos);
  EXPECT_NE(strings.find(">Working Group report A/HRC/26/16<"), std::string::npos);
}

TEST(PositionStageCorpus, WithTheAddendumItsFourRejectionsReplaceTheWorkingGroupsSupport) {
  CORPUS_OR_SKIP();
  const auto alone = ReadReviews({Cambodia2014()});
  const auto reviews = ReadReviews({Cambodia2014(), SampleAddendum()});
  ASSERT_EQ(reviews.size(), 1u);
  const core::Review& review = reviews[0];
  ASSERT_EQ(review.recommendations.size(), 205u);
  const auto before = ByNumber(alone[0]);
  const auto after = ByNumber(review);
  for (const char* number : kRejected) {
    ASSERT_TRUE(after.count(number)) << number;
    EXPECT_EQ(before.at(number)->position.value, core::PositionValue::kSupported) << number;
    const core::Position& p = after.at(number)->position;
    EXPECT_EQ(p.value, core::PositionValue::kNoted) << number;
    EXPECT_EQ(PositionSource(p), "addendum A/HRC/26/16/Add.1") << number;
    ASSERT_FALSE(after.at(number)->position_history.empty()) << number;
    EXPECT_EQ(after.at(number)->position_history.back().stage, "working_group") << number;
  }
  // Nothing else moved: 167 supported and 34 pending stay the Working Group's.
  int supported = 0, pending = 0, noted = 0;
  for (const auto& r : review.recommendations) {
    supported +=
        r.position.value == core::PositionValue::kSupported && r.position.stage == "working_group";
    pending +=
        r.position.value == core::PositionValue::kPending && r.position.stage == "working_group";
    noted += r.position.value == core::PositionValue::kNoted;
  }
  EXPECT_EQ(supported, 167);
  EXPECT_EQ(pending, 34);
  EXPECT_EQ(noted, 4);
  EXPECT_EQ(PositionBanner(review),
            "34 recommendations are still pending: the addendum A/HRC/26/16/Add.1 gives no "
            "position on them.");

  const std::string html = Html(reviews);
  const std::string row = html.substr(html.find("<tr id=\"KHM-c2-118.161\""), 3000);
  EXPECT_NE(row.find(">noted</span><div class=\"stage\">addendum A/HRC/26/16/Add.1</div>"),
            std::string::npos)
      << row.substr(0, 1500);
  const auto xlsx = XlsxBytes(reviews);
  ASSERT_TRUE(xlsx.ok());
  EXPECT_NE(SharedStrings(xlsx.value()).find(">addendum A/HRC/26/16/Add.1<"), std::string::npos);
}

}  // namespace
}  // namespace uprx::pipeline
