// The per-institution table a human-rights committee hands to ministries: for every institution
// of a review, how many recommendations it leads and supports, by final position, the main
// themes of those it leads, and their ids.
//
//   std::vector<InstitutionRow> rows = SummarizeInstitutions(review);
//   WriteInstitutionSummary(std::cout, reviews, SummaryFormat::kMarkdown);
//
// Rows come from labels.ministries (rules or manual, whatever is there): most led first, then
// most supported, then id. A recommendation whose lead is "NONE" is counted in a row of its own.
// A recommendation's theme is its best UHRI theme when themes were classified, else the
// function named in its lead's evidence ("function: Justice and courts").
#ifndef UPRX_PIPELINE_FORMATS_INSTITUTION_SUMMARY_H_
#define UPRX_PIPELINE_FORMATS_INSTITUTION_SUMMARY_H_

#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "pipeline/core/document.h"
#include "pipeline/core/status.h"

namespace uprx::pipeline {

struct InstitutionRow {
  std::string id, name;
  std::map<core::PositionValue, int> lead_by_position;  // kSupported -> 12
  std::map<core::PositionValue, int> support_by_position;
  std::map<std::string, int> lead_themes;   // theme -> recommendations led
  std::vector<std::string> led, supported;  // recommendation numbers ("118.3")
  int leads() const { return static_cast<int>(led.size()); }
  int supports() const { return static_cast<int>(supported.size()); }
};

std::vector<InstitutionRow> SummarizeInstitutions(const core::Review& review);

enum class SummaryFormat { kMarkdown, kCsv, kTsv };

void WriteInstitutionSummary(std::ostream& out, const std::vector<core::Review>& reviews,
                             SummaryFormat format);
// Writes to `path`; the format follows the extension (.csv, .tsv, else Markdown).
core::Status WriteInstitutionSummaryFile(const std::string& path,
                                         const std::vector<core::Review>& reviews);

}  // namespace uprx::pipeline

#endif  // UPRX_PIPELINE_FORMATS_INSTITUTION_SUMMARY_H_
