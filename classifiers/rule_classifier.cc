#include "classifiers/rule_classifier.h"

#include <algorithm>

namespace uprx::classifiers {

core::Result<RuleClassifier> RuleClassifier::Create(const Taxonomy& taxonomy) {
  RuleClassifier rc;
  rc.rules_ = taxonomy.rules();
  rc.set_ = std::make_unique<RE2::Set>(RuleOptions(), RE2::UNANCHORED);
  for (const Rule& rule : rc.rules_) {
    auto re = std::make_unique<RE2>(rule.pattern, RuleOptions());
    std::string error;
    if (!re->ok() || rc.set_->Add(rule.pattern, &error) < 0) {
      return core::Status("taxonomy_invalid", taxonomy.source() + ":" + std::to_string(rule.line) +
                                                  ": bad RE2 pattern: " + re->error() + error);
    }
    rc.compiled_.push_back(std::move(re));
  }
  if (!rc.rules_.empty() && !rc.set_->Compile()) {
    return core::Status("taxonomy_invalid",
                        taxonomy.source() + ": the rules do not fit in one RE2::Set");
  }
  return rc;
}

std::vector<RuleMatch> RuleClassifier::Match(std::string_view text) const {
  std::vector<int> hits;
  if (rules_.empty() || !set_->Match(text, &hits)) return {};
  std::sort(hits.begin(), hits.end());
  std::vector<RuleMatch> matches;
  matches.reserve(hits.size());
  for (int i : hits) {
    const RE2& re = *compiled_[i];
    const int groups = std::min(re.NumberOfCapturingGroups(), 1);
    re2::StringPiece found[2];
    if (!re.Match(text, 0, text.size(), RE2::UNANCHORED, found, groups + 1)) continue;
    const re2::StringPiece evidence = found[groups].data() != nullptr ? found[groups] : found[0];
    matches.push_back({&rules_[i], std::string(evidence),
                       static_cast<std::size_t>(evidence.data() - text.data())});
  }
  return matches;
}

}  // namespace uprx::classifiers
