// Splits the text of one numbered item into clauses and the States that made each one.
//
//   "Ratify OP-CAT (Denmark) (Chile); Increase efforts towards ratification (Slovakia);"
//     -> clause "Ratify OP-CAT"                         by Denmark, Chile
//        clause "Increase efforts towards ratification" by Slovakia
//
// An attribution is a parenthesised group, balanced so that "(Iran (Islamic Republic of))"
// is one group, whose content is one State or a list of States ("Italy, Mexico", "Algeria and
// Morocco") known to the StateResolver, and which ends a clause: it is followed by the end of
// the text, by punctuation, or by the next clause. Groups that are not States ("(CRC)",
// "(2006-2012)") stay in the text. Consecutive groups attribute one clause to several States.
// A trailing State whose opening parenthesis was lost in print ("... law Austria)") is read as
// if it were there.
#ifndef UPRX_EXTRACTORS_ATTRIBUTION_PARSER_H_
#define UPRX_EXTRACTORS_ATTRIBUTION_PARSER_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/state_resolver.h"
#include "pipeline/core/document.h"

namespace uprx::extractors {

struct AttributedState {
  std::string as_written;            // the name as printed, whitespace collapsed
  std::optional<StateRecord> state;  // nullopt: looked like a State list but did not resolve
};

struct Clause {
  std::string text;  // the clause without its attribution and closing punctuation
  std::vector<AttributedState> states;
};

struct Attribution {
  std::string text;             // the whole item without its State groups
  std::vector<Clause> clauses;  // in text order; one clause without States when none is named
  // Text after the last attribution that is more than punctuation (kept, and reported).
  std::string trailing;
};

// The core record of an attributed State: canonical name, ISO3 and group when it resolved,
// the name as written either way.
core::StateRef ToStateRef(const AttributedState& s);

class AttributionParser {
 public:
  explicit AttributionParser(const StateResolver& states) : states_(states) {}
  Attribution Parse(std::string_view item_text) const;

  // The States named by a group's content, or empty when it is not (only) a list of States.
  std::vector<AttributedState> ResolveGroup(std::string_view content) const;

 private:
  // Where the "(" lost before a trailing State belongs ("... law Austria)"), or nullopt.
  std::optional<std::size_t> LostOpening(std::string_view text) const;

  const StateResolver& states_;
};

}  // namespace uprx::extractors

#endif  // UPRX_EXTRACTORS_ATTRIBUTION_PARSER_H_
