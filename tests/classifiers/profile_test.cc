// Government profiles: the compiled-in ones load and are complete; a bad profile is refused with
// the file, the place and the reason.
#include "classifiers/profile.h"

#include <gtest/gtest.h>

#include <set>

#include "classifiers/ministry_assigner.h"
#include "tests/classifiers/functions_fixture.h"

namespace uprx::classifiers {
namespace {

using testing::Functions;

TEST(Profile, CambodiaHasEveryMinistryAndInstitutionOfTheDomainList) {
  auto p = Profile::LoadEmbedded("KHM", Functions());
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  // DOMAIN.md, "Ministries": the Royal Government of Cambodia, 2023 mandate.
  const char* const kNames[] = {
      "Office of the Council of Ministers",
      "Ministry of National Defence",
      "Ministry of Interior",
      "Ministry of Foreign Affairs and International Cooperation",
      "Ministry of Economy and Finance",
      "Ministry of Agriculture, Forestry and Fisheries",
      "Ministry of Rural Development",
      "Ministry of Commerce",
      "Ministry of Industry, Science, Technology and Innovation",
      "Ministry of Mines and Energy",
      "Ministry of Planning",
      "Ministry of Education, Youth and Sport",
      "Ministry of Social Affairs, Veterans and Youth Rehabilitation",
      "Ministry of Land Management, Urban Planning and Construction",
      "Ministry of Environment",
      "Ministry of Water Resources and Meteorology",
      "Ministry of Information",
      "Ministry of Justice",
      "Ministry of Relations with the National Assembly, Senate and Inspection",
      "Ministry of Posts and Telecommunications",
      "Ministry of Health",
      "Ministry of Public Works and Transport",
      "Ministry of Culture and Fine Arts",
      "Ministry of Tourism",
      "Ministry of Cults and Religion",
      "Ministry of Women's Affairs",
      "Ministry of Labour and Vocational Training",
      "Ministry of Civil Service",
      "Cambodian Human Rights Committee",
      "National Election Committee",
      "Anti-Corruption Unit",
      "National Committee for Counter Trafficking",
      "Cambodian National Council for Women",
      "Cambodian National Council for Children",
      "Supreme Council of Magistracy",
      "Constitutional Council",
      "National Assembly and Senate",
      "General Commissariat of National Police",
      "General Department of Prisons",
      "Council for Legal and Judicial Reform",
      "Extraordinary Chambers in the Courts of Cambodia",
      "National AIDS Authority",
      "Cambodian Mine Action and Victim Assistance Authority",
      "National Social Protection Council",
      "National Institute of Statistics"};
  std::set<std::string> names;
  for (const Institution& in : p.value().institutions()) names.insert(in.name);
  for (const char* name : kNames) EXPECT_TRUE(names.count(name)) << name;
  EXPECT_EQ(p.value().institutions().size(), std::size(kNames));
  EXPECT_EQ(p.value().mandate_date(), "2023-08-22");
}

TEST(Profile, CambodiaGivesEveryFunctionALead) {
  auto p = Profile::LoadEmbedded("KHM", Functions());
  ASSERT_TRUE(p.ok());
  for (const Label& f : Functions().labels()) {
    EXPECT_NE(p.value().LeadOf(f.id), nullptr) << "no lead for function " << f.id;
  }
  EXPECT_EQ(p.value().LeadOf("justice")->id, "MOJ");
  EXPECT_EQ(p.value().Find("MoWA")->id, "MOWA");  // by abbreviation, case ignored
  EXPECT_EQ(p.value().Find("GDP")->parent, "MOI");
}

TEST(Profile, GenericReportsFunctionsOnly) {
  auto p = Profile::LoadEmbedded("generic", Functions());
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_TRUE(p.value().functions_only());
  EXPECT_FALSE(Profile::HasEmbedded("XYZ"));
  EXPECT_EQ(Profile::LoadEmbedded("XYZ", Functions()).status().code(), "profile_missing");
}

std::string WithInstitutions(const std::string& institutions, const std::string& rules = "[]") {
  return R"({"profile": "T", "government": "G", "mandate": "M", "mandate_date": "2024-01-01",
             "version": "1", "institutions": )" +
         institutions + R"(, "rules": )" + rules + "}";
}

TEST(Profile, RefusesBadProfilesSayingWhereAndWhy) {
  const std::string ok = R"({"id": "A", "name": "A", "abbreviation": "A", "leads": ["justice"],
                             "supports": []})";
  const struct {
    std::string text;
    std::string message;  // part of the expected message
  } kCases[] = {
      {"{", "t.json: (file): not valid JSON"},
      {R"({"profile": "T"})", "t.json: (top): missing field 'government'"},
      {WithInstitutions(R"([{"id": "A", "name": "A", "abbreviation": "A", "leads": ["justce"],
                            "supports": []}])"),
       "t.json: institutions[0].leads[0]: unknown function 'justce'"},
      {WithInstitutions("[" + ok + "," + ok + "]"),
       "t.json: institutions[1].id: duplicate institution id 'A'"},
      {WithInstitutions(R"([{"id": "A", "name": "A", "abbreviation": "A", "leads": ["justice"],
                            "supports": []},
                           {"id": "B", "name": "B", "abbreviation": "B", "leads": ["justice"],
                            "supports": []}])"),
       "institutions[1].leads: function 'justice' is already led by 'A'"},
      {WithInstitutions(R"([{"id": "A", "name": "A", "abbreviation": "A", "leads": []}])"),
       "institutions[0]: missing field 'supports'"},
      {WithInstitutions("[" + ok + "]", R"([{"id": "r", "pattern": "(unclosed",
                                             "institution": "A", "role": "lead", "weight": 1}])"),
       "t.json: rules[0].pattern: bad RE2 pattern"},
      {WithInstitutions("[" + ok + "]", R"([{"id": "r", "pattern": "x", "institution": "Z",
                                             "role": "lead", "weight": 1}])"),
       "rules[0].institution: unknown institution 'Z'"},
      {WithInstitutions("[" + ok + "]", R"([{"id": "r", "pattern": "x", "institution": "A",
                                             "role": "boss", "weight": 1}])"),
       "rules[0].role: must be \"lead\" or \"supporting\""},
      {WithInstitutions("[" + ok + "]", R"([{"id": "r", "pattern": "x", "institution": "A",
                                             "role": "lead", "weight": 2}])"),
       "rules[0].weight: must be a number"},
      // Former bugs: none yet.
  };
  for (const auto& c : kCases) {
    auto p = Profile::Parse(c.text, "t.json", Functions());
    ASSERT_FALSE(p.ok()) << c.message;
    EXPECT_EQ(p.status().code(), "profile_invalid");
    EXPECT_NE(p.status().message().find(c.message), std::string::npos) << p.status().message();
  }
}

TEST(Profile, AcceptsAMinimalProfile) {
  auto p = Profile::Parse(WithInstitutions(R"([{"id": "A", "name": "Justice", "abbreviation": "J",
                                               "leads": ["justice"], "supports": ["police"]}])"),
                          "t.json", Functions());
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ(p.value().SupportersOf("police").size(), 1u);
  EXPECT_EQ(p.value().LeadOf("police"), nullptr);
}

}  // namespace
}  // namespace uprx::classifiers
