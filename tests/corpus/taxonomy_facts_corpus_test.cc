// Every label in the taxonomy facts of ../shared/design (the labels observed in OHCHR's thematic
// lists, and the coded 2014 vintage) maps to one of our labels. The unit test
// taxonomy_alias_test.cc holds a fixture with the same names; this one reads the shared files
// themselves, so a label added there is checked too.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "classifiers/taxonomy.h"
#include "pipeline/eval/thematic_eval.h"
#include "tests/corpus/corpus_env.h"

namespace uprx::classifiers {
namespace {

std::filesystem::path Facts() {
  return std::filesystem::path(testing::SharedDir()) / "design" / "taxonomy-facts";
}

// The label column of a facts file (comments, blank lines and the "label" header skipped); fails
// when the file is missing.
std::vector<std::string> LabelLines(const std::string& name) {
  std::ifstream in(Facts() / name);
  EXPECT_TRUE(in.good()) << (Facts() / name) << " cannot be read";
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#' || line.rfind("label\t", 0) == 0) continue;
    lines.push_back(line.substr(0, line.find('\t')));
  }
  return lines;
}

TEST(TaxonomyFacts, EveryObservedLabelMaps) {
  CORPUS_OR_SKIP();
  auto themes = Taxonomy::LoadEmbedded("uhri.tsv");
  auto persons = Taxonomy::LoadEmbedded("uhri_persons.tsv");
  ASSERT_TRUE(themes.ok() && persons.ok());
  const std::pair<const char*, const Taxonomy*> files[] = {
      {"taxonomy_uhri_themes_observed_union.txt", &themes.value()},
      {"taxonomy_uhri_affected_persons_observed_union.txt", &persons.value()},
  };
  for (const auto& [name, taxonomy] : files) {
    const std::vector<std::string> labels = LabelLines(name);
    EXPECT_GT(labels.size(), 20u) << name;
    for (const std::string& label : labels) {
      EXPECT_NE(pipeline::MapGivenLabel(*taxonomy, label), nullptr) << name << ": " << label;
    }
  }
}

TEST(TaxonomyFacts, EveryCoded2014LabelMaps) {
  CORPUS_OR_SKIP();
  auto themes = Taxonomy::LoadEmbedded("uhri.tsv");
  auto persons = Taxonomy::LoadEmbedded("uhri_persons.tsv");
  ASSERT_TRUE(themes.ok() && persons.ok());
  std::ifstream coded(Facts() / "taxonomy_uhri_old_coded_2014.txt");
  ASSERT_TRUE(coded.good()) << Facts() << " has no taxonomy_uhri_old_coded_2014.txt";
  const Taxonomy* t = &themes.value();
  int checked = 0;
  for (std::string line; std::getline(coded, line);) {
    if (line.rfind("## Affected", 0) == 0) t = &persons.value();
    if (line.empty() || line[0] == '#') continue;
    EXPECT_NE(pipeline::MapGivenLabel(*t, line), nullptr) << line;
    ++checked;
  }
  EXPECT_GT(checked, 50);
}

}  // namespace
}  // namespace uprx::classifiers
