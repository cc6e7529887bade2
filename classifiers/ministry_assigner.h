// Shares recommendations out among a government's institutions: which one leads, which support.
//
//   auto functions = FunctionScorer::LoadEmbedded();                  // functions.tsv, once
//   auto stage = MinistryStage::Create("auto");                      // or "KHM", a path, "generic"
//   stage.value().Assign(review);   // labels.ministries of every recommendation, lead first
//
// How (each step says why in the label's evidence):
//  1. The functions of a recommendation (classifiers/taxonomies/functions.tsv) are scored from its
//     text by RE2 rules (score 1 - prod(1 - weight)) and from the themes already on it (`theme`
//     records). A function met late in the text loses up to `position_decay` of its score.
//  2. Lead: a profile rule with role "lead" that matches (the highest weight, then the earliest);
//     otherwise the institution leading the best function scoring at least `lead_threshold`.
//     When nothing qualifies the lead is the explicit entry id "NONE" (score 0) whose evidence
//     is the reason: a recommendation is never silently unassigned.
//  3. Supporting: the institutions the profile lists as supporting the lead function, the leads
//     of other functions scoring at least `support_threshold`, and profile rules with role
//     "supporting"; best first, at most `max_supporting`, never the lead itself.
// With a profile that has no institutions (generic.json) the labels are the functions themselves.
// Immutable after Create(); Assign() is thread-safe.
#ifndef UPRX_CLASSIFIERS_MINISTRY_ASSIGNER_H_
#define UPRX_CLASSIFIERS_MINISTRY_ASSIGNER_H_

#include <re2/re2.h>

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "classifiers/profile.h"
#include "classifiers/rule_classifier.h"
#include "classifiers/taxonomy.h"
#include "pipeline/core/document.h"
#include "pipeline/core/status.h"

namespace uprx::classifiers {

// The id of the explicit "no clear institution" lead.
inline constexpr const char* kNoInstitution = "NONE";

struct FunctionScore {
  std::string id, name;
  double score = 0;        // 1 - prod(1 - weight) over its rules and themes
  double adjusted = 0;     // score after the position decay: what ranks the lead
  std::size_t offset = 0;  // first evidence in the text (text size when only themes voted)
  std::vector<std::string> evidence;
};

// The functions taxonomy with its `theme` records.
class FunctionScorer {
 public:
  // Parses functions.tsv text: taxonomy records plus `theme FUNCTION RE2 WEIGHT` records.
  [[nodiscard]] static core::Result<FunctionScorer> Parse(std::string_view text,
                                                          std::string_view source);
  [[nodiscard]] static core::Result<FunctionScorer> LoadEmbedded();

  const Taxonomy& taxonomy() const { return *taxonomy_; }
  const AssignOptions& options() const { return options_; }
  // Every function with a vote, best adjusted score first (ties: earlier in the text).
  std::vector<FunctionScore> Score(std::string_view text,
                                   const std::vector<core::AssignedLabel>& themes) const;

 private:
  struct ThemeRule {
    std::string function;
    std::shared_ptr<const RE2> re;
    double weight = 0;
  };
  std::shared_ptr<const Taxonomy> taxonomy_;
  std::shared_ptr<const RuleClassifier> rules_;
  std::vector<ThemeRule> themes_;
  AssignOptions options_;
};

class MinistryAssigner {
 public:
  [[nodiscard]] static core::Result<MinistryAssigner> Create(
      std::shared_ptr<const FunctionScorer> functions, std::shared_ptr<const Profile> profile);

  // The lead (always exactly one, possibly "NONE") then the supporting institutions.
  std::vector<core::AssignedLabel> Assign(std::string_view text,
                                          const std::vector<core::AssignedLabel>& themes) const;
  const Profile& profile() const { return *profile_; }
  const FunctionScorer& functions() const { return *functions_; }

 private:
  struct CompiledRule {
    const ProfileRule* rule;
    std::shared_ptr<const RE2> re;
  };
  std::vector<core::AssignedLabel> AssignFunctions(const std::vector<FunctionScore>& f) const;
  core::AssignedLabel Label(const Institution& in, const std::string& role, double score,
                            std::vector<std::string> evidence) const;

  std::shared_ptr<const FunctionScorer> functions_;
  std::shared_ptr<const Profile> profile_;
  std::vector<CompiledRule> rules_;
  AssignOptions options_;
};

// The ministries stage of `run` and `classify`: a fixed profile, or with "auto" the profile of
// each review's State under review (generic.json, functions only, when it has none).
class MinistryStage {
 public:
  // `spec`: "auto", the name of a compiled-in profile ("KHM", "generic") or a path to a JSON
  // file. Errors: "profile_missing", "profile_invalid", "unreadable", "taxonomy_invalid".
  [[nodiscard]] static core::Result<MinistryStage> Create(const std::string& spec);

  // Sets labels.ministries of every recommendation (replacing what was there) and records the
  // functions taxonomy and profile used in review.taxonomies.
  void Assign(core::Review& review) const;
  // The profile Assign() uses for this review.
  std::shared_ptr<const MinistryAssigner> AssignerFor(const core::Review& review) const;

 private:
  std::shared_ptr<const FunctionScorer> functions_;
  std::shared_ptr<const MinistryAssigner> fixed_;  // null with "auto"
  struct Cache {
    std::mutex mutex;
    std::map<std::string, std::shared_ptr<const MinistryAssigner>> by_iso3;
  };
  std::shared_ptr<Cache> cache_ = std::make_shared<Cache>();
};

}  // namespace uprx::classifiers

#endif  // UPRX_CLASSIFIERS_MINISTRY_ASSIGNER_H_
