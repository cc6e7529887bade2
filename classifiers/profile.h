// A country profile: the ministries and institutions of one government, dated by the mandate
// it describes, with the government functions (classifiers/taxonomies/functions.tsv) each one
// leads or supports, and rules naming national laws, bodies and programmes that point to one
// institution. Profiles are JSON files in classifiers/profiles/, compiled into the binary
// (<ISO3>.json, generic.json); a user may load their own. The format is documented in
// classifiers/profiles/README.md.
//
//   auto functions = FunctionScorer::LoadEmbedded();
//   auto p = Profile::LoadEmbedded("KHM", functions.value().taxonomy());
//   if (!p.ok()) { std::cerr << p.status().ToString() << "\n"; return 1; }
//   const Institution* lead = p.value().LeadOf("justice");   // Ministry of Justice
//
// Load fails with code "profile_invalid" and the message `file: where: why` (where is a JSON
// path such as institutions[3].leads[0]) for: JSON that does not parse, a missing or mistyped
// field, a duplicate institution id, a function id the functions taxonomy does not have, a
// function led by two institutions, a parent or rule naming an unknown institution, an RE2
// pattern that does not compile, a weight or option out of range. Immutable after loading.
#ifndef UPRX_CLASSIFIERS_PROFILE_H_
#define UPRX_CLASSIFIERS_PROFILE_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "classifiers/taxonomy.h"
#include "pipeline/core/status.h"

namespace uprx::classifiers {

struct Institution {
  std::string id;                     // stable, used in labels and overrides ("MOJ")
  std::string name;                   // "Ministry of Justice"
  std::string abbreviation;           // as the government writes it ("MoJ")
  std::string kind;                   // "ministry", "institution", "department", ... (free text)
  std::string parent;                 // id of the institution it belongs to, or ""
  std::vector<std::string> leads;     // function ids it leads
  std::vector<std::string> supports;  // function ids it supports
};

// A profile-specific rule: when `pattern` matches a recommendation, `institution` takes `role`.
struct ProfileRule {
  std::string id;
  std::string pattern;  // RE2, case-insensitive; group 1 (if any) is the evidence
  std::string institution;
  std::string role;  // "lead" | "supporting"
  double weight = 1;
};

// Thresholds of the assigner; a profile may override the functions taxonomy's options.
struct AssignOptions {
  double lead_threshold = 0.3;      // lowest function score that gives the lead
  double support_threshold = 0.55;  // lowest score of another function to add its lead
  double position_decay = 0.25;     // how much a function met late in the text loses
  int max_supporting = 4;
};

class Profile {
 public:
  // Parses profile JSON; `source` names it in errors, `functions` is the taxonomy its function
  // ids must belong to.
  [[nodiscard]] static core::Result<Profile> Parse(std::string_view text, std::string_view source,
                                                   const Taxonomy& functions);
  // The profile compiled in as "<name>.json" ("KHM", "generic"); "profile_missing" if none.
  [[nodiscard]] static core::Result<Profile> LoadEmbedded(std::string_view name,
                                                          const Taxonomy& functions);
  // A profile file on disk; "unreadable" when it cannot be read.
  [[nodiscard]] static core::Result<Profile> LoadFile(const std::string& path,
                                                      const Taxonomy& functions);
  // Whether a profile "<name>.json" is compiled in.
  static bool HasEmbedded(std::string_view name);

  const std::string& id() const { return id_; }  // "KHM", "generic"
  const std::string& government() const { return government_; }
  const std::string& mandate() const { return mandate_; }
  const std::string& mandate_date() const { return mandate_date_; }  // YYYY-MM-DD
  const std::string& version() const { return version_; }
  const std::string& source() const { return source_; }
  const std::vector<Institution>& institutions() const { return institutions_; }
  const std::vector<ProfileRule>& rules() const { return rules_; }
  // The profile's option overrides (absent keys keep the taxonomy's values).
  const std::map<std::string, double>& options() const { return options_; }
  // A profile without institutions reports functions only (the generic profile).
  bool functions_only() const { return institutions_.empty(); }

  // The institution with this id or abbreviation (case ignored), or nullptr.
  const Institution* Find(std::string_view id) const;
  // The institution that leads `function`, or nullptr.
  const Institution* LeadOf(std::string_view function) const;
  // The institutions that support `function`, in profile order.
  std::vector<const Institution*> SupportersOf(std::string_view function) const;

 private:
  std::string id_, government_, mandate_, mandate_date_, version_, source_;
  std::vector<Institution> institutions_;
  std::vector<ProfileRule> rules_;
  std::map<std::string, double> options_;
};

}  // namespace uprx::classifiers

#endif  // UPRX_CLASSIFIERS_PROFILE_H_
