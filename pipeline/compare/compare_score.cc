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

// Sorted, unique id lists: how many ids both hold.
std::size_t CountShared(const std::vector<int>& a, const std::vector<int>& b) {
  std::size_t shared = 0;
  for (auto i = a.begin(), j = b.begin(); i != a.end() && j != b.end();) {
    if (*i < *j) {
      ++i;
    } else if (*j < *i) {
      ++j;
    } else {
      ++shared, ++i, ++j;
    }
  }
  return shared;
}

bool Intersect(const std::vector<int>& a, const std::vector<int>& b) {
  return CountShared(a, b) > 0;
}

double Jaccard(const std::vector<int>& a, const std::vector<int>& b) {
  const double shared = static_cast<double>(CountShared(a, b));
  const double all = static_cast<double>(a.size() + b.size()) - shared;
  return all == 0 ? 0 : shared / all;
}

double Dice(const std::vector<int>& a, const std::vector<int>& b) {
  if (a.empty() && b.empty()) return 0;
  return 2.0 * static_cast<double>(CountShared(a, b)) / static_cast<double>(a.size() + b.size());
}

// Both sides' label sets are known and one is not empty: their Jaccard; else nullopt.
std::optional<double> LabelOverlap(const std::optional<std::vector<int>>& a,
                                   const std::optional<std::vector<int>>& b) {
  if (!a || !b || (a->empty() && b->empty())) return std::nullopt;
  return Jaccard(*a, *b);
}

// The squared weights of `part`'s tokens that `whole` also holds, and of all of `part`'s.
std::pair<double, double> Covered(const std::vector<std::pair<int, double>>& part,
                                  const std::vector<std::pair<int, double>>& whole) {
  double shared = 0, all = 0;
  auto j = whole.begin();
  for (const auto& [token, weight] : part) {
    all += weight * weight;
    while (j != whole.end() && j->first < token) ++j;
    if (j != whole.end() && j->first == token) shared += weight * weight;
  }
  return {shared, all};
}

std::vector<int> Sorted(std::vector<int> ids) {
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

std::string Bigram(const std::string& a, const std::string& b) { return a + " " + b; }

// Cosine of two unit vectors; 0 when either is missing.
double VectorCosine(const std::vector<float>& a, const std::vector<float>& b) {
  if (a.empty() || b.empty()) return 0;
  double dot = 0;
  for (std::size_t i = 0; i < a.size() && i < b.size(); ++i)
    dot += static_cast<double>(a[i]) * b[i];
  return std::clamp(dot, -1.0, 1.0);
}

}  // namespace

PairScorer::PairScorer(const CompareTerms& terms, const CompareModel& model,
                       const core::Review& old_review, const core::Review& new_review)
    : terms_(terms), model_(model) {
  for (const auto& rec : old_review.recommendations) old_.push_back(Prepare(rec));
  for (const auto& rec : new_review.recommendations) new_.push_back(Prepare(rec));
  std::vector<int> document_frequency(names_.size(), 0);
  for (const auto* sides : {&old_, &new_}) {
    for (const Side& side : *sides) {
      for (const auto& [id, weight] : side.token_ids) ++document_frequency[id];
    }
  }
  const double n = static_cast<double>(old_.size() + new_.size());
  idf_.assign(names_.size(), 0.0);
  for (std::size_t id = 0; id < names_.size(); ++id) {
    idf_[id] = std::log((n + 1.0) / (static_cast<double>(document_frequency[id]) + 0.5));
  }
  for (auto* sides : {&old_, &new_}) {
    for (Side& side : *sides) Weigh(side);
  }
  PrepareVectors();
}

void PairScorer::PrepareVectors() {
  const WordVectors& vectors = terms_.vectors();
  if (vectors.empty()) return;
  const std::size_t dims = vectors.dims();
  // A token's vector: its word's, or for a term the mean of its words' (those with one).
  const auto vector_of = [&](const std::string& token, const std::string& shown) {
    std::vector<float> v(dims, 0.0f);
    bool found = false;
    const std::vector<std::string> words =
        IsTerm(token) ? NormalizedWords(shown) : std::vector<std::string>{shown};
    for (const std::string& word : words) {
      if (const float* x = vectors.Find(word)) {
        for (std::size_t i = 0; i < dims; ++i) v[i] += x[i];
        found = true;
      }
    }
    return found ? v : std::vector<float>();
  };
  for (auto* sides : {&old_, &new_}) {
    for (Side& side : *sides) {
      std::vector<double> sum(dims, 0.0);
      for (const auto& [id, weight] : side.token_ids) {
        auto row = vector_row_of_id_.find(id);
        if (row == vector_row_of_id_.end()) {
          auto shown = side.words.shown.find(names_[id]);
          std::vector<float> v =
              vector_of(names_[id], shown == side.words.shown.end() ? names_[id] : shown->second);
          double norm = 0;
          for (const float x : v) norm += static_cast<double>(x) * x;
          const int index = norm > 0 ? static_cast<int>(vector_rows_.size()) : -1;
          if (index >= 0) {
            for (float& x : v) x = static_cast<float>(x / std::sqrt(norm));
            vector_rows_.push_back(std::move(v));
          }
          row = vector_row_of_id_.emplace(id, index).first;
        }
        if (row->second < 0) continue;
        side.vector_ids.emplace_back(row->second, weight);
        const std::vector<float>& v = vector_rows_[static_cast<std::size_t>(row->second)];
        for (std::size_t i = 0; i < dims; ++i) sum[i] += weight * v[i];
      }
      double norm = 0;
      for (const double x : sum) norm += x * x;
      if (norm <= 0) continue;
      side.centroid.resize(dims);
      for (std::size_t i = 0; i < dims; ++i)
        side.centroid[i] = static_cast<float>(sum[i] / std::sqrt(norm));
    }
  }
  const std::size_t rows = vector_rows_.size();
  cosine_.assign(rows * rows, 0.0f);
  for (std::size_t r = 0; r < rows; ++r) {
    for (std::size_t c = r; c < rows; ++c) {
      float dot = 0;
      for (std::size_t i = 0; i < dims; ++i) dot += vector_rows_[r][i] * vector_rows_[c][i];
      cosine_[r * rows + c] = cosine_[c * rows + r] = dot;
    }
  }
}

double PairScorer::ObjectIn(const Side& part, const Side& whole) const {
  if (!part.object) return 1;  // a call with no object of its own asks nothing the other lacks
  return std::binary_search(whole.token_ids.begin(), whole.token_ids.end(),
                            std::make_pair(*part.object, 0.0),
                            [](const auto& x, const auto& y) { return x.first < y.first; })
             ? 1
             : 0;
}

double PairScorer::Soft(const Side& part, const Side& whole) const {
  if (part.vector_ids.empty() || whole.vector_ids.empty()) return 0;
  const std::size_t rows = vector_rows_.size();
  double said = 0, all = 0;
  for (const auto& [row, weight] : part.vector_ids) {
    float best = 0;
    for (const auto& [other, unused] : whole.vector_ids) {
      best = std::max(
          best, cosine_[static_cast<std::size_t>(row) * rows + static_cast<std::size_t>(other)]);
    }
    said += weight * best;
    all += weight;
  }
  return all > 0 ? said / all : 0;
}

int PairScorer::Id(const std::string& text) {
  auto [it, fresh] = ids_.emplace(text, static_cast<int>(names_.size()));
  if (fresh) names_.push_back(text);
  return it->second;
}

PairScorer::Side PairScorer::Prepare(const core::Recommendation& rec) {
  Side side;
  side.words = terms_.Analyse(rec.text);
  const std::vector<std::string>& tokens = side.words.tokens;
  std::vector<int> all, main, bigrams, terms, instruments, groups, topics, family_terms, states;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    all.push_back(Id(tokens[i]));
    if (i < side.words.main_end) main.push_back(all.back());
    if (i + 1 < tokens.size()) {
      side.bigram_text.insert(Bigram(tokens[i], tokens[i + 1]));
      bigrams.push_back(Id(Bigram(tokens[i], tokens[i + 1])));
    }
  }
  for (int id : Sorted(all)) side.token_ids.emplace_back(id, 0.0);
  if (side.words.object) side.object = all[*side.words.object];
  for (int id : Sorted(main)) side.main_ids.emplace_back(id, 0.0);
  for (const std::string& t : std::set<std::string>(tokens.begin(), tokens.end())) {
    side.tokens.emplace_back(t, 0.0);
  }
  side.bigrams = Sorted(bigrams);
  for (const std::string& id : side.words.terms) {
    terms.push_back(Id("#" + id));
    const CompareTerm* term = terms_.Find(id);
    if (term == nullptr) continue;
    if (term->category == "instrument") instruments.push_back(terms.back());
    if (term->category == "instrument") side.instrument_text.insert(id);
    if (term->category == "group") groups.push_back(terms.back());
    if (term->category == "topic") topics.push_back(terms.back());
    if (!term->family.empty()) family_terms.push_back(terms.back());
  }
  side.terms = Sorted(terms), side.instruments = Sorted(instruments);
  side.groups = Sorted(groups), side.topics = Sorted(topics);
  side.family_terms = Sorted(family_terms);
  for (const core::StateRef& state : rec.recommending_states) {
    side.state_text.insert(StateKey(state));
    states.push_back(Id("state " + StateKey(state)));
  }
  side.states = Sorted(states);
  const auto labels = [&](const std::optional<std::vector<core::AssignedLabel>>& given,
                          const char* kind) -> std::optional<std::vector<int>> {
    if (!given) return std::nullopt;
    std::vector<int> ids;
    for (const core::AssignedLabel& l : *given) ids.push_back(Id(std::string(kind) + l.id));
    return Sorted(ids);
  };
  side.themes = labels(rec.labels.themes, "theme ");
  side.issues = labels(rec.labels.issues, "issue ");
  if (rec.labels.themes) {
    side.theme_text.emplace();
    for (const core::AssignedLabel& l : *rec.labels.themes) side.theme_text->insert(l.id);
  }
  if (rec.labels.action) side.action = rec.labels.action->id;
  return side;
}

void PairScorer::Weigh(Side& side) const {
  for (auto* list : {&side.token_ids, &side.main_ids}) {
    for (auto& [id, weight] : *list) weight = Weight(names_[id], side.words);
  }
  for (auto& [token, weight] : side.tokens) weight = Weight(token, side.words);
  for (const auto& [id, weight] : side.token_ids) side.norm += weight * weight;
}

double PairScorer::Weight(const std::string& token, const RecommendationWords& words) const {
  auto id = ids_.find(token);
  double w = id == ids_.end() ? 1.0 : std::max(idf_[id->second], 0.05);
  if (words.weak.count(token)) w *= kWeakWeight;
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
  // The shared weight is read on the new side, as the evidence shows the new text's words.
  const double shared = Covered(b.token_ids, a.token_ids).first;
  if (a.norm > 0 && b.norm > 0) {
    s.words = std::min(1.0, shared / std::sqrt(a.norm * b.norm));
    s.cover = std::min(1.0, shared / std::min(a.norm, b.norm));
  }
  // One-token texts have no pairs: their phrase similarity is their word similarity.
  s.phrases = a.bigrams.empty() && b.bigrams.empty() ? s.words : Dice(a.bigrams, b.bigrams);
  if (!a.terms.empty() || !b.terms.empty()) s.terms = Jaccard(a.terms, b.terms);
  s.themes = LabelOverlap(a.themes, b.themes);
  s.issues = LabelOverlap(a.issues, b.issues);
  // A list of instruments ("ratify CED, CRPD and ...") is a general call to ratify more; only
  // two short asks naming different instruments are different asks.
  const auto single_ask = [](const Side& x) {
    return !x.instruments.empty() && x.instruments.size() < kInstrumentListSize;
  };
  s.instrument_conflict =
      single_ask(a) && single_ask(b) && !Intersect(a.instruments, b.instruments);
  s.same_state = Intersect(a.states, b.states);
  const auto [new_main_shared, new_main] = Covered(b.main_ids, a.token_ids);
  const auto [old_main_shared, old_main] = Covered(a.main_ids, b.token_ids);
  const double main_new_in_old = new_main > 0 ? new_main_shared / new_main : 0;
  const double main_old_in_new = old_main > 0 ? old_main_shared / old_main : 0;
  const auto flag = [](bool yes) { return yes ? 1.0 : 0.0; };
  const auto differ = [&](const std::vector<int>& x, const std::vector<int>& y) {
    return flag(!x.empty() && !y.empty() && !Intersect(x, y));
  };
  s.features = {s.words,
                s.cover,
                s.phrases,
                s.terms.value_or(0),
                s.themes.value_or(0),
                s.issues.value_or(0),
                flag(a.action && b.action && *a.action == *b.action),
                flag(Intersect(a.instruments, b.instruments)),
                flag(s.instrument_conflict),
                differ(a.groups, b.groups),
                flag(Intersect(a.topics, b.topics)),
                differ(a.topics, b.topics),
                main_new_in_old,
                main_old_in_new,
                std::min(main_new_in_old, main_old_in_new),
                std::abs(std::log((static_cast<double>(a.words.tokens.size()) + 1.0) /
                                  (static_cast<double>(b.words.tokens.size()) + 1.0))),
                flag(s.same_state),
                VectorCosine(a.centroid, b.centroid),
                Soft(b, a),
                Soft(a, b),
                flag(Intersect(a.family_terms, b.family_terms)),
                std::sqrt(std::max(0.0, new_main - new_main_shared)),
                std::sqrt(std::max(0.0, old_main - old_main_shared)),
                ObjectIn(b, a),
                ObjectIn(a, b)};
  // The same words in the same order are the same ask whatever the model says: a review
  // compared with itself matches every recommendation to itself first.
  const bool identical = !a.words.tokens.empty() && a.words.tokens == b.words.tokens;
  s.score = identical ? 1.0 : model_.Probability(s.features);
  return s;
}

PairScore PairScorer::Explain(std::size_t old_index, std::size_t new_index) const {
  PairScore s = Score(old_index, new_index);
  AddEvidence(old_.at(old_index), new_.at(new_index), s);
  return s;
}

void PairScorer::AddEvidence(const Side& a, const Side& b, PairScore& s) const {
  std::vector<std::pair<std::string, double>> words;
  auto j = a.tokens.begin();
  for (const auto& [token, weight] : b.tokens) {
    while (j != a.tokens.end() && j->first < token) ++j;
    if (j == a.tokens.end() || j->first != token) continue;
    if (!IsTerm(token) && !b.words.weak.count(token)) words.emplace_back(token, weight);
  }
  std::stable_sort(words.begin(), words.end(),
                   [](const auto& x, const auto& y) { return x.second > y.second; });
  const auto shown = [&](const std::string& token) {
    auto it = b.words.shown.find(token);
    return it == b.words.shown.end() ? token : it->second;
  };
  for (const auto& [token, weight] : words) s.evidence.words.push_back(shown(token));
  for (const std::string& bigram : Shared(a.bigram_text, b.bigram_text)) {
    const std::size_t space = bigram.find(' ');
    s.evidence.phrases.push_back(shown(bigram.substr(0, space)) + " " +
                                 shown(bigram.substr(space + 1)));
  }
  s.evidence.terms = Shared(a.words.terms, b.words.terms);
  if (a.theme_text && b.theme_text) s.evidence.themes = Shared(*a.theme_text, *b.theme_text);
  s.evidence.states = Shared(a.state_text, b.state_text);
  if (s.instrument_conflict) {
    std::set_symmetric_difference(a.instrument_text.begin(), a.instrument_text.end(),
                                  b.instrument_text.begin(), b.instrument_text.end(),
                                  std::back_inserter(s.evidence.conflicting_instruments));
  }
}

}  // namespace uprx::pipeline
