// The UHRI affected-persons taxonomy (classifiers/taxonomies/uhri_persons.tsv): it loads, and
// short recommendations written here name the groups a reader would name.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "classifiers/multi_label_classifier.h"
#include "classifiers/taxonomy.h"

namespace uprx::classifiers {
namespace {

struct Case {
  const char* text;
  std::vector<std::string> want;
  std::vector<std::string> not_want;
};

std::vector<std::string> Ids(std::string_view text) {
  static const MultiLabelClassifier c = [] {
    auto t = Taxonomy::LoadEmbedded("uhri_persons.tsv");
    EXPECT_TRUE(t.ok()) << t.status().ToString();
    auto m = MultiLabelClassifier::Create(t.value());
    EXPECT_TRUE(m.ok()) << m.status().ToString();
    return std::move(m).value();
  }();
  std::vector<std::string> ids;
  for (const auto& l : c.Classify(text)) ids.push_back(l.id);
  return ids;
}

void Check(const Case& c) {
  const std::vector<std::string> got = Ids(c.text);
  for (const std::string& w : c.want) {
    EXPECT_NE(std::find(got.begin(), got.end(), w), got.end()) << w << " missing for: " << c.text;
  }
  for (const std::string& n : c.not_want) {
    EXPECT_EQ(std::find(got.begin(), got.end(), n), got.end()) << n << " given to: " << c.text;
  }
}

TEST(PersonsTaxonomy, LoadsWithTheObservedGroups) {
  auto t = Taxonomy::LoadEmbedded("uhri_persons.tsv");
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_EQ(t.value().id(), "uhri-persons");
  for (const char* name : {"Women & girls", "women", "girls", "Persons with disabilities",
                           "minorities/ racial, ethnic, linguistic, religious or descent-based "
                           "groups",
                           "Roma, Gypsies, Sinti & Travellers", "general", "Public officials"}) {
    EXPECT_NE(t.value().FindLabelByName(name), nullptr) << name;
  }
}

TEST(PersonsTaxonomy, NamesTheGroupsOfClearRecommendations) {
  const Case cases[] = {
      {"Provide training to judges and prosecutors on domestic violence",
       {"judges-lawyers", "women-girls"},
       {"general"}},
      {"Improve the integration of refugees and asylum seekers", {"refugees"}, {"general"}},
      {"Protect journalists and human rights defenders from harassment",
       {"media", "hr-defenders"},
       {}},
      {"Ensure access to inclusive education for children with disabilities",
       {"children", "persons-with-disabilities", "children-vulnerable"},
       {}},
      {"Resolve the status of the erased persons", {"non-citizens", "stateless"}, {}},
      {"Improve the living conditions of Roma communities", {"roma", "minorities"}, {}},
      {"Strengthen the independence of the judiciary", {"judges-lawyers"}, {}},
  };
  for (const Case& c : cases) Check(c);
}

TEST(PersonsTaxonomy, GeneralOnlyWhenNoGroupIsNamed) {
  Check({"Strengthen the fight against corruption", {"general"}, {"women-girls"}});
  Check({"Adopt a law against discrimination of women", {"women-girls"}, {"general"}});
}

TEST(PersonsTaxonomy, FormerBugs) {
  // "women and girls" names women, not children.
  Check({"End violence against women and girls", {"women-girls"}, {"children"}});
}

}  // namespace
}  // namespace uprx::classifiers
