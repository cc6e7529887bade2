// Normalise: pages of reader text -> one clean text with a map back to page and offset.
//
//   Normalizer n;                              // immutable, shareable
//   core::NormalizedText t = n.Normalize(doc); // doc: core::SourceDocument
//
// What it does, in order:
//  1. Characters (ICU): NFKC (unfolds ligatures, non-breaking and thin spaces, full-width
//     forms), curly quotes -> straight, dashes and minus signs -> '-', soft hyphens and
//     zero-width characters removed, tabs and runs of spaces -> one space (except the '\t'
//     that separates table cells in DOCX pages, which is kept).
//  2. Running headers and footers: a line among the first or last few lines of a page whose
//     shape (digits folded to '#') recurs at the edges of many pages is dropped, as is a bare
//     page number there. This removes "A/HRC/26/16", "GE.14-12727", "Page 12", "13".
//  3. Line-end hyphenation: "non-" + "discrimination" on the next line become one line
//     "non-discrimination"; the hyphen is kept (see the .cc for why).
//  4. Empty lines are dropped. Lines are otherwise kept: extractors rely on line starts to see
//     numbered items; they reflow lines into paragraphs themselves.
#ifndef UPRX_EXTRACTORS_NORMALIZER_H_
#define UPRX_EXTRACTORS_NORMALIZER_H_

#include <string>
#include <string_view>

#include "pipeline/core/document.h"

namespace uprx::extractors {

class Normalizer {
 public:
  core::NormalizedText Normalize(const core::SourceDocument& doc) const;

  // Step 1 alone, on one piece of text (also used for State names and labels).
  static std::string NormalizeChars(std::string_view utf8, bool keep_tabs = false);
};

}  // namespace uprx::extractors

#endif  // UPRX_EXTRACTORS_NORMALIZER_H_
