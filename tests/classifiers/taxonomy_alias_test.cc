// The crosswalk between the vintages of OHCHR's labels: every alias of the UHRI, persons and SDG
// taxonomies names its own label, every label observed in the thematic lists maps to a label,
// and the thematic evaluation counts what it should on a review written here.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "classifiers/taxonomy.h"
#include "pipeline/core/embedded_data.h"
#include "pipeline/eval/thematic_eval.h"

namespace uprx::classifiers {
namespace {

// The fixture folder beside this file, through the source tree CMake names (never __FILE__,
// which a compiler cache may make relative).
const std::filesystem::path kHere =
    std::filesystem::path(UPRX_SOURCE_DIR) / "tests" / "classifiers";

std::vector<std::vector<std::string>> TabLines(std::istream& in) {
  std::vector<std::vector<std::string>> out;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> fields;
    std::stringstream s(line);
    std::string f;
    while (std::getline(s, f, '\t')) fields.push_back(f);
    out.push_back(fields);
  }
  return out;
}

const char* FileOf(const std::string& kind) {
  return kind == "themes" ? "uhri.tsv" : kind == "groups" ? "uhri_persons.tsv" : "sdg.tsv";
}

TEST(TaxonomyAlias, EveryAliasNamesItsOwnLabel) {
  for (const char* file : {"uhri.tsv", "uhri_persons.tsv", "sdg.tsv"}) {
    auto t = Taxonomy::LoadEmbedded(file);
    ASSERT_TRUE(t.ok()) << t.status().ToString();
    std::istringstream text(*EmbeddedData(file));
    int aliases = 0;
    for (const auto& f : TabLines(text)) {
      if (f[0] != "alias") continue;
      ++aliases;
      const Label* l = t.value().FindLabelByName(f[2]);
      ASSERT_NE(l, nullptr) << file << ": " << f[2];
      EXPECT_EQ(l->id, f[1]) << file << ": " << f[2];
    }
    EXPECT_GT(aliases, 0) << file;
  }
}

TEST(TaxonomyAlias, CodedAndNumberedLabelsReachThe2022Labels) {
  auto t = Taxonomy::LoadEmbedded("uhri.tsv");
  ASSERT_TRUE(t.ok());
  const std::pair<const char*, const char*> cases[] = {
      {"A12 Acceptance of international norms", "ratification"},
      {"A12", "ratification"},
      {"Acceptance of international norms", "ratification"},
      {"2.1. Acceptance of international norms", "ratification"},
      {"Ratification of & accession to international instruments", "ratification"},
      {"D27 Prohibition of slavery, trafficking", "trafficking"},
      {"Human trafficking & contemporary forms of slavery", "trafficking"},
      {"Budget &resources (for human rights implementation)", "budget"},
      {"Impunity & transparency", "rule-of-law-impunity"},
      {"12.4. Death penalty", "death-penalty"},
      {"G2", "equality"},  // no 2022+ LGBTI theme: the closest one
  };
  for (const auto& [given, id] : cases) {
    const Label* l = pipeline::MapGivenLabel(t.value(), given);
    ASSERT_NE(l, nullptr) << given;
    EXPECT_EQ(l->id, id) << given;
  }
  EXPECT_EQ(pipeline::MapGivenLabel(t.value(), "Q99 Something else entirely"), nullptr);
  EXPECT_EQ(pipeline::MapGivenLabel(t.value(), ""), nullptr);
}

TEST(TaxonomyAlias, EveryObservedLabelMaps) {
  std::ifstream in(kHere / "data" / "uhri_observed_labels.tsv");
  ASSERT_TRUE(in) << "fixture missing";
  std::map<std::string, Taxonomy> taxonomies;
  int checked = 0;
  for (const auto& f : TabLines(in)) {
    ASSERT_EQ(f.size(), 2u);
    if (!taxonomies.count(f[0])) {
      auto t = Taxonomy::LoadEmbedded(FileOf(f[0]));
      ASSERT_TRUE(t.ok()) << t.status().ToString();
      taxonomies.emplace(f[0], std::move(t).value());
    }
    EXPECT_NE(pipeline::MapGivenLabel(taxonomies.at(f[0]), f[1]), nullptr) << f[0] << ": " << f[1];
    ++checked;
  }
  EXPECT_GT(checked, 300);
}

core::Recommendation Rec(std::vector<std::string> given, std::vector<std::string> ours) {
  core::Recommendation r;
  r.given_labels.themes = std::move(given);
  r.labels.themes.emplace();
  for (std::string& id : ours) r.labels.themes->push_back({"uhri", id, "", 1, "rules", {}, ""});
  return r;
}

TEST(ThematicEval, CountsMatchesMissesAndUnmappedLabels) {
  auto e = pipeline::ThematicEvaluator::Create();
  ASSERT_TRUE(e.ok()) << e.status().ToString();
  core::Review review;
  review.recommendations = {
      Rec({"A12 Acceptance of international norms", "D25"}, {"ratification", "budget"}),
      Rec({"B31 Equality & non-discrimination", "No such label"}, {"torture"}),
      Rec({}, {"equality"}),  // no given theme: not scored
  };
  const pipeline::DocumentScore d = e.value().Score(review, "demo");
  ASSERT_FALSE(d.strict.empty());
  const pipeline::KindScore& s = d.strict[0];
  EXPECT_EQ(s.kind, "themes");
  EXPECT_EQ(s.scored, 2u);
  EXPECT_EQ(s.per_label.at("ratification").tp, 1u);
  EXPECT_EQ(s.per_label.at("torture").fn, 1u);  // missed in the first
  EXPECT_EQ(s.per_label.at("torture").fp, 1u);  // wrongly given in the second
  EXPECT_EQ(s.per_label.at("budget").fp, 1u);
  EXPECT_EQ(s.per_label.at("equality").fn, 1u);
  EXPECT_EQ(s.unmapped.at("No such label"), 1u);
  EXPECT_EQ(s.instead.at("torture").at("budget"), 1u);
  EXPECT_EQ(s.missed_there.at("torture").at("equality"), 1u);
  const pipeline::LabelCounts m = s.micro();
  EXPECT_EQ(m.tp, 1u);
  EXPECT_EQ(m.fp, 2u);
  EXPECT_EQ(m.fn, 2u);
  EXPECT_DOUBLE_EQ(m.precision(), 1.0 / 3);
  // Budget is a label this document never uses: the vocabulary score sets it aside.
  const pipeline::KindScore& v = d.vocabulary[0];
  EXPECT_EQ(v.outside_vocabulary, 1u);
  EXPECT_EQ(v.per_label.count("budget"), 0u);
  EXPECT_EQ(v.micro().fp, 1u);
}

TEST(ThematicEval, CoarseOlderLabelsCoverTheirFinerLabels) {
  auto themes = Taxonomy::LoadEmbedded("uhri.tsv");
  ASSERT_TRUE(themes.ok()) << themes.status().ToString();
  const std::map<std::string, std::vector<std::string>> cases = {
      {"7.1. Context, statistics, budget, cooperation with civil society", {"data", "budget"}},
      {"A6 Context, statistics, budget, civil society", {"data", "budget"}},
      {"16. Right to an effective remedy, impunity", {"rule-of-law-impunity"}},
      {"5.2. Institutions & policies", {"nhri", "nap"}},
      {"A42 Institutions & policies - General", {}},  // its siblings A45, A46 are labels
      {"B31 Equality & non-discrimination", {}},
  };
  for (const auto& [given, ids] : cases) {
    EXPECT_EQ(pipeline::CoveredLabels(themes.value(), given), ids) << given;
    for (const std::string& id : ids) EXPECT_NE(themes.value().FindLabel(id), nullptr) << id;
  }
  for (const char* parent :
       {"F4 Persons with disabilities", "A4 Domestic human rights framework"}) {
    for (const std::string& id : pipeline::CoveredLabels(themes.value(), parent)) {
      EXPECT_NE(themes.value().FindLabel(id), nullptr) << parent << ": " << id;
    }
  }
}

TEST(ThematicEval, FinerLabelUnderCoarseGivenLabelCountsOnce) {
  auto e = pipeline::ThematicEvaluator::Create();
  ASSERT_TRUE(e.ok()) << e.status().ToString();
  core::Review review;
  review.recommendations = {
      // data and budget both stand for the coarse 7.1 (civil-society): one true positive.
      Rec({"7.1. Context, statistics, budget, cooperation with civil society"}, {"data", "budget"}),
      // given on its own, a finer label is scored as itself.
      Rec({"7.1. Context, statistics, budget, cooperation with civil society", "A63"}, {"budget"}),
  };
  const pipeline::DocumentScore d = e.value().Score(review, "demo");
  ASSERT_FALSE(d.strict.empty());
  const pipeline::KindScore& s = d.strict[0];
  EXPECT_EQ(s.per_label.at("civil-society").tp, 1u);
  EXPECT_EQ(s.per_label.at("civil-society").fn, 1u);
  EXPECT_EQ(s.per_label.at("budget").tp, 1u);
  EXPECT_EQ(s.per_label.count("data"), 0u);
  EXPECT_EQ(s.micro().fp, 0u);
}

}  // namespace
}  // namespace uprx::classifiers
