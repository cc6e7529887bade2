// Labels from a multi-label taxonomy (UHRI themes, affected persons, UPR Info issues, SDGs):
// a text may take any number of its labels. Rules vote: every matching rule of a label adds
// its weight as independent evidence, so the label's score is 1 - Π(1 - min(weight, 1)) over
// its matching rules; an 'exclude' rule of the label vetoes it. A label is given when its score
// reaches the taxonomy's option `threshold` (default 0.5); at most `max_labels` (default 8) are
// given, best first. The evidence is the words each matching rule matched, in text order.
//
// With a learned model (MultiLabelModel, from `uprx train`), the model decides: its inputs are
// the words and word pairs of the text and the rules' votes (Features()); a label is given when
// the model's probability reaches the label's threshold; method "rules+model", score the
// probability, evidence the words of the label's rules (if any voted) and the model's top
// features, so the evidence is never empty.
//
//   auto t = Taxonomy::LoadEmbedded("uhri.tsv");
//   auto c = MultiLabelClassifier::Create(t.value());
//   for (const core::AssignedLabel& l : c.value().Classify(text)) ...   // method "rules"
//   auto m = MultiLabelModel::LoadFile("uprinfo.model");
//   auto both = MultiLabelClassifier::Create(t.value(), std::move(m).value());
//
// Immutable after Create(); Classify() is thread-safe.
#ifndef UPRX_CLASSIFIERS_MULTI_LABEL_CLASSIFIER_H_
#define UPRX_CLASSIFIERS_MULTI_LABEL_CLASSIFIER_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "classifiers/multi_label_model.h"
#include "classifiers/rule_classifier.h"
#include "classifiers/taxonomy.h"
#include "pipeline/core/document.h"
#include "pipeline/core/status.h"

namespace uprx::classifiers {

class MultiLabelClassifier {
 public:
  // "taxonomy_invalid" when an option is not a number in range; "model_invalid" when the model
  // was not trained for this taxonomy and version or names a label the taxonomy lacks.
  [[nodiscard]] static core::Result<MultiLabelClassifier> Create(
      const Taxonomy& taxonomy, std::optional<MultiLabelModel> model = std::nullopt);

  // The model's labels when there is a model, else the rules'; best score first (ties in
  // taxonomy order).
  std::vector<core::AssignedLabel> Classify(std::string_view text) const;
  // The labels the rules alone give, as Classify() gives them without a model.
  std::vector<core::AssignedLabel> ClassifyByRules(std::string_view text) const;
  // Every label any rule voted for, with its score, including those under the threshold and
  // vetoed ones (score 0): what a model or a person may want to weigh.
  std::vector<core::AssignedLabel> Scores(std::string_view text) const;
  // What a model sees of a text: WordFeatures() and, per label the rules voted for,
  // "rule=<label>" and "rule=<label>:given" when its score reaches the threshold.
  std::vector<std::string> Features(std::string_view text) const;

  const Taxonomy& taxonomy() const { return *taxonomy_; }
  double threshold() const { return threshold_; }
  bool has_model() const { return model_ != nullptr; }

 private:
  MultiLabelClassifier() = default;
  std::vector<std::string> Features(std::string_view text,
                                    const std::vector<core::AssignedLabel>& votes) const;

  std::shared_ptr<const Taxonomy> taxonomy_;
  std::shared_ptr<const RuleClassifier> rules_;
  double threshold_ = 0.5;
  std::size_t max_labels_ = 8;
  std::shared_ptr<const MultiLabelModel> model_;
};

// Trains the model of `classifier` (its rules give features) on texts with their labels (ids
// of the classifier's taxonomy); the model's metadata names the taxonomy and its version.
// `group` of each example chooses its cross-validation fold (the WG session, say).
struct MultiLabelledText {
  std::string text;
  std::vector<std::string> labels;
  int group = 0;
};
MultiLabelModel TrainMultiLabelModel(const MultiLabelClassifier& classifier,
                                     const std::vector<MultiLabelledText>& examples,
                                     const MultiLabelTrainOptions& options);

}  // namespace uprx::classifiers

#endif  // UPRX_CLASSIFIERS_MULTI_LABEL_CLASSIFIER_H_
