// Labels from a multi-label taxonomy (UHRI themes, affected persons, UPR Info issues, SDGs):
// a text may take any number of its labels. Rules vote: every matching rule of a label adds
// its weight as independent evidence, so the label's score is 1 - Π(1 - min(weight, 1)) over
// its matching rules; an 'exclude' rule of the label vetoes it. A label is given when its score
// reaches the taxonomy's option `threshold` (default 0.5); at most `max_labels` (default 8) are
// given, best first. The evidence is the words each matching rule matched, in text order.
//
//   auto t = Taxonomy::LoadEmbedded("uhri.tsv");
//   auto c = MultiLabelClassifier::Create(t.value());
//   for (const core::AssignedLabel& l : c.value().Classify(text)) ...   // method "rules"
//
// Immutable after Create(); Classify() is thread-safe.
#ifndef UPRX_CLASSIFIERS_MULTI_LABEL_CLASSIFIER_H_
#define UPRX_CLASSIFIERS_MULTI_LABEL_CLASSIFIER_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "classifiers/rule_classifier.h"
#include "classifiers/taxonomy.h"
#include "pipeline/core/document.h"
#include "pipeline/core/status.h"

namespace uprx::classifiers {

class MultiLabelClassifier {
 public:
  // "taxonomy_invalid" when an option is not a number in range.
  [[nodiscard]] static core::Result<MultiLabelClassifier> Create(const Taxonomy& taxonomy);

  // The labels the rules give, best score first (ties in taxonomy order).
  std::vector<core::AssignedLabel> Classify(std::string_view text) const;
  // Every label any rule voted for, with its score, including those under the threshold and
  // vetoed ones (score 0): what a model or a person may want to weigh.
  std::vector<core::AssignedLabel> Scores(std::string_view text) const;

  const Taxonomy& taxonomy() const { return *taxonomy_; }
  double threshold() const { return threshold_; }

 private:
  MultiLabelClassifier() = default;

  std::shared_ptr<const Taxonomy> taxonomy_;
  std::shared_ptr<const RuleClassifier> rules_;
  double threshold_ = 0.5;
  std::size_t max_labels_ = 8;
};

}  // namespace uprx::classifiers

#endif  // UPRX_CLASSIFIERS_MULTI_LABEL_CLASSIFIER_H_
