// The layout of an addendum (used by addendum_extractor.cc): the normalised lines cut into
// blocks -- numbered paragraphs, headings, explanation blocks headed by the numbers they
// explain, items answered one by one, table rows -- each with its text reflowed and a map back
// to the normalised offsets.
//
//   AddendumLayout layout(patterns, normalized, list_reader);
//   for (const Block& b : layout.Segment(Reading::kLists)) ...
//
// Two readings of the same lines:
//  - kLists: "3. The Government accepts ..." opens paragraph 3 only when 3 follows the
//    paragraph before ("1. Accepted recommendations; 2. ..." inside paragraph 2 of
//    A/HRC/43/15/Add.1 does not); a line of dotted numbers opens an explanation block unless it
//    continues a list ("140.136.\n140.137, 140.138," in A/HRC/59/15/Add.1); "Rec. 18 We ..."
//    (A/HRC/28/15/Add.1) opens one too;
//  - kItems: "5., 6., 7. The Slovenian Government accepts ..." opens an item for each number
//    not seen before; "43., 44." or "83., 85., 86., 87. decision by the ..." after a label list
//    ending in a comma adds numbers to the item above (A/HRC/14/15/Add.1, where the label
//    column wraps).
// In both, a DOCX table row ("118.1<TAB>Ratify ...<TAB>Accepted") is a block of its own, a
// lone footnote mark skips the rest of its page, and "Notes"/"Annex" ends the answers.
#ifndef UPRX_EXTRACTORS_ADDENDUM_LAYOUT_H_
#define UPRX_EXTRACTORS_ADDENDUM_LAYOUT_H_

#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extractors/addendum_lists.h"
#include "extractors/patterns.h"
#include "pipeline/core/document.h"

namespace uprx::extractors {

using LineRef = core::TextLine;  // offsets in the normalised text

// Lines joined by spaces, with a map from offsets in the joined text back to the normalised text.
struct Flow {
  std::string text;
  std::vector<std::pair<std::size_t, std::size_t>> anchors;  // (flow offset, text offset)

  void Append(const LineRef& line, std::size_t from = 0);
  std::size_t Source(std::size_t at) const;
  // `c` (offsets into `text`) with offsets into the normalised text.
  Cited Absolute(Cited c) const;
};

enum class BlockKind { kIntro, kParagraph, kHeading, kExplanation, kItem, kRow };

struct Block {
  BlockKind kind = BlockKind::kIntro;
  int paragraph = 0;          // kParagraph: its number
  std::vector<Cited> labels;  // kExplanation, kItem, kRow: offsets into the normalised text
  bool open_labels = false;   // kItem: the label list ended with a comma
  bool number_only = false;   // kRow: the first cell holds only the number
  Flow flow;                  // the text after the labels (kRow: the whole row, cells by '\t')
};

enum class Reading { kLists, kItems };

class AddendumLayout {
 public:
  AddendumLayout(const Patterns& p, const core::NormalizedText& text, const ListReader& lists);

  // Block 0 is always kIntro: the lines before the first paragraph or item.
  std::vector<Block> Segment(Reading reading) const;

 private:
  struct State {
    std::vector<Block> blocks;
    int paragraph = 0, max_item = 0;
    std::set<std::string> seen_items;
  };
  bool StartsParagraph(std::size_t i, State& s) const;
  bool StartsItem(std::size_t i, State& s) const;
  std::vector<Cited> ItemLabels(std::string_view labels, std::size_t at) const;
  bool StartsListAfterHeading(std::size_t i, State& s) const;
  bool StartsExplanation(std::size_t i, State& s) const;
  bool StartsRow(std::size_t i, State& s) const;
  bool IsHeading(std::size_t i) const;
  bool PrevClosed(std::size_t i) const;
  bool PrevOpen(std::size_t i) const;

  const Patterns& p_;
  const core::NormalizedText& text_;
  const ListReader& lists_;
  std::vector<LineRef> lines_;
};

}  // namespace uprx::extractors

#endif  // UPRX_EXTRACTORS_ADDENDUM_LAYOUT_H_
