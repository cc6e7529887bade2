#include "classifiers/action_classifier.h"

#include <cctype>

#include "pipeline/core/text_util.h"

namespace uprx::classifiers {
namespace {

std::vector<std::string> Words(std::string_view text) { return core::LowerWords(text); }

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The deciding match: highest weight, then earliest in the text ("emphasis is generally placed
// on the first action", says the scale); nullptr when nothing matched.
const RuleMatch* Decisive(const std::vector<RuleMatch>& matches) {
  const RuleMatch* best = nullptr;
  for (const RuleMatch& m : matches) {
    if (best == nullptr || m.rule->weight > best->rule->weight ||
        (m.rule->weight == best->rule->weight && m.offset < best->offset)) {
      best = &m;
    }
  }
  return best;
}

}  // namespace

core::Result<ActionClassifier> ActionClassifier::Create(const Taxonomy& taxonomy,
                                                        std::optional<LinearModel> model) {
  auto invalid = [&](int line, const std::string& why) {
    return core::Status("taxonomy_invalid",
                        taxonomy.source() + ":" + std::to_string(line) + ": " + why);
  };
  if (taxonomy.id() != "action")
    return invalid(1, "taxonomy '" + taxonomy.id() + "' is not action");
  for (const char* id : {"1", "2", "3", "4", "5"}) {
    if (taxonomy.FindLabel(id) == nullptr) return invalid(1, std::string("no label ") + id);
  }
  ActionClassifier ac;
  ac.taxonomy_ = std::make_shared<const Taxonomy>(taxonomy);
  auto rules = RuleClassifier::Create(taxonomy);
  if (!rules.ok()) return rules.status();
  ac.rules_ = std::make_shared<const RuleClassifier>(std::move(rules).value());
  const Option* lead_in = taxonomy.FindOption("lead_in");
  if (lead_in == nullptr) return invalid(1, "no option lead_in");
  auto re = std::make_shared<const RE2>(lead_in->value, RuleOptions());
  if (!re->ok()) return invalid(lead_in->line, "bad RE2 pattern: " + re->error());
  ac.lead_in_ = std::move(re);
  const Option* fallback = taxonomy.FindOption("default_label");
  if (fallback == nullptr || taxonomy.FindLabel(fallback->value) == nullptr) {
    return invalid(fallback ? fallback->line : 1, "default_label missing or not a label");
  }
  ac.default_label_ = fallback->value;
  if (model) {
    if (model->labels() != std::vector<std::string>{"1", "2", "3", "4", "5"}) {
      return core::Status("model_invalid", "the model was not trained on the labels 1-5");
    }
    // Features name rules by file line, so a model only fits the taxonomy it was trained with.
    std::string trained_with = "(none)";
    for (const auto& [key, value] : model->metadata()) {
      if (key == "taxonomy_version") trained_with = value;
    }
    if (trained_with != taxonomy.version()) {
      return core::Status("model_invalid", "the model was trained with taxonomy " + trained_with +
                                               ", this is " + taxonomy.version() +
                                               ": train it again (uprx train)");
    }
    ac.model_ = std::make_shared<const LinearModel>(std::move(*model));
  }
  return ac;
}

core::Result<ActionClassifier> ActionClassifier::CreateDefault() {
  auto taxonomy = Taxonomy::LoadEmbedded("action.tsv");
  if (!taxonomy.ok()) return taxonomy.status();
  return Create(taxonomy.value());
}

ActionLabel ActionClassifier::Make(const std::string& label, std::string method, double score,
                                   std::vector<std::string> evidence) const {
  const Label* l = taxonomy_->FindLabel(label);
  return {std::stoi(label), l ? l->name : "", std::move(method), score, std::move(evidence)};
}

std::string ActionClassifier::FirstWords(std::string_view text) const {
  re2::StringPiece rest(text.data(), text.size());
  RE2::Consume(&rest, *lead_in_);
  const std::vector<std::string> words = Words(std::string_view(rest.data(), rest.size()));
  std::string out;
  for (std::size_t i = 0; i < words.size() && i < 3; ++i) out += (i ? " " : "") + words[i];
  return out.empty() ? "(no words)" : out;
}

ActionLabel ActionClassifier::ClassifyByRules(std::string_view text) const {
  const std::vector<RuleMatch> matches = rules_->Match(text);
  const RuleMatch* best = Decisive(matches);
  if (best == nullptr) return Make(default_label_, "rules", 0.5, {FirstWords(text)});
  return Make(best->rule->label_id, "rules", 1, {best->evidence});
}

std::vector<std::string> ActionClassifier::Features(std::string_view text) const {
  std::vector<std::string> f = {"bias"};
  const std::vector<RuleMatch> matches = rules_->Match(text);
  for (const RuleMatch& m : matches) f.push_back("rule=" + m.rule->id);
  const RuleMatch* best = Decisive(matches);
  f.push_back("decision=" + (best ? best->rule->label_id : std::string("none")));
  if (best) f.push_back("evidence=" + Lower(best->evidence));
  re2::StringPiece rest(text.data(), text.size());
  RE2::Consume(&rest, *lead_in_);
  const std::vector<std::string> head = Words(std::string_view(rest.data(), rest.size()));
  std::string prefix;
  for (std::size_t i = 0; i < head.size() && i < 4; ++i) {
    prefix += (i ? " " : "") + head[i];
    f.push_back("first" + std::to_string(i + 1) + "=" + prefix);
  }
  for (std::size_t i = 1; i < head.size() && i < 7; ++i) {
    f.push_back("verb+=" + head[0] + " " + head[i]);
  }
  const std::vector<std::string> words = Words(text);
  if (!words.empty()) f.push_back("raw1=" + words[0]);
  for (std::size_t i = 0; i < words.size(); ++i) {
    f.push_back("w=" + words[i]);
    if (i + 1 < words.size()) f.push_back("b=" + words[i] + " " + words[i + 1]);
  }
  return f;
}

ActionLabel ActionClassifier::Classify(std::string_view text) const {
  if (!model_) return ClassifyByRules(text);
  const ActionLabel rules = ClassifyByRules(text);
  Prediction p = model_->Predict(Features(text));
  std::vector<std::string> evidence = rules.evidence;
  for (std::string& feature : p.top_features) evidence.push_back(std::move(feature));
  return Make(p.label, "rules+model", p.score, std::move(evidence));
}

LinearModel TrainActionModel(const ActionClassifier& classifier,
                             const std::vector<LabelledText>& examples,
                             const TrainOptions& options) {
  std::vector<Example> rows;
  rows.reserve(examples.size());
  for (const LabelledText& e : examples) rows.push_back({classifier.Features(e.text), e.label});
  LinearModel model = LinearModel::Train(rows, options);
  model.metadata().emplace_back("taxonomy", classifier.taxonomy().id());
  model.metadata().emplace_back("taxonomy_version", classifier.taxonomy().version());
  model.metadata().emplace_back("examples", std::to_string(examples.size()));
  return model;
}

}  // namespace uprx::classifiers
