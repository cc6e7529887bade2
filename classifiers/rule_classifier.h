// Finds which rules of a taxonomy match a text, with the words that matched. One RE2::Set pass
// over the text names the candidate rules; only those are run again to locate the evidence.
// Evidence must hold in its context: a rule with a 'context' counts only when the text also
// matches it, and words inside a match of one of the label's 'unless' patterns ("Political
// Rights" in "Covenant on Civil and Political Rights") are skipped for the next match outside.
//
//   auto t = Taxonomy::LoadEmbedded("action.tsv");
//   auto rc = RuleClassifier::Create(t.value());          // copy of the rules, compiled once
//   for (const RuleMatch& m : rc.value().Match(text)) std::cout << m.evidence << "\n";
//
// Memory: the set's DFA keeps a cache of states that grows with the variety of text it has seen,
// up to the set's budget (`set_memory`); when it is full a set's DFA starts its cache again and
// goes on, so the budget, not the number of texts, bounds memory and no match is lost. Should
// RE2 ever give up on a text all the same (it reports "out of memory"), each rule is asked on
// its own instead: slower, the same answer, never a silent miss.
//
// Immutable after Create(); Match() is thread-safe.
#ifndef UPRX_CLASSIFIERS_RULE_CLASSIFIER_H_
#define UPRX_CLASSIFIERS_RULE_CLASSIFIER_H_

#include <re2/re2.h>
#include <re2/set.h>

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "classifiers/taxonomy.h"
#include "pipeline/core/status.h"

namespace uprx::classifiers {

struct RuleMatch {
  const Rule* rule = nullptr;  // points into the RuleClassifier
  std::string evidence;        // group 1 when the pattern has one, else the whole match
  std::size_t offset = 0;      // byte offset of the evidence in the text
};

// What the rules of one label say about a text: the score 1 - prod(1 - w) over its matching
// rules (weights capped at 1), whether an `exclude` rule vetoed it, and the words that matched
// with their offsets. Callers may add votes of their own (the ministry stage adds themes).
struct RuleVote {
  double miss = 1;  // prod(1 - w)
  bool vetoed = false;
  std::vector<std::pair<std::size_t, std::string>> evidence;  // (offset, words)

  void Add(double weight, std::size_t offset, std::string words);
  double score() const { return vetoed ? 0 : 1 - miss; }
  std::size_t first_offset() const;  // of the earliest evidence; 0 when there is none
  // The words in text order, each once.
  std::vector<std::string> Words() const;
};

class RuleClassifier {
 public:
  // The set's memory budget: it compiles the largest taxonomy (uprinfo) with room for its DFA.
  // With the 64 MiB used before, `uprx run -j 2` over 50 / 100 / 212 WG reports peaked at 95 /
  // 116 / 139 MiB; with 16 MiB at 76 / 83 / 89 MiB, same output, same speed within noise (8 MiB
  // cost uprinfo's rules 45% more time on UPR Info's 41,066 texts).
  static constexpr std::int64_t kSetMemory = std::int64_t{16} << 20;

  // Compiles every rule of `taxonomy`; "taxonomy_invalid" when the set cannot be built.
  [[nodiscard]] static core::Result<RuleClassifier> Create(const Taxonomy& taxonomy,
                                                           std::int64_t set_memory = kSetMemory);

  // Every matching 'rule' and 'exclude', in the order of the taxonomy file, each with its first
  // evidence outside its label's 'unless' spans; a rule whose 'context' the text does not match
  // is left out. 'unless' records are applied here and not returned.
  std::vector<RuleMatch> Match(std::string_view text) const;
  // The matching rules as votes by label id. A rule that matches no words (an anchor, as for
  // the persons label "general") is its own evidence: "rule <id>" says which line gave it.
  std::map<std::string, RuleVote> Votes(std::string_view text) const;
  const std::vector<Rule>& rules() const { return rules_; }

 private:
  RuleClassifier() = default;
  using Spans = std::vector<std::pair<std::size_t, std::size_t>>;  // [begin, end) byte offsets
  // Every match of each hit 'unless' rule, by label id.
  std::map<std::string, Spans, std::less<>> UnlessSpans(std::string_view text,
                                                        const std::vector<int>& hits) const;
  // The first match of rule `i` whose evidence is not inside one of `skip`; false if none.
  bool FirstOutside(std::string_view text, std::size_t i, const Spans* skip,
                    RuleMatch& match) const;

  std::vector<Rule> rules_;
  std::vector<std::unique_ptr<RE2>> compiled_;  // one per rule
  std::vector<std::unique_ptr<RE2>> contexts_;  // one per rule, null without a 'context'
  std::unique_ptr<RE2::Set> set_;
};

}  // namespace uprx::classifiers

#endif  // UPRX_CLASSIFIERS_RULE_CLASSIFIER_H_
