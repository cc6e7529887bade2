// The labels an OHCHR thematic list gives a recommendation, one label per item. A labels cell
// holds its items as separate paragraphs, which the DOCX reader joins with spaces, so the items
// are found again by their shape:
//  - coded themes at each code: "A12 Acceptance of international norms B32 Racial
//    discrimination" (2014-2019 lists), "2.1. Acceptance ... 12.4. Death penalty" (Egypt);
//  - "- " lists at each dash: "- Acceptance of international norms - Enforced disappearances",
//    where " - general ..." continues a theme ("Economic, social & cultural rights - general
//    measures of implementation") rather than opening one;
//  - SDG lists at each goal number: "- 1 - NO POVERTY - 2 - ZERO HUNGER";
//  - "Affected persons:" / "Groups of Persons:" and "SDGs:" inside a themes cell open the
//    persons and SDG parts; coded "S16 SDG 16 - ..." themes (China 2018) are SDG labels.
//
//   core::GivenLabels labels;
//   AddThematicLabels(themes_cell, ThematicLabelKind::kTheme, Patterns::Default(), labels);
#ifndef UPRX_EXTRACTORS_THEMATIC_LIST_LABELS_H_
#define UPRX_EXTRACTORS_THEMATIC_LIST_LABELS_H_

#include <string_view>

#include "extractors/patterns.h"
#include "pipeline/core/document.h"

namespace uprx::extractors {

// What a cell holds before any heading inside it: themes, or SDGs for an SDG column.
enum class ThematicLabelKind { kTheme, kPerson, kSdg };

// Appends the labels of one cell to `out`, as written but for the item dashes.
void AddThematicLabels(std::string_view cell, ThematicLabelKind kind, const Patterns& p,
                       core::GivenLabels& out);

}  // namespace uprx::extractors

#endif  // UPRX_EXTRACTORS_THEMATIC_LIST_LABELS_H_
