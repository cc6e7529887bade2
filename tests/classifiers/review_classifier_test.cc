// The classifier set of `uprx run` and `uprx classify` refuses, when it is built, a user's
// taxonomy file that the JSON could not be written from, naming the file and line.
#include "classifiers/review_classifier.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace uprx::classifiers {
namespace {

namespace fs = std::filesystem;

class UserTaxonomy : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (fs::temp_directory_path() / ("uprx-taxonomy-" + std::to_string(::getpid()) + ".tsv"))
                .string();
  }
  void TearDown() override { fs::remove(path_); }

  core::Status CreateWith(const std::string& text) {
    std::ofstream(path_, std::ios::binary) << text;
    ClassifierOptions options;
    options.taxonomy_paths = {path_};
    auto c = ReviewClassifier::Create(options);
    return c.ok() ? core::Status::Ok() : c.status();
  }

  std::string path_;
};

// Former bug: the goal was written with std::stoi, which threw and aborted the whole batch.
TEST_F(UserTaxonomy, AGoalIdOfThirtyDigitsIsRefusedAtLoad) {
  const core::Status s = CreateWith(
      "# my SDG rules\n"
      "taxonomy\tsdg\n"
      "version\tmine-1\n"
      "label\t16\tPeace, justice and strong institutions\tcourts\n"
      "label\t123456789012345678901234567890\tGoal\ttoo many digits\n"
      "rule\t16\t\\bcourts?\\b\t1\n");
  EXPECT_EQ(s.code(), "taxonomy_invalid");
  EXPECT_EQ(s.message().rfind(path_ + ":5: label id '123456789012345678901234567890'", 0), 0u)
      << s.message();
}

TEST_F(UserTaxonomy, AnActionCategoryOutsideOneToFiveIsRefusedAtLoad) {
  const core::Status s = CreateWith(
      "taxonomy\taction\n"
      "version\tmine-1\n"
      "label\t1\tMinimal\tm\n"
      "label\t2\tContinuing\tc\n"
      "label\t3\tConsidering\tc\n"
      "label\t4\tGeneral\tg\n"
      "label\t5\tSpecific\ts\n"
      "label\t6\tSixth\tnot on the scale\n");
  EXPECT_EQ(s.code(), "taxonomy_invalid");
  EXPECT_EQ(s.message().rfind(path_ + ":8: label id '6' of taxonomy action", 0), 0u) << s.message();
}

TEST_F(UserTaxonomy, ThemeIdsStayText) {
  // A themes taxonomy has text ids: no number check applies to it.
  const core::Status s = CreateWith(
      "taxonomy\tuhri\n"
      "version\tmine-1\n"
      "label\tA12\tAcceptance of international norms\tratification\n"
      "rule\tA12\t\\bratif\\w*\t1\n");
  EXPECT_TRUE(s.ok()) << s.message();
}

}  // namespace
}  // namespace uprx::classifiers
