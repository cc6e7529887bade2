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
// lead-in as its evidence (what the category was decided on). For the model's features, RE2s
// that must match a whole lower-cased word: `object_skip` (articles and adjectives between the
// first verb and its object), `object_end` (words that end the object), `clause_opener` (words
// after which a later verb opens a clause: "by", "including"), `clause_article` (articles after
// an opener); and `lemma_suffixes`, "ending=replacement|..." pairs that bring a later clause's
// gerund or verb-noun back to a verb the rules know ("adopting", "ratification").
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
  // What the model sees of a text: the rules' decision and evidence, the first words, the
  // object of the first verb, the category the rules give each later clause's verb, and the
  // words of the text (alone and paired with the first verb).
  std::vector<std::string> Features(std::string_view text) const;

  const Taxonomy& taxonomy() const { return *taxonomy_; }
  bool has_model() const { return model_ != nullptr; }

 private:
  ActionClassifier() = default;
  // The lower-cased words after the lead-in.
  std::vector<std::string> HeadWords(std::string_view text) const;
  // Up to three lower-cased words after the lead-in, "(no words)" when there are none.
  std::string FirstWords(std::string_view text) const;
  // Reads the options of the model's features (object_skip ... lemma_suffixes).
  [[nodiscard]] core::Status LoadFeatureOptions(const Taxonomy& taxonomy);
  // The label the rules give a later clause that opens with `word` or with one of its lemmas,
  // "" when none is a verb the rules know.
  std::string ClauseLabel(const std::string& word) const;
  void AddObjectFeatures(const std::vector<std::string>& head, const std::string& decision,
                         std::vector<std::string>& f) const;
  void AddClauseFeatures(const std::vector<std::string>& head, const std::string& decision,
                         std::vector<std::string>& f) const;
  ActionLabel Make(const std::string& label, std::string method, double score,
                   std::vector<std::string> evidence) const;

  std::shared_ptr<const Taxonomy> taxonomy_;
  std::shared_ptr<const RuleClassifier> rules_;
  std::shared_ptr<const RE2> lead_in_;
  std::shared_ptr<const RE2> object_skip_, object_end_, clause_opener_, clause_article_;
  std::vector<std::pair<std::string, std::string>> lemma_suffixes_;  // ending, replacement
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
