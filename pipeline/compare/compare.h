// Compare: two reviews of one State (e.g. cycle 3 and cycle 4) -> which recommendations were
// made again, which are new, which were not raised again, how positions moved, and how the
// counts per theme, action category, ministry, recommending State and regional group changed.
//
//   auto terms = CompareTerms::LoadDefault();            // pipeline/compare/data/compare_terms.tsv
//   const Comparer comparer(terms.value());               // immutable; Compare() is thread-safe
//   core::Result<Comparison> c = comparer.Compare(old_review, new_review);
//   for (const Match& m : c.value().matches) { ... m.old_index, m.new_index, m.pair.score ... }
//
// Matching (docs/compare.md): every (old, new) pair gets a score in [0, 1] from
// PairScorer (compare_score.h): word and phrase similarity of the normalised texts, the
// instruments, bodies, groups and topics both name, the themes when both are classified, and a
// bonus for a shared recommending State. A pair is a match when its score reaches
// `repeat_threshold` and it is among the `max_matches` best old candidates of its new
// recommendation, so a new recommendation can repeat several old ones and an old one can be
// repeated by several new ones. Each new recommendation's best match, assigned one-to-one
// greedily (highest score first; ties: same number, then document order), is its *primary*
// match: position changes are read on primary matches only, so two identical texts in one
// review never produce a change against each other. A review compared with itself matches
// every recommendation to itself (score 1) and reports no change.
#ifndef UPRX_PIPELINE_COMPARE_COMPARE_H_
#define UPRX_PIPELINE_COMPARE_COMPARE_H_

#include <cstddef>
#include <string>
#include <vector>

#include "pipeline/compare/compare_score.h"
#include "pipeline/compare/compare_text.h"
#include "pipeline/core/document.h"
#include "pipeline/core/status.h"

namespace uprx::pipeline {

inline constexpr const char* kCompareSchemaName = "uprx.compare/1";

struct CompareOptions {
  double repeat_threshold = kDefaultRepeatThreshold;
  std::size_t max_matches = 3;  // old candidates kept per new recommendation
};

struct Match {
  std::size_t old_index = 0, new_index = 0;  // into the reviews' recommendations
  PairScore pair;
  bool primary = false;
};

// noted -> supported and the reverse are what people look for; every other change (pending,
// unknown, supported in part) is "other".
struct PositionChange {
  std::size_t old_index = 0, new_index = 0;
  std::string from, to;
  std::string kind;  // noted_to_supported | supported_to_noted | other
};

struct CountRow {
  std::string key, name;
  int old_count = 0, new_count = 0;
  int change() const { return new_count - old_count; }
};

// Counts of one kind in both cycles. `classified` is false when either review lacks the labels
// this breakdown needs (then `rows` is empty and reports say "not classified").
struct Breakdown {
  std::string id;  // themes | action | ministries | recommending_states | regional_groups | terms
  bool classified = true;
  std::vector<CountRow> rows;  // largest absolute change first, then key
};

struct Comparison {
  CompareOptions options;
  std::vector<Match> matches;                    // by new_index, then score (best first)
  std::vector<std::size_t> repeated;             // new recommendations with a match
  std::vector<std::size_t> new_only;             // new recommendations without one
  std::vector<std::size_t> dropped;              // old recommendations no new one matches
  std::vector<PositionChange> position_changes;  // on primary matches, by new_index
  std::vector<Breakdown> breakdowns;
  std::vector<std::string> states_old_only, states_new_only;  // recommending States (keys)
};

class Comparer {
 public:
  explicit Comparer(const CompareTerms& terms, CompareOptions options = {})
      : terms_(terms), options_(options) {}

  // Status "different_states" when both reviews name a State under review and they differ.
  [[nodiscard]] core::Result<Comparison> Compare(const core::Review& old_review,
                                                 const core::Review& new_review) const;

 private:
  const CompareTerms& terms_;
  CompareOptions options_;
};

// The key a recommending State is counted under: ISO3, else the name as written.
std::string StateKey(const core::StateRef& state);

}  // namespace uprx::pipeline

#endif  // UPRX_PIPELINE_COMPARE_COMPARE_H_
