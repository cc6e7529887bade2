// Issue "a SQLite database for analysts", on the real documents: the example queries of
// docs/sqlite.md, run as written with the sqlite3 command-line tool on a database of Cambodia
// 2014 and Slovenia cycles 3 and 4, give the figures the JSON output of the same documents gives;
// writing a review again updates it instead of duplicating it.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "tests/corpus/corpus_env.h"

namespace uprx::pipeline {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

// Runs a shell command; its standard output, or "<exit N>" appended when it fails.
std::string Shell(const std::string& command) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return "<popen failed>";
  char buffer[4096];
  for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) out.append(buffer, n);
  const int status = pclose(pipe);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
    out += "<exit " + std::to_string(status) + ">";
  return out;
}

// Runs uprx; "" when it succeeds, else what it said on stderr and its exit status. Exit 1 with
// `some_unreadable` is success: the Slovenia folders hold .doc files and scans uprx names and
// skips.
std::string Uprx(const std::string& args, bool some_unreadable = false) {
  const std::string out = Shell(std::string(UPRX_BINARY) + " " + args + " --quiet 2>&1");
  if (out.find("<exit ") == std::string::npos) return "";
  if (some_unreadable && out.find("<exit 256>") != std::string::npos) return "";
  return out;
}

// The blocks of docs/sqlite.md that start with "-- query: NAME", by name.
std::map<std::string, std::string> DocumentedQueries() {
  std::ifstream in(std::string(UPRX_SOURCE_DIR) + "/docs/sqlite.md");
  std::map<std::string, std::string> queries;
  std::string line, name;
  while (std::getline(in, line)) {
    if (line.rfind("-- query: ", 0) == 0) {
      name = line.substr(10);
      continue;
    }
    if (line.rfind("```", 0) == 0) name.clear();
    if (!name.empty()) queries[name] += line + "\n";
  }
  return queries;
}

Json ReadJson(const fs::path& path) {
  std::ifstream in(path);
  return Json::parse(in, nullptr, false);
}

const Json* FindReview(const std::vector<Json>& files, const std::string& iso3, int cycle) {
  for (const Json& file : files) {
    for (const Json& r : file["reviews"]) {
      if (r["state_under_review"]["iso3"] == iso3 && r["cycle"] == cycle) return &r;
    }
  }
  return nullptr;
}

// The answers the JSON gives, in the sqlite3 tool's default output ('|' between columns).
std::map<std::string, std::string> ExpectedFromJson(const std::vector<Json>& files,
                                                    const Json& comparison) {
  std::map<std::string, std::string> want;
  const Json* khm = FindReview(files, "KHM", 2);
  const Json* svn4 = FindReview(files, "SVN", 4);
  if (!khm || !svn4) return want;
  int wg_supported = 0, france = 0;
  std::map<std::string, std::pair<int, int>> leads;  // institution -> (leads, supported)
  for (const Json& r : (*khm)["recommendations"]) {
    bool supported_at_wg = false;
    for (const Json& p : r["position_history"]) {
      supported_at_wg |= p["stage"] == "working_group" && p["value"] == "supported";
    }
    const Json& p = r["position"];
    supported_at_wg |= p["stage"] == "working_group" && p["value"] == "supported";
    wg_supported += supported_at_wg ? 1 : 0;
    for (const Json& s : r["recommending_states"]) france += s["iso3"] == "FRA" ? 1 : 0;
    if (r["labels"].is_object() && r["labels"]["ministries"].is_array()) {
      for (const Json& m : r["labels"]["ministries"]) {
        if (m["role"] != "lead") continue;
        auto& [n, supported] = leads[m["id"].get<std::string>()];
        ++n;
        supported += p["value"] == "supported" ? 1 : 0;
      }
    }
  }
  want["supported_at_wg"] = std::to_string(wg_supported) + "\n";
  const Json& totals = (*svn4)["summary"];
  want["review_totals"] = std::to_string(totals["recommendations"].get<int>()) + "|" +
                          std::to_string(totals["positions"]["supported"].get<int>()) + "|" +
                          std::to_string(totals["positions"]["noted"].get<int>()) + "\n";
  // Cambodia is the only Asia-Pacific State under review here.
  want["state_to_region"] = "KHM-c2|" + std::to_string(france) + "\n";
  std::map<std::tuple<int, std::string, std::string>, int> themes;
  for (int cycle : {3, 4}) {
    const Json* svn = FindReview(files, "SVN", cycle);
    if (!svn) return {};
    for (const Json& r : (*svn)["recommendations"]) {
      if (!r["labels"].is_object() || !r["labels"]["themes"].is_array()) continue;
      for (const Json& t : r["labels"]["themes"]) {
        ++themes[{cycle, t["id"].get<std::string>(), r["position"]["value"].get<std::string>()}];
      }
    }
  }
  for (const auto& [key, n] : themes) {
    want["positions_by_theme"] += std::to_string(std::get<0>(key)) + "|" + std::get<1>(key) + "|" +
                                  std::get<2>(key) + "|" + std::to_string(n) + "\n";
  }
  std::vector<std::pair<std::string, std::pair<int, int>>> ranked(leads.begin(), leads.end());
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const auto& a, const auto& b) { return a.second.first > b.second.first; });
  for (const auto& [id, n] : ranked) {
    want["ministry_leads"] +=
        id + "|" + std::to_string(n.first) + "|" + std::to_string(n.second) + "\n";
  }
  const Json& s = comparison["summary"];
  want["repeated"] = std::to_string(s["repeated"].get<int>()) + "|" +
                     std::to_string(s["new"].get<int>()) + "|" +
                     std::to_string(s["dropped"].get<int>()) + "|" +
                     std::to_string(s["position_changes"]["noted_to_supported"].get<int>()) + "\n";
  return want;
}

class SqliteCorpus : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("uprx-sqlite-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Path(const std::string& name) const { return (dir_ / name).string(); }
  std::string Sql(const std::string& query) const {
    std::ofstream(dir_ / "query.sql") << query;
    return Shell("sqlite3 " + Path("all.db") + " < " + Path("query.sql") + " 2>&1");
  }
  fs::path dir_;
};

TEST_F(SqliteCorpus, DocumentedQueriesGiveTheJsonFigures) {
  CORPUS_OR_SKIP();
  ASSERT_EQ(Shell("command -v sqlite3 >/dev/null && echo yes"), "yes\n")
      << "apt-get install sqlite3";
  const std::string corpora = testing::CorporaDir();
  const std::string khm = corpora + "/wg-reports/cambodia2014.pdf --profile KHM";
  const std::string svn = corpora + "/slovenia/c3 " + corpora + "/slovenia/c4";
  ASSERT_EQ(Uprx("run " + khm + " -o " + Path("khm.json")), "");
  ASSERT_EQ(Uprx("run " + svn + " --out " + Path("svn"), true), "");
  ASSERT_EQ(Uprx("run " + khm + " --format sqlite -o " + Path("all.db")), "");
  ASSERT_EQ(Uprx("run " + svn + " --format sqlite -o " + Path("all.db"), true), "");
  const std::string pair = Path("svn/SVN-c3.json") + " " + Path("svn/SVN-c4.json");
  ASSERT_EQ(Uprx("compare " + pair + " -o " + Path("compare.json")), "");

  const std::vector<Json> files = {ReadJson(Path("khm.json")), ReadJson(Path("svn/SVN-c3.json")),
                                   ReadJson(Path("svn/SVN-c4.json"))};
  const std::map<std::string, std::string> want =
      ExpectedFromJson(files, ReadJson(Path("compare.json")));
  const std::map<std::string, std::string> queries = DocumentedQueries();
  ASSERT_EQ(queries.size(), 6u) << "docs/sqlite.md: six '-- query: NAME' blocks";
  // The run compared the two cycles it found in the file (reviews read back from it) as
  // `uprx compare` does from the JSON; `uprx compare --format sqlite` then replaces that row.
  ASSERT_TRUE(want.contains("repeated"));
  EXPECT_EQ(Sql(queries.at("repeated")), want.at("repeated"));
  ASSERT_EQ(Uprx("compare " + pair + " --format sqlite -o " + Path("all.db")), "");
  EXPECT_EQ(Sql("SELECT count(*) FROM comparisons;"), "1\n");
  for (const auto& [name, query] : queries) {
    ASSERT_TRUE(want.contains(name)) << name;
    EXPECT_EQ(Sql(query), want.at(name)) << name << ":\n" << query;
  }
  // The figures of the documents themselves (A/HRC/26/16; Slovenia's fourth-cycle addendum).
  EXPECT_EQ(want.at("supported_at_wg"), "171\n");
  EXPECT_EQ(want.at("review_totals").substr(0, 8), "254|217|");
}

TEST_F(SqliteCorpus, WritingAReviewAgainUpdatesItAndAFailedWriteLeavesTheFile) {
  CORPUS_OR_SKIP();
  const std::string khm = testing::CorporaDir() + "/wg-reports/cambodia2014.pdf";
  const std::string kh10 = testing::CorporaDir() + "/wg-reports/cambodia2010.pdf";
  ASSERT_EQ(Uprx("extract " + khm + " " + kh10 + " --format sqlite -o " + Path("all.db")), "");
  const std::string count =
      "SELECT count(*), (SELECT count(*) FROM recommendations), "
      "(SELECT count(*) FROM recommending_states), (SELECT count(*) FROM positions) "
      "FROM reviews;";
  const std::string before = Sql(count);
  EXPECT_EQ(before.substr(0, 6), "2|296|") << before;
  ASSERT_EQ(Uprx("run " + khm + " --format sqlite -o " + Path("all.db")), "");
  EXPECT_EQ(Sql(count), before);
  // run labels what extract did not: the update replaced the review's rows.
  EXPECT_NE(Sql("SELECT count(*) FROM labels l JOIN recommendations r USING (rec) "
                "WHERE r.review_id = 'KHM-c2';"),
            "0\n");
  EXPECT_EQ(Sql("SELECT count(*) FROM labels l JOIN recommendations r USING (rec) "
                "WHERE r.review_id = 'KHM-c1';"),
            "0\n");
  // A file that is not a uprx database is refused and left as it was.
  std::ofstream(dir_ / "notes.db") << "my notes";
  EXPECT_NE(Uprx("run " + khm + " --format sqlite -o " + Path("notes.db")), "");
  std::ifstream notes(dir_ / "notes.db");
  EXPECT_EQ(std::string(std::istreambuf_iterator<char>(notes), {}), "my notes");
  EXPECT_FALSE(fs::exists(dir_ / "notes.db.tmp"));
}

}  // namespace
}  // namespace uprx::pipeline
