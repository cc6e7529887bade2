// How alike two recommendations of different cycles are: a score in [0, 1] and the evidence
// both share. Built once per pair of reviews, because word weights depend on both.
//
//   PairScorer scorer(terms, old_review, new_review);
//   PairScore s = scorer.Score(old_index, new_index);   // s.score, s.evidence.terms, ...
//
// The score (thresholds and their measurement in docs/compare.md):
//   words    weighted cosine of the two sets of stems and terms (compare_text.h); a token's
//            weight is its inverse document frequency over both reviews, times kWeakWeight for
//            generic verbs and qualifiers and kTermWeight for named instruments and bodies
//   cover    the same shared weight over the smaller side's weight: a short recommendation
//            repeated inside a longer compound one still scores (a partial repeat)
//   phrases  Dice of the two sets of adjacent token pairs (reordered clauses keep theirs)
//   terms    Jaccard of the named terms, used when either side names one
//   themes   Jaccard of the UHRI themes, used when both are classified and either has one
// content = the weighted mean of the features used (kFeatureWeights); when both name one or two
// instruments and none in common, content is multiplied by kInstrumentConflictFactor ("ratify
// CED" is not "ratify OP-CAT"; a list of kInstrumentListSize or more is a general call to
// ratify and conflicts with nothing). score = min(1, content + kSameStateBonus if a recommending
// State is on both sides).
#ifndef UPRX_PIPELINE_COMPARE_COMPARE_SCORE_H_
#define UPRX_PIPELINE_COMPARE_COMPARE_SCORE_H_

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "pipeline/compare/compare_text.h"
#include "pipeline/core/document.h"

namespace uprx::pipeline {

inline constexpr double kDefaultRepeatThreshold = 0.35;
inline constexpr double kWeakWeight = 0.35;
inline constexpr double kTermWeight = 1.5;
inline constexpr double kSameStateBonus = 0.05;
inline constexpr double kInstrumentConflictFactor = 0.5;
inline constexpr std::size_t kInstrumentListSize = 3;  // from here a text lists instruments
struct FeatureWeights {
  double words = 0.45, cover = 0.2, phrases = 0.2, terms = 0.15, themes = 0.1;
};
inline constexpr FeatureWeights kFeatureWeights{};

// What both recommendations share, strongest first: words as written in the new text, "a b"
// phrases, term ids, theme ids, States (StateKey).
struct MatchEvidence {
  std::vector<std::string> words, phrases, terms, themes, states;
  std::vector<std::string> conflicting_instruments;  // named on one side only, when conflicting
};

struct PairScore {
  double score = 0;
  double words = 0, cover = 0, phrases = 0;
  std::optional<double> terms, themes;  // nullopt: not used for this pair
  bool same_state = false;
  bool instrument_conflict = false;
  MatchEvidence evidence;
};

class PairScorer {
 public:
  PairScorer(const CompareTerms& terms, const core::Review& old_review,
             const core::Review& new_review);
  // Scores without evidence (cheap); Explain adds it.
  PairScore Score(std::size_t old_index, std::size_t new_index) const;
  PairScore Explain(std::size_t old_index, std::size_t new_index) const;

  std::size_t old_size() const { return old_.size(); }
  std::size_t new_size() const { return new_.size(); }

 private:
  struct Side {
    RecommendationWords words;
    std::set<std::string> tokens, bigrams, instruments, states;
    std::optional<std::set<std::string>> themes;  // nullopt: not classified
    double norm = 0;                              // sum of squared weights
  };
  Side Prepare(const CompareTerms& terms, const core::Recommendation& rec) const;
  double Weight(const std::string& token, const Side& side) const;
  void AddEvidence(const Side& a, const Side& b, PairScore& s) const;

  const CompareTerms& terms_;
  std::map<std::string, double> idf_;
  std::vector<Side> old_, new_;
};

}  // namespace uprx::pipeline

#endif  // UPRX_PIPELINE_COMPARE_COMPARE_SCORE_H_
