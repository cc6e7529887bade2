#include "pipeline/compare/compare.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>

namespace uprx::pipeline {
namespace {

// Every pair that reaches the partial threshold, split into repeats and partial links, by new
// recommendation and then score (best first); and for each old recommendation the new one that
// scores highest with it.
void ScoreAllPairs(const PairScorer& scorer, Comparison& c, std::vector<Closest>& closest) {
  closest.assign(scorer.old_size(), Closest{});
  for (std::size_t n = 0; n < scorer.new_size(); ++n) {
    std::vector<Match> mine;
    for (std::size_t o = 0; o < scorer.old_size(); ++o) {
      const PairScore s = scorer.Score(o, n);
      if (!closest[o].new_index || s.score > closest[o].score) closest[o] = {n, s.score, {}};
      if (s.score >= c.partial_threshold) mine.push_back({o, n, s, false});
    }
    std::stable_sort(mine.begin(), mine.end(),
                     [](const Match& a, const Match& b) { return a.pair.score > b.pair.score; });
    for (Match& m : mine) {
      m.pair = scorer.Explain(m.old_index, m.new_index);
      (m.pair.score >= c.repeat_threshold ? c.matches : c.partial_links).push_back(std::move(m));
    }
  }
}

// One-to-one primary matches, greedily by score; ties go to the pair with the same number (a
// review compared with itself), then to document order.
void MarkPrimary(std::vector<Match>& matches, const core::Review& old_review,
                 const core::Review& new_review) {
  std::vector<Match*> order;
  for (Match& m : matches) order.push_back(&m);
  const auto same_number = [&](const Match* m) {
    return old_review.recommendations[m->old_index].number ==
           new_review.recommendations[m->new_index].number;
  };
  std::stable_sort(order.begin(), order.end(), [&](const Match* a, const Match* b) {
    if (a->pair.score != b->pair.score) return a->pair.score > b->pair.score;
    if (same_number(a) != same_number(b)) return same_number(a);
    return a->old_index < b->old_index;
  });
  std::set<std::size_t> old_taken, new_taken;
  for (Match* m : order) {
    if (old_taken.count(m->old_index) || new_taken.count(m->new_index)) continue;
    m->primary = true;
    old_taken.insert(m->old_index);
    new_taken.insert(m->new_index);
  }
}

std::string ChangeKind(core::PositionValue from, core::PositionValue to) {
  using enum core::PositionValue;
  if (from == kNoted && to == kSupported) return "noted_to_supported";
  if (from == kSupported && to == kNoted) return "supported_to_noted";
  return "other";
}

void FillLists(const core::Review& old_review, const core::Review& new_review,
               const PairScorer& scorer, const std::vector<Closest>& closest, Comparison& c) {
  std::set<std::size_t> matched_old, matched_new;
  for (const Match& m : c.matches) {
    matched_old.insert(m.old_index);
    matched_new.insert(m.new_index);
    if (!m.primary) continue;
    const core::PositionValue from = old_review.recommendations[m.old_index].position.value;
    const core::PositionValue to = new_review.recommendations[m.new_index].position.value;
    if (from != to)
      c.position_changes.push_back({m.old_index, m.new_index, from, to, ChangeKind(from, to)});
  }
  for (std::size_t n = 0; n < new_review.recommendations.size(); ++n) {
    (matched_new.count(n) ? c.repeated : c.new_only).push_back(n);
  }
  for (std::size_t o = 0; o < old_review.recommendations.size(); ++o) {
    if (matched_old.count(o)) continue;
    c.dropped.push_back(o);
    c.dropped_closest.push_back(closest[o]);
    if (closest[o].new_index) {
      c.dropped_closest.back().evidence = scorer.Explain(o, *closest[o].new_index).evidence;
    }
  }
}

// ---- Breakdowns ------------------------------------------------------------------------------

// key -> display name of everything one recommendation is counted under, or nullopt when the
// labels this breakdown needs were not computed for it.
using KeysOf = std::optional<std::map<std::string, std::string>> (*)(const core::Recommendation&,
                                                                     const CompareTerms&);

std::optional<std::map<std::string, std::string>> ThemeKeys(const core::Recommendation& r,
                                                            const CompareTerms&) {
  if (!r.labels.themes) return std::nullopt;
  std::map<std::string, std::string> keys;
  for (const auto& l : *r.labels.themes) keys.emplace(l.id, l.name);
  return keys;
}

std::optional<std::map<std::string, std::string>> ActionKeys(const core::Recommendation& r,
                                                             const CompareTerms&) {
  if (!r.labels.action) return std::nullopt;
  return std::map<std::string, std::string>{{r.labels.action->id, r.labels.action->name}};
}

std::optional<std::map<std::string, std::string>> MinistryKeys(const core::Recommendation& r,
                                                               const CompareTerms&) {
  if (!r.labels.ministries) return std::nullopt;
  std::map<std::string, std::string> keys;
  for (const auto& l : *r.labels.ministries) keys.emplace(l.id, l.name);
  return keys;
}

std::optional<std::map<std::string, std::string>> StateKeys(const core::Recommendation& r,
                                                            const CompareTerms&) {
  std::map<std::string, std::string> keys;
  for (const auto& s : r.recommending_states) keys.emplace(StateKey(s), s.name);
  return keys;
}

std::optional<std::map<std::string, std::string>> GroupKeys(const core::Recommendation& r,
                                                            const CompareTerms&) {
  std::map<std::string, std::string> keys;
  for (const auto& s : r.recommending_states) {
    const std::string group = s.regional_group.empty() ? "unknown" : s.regional_group;
    keys.emplace(group, group);
  }
  return keys;
}

std::optional<std::map<std::string, std::string>> TermKeys(const core::Recommendation& r,
                                                           const CompareTerms& terms) {
  std::map<std::string, std::string> keys;
  for (const std::string& id : terms.Analyse(r.text).terms) {
    const CompareTerm* term = terms.Find(id);
    keys.emplace(id, term ? term->category + ": " + term->name : id);
  }
  return keys;
}

// Counts recommendations per key in one review; false when any recommendation lacks the labels.
bool CountReview(const core::Review& review, KeysOf keys_of, const CompareTerms& terms,
                 std::map<std::string, CountRow>& rows, bool is_new) {
  if (review.recommendations.empty()) return true;
  for (const core::Recommendation& r : review.recommendations) {
    auto keys = keys_of(r, terms);
    if (!keys) return false;
    for (const auto& [key, name] : *keys) {
      CountRow& row = rows[key];
      row.key = key;
      if (row.name.empty()) row.name = name;
      ++(is_new ? row.new_count : row.old_count);
    }
  }
  return true;
}

Breakdown Count(const std::string& id, KeysOf keys_of, const core::Review& old_review,
                const core::Review& new_review, const CompareTerms& terms) {
  Breakdown b;
  b.id = id;
  std::map<std::string, CountRow> rows;
  b.classified = CountReview(old_review, keys_of, terms, rows, false) &&
                 CountReview(new_review, keys_of, terms, rows, true);
  if (!b.classified) return b;
  for (auto& [key, row] : rows) b.rows.push_back(std::move(row));
  std::stable_sort(b.rows.begin(), b.rows.end(), [](const CountRow& x, const CountRow& y) {
    return std::abs(x.change()) > std::abs(y.change());
  });
  return b;
}

void StatesInOneCycle(const Breakdown& states, Comparison& c) {
  for (const CountRow& row : states.rows) {
    if (row.new_count == 0) c.states_old_only.push_back(row.key);
    if (row.old_count == 0) c.states_new_only.push_back(row.key);
  }
  std::sort(c.states_old_only.begin(), c.states_old_only.end());
  std::sort(c.states_new_only.begin(), c.states_new_only.end());
}

}  // namespace

std::string StateKey(const core::StateRef& state) {
  return state.iso3.empty() ? state.name : state.iso3;
}

core::Result<Comparison> Comparer::Compare(const core::Review& old_review,
                                           const core::Review& new_review) const {
  if (!old_review.sur_iso3.empty() && !new_review.sur_iso3.empty() &&
      old_review.sur_iso3 != new_review.sur_iso3) {
    return core::Status("different_states", "the reviews are of different States (" +
                                                old_review.sur_iso3 + ", " + new_review.sur_iso3 +
                                                ")");
  }
  Comparison c;
  c.options = options_;
  c.repeat_threshold = options_.repeat_threshold.value_or(model_.repeat_threshold());
  c.partial_threshold =
      std::min(c.repeat_threshold, options_.partial_threshold.value_or(model_.partial_threshold()));
  c.model_weights = model_.weights();
  const PairScorer scorer(terms_, model_, old_review, new_review);
  std::vector<Closest> closest;
  ScoreAllPairs(scorer, c, closest);
  MarkPrimary(c.matches, old_review, new_review);
  FillLists(old_review, new_review, scorer, closest, c);
  const std::pair<const char*, KeysOf> kinds[] = {
      {"themes", ThemeKeys},          {"action", ActionKeys},
      {"ministries", MinistryKeys},   {"recommending_states", StateKeys},
      {"regional_groups", GroupKeys}, {"terms", TermKeys}};
  for (const auto& [id, keys_of] : kinds) {
    c.breakdowns.push_back(Count(id, keys_of, old_review, new_review, terms_));
  }
  for (const Breakdown& b : c.breakdowns) {
    if (b.id == "recommending_states") StatesInOneCycle(b, c);
  }
  return c;
}

}  // namespace uprx::pipeline
