// Finds which rules of a taxonomy match a text, with the words that matched. One RE2::Set pass
// over the text names the candidate rules; only those are run again to locate the evidence.
//
//   auto t = Taxonomy::LoadEmbedded("action.tsv");
//   auto rc = RuleClassifier::Create(t.value());          // copy of the rules, compiled once
//   for (const RuleMatch& m : rc.value().Match(text)) std::cout << m.evidence << "\n";
//
// Immutable after Create(); Match() is thread-safe.
#ifndef UPRX_CLASSIFIERS_RULE_CLASSIFIER_H_
#define UPRX_CLASSIFIERS_RULE_CLASSIFIER_H_

#include <re2/re2.h>
#include <re2/set.h>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "classifiers/taxonomy.h"
#include "pipeline/core/status.h"

namespace uprx::classifiers {

struct RuleMatch {
  const Rule* rule = nullptr;  // points into the RuleClassifier
  std::string evidence;        // group 1 when the pattern has one, else the whole match
  std::size_t offset = 0;      // byte offset of the evidence in the text
};

class RuleClassifier {
 public:
  // Compiles every rule of `taxonomy`; "taxonomy_invalid" when the set cannot be built.
  [[nodiscard]] static core::Result<RuleClassifier> Create(const Taxonomy& taxonomy);

  // Every matching rule, in the order of the taxonomy file.
  std::vector<RuleMatch> Match(std::string_view text) const;
  const std::vector<Rule>& rules() const { return rules_; }

 private:
  RuleClassifier() = default;

  std::vector<Rule> rules_;
  std::vector<std::unique_ptr<RE2>> compiled_;  // one per rule
  std::unique_ptr<RE2::Set> set_;
};

}  // namespace uprx::classifiers

#endif  // UPRX_CLASSIFIERS_RULE_CLASSIFIER_H_
