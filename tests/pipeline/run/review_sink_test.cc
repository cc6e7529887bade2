#include "pipeline/run/review_sink.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "pipeline/formats/csv_writer.h"
#include "pipeline/formats/impact_writer.h"
#include "pipeline/formats/json_writer.h"
#include "pipeline/formats/jsonl_writer.h"
#include "tests/pipeline/formats/output_fixtures.h"

namespace uprx::pipeline {
namespace {

namespace fs = std::filesystem;

SinkOptions Options(const std::string& format, const std::string& output,
                    const std::string& out_dir = "") {
  SinkOptions o;
  o.format = format;
  o.output = output;
  o.out_dir = out_dir;
  return o;
}

class ReviewSinkTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("uprx-sink-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  static std::string Read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  }

  // Two reviews of different States with different taxonomies: the JSON head must hold the
  // union, which is known only after the last review.
  static std::vector<core::Review> Reviews() {
    core::Review a = testing::LabelledReview();
    a.taxonomies = {{"uhri", "2"}};
    core::Review b = testing::LabelledReview();
    b.sur_iso3 = "SVN";
    b.sur_name = "Slovenia";
    b.taxonomies = {{"action", "3"}};
    return {a, b};
  }

  std::string Streamed(const std::string& format) {
    const fs::path out = dir_ / ("all." + format);
    ReviewSink sink(Options(format, out.string()));
    EXPECT_TRUE(sink.Open().ok());
    for (core::Review r : Reviews()) {
      EXPECT_TRUE(sink.Add(std::move(r)).ok());
      EXPECT_FALSE(fs::exists(out)) << "visible before it is whole";
    }
    EXPECT_TRUE(sink.Finish(errors_).ok());
    EXPECT_FALSE(fs::exists(out.string() + ".tmp"));
    return Read(out);
  }

  fs::path dir_;
  std::vector<core::FileError> errors_ = {{"x.pdf", "pdf_unreadable", "x.pdf: damaged"}};
};

TEST_F(ReviewSinkTest, OneFileReviewByReviewGivesTheBytesOfTheWholeBatchWriters) {
  std::ostringstream json, jsonl, csv, impact;
  WriteJson(json, Reviews(), errors_);
  WriteJsonl(jsonl, Reviews());
  WriteCsv(csv, Reviews());
  const auto categories = ImpactCategories::LoadDefault();  // what the sink links with
  ASSERT_TRUE(categories.ok());
  WriteImpactCsv(impact, Reviews(), {.categories = &categories.value()});
  EXPECT_EQ(Streamed("json"), json.str());
  EXPECT_NE(json.str().find("\"action\": \"3\""), std::string::npos);
  EXPECT_NE(json.str().find("\"uhri\": \"2\""), std::string::npos);
  EXPECT_EQ(Streamed("jsonl"), jsonl.str());
  EXPECT_EQ(Streamed("csv"), csv.str());
  EXPECT_EQ(Streamed("impact-csv"), impact.str());
}

TEST_F(ReviewSinkTest, SqliteIsWrittenReviewByReviewToAFileOnly) {
  const fs::path out = dir_ / "all.db";
  ReviewSink sink(Options("sqlite", out.string()));
  ASSERT_TRUE(sink.Open().ok());
  for (core::Review r : Reviews()) {
    ASSERT_TRUE(sink.Add(std::move(r)).ok());
    EXPECT_FALSE(fs::exists(out)) << "visible before it is whole";
  }
  ASSERT_TRUE(sink.Finish(errors_).ok());
  EXPECT_FALSE(fs::exists(out.string() + ".tmp"));
  EXPECT_EQ(Read(out).substr(0, 15), "SQLite format 3");
  ReviewSink to_stdout(Options("sqlite", "-"));
  EXPECT_EQ(to_stdout.Open().code(), "output_unwritable");
  ReviewSink per_review(Options("sqlite", "", dir_.string()));
  ASSERT_TRUE(per_review.Open().ok());
  ASSERT_TRUE(per_review.Add(testing::LabelledReview()).ok());
  EXPECT_TRUE(fs::exists(dir_ / "KHM-c2.sqlite"));
}

TEST_F(ReviewSinkTest, ImpactOptionsReachTheImportFile) {
  const fs::path out = dir_ / "legacy.csv";
  SinkOptions o = Options("impact-csv", out.string());
  o.impact_legacy = true;
  o.impact_framework = 4;
  ReviewSink sink(o);
  ASSERT_TRUE(sink.Open().ok());
  ASSERT_TRUE(sink.Add(testing::LabelledReview()).ok());
  ASSERT_TRUE(sink.Finish({}).ok());
  const std::string text = Read(out);
  EXPECT_NE(text.find("[database:accepted]"), std::string::npos);
  EXPECT_NE(text.find("\r\nKHM-c2-118.1,Ratify the Optional Protocol to the Convention against "
                      "Torture,4,true,"),
            std::string::npos)
      << text;
  o.impact_categories = (dir_ / "missing.tsv").string();
  ReviewSink missing(o);
  EXPECT_EQ(missing.Open().code(), "impact_categories_unreadable");
}

TEST_F(ReviewSinkTest, AnEmptyBatchIsStillAValidDocument) {
  const fs::path out = dir_ / "none.json";
  ReviewSink sink(Options("json", out.string()));
  ASSERT_TRUE(sink.Open().ok());
  ASSERT_TRUE(sink.Finish({}).ok());
  EXPECT_EQ(Read(out), OutputToJson({}, {}).dump(2) + "\n");
}

TEST_F(ReviewSinkTest, OutDirWritesOneFilePerReviewAndTheErrors) {
  ReviewSink sink(Options("csv", "", (dir_ / "out").string()));
  ASSERT_TRUE(sink.Open().ok());
  for (core::Review r : Reviews()) ASSERT_TRUE(sink.Add(std::move(r)).ok());
  ASSERT_TRUE(sink.Finish(errors_).ok());
  std::ostringstream khm;
  WriteCsv(khm, {Reviews()[0]});
  EXPECT_EQ(Read(dir_ / "out" / "KHM-c2.csv"), khm.str());
  EXPECT_TRUE(fs::exists(dir_ / "out" / "SVN-c2.csv"));
  EXPECT_NE(Read(dir_ / "out" / "errors.json").find("x.pdf: damaged"), std::string::npos);
}

TEST_F(ReviewSinkTest, AFailedBatchLeavesNoFile) {
  const fs::path out = dir_ / "all.json";
  {
    ReviewSink sink(Options("json", out.string()));
    ASSERT_TRUE(sink.Open().ok());
    ASSERT_TRUE(sink.Add(Reviews()[0]).ok());
    // Destroyed without Finish(), as when a later review fails.
  }
  EXPECT_FALSE(fs::exists(out));
  EXPECT_FALSE(fs::exists(out.string() + ".tmp"));
}

TEST_F(ReviewSinkTest, AnUnwritablePlaceIsNamed) {
  ReviewSink file(Options("json", (dir_ / "no" / "such" / "x.json").string()));
  const core::Status s = file.Open();
  EXPECT_EQ(s.code(), "output_unwritable");
  EXPECT_NE(s.message().find("no/such/x.json"), std::string::npos) << s.message();
  std::ofstream(dir_ / "plain-file") << "x";
  ReviewSink dir(Options("json", "", (dir_ / "plain-file" / "sub").string()));
  EXPECT_EQ(dir.Open().code(), "output_unwritable");
}

}  // namespace
}  // namespace uprx::pipeline
