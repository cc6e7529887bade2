// Extract (WG report): the section "Conclusions and/or recommendations" of a Working Group
// report -> recommendations with number, text, recommending States and WG-stage position.
//
//   WgReportExtractor x(StateResolver::Default());
//   ExtractionResult r = x.Extract(normalized, info);
//
// The section is read as a sequence of numbered lines. A line that starts with a number is a
// label only when the number is the one the sequence expects next (the next paragraph, the next
// item of the current paragraph), so a wrapped line that happens to start with "1325 (2000)"
// stays text. Both layouts are handled by the same sequence:
//  - cycles 2-4: paragraph "118." then items "118.1", "118.2", ...;
//  - cycle 1: paragraph "82." then items "1.", "2.", ... that may run past the paragraph
//    numbers of the report (A/HRC/13/4: items 82-91 of paragraph 82 come before the report's
//    own paragraphs 83 and 84). When a number fits both, the text decides: a paragraph states
//    a position or closes the report, an item ends with its recommending State.
// A label that breaks the sequence but sits between two labels that keep it is repaired
// ("118.09" between 118.108 and 118.110 is read as 118.109) and reported.
// Positions come from each paragraph's lead-in ("enjoy the support of", "will be examined",
// "did not enjoy the support"); a later paragraph without items that states a position
// ("All recommendations ... enjoy the support of Ecuador", "The response of Cambodia to these
// recommendations will be included ...") applies to the items left without one before it.
// Placeholders of a draft ("[To be completed by 22 May 2026]") are never recommendation text.
#ifndef UPRX_EXTRACTORS_WG_REPORT_EXTRACTOR_H_
#define UPRX_EXTRACTORS_WG_REPORT_EXTRACTOR_H_

#include <vector>

#include "extractors/attribution_parser.h"
#include "extractors/patterns.h"
#include "extractors/state_resolver.h"
#include "pipeline/core/document.h"

namespace uprx::extractors {

struct ExtractionResult {
  std::vector<core::Recommendation> recommendations;
  std::vector<core::Diagnostic> diagnostics;
};

class WgReportExtractor {
 public:
  explicit WgReportExtractor(const StateResolver& states,
                             const Patterns& patterns = Patterns::Default())
      : states_(states), patterns_(patterns), attribution_(states) {}

  // `info` supplies the symbol, the State under review and the cycle for ids and provenance.
  ExtractionResult Extract(const core::NormalizedText& text, const core::DocumentInfo& info) const;

  // A bare recommendation list, as people cut it from a report: the whole text is read as the
  // recommendations section (numbered items, without heading or lead-ins), so positions stay
  // unknown unless a line states one.
  ExtractionResult ExtractList(const core::NormalizedText& text,
                               const core::DocumentInfo& info) const;

 private:
  const StateResolver& states_;
  const Patterns& patterns_;
  AttributionParser attribution_;
};

}  // namespace uprx::extractors

#endif  // UPRX_EXTRACTORS_WG_REPORT_EXTRACTOR_H_
