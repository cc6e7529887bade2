// Data: which IMPACT OSS category (by short title) each uprx label links to, read from
// data/impact_categories.tsv (compiled in; the default fits IMPACT's seeded categories) or a
// committee's edited copy (--impact-categories FILE). The format is in the data file's header.
//
//   auto map = ImpactCategories::LoadDefault();        // or Load(path)
//   if (!map.ok()) fail(map.status());                 // "file:line: why"
//   std::string st = map.value().State("SSD");         // "SDS"
//   std::string theme = map.value().Find("theme", "torture");   // "Integrity", "" when none
//
// Immutable after loading; safe to share between threads.
#ifndef UPRX_PIPELINE_FORMATS_IMPACT_CATEGORIES_H_
#define UPRX_PIPELINE_FORMATS_IMPACT_CATEGORIES_H_

#include <map>
#include <string>
#include <string_view>
#include <utility>

#include "pipeline/core/status.h"

namespace uprx::pipeline {

class ImpactCategories {
 public:
  // The compiled-in data/impact_categories.tsv.
  [[nodiscard]] static core::Result<ImpactCategories> LoadDefault();
  // An edited copy; "impact_categories_unreadable" or "impact_categories_invalid" (file:line).
  [[nodiscard]] static core::Result<ImpactCategories> Load(const std::string& path);
  // The text of such a file; `source` names it in errors.
  [[nodiscard]] static core::Result<ImpactCategories> Parse(std::string_view text,
                                                            const std::string& source);

  // The short title for a key of a kind (state, body, cycle, theme, persons, sdg); "" when the
  // file has no line for it.
  std::string Find(std::string_view kind, std::string_view key) const;
  // A recommending State's short title: the file's "state" line, else the ISO3 itself.
  std::string State(std::string_view iso3) const;

 private:
  std::map<std::pair<std::string, std::string>, std::string, std::less<>> links_;
};

}  // namespace uprx::pipeline

#endif  // UPRX_PIPELINE_FORMATS_IMPACT_CATEGORIES_H_
