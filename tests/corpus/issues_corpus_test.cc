// UPR Info's issues against its coding of WG sessions 17-20, rules alone and with a model
// trained here on sessions 1-16 (never on the sessions scored); the unit is the UPR Info row.
#include <gtest/gtest.h>

#include <iostream>

#include "classifiers/label_metrics.h"
#include "classifiers/multi_label_classifier.h"
#include "pipeline/eval/uprinfo_label_rows.h"
#include "tests/corpus/corpus_env.h"
#include "tests/corpus/figures.h"

namespace uprx::classifiers {
namespace {

std::vector<MultiLabelledText> Select(const Taxonomy& t,
                                      const std::vector<pipeline::LabelledRow>& rows, int first,
                                      int last, std::size_t& unknown) {
  std::vector<MultiLabelledText> out;
  for (const pipeline::LabelledRow& r : rows) {
    if (r.session < first || r.session > last || r.issue_names.empty()) continue;
    MultiLabelledText e{r.text, {}, r.session};
    for (const std::string& name : r.issue_names) {
      const Label* l = t.FindLabelByName(name);
      if (l == nullptr) {
        ++unknown;
      } else {
        e.labels.push_back(l->id);
      }
    }
    out.push_back(std::move(e));
  }
  return out;
}

template <typename Classify>
MultiLabelMetrics Score(const Taxonomy& t, const std::vector<MultiLabelledText>& texts,
                        Classify classify) {
  std::vector<std::string> ids, names;
  for (const Label& l : t.labels()) ids.push_back(l.id), names.push_back(l.name);
  MultiLabelMetrics m(ids, names);
  for (const MultiLabelledText& x : texts) {
    std::vector<std::string> given;
    for (const core::AssignedLabel& l : classify(x.text)) given.push_back(l.id);
    m.Add(x.labels, given);
  }
  return m;
}

TEST(IssuesCorpus, AgreesWithUprInfoOnSessions17To20) {
  CORPUS_OR_SKIP();
  auto rows = pipeline::LoadLabelledRows(::uprx::testing::CorporaDir() + "/labels/uprinfo");
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  auto taxonomy = Taxonomy::LoadEmbedded("uprinfo.tsv");
  ASSERT_TRUE(taxonomy.ok()) << taxonomy.status().ToString();
  std::size_t unknown = 0;
  const std::vector<MultiLabelledText> train =
      Select(taxonomy.value(), rows.value(), 1, 16, unknown);
  const std::vector<MultiLabelledText> test =
      Select(taxonomy.value(), rows.value(), 17, 20, unknown);
  EXPECT_EQ(train.size(), 30261u);  // every row has at least one issue
  EXPECT_EQ(test.size(), 10805u);
  EXPECT_EQ(unknown, 0u);  // every issue name of the exports is a label or an alias

  auto rules = MultiLabelClassifier::Create(taxonomy.value());
  ASSERT_TRUE(rules.ok());
  const MultiLabelMetrics by_rules = Score(
      taxonomy.value(), test, [&](std::string_view t) { return rules.value().ClassifyByRules(t); });
  std::cout << "rules alone\n" << by_rules.Report();
  EXPECT_GE(by_rules.Micro().f1, ::uprx::testing::Floor("issues.rules_micro_f1"));

  auto both = MultiLabelClassifier::Create(taxonomy.value(),
                                           TrainMultiLabelModel(rules.value(), train, {}));
  ASSERT_TRUE(both.ok()) << both.status().ToString();
  const MultiLabelMetrics by_model =
      Score(taxonomy.value(), test, [&](std::string_view t) { return both.value().Classify(t); });
  std::cout << "rules + model\n" << by_model.Report();
  EXPECT_GE(by_model.Micro().f1, ::uprx::testing::Floor("issues.micro_f1"));
  EXPECT_GE(by_model.macro_f1(), ::uprx::testing::Floor("issues.macro_f1"));
  EXPECT_GT(by_model.Micro().f1, by_rules.Micro().f1);
}

}  // namespace
}  // namespace uprx::classifiers
