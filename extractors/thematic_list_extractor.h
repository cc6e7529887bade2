// Extract (thematic list): an OHCHR "thematic list of recommendations" (the "matrix") ->
// recommendations with number, text, recommending States, position and the labels OHCHR gave
// them (UHRI themes, affected persons, SDG goals).
//
//   ThematicListExtractor x(StateResolver::Default());
//   if (x.Identify(normalized, info)) ThematicListResult r = x.Extract(normalized, info);
//
// The table is read by thematic_list_table.h (column roles from the header row, a row per
// recommendation number, theme-group headings skipped) and the labels cells by
// thematic_list_labels.h (one label per item). In the recommendation cell:
//  - the text runs to "Source of position: ..." / "Comments: ...", which becomes the position's
//    explanation; the number loses a trailing period ("186.28." -> "186.28");
//  - the States in parentheses are read by AttributionParser; a "Recommending state/s" column
//    (EgyptMatriceRecommendations.docx) is authoritative, and a disagreement is reported;
//  - unknown State names are kept with an empty iso3 and a diagnostic.
// Diagnostics name the file (a list has no symbol of its own). All patterns are in
// extractors/data/thematic_list_patterns.tsv.
#ifndef UPRX_EXTRACTORS_THEMATIC_LIST_EXTRACTOR_H_
#define UPRX_EXTRACTORS_THEMATIC_LIST_EXTRACTOR_H_

#include <vector>

#include "extractors/attribution_parser.h"
#include "extractors/patterns.h"
#include "extractors/state_resolver.h"
#include "pipeline/core/document.h"

namespace uprx::extractors {

struct ThematicListResult {
  std::vector<core::Recommendation> recommendations;  // document order
  std::vector<core::Diagnostic> diagnostics;
  // Why the list as a whole cannot be trusted (then `recommendations` is empty), e.g. a "Source
  // of position" citing a report of a session that cannot exist; "" for a list that was read.
  std::string refused;
};

class ThematicListExtractor {
 public:
  explicit ThematicListExtractor(const StateResolver& states,
                                 const Patterns& patterns = Patterns::Default())
      : states_(states), patterns_(patterns), attribution_(states) {}

  // Every recommendation row of the list. `info` gives the State under review and cycle for
  // ids ("<ISO3>-c<cycle>-<number>", empty when either is unknown) and the file name for
  // provenance; positions name the WG report the list cites (else the file) as their document.
  ThematicListResult Extract(const core::NormalizedText& text,
                             const core::DocumentInfo& info) const;

  // True when `text` is a thematic list: a table of at least three rows that open with a
  // recommendation number and hold a position. Then sets kind kThematicList and fills what the
  // generic identifier cannot know for a list: symbol = the WG report the "Source of position"
  // notes name (the list has no symbol of its own; the addendum symbol the identifier may have
  // picked up is replaced), cycle from that report's HRC session, State under review = the
  // State the texts name most often that recommends nothing, and State, cycle and WG session
  // from a title "UPR of China (2nd Cycle - 17th session)" when the text holds one. Leaves
  // `info` untouched and returns false otherwise.
  bool Identify(const core::NormalizedText& text, core::DocumentInfo& info) const;

 private:
  const StateResolver& states_;
  const Patterns& patterns_;
  AttributionParser attribution_;
};

}  // namespace uprx::extractors

#endif  // UPRX_EXTRACTORS_THEMATIC_LIST_EXTRACTOR_H_
