#include "extractors/thematic_list_labels.h"

#include <re2/re2.h>

#include <string>
#include <vector>

#include "extractors/thematic_list_table.h"

namespace uprx::extractors {
namespace {

void AddLabel(std::string_view label, ThematicLabelKind kind, const Patterns& p,
              core::GivenLabels& out) {
  label = TrimChars(label, " -;,");
  if (label.empty()) return;
  if (kind == ThematicLabelKind::kTheme &&
      RE2::PartialMatch(label, p.Get("thematic_sdg_coded_cs"))) {
    kind = ThematicLabelKind::kSdg;
  }
  auto& list = kind == ThematicLabelKind::kTheme    ? out.themes
               : kind == ThematicLabelKind::kPerson ? out.affected_persons
                                                    : out.sdgs;
  list.emplace_back(label);
}

// Splits `s` where `re` matches, at its first capture: "A12 X B32 Y" at each code. Text before
// the first match is a label of its own.
void SplitAt(std::string_view s, const RE2& re, ThematicLabelKind kind, const Patterns& p,
             core::GivenLabels& out) {
  std::vector<std::size_t> starts{0};
  re2::StringPiece sp(s.data(), s.size()), start;
  while (RE2::FindAndConsume(&sp, re, &start)) starts.push_back(start.data() - s.data());
  starts.push_back(s.size());
  for (std::size_t i = 0; i + 1 < starts.size(); ++i) {
    AddLabel(s.substr(starts[i], starts[i + 1] - starts[i]), kind, p, out);
  }
}

// "- A - B - C" at each dash; in themes, " - general ..." continues the theme before it.
void SplitDashes(std::string_view s, ThematicLabelKind kind, const Patterns& p,
                 core::GivenLabels& out) {
  std::vector<std::string> items;
  for (std::size_t pos = 0;;) {
    const std::size_t cut = s.find(" - ", pos);
    const std::string_view piece = TrimChars(s.substr(pos, cut == s.npos ? cut : cut - pos), " -");
    const bool continues = kind == ThematicLabelKind::kTheme &&
                           RE2::PartialMatch(piece, p.Get("thematic_label_continuation"));
    if (continues && !items.empty()) {
      items.back() += " - " + std::string(piece);
    } else if (!piece.empty()) {
      items.emplace_back(piece);
    }
    if (cut == s.npos) break;
    pos = cut + 3;
  }
  for (const std::string& item : items) AddLabel(item, kind, p, out);
}

void AddSection(std::string_view s, ThematicLabelKind kind, const Patterns& p,
                core::GivenLabels& out) {
  s = TrimChars(s);
  if (s.empty()) return;
  if (kind == ThematicLabelKind::kSdg) {
    SplitAt(s, p.Get("thematic_sdg_item"), kind, p, out);
  } else if (kind == ThematicLabelKind::kPerson || s.front() == '-') {
    SplitDashes(s, kind, p, out);
  } else {
    SplitAt(s, p.Get("thematic_theme_code_cs"), kind, p, out);
  }
}

}  // namespace

void AddThematicLabels(std::string_view cell, ThematicLabelKind kind, const Patterns& p,
                       core::GivenLabels& out) {
  re2::StringPiece rest(cell.data(), cell.size()), whole, persons, sdgs;
  while (RE2::PartialMatch(rest, p.Get("thematic_label_heading"), &whole, &persons, &sdgs)) {
    AddSection(std::string_view(rest.data(), whole.data() - rest.data()), kind, p, out);
    kind = persons.data() != nullptr ? ThematicLabelKind::kPerson : ThematicLabelKind::kSdg;
    rest.remove_prefix(whole.data() + whole.size() - rest.data());
  }
  AddSection(std::string_view(rest.data(), rest.size()), kind, p, out);
}

}  // namespace uprx::extractors
