// Extract (addendum): the State's final answer to the recommendations of its Working Group
// report, by recommendation number, from "A/HRC/<s>/<n>/Add.1" ("Views on conclusions and/or
// recommendations ... presented by the State under review").
//
//   AddendumExtractor x;
//   AddendumResult r = x.Extract(normalized, info);
//   for (const core::PositionStatement& s : r.statements) ...  // s.number "140.7"
//
// Two layouts, chosen by the document:
//  - lists (cycles 2-4): paragraphs that state a position and list numbers ("The Government
//    accepts the following recommendations: 140.7, 140.8, 140.11-14, ...", "notes
//    recommendations 122.2-10, ..."), then explanation blocks headed by the numbers they explain
//    ("140.82-85, 87" on its own line, "Rec. 18 We consider ...");
//  - item by item (cycle 1, tables): "5., 6., 7. The Slovenian Government accepts these
//    recommendations.", "84. Slovenia cannot accept the recommendation", DOCX rows
//    "118.1<TAB>Ratify ...<TAB>Accepted".
// Contract:
//  - one statement per number in document order; a number stated twice with different
//    positions keeps both and adds a `position_conflict` diagnostic;
//  - `number` is "P.N" as the WG report numbers it. Plain item numbers ("5", cycle 1-2) become
//    "P.N" when the addendum names the paragraph P ("paragraph 115 of the Report"), else "?.N"
//    for the join to resolve; `printed` keeps what was printed ("5.", "140.11-14");
//  - position values: supported | noted | supported_in_part | pending | unknown, the words in
//    `as_written` ("rejected", "accepted in principle" and "cannot ... make a definitive
//    statement" are noted); stage "addendum"; `paragraph` is the addendum paragraph that
//    states it (lists only); `explanation` is the text of the explanation block or item;
//  - a number list or answer that cannot be read becomes a diagnostic
//    (`addendum_unread_statement`), never silently dropped;
//  - `declared` holds the totals the document states for the whole review: when it says some
//    were supported already at the Working Group stage (A/HRC/43/15/Add.1: "58 were immediately
//    supported ... of the remaining 157, 124 are now supported and 33 noted") `supported` is the
//    sum (182) and a `declared_totals_combined` diagnostic says so.
// Immutable after construction; Extract() may be called from many threads.
#ifndef UPRX_EXTRACTORS_ADDENDUM_EXTRACTOR_H_
#define UPRX_EXTRACTORS_ADDENDUM_EXTRACTOR_H_

#include <vector>

#include "extractors/patterns.h"
#include "pipeline/core/document.h"

namespace uprx::extractors {

struct AddendumResult {
  std::vector<core::PositionStatement> statements;  // one per recommendation number, document order
  core::DeclaredTotals declared;                    // "received 254 ... 217 supported and 37 noted"
  std::vector<core::Diagnostic> diagnostics;
};

class AddendumExtractor {
 public:
  explicit AddendumExtractor(const Patterns& patterns = Patterns::Default())
      : patterns_(patterns) {}

  // `info` supplies the symbol for provenance; nothing else of it is needed.
  AddendumResult Extract(const core::NormalizedText& text, const core::DocumentInfo& info) const;

 private:
  const Patterns& patterns_;
};

}  // namespace uprx::extractors

#endif  // UPRX_EXTRACTORS_ADDENDUM_EXTRACTOR_H_
