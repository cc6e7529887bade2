#include "classifiers/rule_classifier.h"

#include <algorithm>

namespace uprx::classifiers {
namespace {

// The RE2 of one rule runs only on texts the set matched, to find the words: a small budget for
// each of the hundreds of rules keeps their DFA caches from adding up.
RE2::Options EvidenceOptions() {
  RE2::Options options = RuleOptions();
  options.set_max_mem(int64_t{1} << 20);
  return options;
}

}  // namespace

core::Result<RuleClassifier> RuleClassifier::Create(const Taxonomy& taxonomy,
                                                    std::int64_t set_memory) {
  RuleClassifier rc;
  rc.rules_ = taxonomy.rules();
  RE2::Options set_options = RuleOptions();
  set_options.set_max_mem(set_memory);
  rc.set_ = std::make_unique<RE2::Set>(set_options, RE2::UNANCHORED);
  for (const Rule& rule : rc.rules_) {
    auto re = std::make_unique<RE2>(rule.pattern, EvidenceOptions());
    std::string error;
    if (!re->ok() || rc.set_->Add(rule.pattern, &error) < 0) {
      return core::Status("taxonomy_invalid", taxonomy.source() + ":" + std::to_string(rule.line) +
                                                  ": bad RE2 pattern: " + re->error() + error);
    }
    rc.compiled_.push_back(std::move(re));
    rc.contexts_.push_back(
        rule.context.empty() ? nullptr : std::make_unique<RE2>(rule.context, EvidenceOptions()));
    if (rc.contexts_.back() != nullptr && !rc.contexts_.back()->ok()) {
      return core::Status("taxonomy_invalid",
                          taxonomy.source() + ":" + std::to_string(rule.line) +
                              ": bad context pattern: " + rc.contexts_.back()->error());
    }
  }
  if (!rc.rules_.empty() && !rc.set_->Compile()) {
    return core::Status("taxonomy_invalid",
                        taxonomy.source() + ": the rules do not fit in one RE2::Set");
  }
  return rc;
}

std::vector<RuleMatch> RuleClassifier::Match(std::string_view text) const {
  std::vector<int> hits;
  if (rules_.empty()) return {};
  RE2::Set::ErrorInfo error{RE2::Set::kNoError};
  if (!set_->Match(text, &hits, &error)) {
    if (error.kind != RE2::Set::kOutOfMemory) return {};  // no rule matches
    // The set's DFA ran out of its budget on this text: each rule on its own instead.
    hits.clear();
    for (std::size_t i = 0; i < compiled_.size(); ++i) {
      if (RE2::PartialMatch(text, *compiled_[i])) hits.push_back(static_cast<int>(i));
    }
  }
  std::sort(hits.begin(), hits.end());
  const auto unless = UnlessSpans(text, hits);
  std::vector<RuleMatch> matches;
  matches.reserve(hits.size());
  for (int hit : hits) {
    const auto i = static_cast<std::size_t>(hit);
    const Rule& rule = rules_[i];
    if (rule.unless) continue;
    if (contexts_[i] != nullptr && !RE2::PartialMatch(text, *contexts_[i])) continue;
    auto spans = rule.exclude ? unless.end() : unless.find(rule.label_id);
    RuleMatch match;
    if (FirstOutside(text, i, spans == unless.end() ? nullptr : &spans->second, match)) {
      matches.push_back(std::move(match));
    }
  }
  return matches;
}

std::map<std::string, RuleClassifier::Spans, std::less<>> RuleClassifier::UnlessSpans(
    std::string_view text, const std::vector<int>& hits) const {
  std::map<std::string, Spans, std::less<>> spans;
  for (int hit : hits) {
    const auto i = static_cast<std::size_t>(hit);
    if (!rules_[i].unless) continue;
    Spans& out = spans[rules_[i].label_id];
    re2::StringPiece found;
    for (std::size_t at = 0; at <= text.size();) {
      if (!compiled_[i]->Match(text, at, text.size(), RE2::UNANCHORED, &found, 1)) break;
      const auto begin = static_cast<std::size_t>(found.data() - text.data());
      out.emplace_back(begin, begin + found.size());
      at = begin + std::max<std::size_t>(found.size(), 1);
    }
  }
  return spans;
}

bool RuleClassifier::FirstOutside(std::string_view text, std::size_t i, const Spans* skip,
                                  RuleMatch& match) const {
  const RE2& re = *compiled_[i];
  const int groups = std::min(re.NumberOfCapturingGroups(), 1);
  re2::StringPiece found[2];
  for (std::size_t at = 0; at <= text.size();) {
    if (!re.Match(text, at, text.size(), RE2::UNANCHORED, found, groups + 1)) return false;
    const re2::StringPiece evidence = found[groups].data() != nullptr ? found[groups] : found[0];
    const auto begin = static_cast<std::size_t>(evidence.data() - text.data());
    const std::size_t end = begin + evidence.size();
    const bool inside =
        skip != nullptr && std::any_of(skip->begin(), skip->end(), [&](const auto& span) {
          return span.first <= begin && end <= span.second;
        });
    if (!inside) {
      match = {&rules_[i], std::string(evidence), begin};
      return true;
    }
    const auto whole_begin = static_cast<std::size_t>(found[0].data() - text.data());
    at = whole_begin + std::max<std::size_t>(found[0].size(), 1);
  }
  return false;
}

std::map<std::string, RuleVote> RuleClassifier::Votes(std::string_view text) const {
  std::map<std::string, RuleVote> votes;
  for (RuleMatch& m : Match(text)) {
    RuleVote& v = votes[m.rule->label_id];
    if (m.rule->exclude) {
      v.vetoed = true;
      continue;
    }
    v.Add(m.rule->weight, m.offset, m.evidence.empty() ? "rule " + m.rule->id : m.evidence);
  }
  return votes;
}

void RuleVote::Add(double weight, std::size_t offset, std::string words) {
  miss *= 1 - std::min(weight, 1.0);
  evidence.emplace_back(offset, std::move(words));
}

std::size_t RuleVote::first_offset() const {
  std::size_t first = 0;
  for (std::size_t i = 0; i < evidence.size(); ++i) {
    if (i == 0 || evidence[i].first < first) first = evidence[i].first;
  }
  return first;
}

std::vector<std::string> RuleVote::Words() const {
  auto sorted = evidence;
  std::sort(sorted.begin(), sorted.end());
  std::vector<std::string> words;
  for (auto& [offset, w] : sorted) {
    if (std::find(words.begin(), words.end(), w) == words.end()) words.push_back(std::move(w));
  }
  return words;
}

}  // namespace uprx::classifiers
