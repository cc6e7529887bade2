#include "classifiers/multi_label_classifier.h"

#include <algorithm>
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

}  // namespace

core::Result<MultiLabelClassifier> MultiLabelClassifier::Create(const Taxonomy& taxonomy) {
  MultiLabelClassifier c;
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
  struct Vote {
    double miss = 1;  // Π(1 - w)
    bool vetoed = false;
    std::vector<std::pair<std::size_t, std::string>> evidence;  // (offset, words)
  };
  std::map<std::string, Vote> votes;
  for (const RuleMatch& m : rules_->Match(text)) {
    Vote& v = votes[m.rule->label_id];
    if (m.rule->exclude) {
      v.vetoed = true;
      continue;
    }
    v.miss *= 1 - std::min(m.rule->weight, 1.0);
    v.evidence.emplace_back(m.offset, m.evidence);
  }
  std::vector<core::AssignedLabel> out;
  for (const Label& label : taxonomy_->labels()) {
    auto it = votes.find(label.id);
    if (it == votes.end() || it->second.evidence.empty()) continue;
    Vote& v = it->second;
    std::sort(v.evidence.begin(), v.evidence.end());
    core::AssignedLabel l{taxonomy_->id(), label.id, label.name, v.vetoed ? 0 : 1 - v.miss,
                          "rules",         {},       ""};
    for (auto& [offset, words] : v.evidence) {
      if (std::find(l.evidence.begin(), l.evidence.end(), words) == l.evidence.end()) {
        l.evidence.push_back(std::move(words));
      }
    }
    out.push_back(std::move(l));
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.score > b.score; });
  return out;
}

std::vector<core::AssignedLabel> MultiLabelClassifier::Classify(std::string_view text) const {
  std::vector<core::AssignedLabel> out = Scores(text);
  std::erase_if(out,
                [&](const core::AssignedLabel& l) { return l.score < threshold_ || l.score <= 0; });
  if (out.size() > max_labels_) out.resize(max_labels_);
  return out;
}

}  // namespace uprx::classifiers
