// The action category of a recommendation on UPR Info's 1-5 scale (Edward McMahon): 1 minimal,
// 2 continuing, 3 considering, 4 general, 5 specific action, decided mainly by the first verb
// and the overall action. Rules (classifiers/taxonomies/action.tsv) decide alone; with a learned
// model the rules' decision becomes one feature among the first words and the n-grams.
//
//   auto ac = ActionClassifier::CreateDefault();              // embedded action.tsv, no model
//   ActionLabel a = ac.value().Classify("Ratify the OP-CAT");  // {5, "Specific action", ...}
//
//   LinearModel m = TrainActionModel(ac.value(), labelled, {});  // labelled: {text, "1".."5"}
//   auto both = ActionClassifier::Create(taxonomy, std::move(m));
//
// The taxonomy must have id "action" and labels "1".."5". Its options: `lead_in`, an RE2 for
// the words before the first verb that do not count ("To", "Further", "It is recommended
// that"), and `default_label`, given when no rule matches with the first words after the
// lead-in as its evidence (what the category was decided on).
// Immutable after Create(); Classify() is thread-safe.
#ifndef UPRX_CLASSIFIERS_ACTION_CLASSIFIER_H_
#define UPRX_CLASSIFIERS_ACTION_CLASSIFIER_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "classifiers/linear_model.h"
#include "classifiers/rule_classifier.h"
#include "classifiers/taxonomy.h"
#include "pipeline/core/status.h"

namespace uprx::classifiers {

struct ActionLabel {
  int category = 0;    // 1..5
  std::string name;    // "Specific action"
  std::string method;  // "rules", or "rules+model" (the model, which also saw the rules' decision)
  double score = 0;    // rules: 1 when a rule matched, 0.5 for the default; model: its softmax
  std::vector<std::string> evidence;  // matched words; for the model also its top features
};

struct LabelledText {
  std::string text;
  std::string label;  // "1".."5"
};

class ActionClassifier {
 public:
  // "taxonomy_invalid" when the taxonomy is not an action taxonomy or an option is bad; a model
  // must have been trained for this taxonomy's labels ("model_invalid" otherwise).
  [[nodiscard]] static core::Result<ActionClassifier> Create(
      const Taxonomy& taxonomy, std::optional<LinearModel> model = std::nullopt);
  // The embedded action.tsv, rules only.
  [[nodiscard]] static core::Result<ActionClassifier> CreateDefault();

  // The model's label when there is a model, else the rules'.
  ActionLabel Classify(std::string_view text) const;
  // The rules alone: the matching rule with the highest weight, the earliest on a tie.
  ActionLabel ClassifyByRules(std::string_view text) const;
  // What the model sees of a text (the rules' decision included).
  std::vector<std::string> Features(std::string_view text) const;

  const Taxonomy& taxonomy() const { return *taxonomy_; }
  bool has_model() const { return model_ != nullptr; }

 private:
  ActionClassifier() = default;
  // Up to three lower-cased words after the lead-in, "(no words)" when there are none.
  std::string FirstWords(std::string_view text) const;
  ActionLabel Make(const std::string& label, std::string method, double score,
                   std::vector<std::string> evidence) const;

  std::shared_ptr<const Taxonomy> taxonomy_;
  std::shared_ptr<const RuleClassifier> rules_;
  std::shared_ptr<const RE2> lead_in_;
  std::string default_label_;
  std::shared_ptr<const LinearModel> model_;
};

// Trains the model of `classifier` (its rules give one feature) on labelled texts; the model's
// metadata names the taxonomy and its version.
LinearModel TrainActionModel(const ActionClassifier& classifier,
                             const std::vector<LabelledText>& examples,
                             const TrainOptions& options);

}  // namespace uprx::classifiers

#endif  // UPRX_CLASSIFIERS_ACTION_CLASSIFIER_H_
