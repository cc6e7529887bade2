// Compare: two reviews of one State (e.g. cycle 3 and cycle 4) -> which recommendations were
// made again, which are new, which were not raised again, how positions moved, and how the
// counts per theme, action category, ministry, recommending State and regional group changed.
//
//   auto terms = CompareTerms::LoadDefault();            // pipeline/compare/data/compare_terms.tsv
//   auto model = CompareModel::LoadDefault();            // pipeline/compare/data/compare_model.tsv
//   const Comparer comparer(terms.value(), model.value());  // immutable; Compare() thread-safe
//   core::Result<Comparison> c = comparer.Compare(old_review, new_review);
//   for (const Match& m : c.value().matches) { ... m.old_index, m.new_index, m.pair.score ... }
//
// Matching (docs/compare.md, rules in ../shared/design/COMPARE.md): every (old, new) pair
// gets a score in (0, 1) from PairScorer (compare_score.h), the probability of the learned model
// (compare_model.h) that a reader links the two. A pair is a *repeat* when its score reaches the
// repeat threshold and a *partial link* when it reaches only the partial one. Every repeat is
// kept, whatever their number: a new recommendation can repeat several old ones and an old one
// can be repeated by several new ones. "Repeated", "new" and "not raised again" (dropped) are
// read on repeats only; partial links are listed and counted apart. Each new recommendation's
// best repeat, assigned one-to-one greedily (highest score first; ties: same number, then
// document order), is its *primary* match: position changes are read on primary matches only,
// so two identical texts in one review never produce a change against each other.
// `max_matches` only limits how many repeats the Markdown and HTML reports show per new
// recommendation; it never changes a list or a count.
#ifndef UPRX_PIPELINE_COMPARE_COMPARE_H_
#define UPRX_PIPELINE_COMPARE_COMPARE_H_

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/compare/compare_model.h"
#include "pipeline/compare/compare_score.h"
#include "pipeline/compare/compare_text.h"
#include "pipeline/core/document.h"
#include "pipeline/core/status.h"

namespace uprx::pipeline {

inline constexpr const char* kCompareSchemaName = "uprx.compare/1";

struct CompareOptions {
  std::optional<double> repeat_threshold, partial_threshold;  // nullopt: the model's
  std::size_t max_matches = 0;  // repeats shown per new recommendation in reports; 0: all
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
  core::PositionValue from = core::PositionValue::kUnknown, to = core::PositionValue::kUnknown;
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

// The new recommendation closest to an old one that no new one repeats, so a reader can check
// the claim; new_index is nullopt when the new review is empty.
struct Closest {
  std::optional<std::size_t> new_index;
  double score = 0;
  MatchEvidence evidence;
};

struct Comparison {
  CompareOptions options;
  double repeat_threshold = 0, partial_threshold = 0;  // as used
  FeatureVector model_weights{};                       // CompareModel::weights(), for reports
  std::vector<Match> matches;                          // every repeat, by new_index, then score
  std::vector<Match> partial_links;              // pairs that are only partial links, same order
  std::vector<std::size_t> repeated;             // new recommendations with a repeat
  std::vector<std::size_t> new_only;             // new recommendations without one
  std::vector<std::size_t> dropped;              // old recommendations no new one repeats
  std::vector<Closest> dropped_closest;          // one per dropped, in the same order
  std::vector<PositionChange> position_changes;  // on primary matches, by new_index
  std::vector<Breakdown> breakdowns;
  std::vector<std::string> states_old_only, states_new_only;  // recommending States (keys)
};

class Comparer {
 public:
  Comparer(const CompareTerms& terms, const CompareModel& model, CompareOptions options = {})
      : terms_(terms), model_(model), options_(options) {}

  // Status "different_states" when both reviews name a State under review and they differ.
  [[nodiscard]] core::Result<Comparison> Compare(const core::Review& old_review,
                                                 const core::Review& new_review) const;

 private:
  const CompareTerms& terms_;
  const CompareModel& model_;
  CompareOptions options_;
};

// The key a recommending State is counted under: ISO3, else the name as written.
std::string StateKey(const core::StateRef& state);

}  // namespace uprx::pipeline

#endif  // UPRX_PIPELINE_COMPARE_COMPARE_H_
