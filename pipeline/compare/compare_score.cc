#include "pipeline/compare/compare_score.h"

#include <algorithm>
#include <cmath>

#include "pipeline/compare/compare.h"

namespace uprx::pipeline {
namespace {

bool IsTerm(const std::string& token) { return !token.empty() && token[0] == kTermPrefix; }

template <typename T>
std::vector<T> Shared(const std::set<T>& a, const std::set<T>& b) {
  std::vector<T> out;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

template <typename T>
double Jaccard(const std::set<T>& a, const std::set<T>& b) {
  const double shared = static_cast<double>(Shared(a, b).size());
  const double all = static_cast<double>(a.size() + b.size()) - shared;
  return all == 0 ? 0 : shared / all;
}

double Dice(const std::set<std::string>& a, const std::set<std::string>& b) {
  if (a.empty() && b.empty()) return 0;
  return 2.0 * static_cast<double>(Shared(a, b).size()) / static_cast<double>(a.size() + b.size());
}

std::string Bigram(const std::string& a, const std::string& b) { return a + " " + b; }

}  // namespace

PairScorer::PairScorer(const CompareTerms& terms, const core::Review& old_review,
                       const core::Review& new_review)
    : terms_(terms) {
  for (const auto& rec : old_review.recommendations) old_.push_back(Prepare(terms, rec));
  for (const auto& rec : new_review.recommendations) new_.push_back(Prepare(terms, rec));
  std::map<std::string, int> document_frequency;
  for (const auto* sides : {&old_, &new_}) {
    for (const Side& side : *sides) {
      for (const std::string& t : side.tokens) ++document_frequency[t];
    }
  }
  const double n = static_cast<double>(old_.size() + new_.size());
  for (const auto& [token, df] : document_frequency) {
    idf_[token] = std::log((n + 1.0) / (static_cast<double>(df) + 0.5));
  }
  for (auto* sides : {&old_, &new_}) {
    for (Side& side : *sides) {
      for (const std::string& t : side.tokens) side.norm += std::pow(Weight(t, side), 2);
    }
  }
}

PairScorer::Side PairScorer::Prepare(const CompareTerms& terms,
                                     const core::Recommendation& rec) const {
  Side side;
  side.words = terms.Analyse(rec.text);
  const std::vector<std::string>& tokens = side.words.tokens;
  side.tokens.insert(tokens.begin(), tokens.end());
  for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
    side.bigrams.insert(Bigram(tokens[i], tokens[i + 1]));
  }
  for (const std::string& id : side.words.terms) {
    const CompareTerm* term = terms.Find(id);
    if (term != nullptr && term->category == "instrument") side.instruments.insert(id);
  }
  for (const core::StateRef& state : rec.recommending_states) side.states.insert(StateKey(state));
  if (rec.labels.themes) {
    side.themes.emplace();
    for (const core::AssignedLabel& l : *rec.labels.themes) side.themes->insert(l.id);
  }
  return side;
}

double PairScorer::Weight(const std::string& token, const Side& side) const {
  auto idf = idf_.find(token);
  double w = idf == idf_.end() ? 1.0 : std::max(idf->second, 0.05);
  if (side.words.weak.count(token)) w *= kWeakWeight;
  if (IsTerm(token)) {
    const CompareTerm* term = terms_.Find(token.substr(1));
    if (term != nullptr && (term->category == "instrument" || term->category == "body")) {
      w *= kTermWeight;
    }
  }
  return w;
}

PairScore PairScorer::Score(std::size_t old_index, std::size_t new_index) const {
  const Side& a = old_.at(old_index);
  const Side& b = new_.at(new_index);
  PairScore s;
  double shared = 0;
  for (const std::string& t : Shared(a.tokens, b.tokens)) shared += std::pow(Weight(t, b), 2);
  if (a.norm > 0 && b.norm > 0) {
    s.words = std::min(1.0, shared / std::sqrt(a.norm * b.norm));
    s.cover = std::min(1.0, shared / std::min(a.norm, b.norm));
  }
  // One-token texts have no pairs: their phrase similarity is their word similarity.
  s.phrases = a.bigrams.empty() && b.bigrams.empty() ? s.words : Dice(a.bigrams, b.bigrams);
  const FeatureWeights& f = kFeatureWeights;
  double total = f.words * s.words + f.cover * s.cover + f.phrases * s.phrases;
  double weights = f.words + f.cover + f.phrases;
  if (!a.words.terms.empty() || !b.words.terms.empty()) {
    s.terms = Jaccard(a.words.terms, b.words.terms);
    total += f.terms * *s.terms;
    weights += f.terms;
  }
  if (a.themes && b.themes && (!a.themes->empty() || !b.themes->empty())) {
    s.themes = Jaccard(*a.themes, *b.themes);
    total += f.themes * *s.themes;
    weights += f.themes;
  }
  double content = total / weights;
  // A list of instruments ("ratify CED, CRPD and ...") is a general call to ratify more; only
  // two short asks naming different instruments are different asks.
  const auto single_ask = [](const Side& x) {
    return !x.instruments.empty() && x.instruments.size() < kInstrumentListSize;
  };
  s.instrument_conflict =
      single_ask(a) && single_ask(b) && Shared(a.instruments, b.instruments).empty();
  if (s.instrument_conflict) content *= kInstrumentConflictFactor;
  s.same_state = !Shared(a.states, b.states).empty();
  s.score = std::min(1.0, content + (s.same_state ? kSameStateBonus : 0.0));
  return s;
}

PairScore PairScorer::Explain(std::size_t old_index, std::size_t new_index) const {
  PairScore s = Score(old_index, new_index);
  AddEvidence(old_.at(old_index), new_.at(new_index), s);
  return s;
}

void PairScorer::AddEvidence(const Side& a, const Side& b, PairScore& s) const {
  std::vector<std::string> words;
  for (const std::string& t : Shared(a.tokens, b.tokens)) {
    if (!IsTerm(t) && !b.words.weak.count(t)) words.push_back(t);
  }
  std::stable_sort(words.begin(), words.end(), [&](const std::string& x, const std::string& y) {
    return Weight(x, b) > Weight(y, b);
  });
  const auto shown = [&](const std::string& token) {
    auto it = b.words.shown.find(token);
    return it == b.words.shown.end() ? token : it->second;
  };
  for (const std::string& t : words) s.evidence.words.push_back(shown(t));
  for (const std::string& bigram : Shared(a.bigrams, b.bigrams)) {
    const std::size_t space = bigram.find(' ');
    s.evidence.phrases.push_back(shown(bigram.substr(0, space)) + " " +
                                 shown(bigram.substr(space + 1)));
  }
  s.evidence.terms = Shared(a.words.terms, b.words.terms);
  if (a.themes && b.themes) s.evidence.themes = Shared(*a.themes, *b.themes);
  s.evidence.states = Shared(a.states, b.states);
  if (s.instrument_conflict) {
    std::set_symmetric_difference(a.instruments.begin(), a.instruments.end(), b.instruments.begin(),
                                  b.instruments.end(),
                                  std::back_inserter(s.evidence.conflicting_instruments));
  }
}

}  // namespace uprx::pipeline
