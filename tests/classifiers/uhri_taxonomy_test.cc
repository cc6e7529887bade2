// The UHRI themes taxonomy (classifiers/taxonomies/uhri.tsv): it loads, its rules compile into
// one set, and short recommendations written here get the themes a reader would give them.
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
  std::vector<std::string> want;      // every one of these is given
  std::vector<std::string> not_want;  // none of these is given
};

const MultiLabelClassifier& Uhri() {
  static const MultiLabelClassifier c = [] {
    auto t = Taxonomy::LoadEmbedded("uhri.tsv");
    EXPECT_TRUE(t.ok()) << t.status().ToString();
    auto m = MultiLabelClassifier::Create(t.value());
    EXPECT_TRUE(m.ok()) << m.status().ToString();
    return std::move(m).value();
  }();
  return c;
}

std::vector<std::string> Ids(std::string_view text) {
  std::vector<std::string> ids;
  for (const auto& l : Uhri().Classify(text)) ids.push_back(l.id);
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

TEST(UhriTaxonomy, LoadsWithEveryLabelDefined) {
  auto t = Taxonomy::LoadEmbedded("uhri.tsv");
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_EQ(t.value().id(), "uhri");
  EXPECT_GE(t.value().labels().size(), 80u);
  for (const Label& l : t.value().labels()) {
    EXPECT_FALSE(l.name.empty()) << l.id;
    EXPECT_GE(l.definition.size(), 20u) << l.id << " needs a definition";
  }
  // The themes the 2022+ lists name are labels under those names, not only aliases.
  for (const char* name :
       {"Ratification of & accession to international instruments", "Equality & non-discrimination",
        "Rule of law & impunity", "Human trafficking & contemporary forms of slavery"}) {
    bool found = false;
    for (const Label& l : t.value().labels()) found = found || l.name == name;
    EXPECT_TRUE(found) << name;
  }
}

TEST(UhriTaxonomy, GivesTheThemesOfClearRecommendations) {
  const Case cases[] = {
      {"Ratify the Optional Protocol to the Convention against Torture",
       {"ratification", "torture"},
       {"education"}},
      {"Accede to the International Convention for the Protection of All Persons from Enforced "
       "Disappearance",
       {"ratification", "enforced-disappearances"},
       {}},
      {"Extend a standing invitation to all special procedures of the Human Rights Council",
       {"cooperation-mechanisms"},
       {"ratification"}},
      {"Establish a national human rights institution in full compliance with the Paris "
       "Principles",
       {"nhri"},
       {}},
      {"Adopt a comprehensive anti-discrimination law covering all grounds",
       {"equality", "constitution-legislation"},
       {"racial-discrimination"}},
      {"Intensify efforts to combat hate speech, racism and xenophobia",
       {"racial-discrimination", "equality"},
       {"freedom-expression"}},
      {"Ensure access to education for Roma children and reduce school drop-out",
       {"education", "minorities", "children-general"},
       {}},
      {"Criminalize marital rape and ratify the Istanbul Convention",
       {"violence-against-women", "sgbv", "ratification"},
       {}},
      {"Impose a moratorium on the death penalty with a view to its abolition",
       {"death-penalty"},
       {"right-to-life"}},
      {"Release all journalists detained for exercising their freedom of expression",
       {"freedom-expression", "arbitrary-detention"},
       {}},
      {"Improve conditions of detention and reduce prison overcrowding",
       {"detention-conditions"},
       {"arbitrary-detention"}},
      {"Combat trafficking in persons and provide assistance to victims",
       {"trafficking", "support-victims"},
       {}},
      {"Allocate sufficient financial resources to the implementation of the national action "
       "plan on gender equality",
       {"budget", "nap", "discrimination-against-women"},
       {}},
      {"Continue to share its experience in poverty alleviation with other developing countries",
       {"poverty", "inter-state-cooperation"},
       {"education"}},
      {"Guarantee access to safe drinking water and sanitation in Roma settlements",
       {"water-sanitation", "minorities"},
       {}},
  };
  for (const Case& c : cases) Check(c);
}

TEST(UhriTaxonomy, KeepsApartThemesThatShareWords) {
  const Case cases[] = {
      // Human rights education is not the right to education.
      {"Include human rights education in the training of police officers",
       {"hr-education"},
       {"education"}},
      // An enabling environment for civil society is not the natural environment.
      {"Ensure a safe and enabling environment for civil society",
       {"civil-society"},
       {"environment"}},
      // Forced labour is trafficking, not labour rights.
      {"Eradicate forced labour", {"trafficking"}, {"labour"}},
      // "Women and girls" in a violence recommendation does not make it about children.
      {"Prevent violence against women and girls",
       {"violence-against-women"},
       {"children-general"}},
  };
  for (const Case& c : cases) Check(c);
}

TEST(UhriTaxonomy, FormerBugs) {
  const Case cases[] = {
      // "execution" of a plan is not an execution.
      {"Ensure the effective execution of the national strategy for Roma",
       {"nap", "minorities"},
       {"death-penalty"}},
      // Hate speech is racial discrimination, not a freedom-of-expression theme on its own.
      {"Investigate and punish hate speech against migrants",
       {"racial-discrimination", "migrants"},
       {"freedom-expression"}},
  };
  for (const Case& c : cases) Check(c);
}

}  // namespace
}  // namespace uprx::classifiers
