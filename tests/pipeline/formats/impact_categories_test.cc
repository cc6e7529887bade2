#include "pipeline/formats/impact_categories.h"

#include <gtest/gtest.h>

#include <set>
#include <sstream>
#include <string>

#include "pipeline/core/embedded_data.h"

namespace uprx::pipeline {
namespace {

// The label ids of a compiled-in taxonomy file ("label<TAB>id<TAB>...").
std::set<std::string> LabelIds(const std::string& file) {
  std::istringstream in(EmbeddedData(file).value_or(""));
  std::set<std::string> ids;
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("label\t", 0) != 0) continue;
    ids.insert(line.substr(6, line.find('\t', 6) - 6));
  }
  return ids;
}

TEST(ImpactCategories, TheDefaultFitsImpactsSeededCategories) {
  const auto c = ImpactCategories::LoadDefault();
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c.value().State("FRA"), "FRA");  // seeded short titles are ISO3 codes ...
  EXPECT_EQ(c.value().State("SSD"), "SDS");  // ... but South Sudan's
  EXPECT_EQ(c.value().Find("body", "upr"), "UPR");
  EXPECT_EQ(c.value().Find("theme", "torture"), "Integrity");
  EXPECT_EQ(c.value().Find("theme", "health"), "Health");
  EXPECT_EQ(c.value().Find("persons", "women-girls"), "Women");
  EXPECT_EQ(c.value().Find("sdg", "16"), "SDG 16");
  EXPECT_EQ(c.value().Find("cycle", "KHM-c2"), "");  // no cycle is linked by default
}

// Every key of the default file is a label uprx gives: a renamed taxonomy id must be renamed here.
TEST(ImpactCategories, EveryDefaultKeyIsALabelUprxGives) {
  const std::set<std::string> themes = LabelIds("uhri.tsv"), persons = LabelIds("uhri_persons.tsv"),
                              sdgs = LabelIds("sdg.tsv");
  ASSERT_FALSE(themes.empty());
  std::istringstream in(EmbeddedData("impact_categories.tsv").value_or(""));
  int checked = 0;
  for (std::string line; std::getline(in, line);) {
    std::istringstream fields(line);
    std::string kind, key;
    std::getline(fields, kind, '\t');
    std::getline(fields, key, '\t');
    const std::set<std::string>* ids = kind == "theme"     ? &themes
                                       : kind == "persons" ? &persons
                                       : kind == "sdg"     ? &sdgs
                                                           : nullptr;
    if (!ids) continue;
    EXPECT_TRUE(ids->contains(key)) << kind << " " << key;
    ++checked;
  }
  EXPECT_GT(checked, 100);
}

TEST(ImpactCategories, ABadLineIsReportedWithItsNumber) {
  const struct {
    const char* text;
    const char* why;
  } kCases[] = {
      {"# c\nstate\tSSD\tSDS\ncountry\tFRA\tFR\n", "fixture:3: unknown kind \"country\""},
      {"theme\ttorture\tIntegrity, torture\n", "fixture:1: a short title cannot hold ','"},
      {"theme\ttorture\tA|B\n", "fixture:1: a short title cannot hold"},
      {"theme\ttorture\n", "fixture:1: expected kind<TAB>key<TAB>short title"},
      {"sdg\t1\tSDG 1\tx\n", "fixture:1: more than three fields"},
      {"sdg\t1\tSDG 1\nsdg\t1\tGoal 1\n", "fixture:2: a second line for sdg 1"},
      {"sdg\t1\t SDG 1\n", "fixture:1: short title with surrounding spaces"},
  };
  for (const auto& c : kCases) {
    const auto parsed = ImpactCategories::Parse(c.text, "fixture");
    ASSERT_FALSE(parsed.ok()) << c.text;
    EXPECT_EQ(parsed.status().code(), "impact_categories_invalid");
    EXPECT_EQ(parsed.status().message().rfind(c.why, 0), 0u) << parsed.status().message();
  }
}

TEST(ImpactCategories, AnEditedCopyIsReadWithCrlfAndAMissingFileIsAnError) {
  const auto c = ImpactCategories::Parse("state\tFRA\tFrance\r\ntheme\ttorture\tTorture\r\n", "x");
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c.value().State("FRA"), "France");
  EXPECT_EQ(c.value().Find("theme", "torture"), "Torture");
  EXPECT_EQ(c.value().Find("theme", "health"), "");
  EXPECT_EQ(ImpactCategories::Load("/nonexistent/impact.tsv").status().code(),
            "impact_categories_unreadable");
}

}  // namespace
}  // namespace uprx::pipeline
