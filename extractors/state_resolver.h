// Recommending States and States under review, as written in UN documents and in the UPR Info
// export, resolved to one canonical record: short UN name, ISO 3166-1 alpha-3, UN regional group.
// The names come from extractors/data/states.tsv (embedded at build time); the resolver is
// immutable after construction and safe to share between threads.
//
//   auto r = StateResolver::Default();          // the embedded states.tsv
//   if (auto s = r.Resolve("Iran (Islamic Republic of)")) use(s->iso3);   // "IRN"
#ifndef UPRX_EXTRACTORS_STATE_RESOLVER_H_
#define UPRX_EXTRACTORS_STATE_RESOLVER_H_

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "pipeline/core/status.h"

namespace uprx::extractors {

struct StateRecord {
  std::string name;  // canonical official short UN name ("Türkiye")
  std::string iso3;  // "TUR"
  std::string
      regional_group;  // African | Asia-Pacific | Eastern European | GRULAC | WEOG | Observer
};

class StateResolver {
 public:
  // Parses states.tsv content; `source` names it in errors ("states.tsv:12: why").
  static core::Result<StateResolver> FromTsv(std::string_view tsv, std::string_view source);
  // The resolver over the embedded extractors/data/states.tsv (built once, then shared).
  static const StateResolver& Default();

  // Resolves a name as written, forgiving case, accents, curly quotes, "the ", extra spaces,
  // line breaks and trailing punctuation. nullopt when the name is not a known State.
  std::optional<StateRecord> Resolve(std::string_view as_written) const;
  // The record for an ISO3 code, nullopt when unknown.
  std::optional<StateRecord> ByIso3(std::string_view iso3) const;
  std::size_t size() const { return records_.size(); }

 private:
  // Adds one record under its name and variants; `where` ("states.tsv:12: ") prefixes errors.
  core::Status Add(StateRecord record, const std::vector<std::string_view>& spellings,
                   const std::string& where);

  std::vector<StateRecord> records_;
  std::unordered_map<std::string, std::size_t> by_key_;  // folded name -> record index
  std::unordered_map<std::string, std::size_t> by_iso3_;
};

// The lookup key for a name: case-folded, accents stripped, punctuation and "the" dropped,
// spaces collapsed. Exposed for tests and for the evaluation's matching.
std::string StateKey(std::string_view name);

}  // namespace uprx::extractors

#endif  // UPRX_EXTRACTORS_STATE_RESOLVER_H_
