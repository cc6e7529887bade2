// The word vectors of `uprx compare`: the file format with its errors, the shipped file, and the
// vector features they give a pair (compare_score.h).
#include "pipeline/compare/compare_vectors.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "pipeline/compare/compare_score.h"
#include "pipeline/compare/compare_text.h"

namespace uprx::pipeline {
namespace {

TEST(WordVectors, ReadsUnitVectorsFromScaledIntegers) {
  const core::Result<WordVectors> v =
      WordVectors::Parse("# two words\ndims\t2\nolder\t127 0\nelderly\t90 90\n", "v.tsv");
  ASSERT_TRUE(v.ok()) << v.status().ToString();
  EXPECT_EQ(v.value().dims(), 2u);
  EXPECT_EQ(v.value().size(), 2u);
  const float* e = v.value().Find("elderly");
  ASSERT_NE(e, nullptr);
  EXPECT_NEAR(e[0] * e[0] + e[1] * e[1], 1.0, 1e-6);
  EXPECT_NEAR(e[0], std::sqrt(0.5), 1e-6);
  EXPECT_EQ(v.value().Find("prison"), nullptr);
}

TEST(WordVectors, BadFilesNameTheLineAndWhy) {
  const struct {
    const char* tsv;
    const char* part;
  } cases[] = {
      {"older\t1 2\n", "v.tsv:1: the first line must be \"dims<TAB>D\""},
      {"dims\t0\n", "v.tsv:1:"},
      {"dims\t2\nolder\t1 2 3\n", "v.tsv:2: 3 components, expected 2"},
      {"dims\t2\nolder\t1 200\n", "v.tsv:2: component '200'"},
      {"dims\t2\nolder\t1 x\n", "v.tsv:2: component 'x'"},
      {"dims\t2\nolder\t1 2\nolder\t2 1\n", "v.tsv:3: 'older' given twice"},
      {"dims\t2\nolder\t0 0\n", "v.tsv:2: 'older' has a zero vector"},
      {"dims\t2\nolder 1 2\n", "v.tsv:2: expected a word, a tab"},
      {"# nothing\n", "no \"dims\" line"},
  };
  for (const auto& c : cases) {
    const core::Result<WordVectors> v = WordVectors::Parse(c.tsv, "v.tsv");
    ASSERT_FALSE(v.ok()) << c.tsv;
    EXPECT_EQ(v.status().code(), "data_invalid");
    EXPECT_NE(v.status().message().find(c.part), std::string::npos) << v.status().message();
  }
}

TEST(WordVectors, SerializeWritesWhatParseReads) {
  const std::string tsv =
      WordVectors::Serialize({"a", "b"}, {{3.0f, 4.0f}, {0.0f, -2.0f}}, {"made here"});
  EXPECT_EQ(tsv, "# made here\ndims\t2\na\t76 102\nb\t0 -127\n");
  const core::Result<WordVectors> v = WordVectors::Parse(tsv, "s.tsv");
  ASSERT_TRUE(v.ok());
  EXPECT_NEAR(v.value().Find("a")[1], 0.8, 0.01);
}

TEST(WordVectors, TheShippedFileCoversUprLanguage) {
  const core::Result<WordVectors> v = WordVectors::LoadDefault();
  ASSERT_TRUE(v.ok()) << v.status().ToString();
  EXPECT_EQ(v.value().dims(), 100u);
  EXPECT_GT(v.value().size(), 3000u);
  for (const char* word : {"ratify", "trafficking", "elderly", "repeal", "ombudsman", "roma"}) {
    EXPECT_NE(v.value().Find(word), nullptr) << word;
  }
}

double Feature(const PairScore& s, const std::string& name) {
  const auto at = std::find(kPairFeatureNames.begin(), kPairFeatureNames.end(), name);
  return s.features[static_cast<std::size_t>(at - kPairFeatureNames.begin())];
}

core::Review ReviewOf(const std::vector<std::string>& texts, int cycle) {
  core::Review r;
  r.sur_iso3 = "TST";
  r.cycle = cycle;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    core::Recommendation rec;
    rec.number = std::to_string(cycle) + "." + std::to_string(i + 1);
    rec.id = "TST-c" + std::to_string(cycle) + "-" + rec.number;
    rec.text = texts[i];
    r.recommendations.push_back(rec);
  }
  return r;
}

// Different words for one ask ("repeal" / "abolish") meet through the vectors; a different ask
// in other words does not, and terms without vectors give 0 rather than a guess.
TEST(PairScorer, VectorFeaturesSeeSynonymsThatShareNoWord) {
  const core::Result<CompareTerms> terms = CompareTerms::LoadDefault();
  ASSERT_TRUE(terms.ok());
  const core::Result<CompareModel> model = CompareModel::LoadDefault();
  ASSERT_TRUE(model.ok());
  const core::Review old_review = ReviewOf({"Abolish the death penalty",
                                            "Improve conditions in prisons and reduce "
                                            "overcrowding"},
                                           1);
  const core::Review new_review = ReviewOf({"Repeal capital punishment"}, 2);
  const PairScorer scorer(terms.value(), model.value(), old_review, new_review);
  const PairScore same = scorer.Score(0, 0), other = scorer.Score(1, 0);
  for (const char* name : {"vec_cos", "soft_new_in_old", "soft_old_in_new"}) {
    EXPECT_GT(Feature(same, name), Feature(other, name) + 0.1) << name;
    EXPECT_LE(Feature(same, name), 1.0) << name;
  }
  EXPECT_GT(Feature(same, "soft_new_in_old"), 0.5);

  const PairScorer blind(terms.value().WithVectors(WordVectors()), model.value(), old_review,
                         new_review);
  EXPECT_EQ(Feature(blind.Score(0, 0), "vec_cos"), 0.0);
  EXPECT_EQ(Feature(blind.Score(0, 0), "soft_new_in_old"), 0.0);
}

}  // namespace
}  // namespace uprx::pipeline
