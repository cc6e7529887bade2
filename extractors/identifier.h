// Identify: what a document is, from its first pages. Kind (WG report, addendum, thematic list,
// or another UN document such as a national report, an HRC decision or a session report),
// symbol, State under review, WG session, cycle, year, date and language.
//
//   Identifier id(StateResolver::Default());
//   core::DocumentInfo info = id.Identify(source, normalized);
//
// The kind comes from the title block only: the cover page (a PDF's first page, the start of a
// document read as one page) up to its first numbered paragraph or "Introduction" heading. A
// body that mentions another kind of document ("A national report submitted ...") never
// changes it. `draft` is set for a draft WG report as circulated to the State ("Draft report
// circulated on ..." in its text or file name, or a "[To be completed ...]" placeholder).
//
// A document that is not an outcome document is kind kOther with kind_detail saying what it
// is, so the caller can tell the user "this is a national report, not an outcome document".
#ifndef UPRX_EXTRACTORS_IDENTIFIER_H_
#define UPRX_EXTRACTORS_IDENTIFIER_H_

#include <map>
#include <optional>
#include <string>

#include "extractors/patterns.h"
#include "extractors/state_resolver.h"
#include "pipeline/core/document.h"

namespace uprx::extractors {

class Identifier {
 public:
  explicit Identifier(const StateResolver& states, const Patterns& patterns = Patterns::Default());

  core::DocumentInfo Identify(const core::SourceDocument& source,
                              const core::NormalizedText& text) const;

  // The UPR cycle of a Working Group session: 1-12 -> 1, 13-26 -> 2, 27-40 -> 3, 41-54 -> 4.
  static std::optional<int> CycleOfSession(int wg_session);
  // "27 March 2014" -> "2014-03-27"; "" when it is not such a date.
  std::string IsoDate(const std::string& day_month_year) const;

 private:
  // `cover` up to the line that ends the title block (pattern title_block_end).
  std::string TitleBlock(const std::string& cover) const;
  void IdentifyKind(const std::string& head, core::DocumentInfo& info) const;
  void IdentifyState(const std::string& head, core::DocumentInfo& info) const;
  void IdentifySession(const std::string& head, core::DocumentInfo& info) const;
  std::string Language(const std::string& head) const;

  const StateResolver& states_;
  const Patterns& patterns_;
  std::map<std::string, int> ordinals_, months_;
};

}  // namespace uprx::extractors

#endif  // UPRX_EXTRACTORS_IDENTIFIER_H_
