// The action category against UPR Info's coding of WG sessions 17-20, rules alone and with a
// model trained here on sessions 1-16 (never on the sessions scored).
#include <gtest/gtest.h>

#include <iostream>

#include "classifiers/action_classifier.h"
#include "classifiers/label_metrics.h"
#include "pipeline/eval/uprinfo_label_rows.h"
#include "tests/corpus/corpus_env.h"
#include "tests/corpus/figures.h"

namespace uprx::classifiers {
namespace {

std::vector<LabelledText> Select(const std::vector<pipeline::LabelledRow>& rows, int first,
                                 int last) {
  std::vector<LabelledText> out;
  for (const pipeline::LabelledRow& r : rows) {
    if (r.session >= first && r.session <= last && r.action.size() == 1 && r.action >= "1" &&
        r.action <= "5") {
      out.push_back({r.text, r.action});
    }
  }
  return out;
}

template <typename Classify>
LabelMetrics Score(const std::vector<LabelledText>& texts, Classify classify) {
  LabelMetrics m({"1", "2", "3", "4", "5"});
  for (const LabelledText& t : texts) m.Add(t.label, std::to_string(classify(t.text).category));
  return m;
}

TEST(ActionCorpus, AgreesWithUprInfoOnSessions17To20) {
  CORPUS_OR_SKIP();
  auto rows = pipeline::LoadLabelledRows(::uprx::testing::CorporaDir() + "/labels/uprinfo");
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  const std::vector<LabelledText> train = Select(rows.value(), 1, 16);
  const std::vector<LabelledText> test = Select(rows.value(), 17, 20);
  EXPECT_EQ(train.size(), 30261u);
  EXPECT_EQ(test.size(), 10805u);

  auto taxonomy = Taxonomy::LoadEmbedded("action.tsv");
  ASSERT_TRUE(taxonomy.ok());
  auto rules = ActionClassifier::Create(taxonomy.value());
  ASSERT_TRUE(rules.ok());
  const LabelMetrics by_rules =
      Score(test, [&](std::string_view t) { return rules.value().ClassifyByRules(t); });
  std::cout << "rules alone\n" << by_rules.Report();
  EXPECT_GE(by_rules.accuracy(), ::uprx::testing::Floor("action.rules_accuracy"));

  auto both =
      ActionClassifier::Create(taxonomy.value(), TrainActionModel(rules.value(), train, {}));
  ASSERT_TRUE(both.ok());
  const LabelMetrics by_model =
      Score(test, [&](std::string_view t) { return both.value().Classify(t); });
  std::cout << "rules + model\n" << by_model.Report();
  // Issue 4 asks for 0.92; the model falls short (corpora/figures.tsv has the figure reached).
  // Most errors left are 4<->5 on verbs UPR Info codes both ways, and codings that moved after
  // session 16 ("Revise" is 3 in sessions 1-16, 5 in 17-20). This guards the figure reached.
  EXPECT_GE(by_model.accuracy(), ::uprx::testing::Floor("action.accuracy"));
}

// The figure the features were chosen on: trained on sessions 1-12, scored on 13-16, so that
// sessions 17-20 stay unseen while choosing.
TEST(ActionCorpus, ValidatesOnSessions13To16) {
  CORPUS_OR_SKIP();
  auto rows = pipeline::LoadLabelledRows(::uprx::testing::CorporaDir() + "/labels/uprinfo");
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  const std::vector<LabelledText> train = Select(rows.value(), 1, 12);
  const std::vector<LabelledText> validation = Select(rows.value(), 13, 16);
  auto taxonomy = Taxonomy::LoadEmbedded("action.tsv");
  ASSERT_TRUE(taxonomy.ok());
  auto rules = ActionClassifier::Create(taxonomy.value());
  ASSERT_TRUE(rules.ok());
  auto both =
      ActionClassifier::Create(taxonomy.value(), TrainActionModel(rules.value(), train, {}));
  ASSERT_TRUE(both.ok());
  const LabelMetrics m =
      Score(validation, [&](std::string_view t) { return both.value().Classify(t); });
  std::cout << "rules + model, sessions 13-16\n" << m.Report();
  EXPECT_GE(m.accuracy(), ::uprx::testing::Floor("action.validation_accuracy"));
}

}  // namespace
}  // namespace uprx::classifiers
