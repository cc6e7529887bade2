// `uprx profile init|check` as a committee runs them: the starting profile is written, checks
// clean and works with `uprx run --profile`; a broken one is refused with file:line and exit 2.
// Needs only the uprx binary and the project's sample review, not the corpus.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

namespace uprx::pipeline {
namespace {

struct Result {
  int exit_code = -1;
  std::string err;
};

Result Uprx(const std::string& args, const std::filesystem::path& dir) {
  const auto err = dir / "stderr.txt";
  const std::string command =
      std::string(UPRX_BINARY) + " " + args + " > /dev/null 2> " + err.string();
  const int status = std::system(command.c_str());
  std::ifstream in(err);
  std::stringstream text;
  text << in.rdbuf();
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, text.str()};
}

class ProfileCommand : public ::testing::Test {
 protected:
  void SetUp() override {
    // One folder per test: ctest runs the tests of this fixture in parallel processes.
    dir_ = std::filesystem::temp_directory_path() /
           ("uprx-profile-command-" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::filesystem::path dir_;
};

TEST_F(ProfileCommand, InitWritesAProfileThatChecksCleanAndRuns) {
  const std::string profile = (dir_ / "ISL.json").string();
  ASSERT_EQ(Uprx("profile init isl -o " + profile, dir_).exit_code, 0);
  const Result check = Uprx("profile check " + profile, dir_);
  EXPECT_EQ(check.exit_code, 0) << check.err;
  EXPECT_NE(check.err.find("valid (0 errors, 0 warnings)"), std::string::npos) << check.err;
  const std::string out = (dir_ / "out.json").string();
  ASSERT_EQ(Uprx("run " + std::string(UPRX_SOURCE_DIR) + "/corpora/sample --profile " + profile +
                     " -q -o " + out,
                 dir_)
                .exit_code,
            0);
  std::ifstream in(out);
  const auto j = nlohmann::json::parse(in);
  const auto& ministries = j["reviews"][0]["recommendations"][0]["labels"]["ministries"];
  ASSERT_FALSE(ministries.empty());
  EXPECT_EQ(ministries[0]["role"], "lead");
  EXPECT_EQ(ministries[0]["name"].get<std::string>().rfind("Ministry responsible for ", 0), 0u);
}

TEST_F(ProfileCommand, CheckRefusesABrokenProfileWithFileAndLine) {
  const std::string profile = (dir_ / "bad.json").string();
  ASSERT_EQ(Uprx("profile init SVN -o " + profile, dir_).exit_code, 0);
  std::ifstream in(profile);
  std::stringstream text;
  text << in.rdbuf();
  std::string broken = text.str();
  const std::string lead = "\"leads\": [\n        \"justice\"";
  const std::size_t at = broken.find(lead);
  ASSERT_NE(at, std::string::npos);
  broken.replace(at, lead.size(), "\"leads\": [\n        \"justce\"");
  std::ofstream(profile) << broken;
  const int line =
      1 + static_cast<int>(std::count(
              broken.begin(), broken.begin() + static_cast<long>(broken.find("\"justce\"")), '\n'));
  const Result check = Uprx("profile check " + profile, dir_);
  EXPECT_EQ(check.exit_code, 2) << check.err;
  EXPECT_NE(check.err.find(profile + ":" + std::to_string(line) + ": institutions["),
            std::string::npos)
      << check.err;
  EXPECT_NE(check.err.find("unknown function 'justce'"), std::string::npos) << check.err;
  EXPECT_EQ(Uprx("profile init XYZ", dir_).exit_code, 2);
  EXPECT_EQ(Uprx("profile check " + (dir_ / "missing.json").string(), dir_).exit_code, 1);
}

}  // namespace
}  // namespace uprx::pipeline
