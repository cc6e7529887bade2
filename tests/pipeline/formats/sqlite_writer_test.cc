#include "pipeline/formats/sqlite_writer.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "tests/pipeline/formats/output_fixtures.h"

namespace uprx::pipeline {
namespace {

namespace fs = std::filesystem;

class SqliteWriterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("uprx-sqlite-" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    path_ = (dir_ / "upr.db").string();
  }
  void TearDown() override { fs::remove_all(dir_); }

  // The rows of one query, columns joined with '|', rows with '\n' (NULL written "NULL").
  std::string Query(const std::string& sql) const {
    sqlite3* db = nullptr;
    EXPECT_EQ(sqlite3_open_v2(path_.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
    sqlite3_stmt* stmt = nullptr;
    std::string out;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
      out = std::string("error: ") + sqlite3_errmsg(db);
    }
    while (stmt && sqlite3_step(stmt) == SQLITE_ROW) {
      for (int i = 0; i < sqlite3_column_count(stmt); ++i) {
        const unsigned char* v = sqlite3_column_text(stmt, i);
        out += (i ? "|" : "") + (v ? std::string(reinterpret_cast<const char*>(v)) : "NULL");
      }
      out += "\n";
    }
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return out;
  }

  fs::path dir_;
  std::string path_;
};

TEST_F(SqliteWriterTest, OneRowPerReviewRecommendationStatePositionAndLabel) {
  ASSERT_TRUE(WriteSqlite(path_, {testing::LabelledReview()}, {}).ok());
  EXPECT_EQ(Query("SELECT value FROM meta WHERE key = 'schema'"), "uprx-sqlite/1\n");
  EXPECT_EQ(Query("SELECT review_id, sur_iso3, sur_regional_group, cycle, year, recommendations, "
                  "supported, noted, pending FROM reviews"),
            "KHM-c2|KHM|Asia-Pacific|2|2014|3|1|1|1\n");
  EXPECT_EQ(Query("SELECT id, position, action_category, lead_institution FROM recommendations "
                  "ORDER BY ord"),
            "KHM-c2-118.1|supported|5|Ministry of Justice\n"
            "KHM-c2-118.2|noted|NULL|NULL\n"
            "KHM-c2-119.1|pending|NULL|NULL\n");
  // A joint recommendation has a row per State; an absent fact is NULL, not "".
  EXPECT_EQ(Query("SELECT r.number, s.iso3, s.regional_group, s.segment FROM recommending_states "
                  "s JOIN recommendations r USING (rec) ORDER BY r.ord, s.ord"),
            "118.1|FRA|WEOG|NULL\n118.2|CHL|GRULAC|NULL\n118.2|GHA|African|NULL\n");
  EXPECT_EQ(Query("SELECT kind, label_id, evidence FROM labels WHERE rec = 1 ORDER BY kind"),
            "action|5|Ratify\ngroups|liberty|detention\nissues|torture|Torture\n"
            "sdgs|16|torture\nthemes|D25|torture\n");
  EXPECT_EQ(Query("SELECT institution_id, role FROM ministries ORDER BY rank"),
            "MOJ|lead\nMOI|supporting\n");
  EXPECT_EQ(Query("SELECT symbol, kind, declared_received FROM documents"),
            "A/HRC/26/16|wg_report|NULL\n");
}

TEST_F(SqliteWriterTest, PositionsKeepTheHistoryOldestFirstAndMarkTheFinalOne) {
  core::Review review = testing::LabelledReview();
  core::Recommendation& r = review.recommendations[2];
  r.position_history.push_back(r.position);  // pending at the WG stage ...
  r.position = {core::PositionValue::kSupported,
                "accepts",
                "addendum",
                "A/HRC/26/16/Add.1",
                5,
                "Already done."};
  ASSERT_TRUE(WriteSqlite(path_, {review}, {}).ok());
  EXPECT_EQ(Query("SELECT p.ord, is_final, value, stage, explanation FROM positions p "
                  "JOIN recommendations USING (rec) WHERE number = '119.1' ORDER BY p.ord"),
            "0|0|pending|working_group|NULL\n1|1|supported|addendum|Already done.\n");
}

TEST_F(SqliteWriterTest, WritingAReviewAgainReplacesItInsteadOfDuplicatingIt) {
  core::Review khm = testing::LabelledReview();
  core::Review svn = testing::LabelledReview();
  svn.sur_iso3 = "SVN";
  ASSERT_TRUE(WriteSqlite(path_, {khm, svn}, {{"x.pdf", "pdf_unreadable", "damaged"}}).ok());
  khm.recommendations.pop_back();
  ASSERT_TRUE(WriteSqlite(path_, {khm}, {{"x.pdf", "not_outcome", "a letter"}}).ok());
  EXPECT_EQ(Query("SELECT review_id, recommendations FROM reviews ORDER BY review_id"),
            "KHM-c2|2\nSVN-c2|3\n");
  EXPECT_EQ(Query("SELECT review_id, count(*) FROM recommendations GROUP BY review_id"),
            "KHM-c2|2\nSVN-c2|3\n");
  // The old review's child rows went with it.
  EXPECT_EQ(Query("SELECT count(*) FROM recommending_states"), "6\n");
  EXPECT_EQ(Query("SELECT count(*) FROM positions"), "5\n");
  EXPECT_EQ(Query("SELECT file, code FROM errors"), "x.pdf|not_outcome\n");
}

TEST_F(SqliteWriterTest, NothingIsVisibleBeforeCommitAndAnAbandonedWriteLeavesTheOldFile) {
  ASSERT_TRUE(WriteSqlite(path_, {testing::LabelledReview()}, {}).ok());
  {
    SqliteWriter db;
    ASSERT_TRUE(db.Open(path_).ok());
    core::Review other = testing::LabelledReview();
    other.sur_iso3 = "SVN";
    ASSERT_TRUE(db.Add(other).ok());
    EXPECT_TRUE(fs::exists(path_ + ".tmp"));
  }  // destroyed without Commit()
  EXPECT_FALSE(fs::exists(path_ + ".tmp"));
  EXPECT_EQ(Query("SELECT review_id FROM reviews"), "KHM-c2\n");
}

TEST_F(SqliteWriterTest, AFileThatIsNotAUprxDatabaseIsRefusedAndLeftAlone) {
  std::ofstream(path_) << "my notes";
  const core::Status s = WriteSqlite(path_, {testing::LabelledReview()}, {});
  EXPECT_EQ(s.code(), "output_unwritable") << s.ToString();
  std::ifstream in(path_);
  EXPECT_EQ(std::string(std::istreambuf_iterator<char>(in), {}), "my notes");
  EXPECT_FALSE(fs::exists(path_ + ".tmp"));
}

}  // namespace
}  // namespace uprx::pipeline
