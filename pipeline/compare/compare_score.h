// How alike two recommendations of different cycles are: features of the pair, the probability
// that a person reading both would link them (same or partial ask), and the evidence both share.
// Built once per pair of reviews, because word weights depend on both.
//
//   PairScorer scorer(terms, model, old_review, new_review);
//   PairScore s = scorer.Score(old_index, new_index);   // s.score, s.words, ...
//   PairScore e = scorer.Explain(old_index, new_index); // the same plus e.evidence
//
// Features (docs/compare.md; each in [0, 1] unless said):
//   words, cover, phrases   IDF-weighted cosine of the stems and terms (compare_text.h; generic
//                           verbs count kWeakWeight, instruments and bodies kTermWeight), the
//                           shared weight over the smaller side's, Dice of adjacent token pairs
//   terms                   Jaccard of the named terms (0 when neither names one)
//   themes, issues          Jaccard of the UHRI themes / UPR Info issues when both are labelled
//   same_action             1 when both have the same action category
//   instr_shared            1 when both name a common instrument
//   instr_conflict          1 when both name one or two instruments and none in common
//   groups_differ           1 when both name groups (Roma, women, ...) and none in common
//   topic_shared, topic_conflict   the same for topics (trafficking, hate speech, ...)
//   main_new_in_old, main_old_in_new   the weighted share of one side's main ask (its words
//                           before the first secondary clause, compare_text.h) found anywhere
//                           in the other; main_min the smaller of the two
//   length_ratio            |log| of the ratio of the token counts
//   same_state              1 when a recommending State is on both sides
//   vec_cos                 cosine of the two texts' weighted mean word vectors
//                           (compare_vectors.h; a term's vector is the mean of its words')
//   soft_new_in_old, soft_old_in_new   the weighted mean, over one side's words with a vector,
//                           of the best cosine with a word of the other side: how much of
//                           one text the other says in any words ("elderly" meets "older")
//   family_shared           1 when both name a common term of a family of topics
//                           (compare_terms.tsv: discrimination, hate speech, racism,
//                           intolerance), whose generic calls repeat each other (COMPARE.md)
//   main_new_rest, main_old_rest   the weight of one side's main ask that the other text does
//                           not say (the square root of the summed squared weights of its
//                           tokens missing there; not in [0, 1]): what a specific ask adds to
//                           a generic call of its domain (COMPARE.md: "not linked")
//   object_new_in_old, object_old_in_new   1 when the first word of one side's object (the
//                           main ask after its generic and leading verbs, compare_text.h) is
//                           anywhere in the other text, or when that side has no object: a
//                           specific measure ("provide training on identifying victims of
//                           trafficking") has an object a generic call ("combat trafficking")
//                           lacks, while the call's object is in the measure
// score = CompareModel::Probability(features) (compare_model.h), or 1 when both texts have the
// same tokens in the same order.
#ifndef UPRX_PIPELINE_COMPARE_COMPARE_SCORE_H_
#define UPRX_PIPELINE_COMPARE_COMPARE_SCORE_H_

#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "pipeline/compare/compare_model.h"
#include "pipeline/compare/compare_text.h"
#include "pipeline/core/document.h"

namespace uprx::pipeline {

inline constexpr double kWeakWeight = 0.35;
inline constexpr double kTermWeight = 1.5;
inline constexpr std::size_t kInstrumentListSize = 3;  // from here a text lists instruments

// What both recommendations share, strongest first: words as written in the new text, "a b"
// phrases, term ids, theme ids, States (StateKey).
struct MatchEvidence {
  std::vector<std::string> words, phrases, terms, themes, states;
  std::vector<std::string> conflicting_instruments;  // named on one side only, when conflicting
};

struct PairScore {
  double score = 0;
  double words = 0, cover = 0, phrases = 0;
  std::optional<double> terms, themes, issues;  // nullopt: not used for this pair
  bool same_state = false;
  bool instrument_conflict = false;
  FeatureVector features{};
  MatchEvidence evidence;
};

class PairScorer {
 public:
  PairScorer(const CompareTerms& terms, const CompareModel& model, const core::Review& old_review,
             const core::Review& new_review);
  // Scores without evidence (cheap); Explain adds it.
  PairScore Score(std::size_t old_index, std::size_t new_index) const;
  PairScore Explain(std::size_t old_index, std::size_t new_index) const;

  std::size_t old_size() const { return old_.size(); }
  std::size_t new_size() const { return new_.size(); }

 private:
  using Weighted = std::vector<std::pair<std::string, double>>;  // sorted by token
  using WeightedIds = std::vector<std::pair<int, double>>;       // sorted by id
  using Ids = std::vector<int>;                                  // sorted, unique
  // Scoring reads the ids (every string interned once per scorer, so a pair costs no
  // allocation); the evidence reads the strings.
  struct Side {
    RecommendationWords words;
    WeightedIds vector_ids;           // (index into vector_rows_, weight) of tokens with a vector
    std::vector<float> centroid;      // unit weighted mean of those vectors; empty when none
    Weighted tokens;                  // every token with its weight
    WeightedIds token_ids, main_ids;  // every token / the main ask's
    Ids bigrams, terms, instruments, groups, topics, family_terms, states;
    std::optional<Ids> themes, issues;  // nullopt: not classified
    std::set<std::string> bigram_text, instrument_text, state_text;
    std::optional<std::set<std::string>> theme_text;
    std::optional<std::string> action;
    double norm = 0;            // sum of squared weights
    std::optional<int> object;  // token id of the first word of the main ask's object
  };
  Side Prepare(const core::Recommendation& rec);
  int Id(const std::string& text);
  void Weigh(Side& side) const;
  double Weight(const std::string& token, const RecommendationWords& words) const;
  void AddEvidence(const Side& a, const Side& b, PairScore& s) const;
  // The vector of a token (a word's, or a term's as the mean of its words'), by token id;
  // fills vector_rows_ and the cosine table the soft features read.
  void PrepareVectors();
  double Soft(const Side& part, const Side& whole) const;
  // 1 when the first token of `part`'s object is among `whole`'s tokens (or `part` has none).
  double ObjectIn(const Side& part, const Side& whole) const;

  const CompareTerms& terms_;
  const CompareModel& model_;
  std::map<std::string, int> ids_;
  std::vector<std::string> names_;  // id -> string
  std::vector<double> idf_;         // by id
  std::vector<Side> old_, new_;
  std::map<int, int> vector_row_of_id_;  // token id -> row of vector_rows_
  std::vector<std::vector<float>> vector_rows_;
  std::vector<float> cosine_;  // rows x rows
};

}  // namespace uprx::pipeline

#endif  // UPRX_PIPELINE_COMPARE_COMPARE_SCORE_H_
