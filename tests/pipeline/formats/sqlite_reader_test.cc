#include "pipeline/formats/sqlite_reader.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <string>

#include "pipeline/formats/sqlite_writer.h"
#include "tests/pipeline/formats/output_fixtures.h"

namespace uprx::pipeline {
namespace {

namespace fs = std::filesystem;

class SqliteReaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (fs::temp_directory_path() /
             ("uprx-sqlite-reader-" +
              std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) + ".db"))
                .string();
    fs::remove(path_);
  }
  void TearDown() override {
    if (db_) sqlite3_close(db_);
    fs::remove(path_);
  }
  sqlite3* Written(const std::vector<core::Review>& reviews) {
    EXPECT_TRUE(WriteSqlite(path_, reviews, {}).ok());
    EXPECT_EQ(sqlite3_open_v2(path_.c_str(), &db_, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
    return db_;
  }
  std::string path_;
  sqlite3* db_ = nullptr;
};

TEST_F(SqliteReaderTest, AReviewReadBackHasWhatItsTablesHold) {
  core::Review review = testing::LabelledReview();
  core::Recommendation& pending = review.recommendations[2];
  pending.position_history.push_back(pending.position);
  pending.position = {
      core::PositionValue::kNoted, "takes note", "addendum", "A/HRC/26/16/Add.1", 4, "Not now."};
  const auto read = ReadSqliteReview(Written({review}), "KHM-c2");
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  const core::Review& back = read.value();
  EXPECT_EQ(back.sur_iso3, "KHM");
  EXPECT_EQ(back.sur_name, "Cambodia");
  EXPECT_EQ(back.cycle, 2);
  EXPECT_EQ(back.wg_session, 18);
  EXPECT_EQ(back.year, 2014);
  ASSERT_EQ(back.recommendations.size(), 3u);
  // Fully labelled: every field comes back, labels with their evidence and roles.
  EXPECT_EQ(back.recommendations[0], review.recommendations[0]);
  for (std::size_t i = 1; i < 3; ++i) {
    const core::Recommendation &got = back.recommendations[i], &want = review.recommendations[i];
    EXPECT_EQ(got.id, want.id);
    EXPECT_EQ(got.text, want.text);
    EXPECT_EQ(got.recommending_states, want.recommending_states);
    EXPECT_EQ(got.position, want.position);
    EXPECT_EQ(got.position_history, want.position_history);
    EXPECT_EQ(got.source, want.source);
    // A kind classified somewhere in the review reads as an empty list where a recommendation
    // has none of it (the tables cannot tell "not classified" apart within a review).
    ASSERT_TRUE(got.labels.themes.has_value());
    EXPECT_TRUE(got.labels.themes->empty());
  }
  EXPECT_EQ(ReadSqliteReview(db_, "SVN-c4").status().code(), "review_missing");
}

TEST_F(SqliteReaderTest, CyclePairsAreConsecutiveCyclesOfOneState) {
  std::vector<core::Review> reviews;
  for (const auto& [iso3, cycle] : std::vector<std::pair<std::string, int>>{
           {"KHM", 3}, {"KHM", 1}, {"SVN", 4}, {"KHM", 2}, {"FRA", 2}, {"FRA", 4}}) {
    core::Review r = testing::LabelledReview();
    r.sur_iso3 = iso3;
    r.cycle = cycle;
    reviews.push_back(r);
  }
  const auto pairs = SqliteCyclePairs(Written(reviews));
  ASSERT_TRUE(pairs.ok());
  EXPECT_EQ(pairs.value(), (std::vector<std::pair<std::string, std::string>>{
                               {"FRA-c2", "FRA-c4"}, {"KHM-c1", "KHM-c2"}, {"KHM-c2", "KHM-c3"}}));
}

}  // namespace
}  // namespace uprx::pipeline
