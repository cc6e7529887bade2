// `uprx profile init|check`: the starting profile loads and is clean, and every problem of a
// profile written by hand is reported at its line.
#include "classifiers/profile_check.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "classifiers/ministry_assigner.h"
#include "classifiers/profile.h"
#include "pipeline/core/embedded_data.h"
#include "tests/classifiers/functions_fixture.h"

namespace uprx::classifiers {
namespace {

using testing::Functions;

TEST(JsonPathLine, FindsTheLineOfEachValue) {
  const std::string text =
      "{\n"                                    // 1
      "  \"profile\": \"X\",\n"                // 2
      "  \"institutions\": [\n"                // 3
      "    {\"id\": \"A\", \"leads\": []},\n"  // 4
      "    {\n"                                // 5
      "      \"id\": \"B\", // a comment\n"    // 6
      "      \"leads\": [\"x\",\n"             // 7
      "                \"y\"], \"n\": 3\n"     // 8
      "    }\n"                                // 9
      "  ],\n"                                 // 10
      "  \"options\": {\"max_supporting\": 2}\n"
      "}\n";
  const struct {
    const char* path;
    int line;
  } cases[] = {
      {"profile", 2},
      {"institutions", 3},
      {"institutions[0]", 4},
      {"institutions[0].id", 4},
      {"institutions[1]", 5},
      {"institutions[1].id", 6},
      {"institutions[1].leads", 7},
      {"institutions[1].leads[1]", 8},
      {"institutions[1].n", 8},
      {"options.max_supporting", 11},
      {"institutions[2]", 0},
      {"nothing", 0},
  };
  for (const auto& c : cases) EXPECT_EQ(JsonPathLine(text, c.path), c.line) << c.path;
}

TEST(StarterProfile, LoadsIsCleanAndLeadsEveryFunction) {
  const std::string text = StarterProfile("SVN", "Slovenia", Functions(), "2026-05-01");
  EXPECT_TRUE(CheckProfile(text, "SVN.json", Functions()).empty());
  auto p = Profile::Parse(text, "SVN.json", Functions());
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ(p.value().id(), "SVN");
  EXPECT_EQ(p.value().mandate_date(), "2026-05-01");
  EXPECT_EQ(p.value().institutions().size(), Functions().labels().size());
  for (const Label& f : Functions().labels()) {
    ASSERT_NE(p.value().LeadOf(f.id), nullptr) << f.id;
  }
  const auto j = nlohmann::json::parse(text);
  EXPECT_EQ(j["state"], "Slovenia");
  EXPECT_TRUE(j.contains("_comment"));
  EXPECT_TRUE(j["institutions"][0].contains("_comment"));
  EXPECT_EQ(j["institutions"][0]["_comment"].get<std::string>().rfind(
                Functions().labels()[0].name + ": ", 0),
            0u);
}

// A profile as a committee might write it, one mistake per case, and the line it is on.
constexpr const char* kHandWritten =
    "{\n"
    "  \"_comment\": \"Ministries of a test government\",\n"
    "  \"profile\": \"TST\",\n"
    "  \"government\": \"Test government\",\n"
    "  \"mandate\": \"2024 cabinet\",\n"
    "  \"mandate_date\": \"2024-01-01\",\n"
    "  \"version\": \"TST-1\",\n"
    "  \"institutions\": [\n"
    "    {\"id\": \"MOJ\", \"name\": \"Ministry of Justice\", \"abbreviation\": \"MoJ\",\n"
    "     \"leads\": [\"justice\"], \"supports\": []},\n"
    "    {\"id\": \"MOE\", \"name\": \"Ministry of Education\", \"abbreviation\": \"MoE\",\n"
    "     \"leads\": [\"education\"], \"supports\": [], \"_note\": \"schools\"}\n"
    "  ]\n"
    "}\n";

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  text.replace(text.find(from), from.size(), to);
  return text;
}

TEST(CheckProfile, ReportsEachMistakeAtItsLine) {
  const struct {
    std::string text;
    int line;
    std::string message;
  } cases[] = {
      // A missing field is reported at the object that lacks it.
      {Replace(kHandWritten, "\"leads\": [\"education\"]", "\"lead\": [\"education\"]"), 11,
       "institutions[1]: missing field 'leads'"},
      {Replace(kHandWritten, "\"education\"", "\"educaton\""), 12,
       "institutions[1].leads[0]: unknown function 'educaton' (not in functions.tsv)"},
      {Replace(kHandWritten, "\"education\"", "\"justice\""), 12,
       "institutions[1].leads: function 'justice' is already led by 'MOJ'"},
      {Replace(kHandWritten, "\"2024-01-01\"", "\"1 January 2024\""), 6,
       "mandate_date: must be a date YYYY-MM-DD"},
      {Replace(kHandWritten, "\"MOE\"", "\"MOJ\""), 11,
       "institutions[1].id: duplicate institution id 'MOJ'"},
      {Replace(kHandWritten, "\"version\": \"TST-1\",\n", ""), 1, "missing field 'version'"},
      {Replace(kHandWritten, "\"mandate\": \"2024 cabinet\",", "\"mandate\": \"2024 cabinet\""), 6,
       "not valid JSON: syntax error while parsing object - unexpected string literal; expected "
       "'}'"},
  };
  for (const auto& c : cases) {
    const auto problems = CheckProfile(c.text, "TST.json", Functions());
    ASSERT_FALSE(problems.empty()) << c.message;
    EXPECT_TRUE(problems[0].error) << c.message;
    EXPECT_EQ(problems[0].line, c.line) << c.message;
    EXPECT_EQ(problems[0].message.rfind(c.message, 0), 0u) << problems[0].message;
  }
}

TEST(CheckProfile, AnUnknownFieldIsAnErrorUnlessItIsANote) {
  const std::string text =
      Replace(kHandWritten, "\"supports\": [], \"_note\"", "\"support\": [], \"_note\"");
  const auto problems = CheckProfile(text, "TST.json", Functions());
  bool found = false;
  for (const auto& p : problems) {
    if (p.message.find("unknown field 'support'") != std::string::npos) {
      found = true;
      EXPECT_EQ(p.line, 12);
      EXPECT_TRUE(p.error);
    }
    EXPECT_EQ(p.message.find("unknown field '_"), std::string::npos) << p.message;
  }
  EXPECT_TRUE(found);
}

TEST(CheckProfile, FunctionsNobodyLeadsAreOneWarning) {
  const auto problems = CheckProfile(kHandWritten, "TST.json", Functions());
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_FALSE(problems[0].error);
  EXPECT_EQ(problems[0].line, 8);
  EXPECT_NE(problems[0].message.find("no institution leads"), std::string::npos);
  // The list names each function nobody leads, and not those MOJ and MOE lead.
  const std::string list = problems[0].message.substr(problems[0].message.find("leads ") + 6);
  EXPECT_NE(list.find("police, "), std::string::npos) << list;
  EXPECT_EQ(list.find(" justice,"), std::string::npos) << list;
  EXPECT_NE(list.rfind("foreign_affairs, ", 0), std::string::npos) << list;
  EXPECT_EQ(list.find(" education,"), std::string::npos) << list;
}

TEST(CheckProfile, CambodiasProfileIsClean) {
  auto text = EmbeddedData("KHM.json");
  ASSERT_TRUE(text.has_value());
  for (const auto& p : CheckProfile(*text, "KHM.json", Functions())) {
    ADD_FAILURE() << "KHM.json:" << p.line << ": " << p.message;
  }
}

}  // namespace
}  // namespace uprx::classifiers
