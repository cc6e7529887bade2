// The end of every run: the files it wrote, with the recommendations and the positions' stage.
#include "pipeline/run/output_report.h"

#include <gtest/gtest.h>

#include <sstream>

namespace uprx::pipeline {
namespace {

core::Recommendation Rec(core::PositionValue value, const std::string& stage,
                         const std::string& document) {
  core::Recommendation r;
  r.position.value = value;
  r.position.stage = stage;
  r.position.document = document;
  return r;
}

core::Review WgOnly() {
  core::Review review;
  review.sur_name = "Cambodia";
  review.cycle = 2;
  review.year = 2014;
  core::DocumentInfo wg;
  wg.kind = core::DocumentKind::kWgReport;
  wg.symbol = "A/HRC/26/16";
  review.documents.push_back(wg);
  review.recommendations = {Rec(core::PositionValue::kSupported, "working_group", "A/HRC/26/16"),
                            Rec(core::PositionValue::kSupported, "working_group", "A/HRC/26/16"),
                            Rec(core::PositionValue::kPending, "working_group", "A/HRC/26/16")};
  return review;
}

TEST(DescribeReview, SaysThePositionsAreTheWorkingGroupsWithoutAnAddendum) {
  EXPECT_EQ(DescribeReview(WgOnly()),
            "Cambodia, cycle 2 (2014): 3 recommendations (2 supported, 1 pending); positions "
            "from the Working Group report A/HRC/26/16; no addendum given: add it for the "
            "State's final answer to the 1 pending");
}

TEST(DescribeReview, CountsEachStageWhenSourcesMix) {
  core::Review review = WgOnly();
  core::DocumentInfo add;
  add.kind = core::DocumentKind::kAddendum;
  review.documents.push_back(add);
  review.recommendations[1] = Rec(core::PositionValue::kNoted, "addendum", "A/HRC/26/16/Add.1");
  review.recommendations[2] = Rec(core::PositionValue::kNoted, "addendum", "A/HRC/26/16/Add.1");
  EXPECT_EQ(DescribeReview(review),
            "Cambodia, cycle 2 (2014): 3 recommendations (1 supported, 2 noted); positions from "
            "the addendum A/HRC/26/16/Add.1 (2), the Working Group report A/HRC/26/16 (1)");
}

TEST(ReportWritten, ListsFewFilesOneLineEach) {
  std::ostringstream out;
  ReportWritten({{"out/KHM-c2.json", {"Cambodia ..."}, 3, ""},
                 {"out/errors.json", {}, 0, "inputs that produced nothing"}},
                out);
  EXPECT_EQ(out.str(),
            "uprx: wrote out/KHM-c2.json: Cambodia ...\n"
            "uprx: wrote out/errors.json (inputs that produced nothing)\n");
}

TEST(ReportWritten, SumsUpManyFilesAsACountAndTheirDirectory) {
  std::vector<WrittenFile> files;
  for (int i = 0; i < 212; ++i)
    files.push_back({"out/wg/R" + std::to_string(i) + ".json", {"r"}, 10, ""});
  std::ostringstream out;
  ReportWritten(files, out);
  EXPECT_EQ(out.str(), "uprx: wrote 212 files (212 reviews, 2,120 recommendations) into out/wg/\n");
}

TEST(ReportWritten, NamesStandardOutput) {
  std::ostringstream out;
  ReportWritten({{"-", {"a", "b"}, 1234, ""}}, out);
  EXPECT_EQ(out.str(),
            "uprx: wrote standard output: 2 reviews, 1,234 recommendations\n      a\n      b\n");
}

}  // namespace
}  // namespace uprx::pipeline
