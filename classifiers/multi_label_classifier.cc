#include "classifiers/multi_label_classifier.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <map>

namespace uprx::classifiers {
namespace {

// The option `key` as a number in [low, high], or `fallback` when the taxonomy has none.
core::Result<double> NumberOption(const Taxonomy& t, std::string_view key, double fallback,
                                  double low, double high) {
  const Option* o = t.FindOption(key);
  if (o == nullptr) return fallback;
  double v = 0;
  auto [end, ec] = std::from_chars(o->value.data(), o->value.data() + o->value.size(), v);
  if (ec != std::errc() || end != o->value.data() + o->value.size() || v < low || v > high) {
    return core::Status("taxonomy_invalid", t.source() + ":" + std::to_string(o->line) +
                                                ": option " + std::string(key) + " '" + o->value +
                                                "' is not a number from " + std::to_string(low) +
                                                " to " + std::to_string(high));
  }
  return v;
}

// The words behind a model feature, as a person reads them ("b=prison conditions" -> "prison
// conditions"); "" for the rule features, whose words the rules' evidence already gives.
std::string FeatureWords(const std::string& feature) {
  if (feature.rfind("w=", 0) == 0 || feature.rfind("b=", 0) == 0) return feature.substr(2);
  return "";
}

core::Status CheckModel(const Taxonomy& t, const MultiLabelModel& m) {
  const std::string taxonomy = m.Meta("taxonomy"), version = m.Meta("taxonomy_version");
  if (taxonomy != t.id()) {
    return core::Status("model_invalid", "the model was trained for taxonomy '" + taxonomy +
                                             "', not '" + t.id() + "'");
  }
  // Features name the rules' labels, so a model only fits the taxonomy it was trained with.
  if (version != t.version()) {
    return core::Status("model_invalid", "the model was trained with taxonomy " + version +
                                             ", this is " + t.version() +
                                             ": train it again (uprx train)");
  }
  for (const std::string& l : m.labels()) {
    if (t.FindLabel(l) == nullptr) {
      return core::Status("model_invalid", "the model's label '" + l + "' is not in " + t.id());
    }
  }
  return core::Status();
}

}  // namespace

core::Result<MultiLabelClassifier> MultiLabelClassifier::Create(
    const Taxonomy& taxonomy, std::optional<MultiLabelModel> model) {
  MultiLabelClassifier c;
  if (model) {
    if (core::Status s = CheckModel(taxonomy, *model); !s.ok()) return s;
    c.model_ = std::make_shared<const MultiLabelModel>(std::move(*model));
  }
  auto threshold = NumberOption(taxonomy, "threshold", 0.5, 0.0, 1.0);
  if (!threshold.ok()) return threshold.status();
  auto max_labels = NumberOption(taxonomy, "max_labels", 8, 1, 1000);
  if (!max_labels.ok()) return max_labels.status();
  auto rules = RuleClassifier::Create(taxonomy);
  if (!rules.ok()) return rules.status();
  c.threshold_ = threshold.value();
  c.max_labels_ = static_cast<std::size_t>(max_labels.value());
  c.taxonomy_ = std::make_shared<const Taxonomy>(taxonomy);
  c.rules_ = std::make_shared<const RuleClassifier>(std::move(rules).value());
  return c;
}

std::vector<core::AssignedLabel> MultiLabelClassifier::Scores(std::string_view text) const {
  const std::map<std::string, RuleVote> votes = rules_->Votes(text);
  std::vector<core::AssignedLabel> out;
  for (const Label& label : taxonomy_->labels()) {
    auto it = votes.find(label.id);
    if (it == votes.end() || it->second.evidence.empty()) continue;
    out.push_back({taxonomy_->id(), label.id, label.name, it->second.score(), "rules",
                   it->second.Words(), ""});
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.score > b.score; });
  return out;
}

std::vector<core::AssignedLabel> MultiLabelClassifier::ClassifyByRules(
    std::string_view text) const {
  std::vector<core::AssignedLabel> out = Scores(text);
  std::erase_if(out,
                [&](const core::AssignedLabel& l) { return l.score < threshold_ || l.score <= 0; });
  if (out.size() > max_labels_) out.resize(max_labels_);
  return out;
}

std::vector<std::string> MultiLabelClassifier::Features(
    std::string_view text, const std::vector<core::AssignedLabel>& votes) const {
  std::vector<std::string> f = WordFeatures(text);
  for (const core::AssignedLabel& v : votes) {
    f.push_back("rule=" + v.id);
    if (v.score >= threshold_ && v.score > 0) f.push_back("rule=" + v.id + ":given");
  }
  return f;
}

std::vector<std::string> MultiLabelClassifier::Features(std::string_view text) const {
  return Features(text, Scores(text));
}

std::vector<core::AssignedLabel> MultiLabelClassifier::Classify(std::string_view text) const {
  if (!model_) return ClassifyByRules(text);
  const std::vector<core::AssignedLabel> votes = Scores(text);
  std::vector<core::AssignedLabel> out;
  for (LabelProbability& p : model_->Predict(Features(text, votes))) {
    const Label* label = taxonomy_->FindLabel(p.label);
    core::AssignedLabel l{
        taxonomy_->id(), p.label, label ? label->name : "", p.probability, "rules+model", {}, ""};
    auto add = [&](std::string words) {
      if (!words.empty() &&
          std::find(l.evidence.begin(), l.evidence.end(), words) == l.evidence.end()) {
        l.evidence.push_back(std::move(words));
      }
    };
    for (const core::AssignedLabel& v : votes) {
      if (v.id == p.label && v.score > 0) {
        for (const std::string& words : v.evidence) add(words);
      }
    }
    for (const std::string& feature : p.top_features) add(FeatureWords(feature));
    if (l.evidence.empty()) add("model probability " + std::to_string(p.probability));
    out.push_back(std::move(l));
  }
  if (out.size() > max_labels_) out.resize(max_labels_);
  return out;
}

MultiLabelModel TrainMultiLabelModel(const MultiLabelClassifier& classifier,
                                     const std::vector<MultiLabelledText>& examples,
                                     const MultiLabelTrainOptions& options) {
  std::vector<MultiLabelExample> rows;
  rows.reserve(examples.size());
  for (const MultiLabelledText& e : examples) {
    rows.push_back({classifier.Features(e.text), e.labels, e.group});
  }
  std::vector<std::string> labels;
  for (const Label& l : classifier.taxonomy().labels()) labels.push_back(l.id);
  MultiLabelModel model = MultiLabelModel::Train(rows, labels, options);
  model.metadata().emplace_back("taxonomy", classifier.taxonomy().id());
  model.metadata().emplace_back("taxonomy_version", classifier.taxonomy().version());
  model.metadata().emplace_back("examples", std::to_string(examples.size()));
  return model;
}

}  // namespace uprx::classifiers
