// Our UHRI themes, affected persons and SDGs against the labels OHCHR gave in its thematic lists
// of Slovenia 2014/2019/2025, China 2013/2018 and Egypt 2014. The rules were written without
// reading these lists' recommendations (their label names only: the crosswalk), so the figures
// below are held-out figures. Each list is read here (extract only: the given labels and the
// texts) and labelled by the taxonomies compiled into this binary.
#include <gtest/gtest.h>

#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "classifiers/review_classifier.h"
#include "extractors/document_reader.h"
#include "extractors/identifier.h"
#include "extractors/normalizer.h"
#include "extractors/thematic_list_extractor.h"
#include "pipeline/eval/thematic_eval.h"
#include "tests/corpus/corpus_env.h"
#include "tests/corpus/figures.h"

namespace uprx::pipeline {
namespace {

constexpr const char* kLists[] = {
    "slovenia/c2/UPR20__Slovenia_ThematicListRecommendations_E.docx",
    "slovenia/c3/UPR34_Slovenia_Thematic_list_of_Recommendations.docx",
    "slovenia/c4/upr48-slovenia-thematic-list-of-recommendatio.docx",
    "matrices/Matrix_recommendations_2013.docx",
    "matrices/Matrix_recommendations_2018.docx",
    "matrices/EgyptMatriceRecommendations.docx",
};

core::Review ReadList(const std::string& relative) {
  core::Review review;
  auto source = extractors::ReadDocumentFile(testing::CorporaDir() + "/" + relative);
  EXPECT_TRUE(source.ok()) << relative;
  if (!source.ok()) return review;
  const core::NormalizedText text = extractors::Normalizer().Normalize(source.value());
  core::DocumentInfo info =
      extractors::Identifier(extractors::StateResolver::Default()).Identify(source.value(), text);
  const extractors::ThematicListExtractor extractor(extractors::StateResolver::Default());
  EXPECT_TRUE(extractor.Identify(text, info)) << relative;
  review.recommendations = extractor.Extract(text, info).recommendations;
  return review;
}

struct Figures {
  double themes_micro_f1 = 0, themes_vocabulary_f1 = 0, persons_f1 = 0, sdgs_f1 = 0;
  std::size_t themes_scored = 0, unmapped = 0;
};

Figures ScoreAll() {
  auto classifier = classifiers::ReviewClassifier::Create({});
  EXPECT_TRUE(classifier.ok()) << classifier.status().ToString();
  auto evaluator = ThematicEvaluator::Create(
      std::make_shared<const classifiers::ReviewClassifier>(std::move(classifier).value()));
  EXPECT_TRUE(evaluator.ok()) << evaluator.status().ToString();
  std::vector<DocumentScore> scores;
  for (const char* list : kLists) scores.push_back(evaluator.value().Score(ReadList(list), list));
  std::cout << FormatThematicReport(scores, 8, evaluator.value());
  const DocumentScore all = SumScores(scores, "overall");
  Figures f;
  for (std::size_t k = 0; k < all.strict.size(); ++k) {
    const double f1 = all.strict[k].micro().f1();
    if (all.strict[k].kind == "themes") {
      f.themes_micro_f1 = f1;
      f.themes_vocabulary_f1 = all.vocabulary[k].micro().f1();
      f.themes_scored = all.strict[k].scored;
      f.unmapped = all.strict[k].unmapped.size();
    }
    if (all.strict[k].kind == "groups") f.persons_f1 = all.vocabulary[k].micro().f1();
    if (all.strict[k].kind == "sdgs") f.sdgs_f1 = all.strict[k].micro().f1();
  }
  return f;
}

TEST(ThematicLabelsCorpus, AgreesWithOhchrThemesPersonsAndSdgs) {
  CORPUS_OR_SKIP();
  const Figures f = ScoreAll();
  // Every recommendation of the six lists carries OHCHR themes (163+215+254+252+346+300).
  EXPECT_EQ(f.themes_scored, 1530u);
  // Every theme label the lists write maps to one of ours through the crosswalk.
  EXPECT_EQ(f.unmapped, 0u);
  // The bar of issue 4 is 0.75 micro-F1. Not reached: the floors (corpora/figures.tsv) are the
  // figures reached minus a small margin, so that a change that makes the rules worse fails here.
  EXPECT_GE(f.themes_micro_f1, testing::Floor("themes.micro_f1"));
  EXPECT_GE(f.themes_vocabulary_f1, testing::Floor("themes.vocabulary_f1"));
  EXPECT_GE(f.persons_f1, testing::Floor("persons.vocabulary_f1"));
  EXPECT_GE(f.sdgs_f1, testing::Floor("sdgs.micro_f1"));
}

}  // namespace
}  // namespace uprx::pipeline
