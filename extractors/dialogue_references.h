// Cycle-1 reports that give positions by reference to the interactive dialogue instead of
// listing the recommendations again (A/HRC/8/46 Sri Lanka 2008, A/HRC/10/80 Burkina Faso 2009,
// A/HRC/12/11 Viet Nam 2009, ...):
//
//   84. Other recommendations noted in the report in paragraphs 21 (c); 26 (b); 28 (b), (c)
//       and (d); 49 ... in section I above did not enjoy the support of Sri Lanka.
//
// where the dialogue paragraph reads "28. Portugal noted ... It recommended to Sri Lanka:
// (a) to address torture ...; (b) combat impunity; ...". Each reference becomes one
// recommendation: the lettered part of that paragraph (or the recommending sentence when no
// letter is given), by the State that opens the paragraph.
#ifndef UPRX_EXTRACTORS_DIALOGUE_REFERENCES_H_
#define UPRX_EXTRACTORS_DIALOGUE_REFERENCES_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/patterns.h"
#include "extractors/state_resolver.h"
#include "pipeline/core/document.h"

namespace uprx::extractors {

struct DialogueReference {
  int paragraph = 0;
  std::string letter;         // "b"; empty when the whole paragraph is meant
  std::string Label() const;  // "28 (b)"
};

// The references a conclusions paragraph makes ("paragraphs 35 (b), 38 (a), (b) and (d), 80").
std::vector<DialogueReference> ParseDialogueReferences(std::string_view paragraph_text,
                                                       const Patterns& patterns);

struct DialogueRecommendation {
  std::string text;
  std::optional<StateRecord> state;
  std::string state_as_written;
  std::size_t begin = 0, end = 0;  // span in the normalised text
};

// Looks references up in the dialogue: the part of the normalised text before the
// conclusions section.
class DialogueIndex {
 public:
  DialogueIndex(const core::NormalizedText& text, std::size_t dialogue_end,
                const StateResolver& states, const Patterns& patterns, std::string sur_iso3 = "");
  std::optional<DialogueRecommendation> Find(const DialogueReference& ref) const;

 private:
  struct Paragraph {
    std::size_t begin, end;
  };
  void FindSpeaker(std::string_view para, DialogueRecommendation& out) const;

  const core::NormalizedText& text_;
  const StateResolver& states_;
  const Patterns& patterns_;
  std::string sur_iso3_;
  std::vector<std::optional<Paragraph>> paragraphs_;  // by paragraph number
};

}  // namespace uprx::extractors

#endif  // UPRX_EXTRACTORS_DIALOGUE_REFERENCES_H_
