#include "extractors/docx_numbering.h"

#include <algorithm>
#include <charconv>

namespace uprx::extractors {
namespace {

// w:basedOn chains are short; the bound only guards against a style that names itself.
constexpr int kMaxStyleDepth = 16;

std::string Roman(int value, bool upper) {
  static constexpr std::pair<int, const char*> kNumerals[] = {
      {1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"}, {50, "l"},
      {40, "xl"},  {10, "x"},   {9, "ix"},  {5, "v"},    {4, "iv"},  {1, "i"}};
  std::string out;
  for (const auto& [amount, numeral] : kNumerals) {
    for (; value >= amount; value -= amount) out += numeral;
  }
  if (upper) {
    for (char& c : out) c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

// Word's letter numbering repeats the letter past z: 26 -> "z", 27 -> "aa", 28 -> "bb".
std::string Letters(int value, bool upper) {
  const char letter = static_cast<char>((upper ? 'A' : 'a') + (value - 1) % 26);
  return std::string(static_cast<std::size_t>((value - 1) / 26 + 1), letter);
}

std::string FormatNumber(int value, std::string_view format) {
  if (value > 0 && (format == "lowerLetter" || format == "upperLetter")) {
    return Letters(value, format == "upperLetter");
  }
  if (value > 0 && value < 4000 && (format == "lowerRoman" || format == "upperRoman")) {
    return Roman(value, format == "upperRoman");
  }
  if (format == "decimalZero" && value >= 0 && value < 10) return "0" + std::to_string(value);
  return std::to_string(value);  // decimal, and the formats we do not render
}

// Bullets drawn from Symbol or Wingdings are private-use code points (U+F0B7) or a middle
// dot in the level's text; what the reader sees is a bullet, so that is what we write.
std::string BulletLabel(const std::string& text) {
  // U+E000..U+F8FF is EE 80 80 .. EF A3 BF in UTF-8.
  bool private_use = false;
  for (std::size_t i = 0; i + 1 < text.size(); ++i) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const auto next = static_cast<unsigned char>(text[i + 1]);
    if (lead == 0xEE || (lead == 0xEF && next <= 0xA3)) private_use = true;
  }
  if (text.empty() || private_use || text == "\xC2\xB7") return "\xE2\x80\xA2";
  return text;
}

}  // namespace

WordNames::WordNames(const pugi::xml_node& root) {
  const std::string_view name = root.name();
  const std::size_t colon = name.find(':');
  if (colon != std::string_view::npos) prefix_ = std::string(name.substr(0, colon + 1));
}

bool WordNames::Is(const pugi::xml_node& node, std::string_view local) const {
  const std::string_view name = node.name();
  return name.size() == prefix_.size() + local.size() && name.starts_with(prefix_) &&
         name.substr(prefix_.size()) == local;
}

pugi::xml_node WordNames::Child(const pugi::xml_node& node, std::string_view local) const {
  for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
    if (Is(child, local)) return child;
  }
  return {};
}

pugi::xml_node WordNames::Path(pugi::xml_node node,
                               std::initializer_list<std::string_view> locals) const {
  for (std::string_view local : locals) node = Child(node, local);
  return node;
}

std::string_view WordNames::Attr(const pugi::xml_node& node, std::string_view local) const {
  for (pugi::xml_attribute a = node.first_attribute(); a; a = a.next_attribute()) {
    const std::string_view name = a.name();
    if (name == local || (name.size() == prefix_.size() + local.size() &&
                          name.starts_with(prefix_) && name.substr(prefix_.size()) == local)) {
      return a.value();
    }
  }
  return {};
}

std::optional<int> WordNames::IntAttr(const pugi::xml_node& node, std::string_view local) const {
  const std::string_view text = Attr(node, local);
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

DocxNumbering::DocxNumbering(const pugi::xml_node& numbering_root,
                             const pugi::xml_node& styles_root) {
  ParseNumbering(numbering_root);
  ParseStyles(styles_root);  // after numbering: a style's level may come from a w:lvl/w:pStyle
}

DocxNumbering::Level DocxNumbering::ParseLevel(const WordNames& w, const pugi::xml_node& lvl) {
  Level level;
  // ECMA-376 §17.9.25: without w:start a level starts at zero.
  level.start = w.IntAttr(w.Child(lvl, "start"), "val").value_or(0);
  const std::string_view format = w.Attr(w.Child(lvl, "numFmt"), "val");
  if (!format.empty()) level.format = std::string(format);
  level.text = std::string(w.Attr(w.Child(lvl, "lvlText"), "val"));
  const pugi::xml_node legal = w.Child(lvl, "isLgl");
  const std::string_view legal_value = w.Attr(legal, "val");
  level.legal = legal && legal_value != "0" && legal_value != "false";
  level.paragraph_style = std::string(w.Attr(w.Child(lvl, "pStyle"), "val"));
  return level;
}

void DocxNumbering::ParseNumbering(const pugi::xml_node& root) {
  const WordNames w(root);
  for (pugi::xml_node node = root.first_child(); node; node = node.next_sibling()) {
    if (w.Is(node, "abstractNum")) {
      const std::optional<int> id = w.IntAttr(node, "abstractNumId");
      if (!id) continue;
      std::array<Level, kLevels>& levels = abstracts_[*id];
      for (pugi::xml_node lvl = node.first_child(); lvl; lvl = lvl.next_sibling()) {
        const int index = w.IntAttr(lvl, "ilvl").value_or(-1);
        if (w.Is(lvl, "lvl") && index >= 0 && index < kLevels) {
          levels[index] = ParseLevel(w, lvl);
        }
      }
    } else if (w.Is(node, "num")) {
      const std::optional<int> id = w.IntAttr(node, "numId");
      const std::optional<int> abstract_id = w.IntAttr(w.Child(node, "abstractNumId"), "val");
      if (!id || !abstract_id) continue;
      Instance& instance = instances_[*id];
      instance.abstract_id = *abstract_id;
      for (pugi::xml_node o = node.first_child(); o; o = o.next_sibling()) {
        const int index = w.IntAttr(o, "ilvl").value_or(-1);
        if (!w.Is(o, "lvlOverride") || index < 0 || index >= kLevels) continue;
        instance.start_override[index] = w.IntAttr(w.Child(o, "startOverride"), "val");
        if (pugi::xml_node lvl = w.Child(o, "lvl")) {
          instance.level_override[index] = ParseLevel(w, lvl);
        }
      }
    }
  }
}

void DocxNumbering::ParseStyles(const pugi::xml_node& root) {
  const WordNames w(root);
  std::map<std::string, pugi::xml_node, std::less<>> by_id;
  for (pugi::xml_node style = root.first_child(); style; style = style.next_sibling()) {
    if (w.Is(style, "style")) by_id.emplace(std::string(w.Attr(style, "styleId")), style);
  }
  for (const auto& [id, style] : by_id) {
    pugi::xml_node current = style;
    for (int depth = 0; current && depth < kMaxStyleDepth; ++depth) {
      const pugi::xml_node num_pr = w.Path(current, {"pPr", "numPr"});
      if (num_pr) {
        StyleNumbering numbering{w.IntAttr(w.Child(num_pr, "numId"), "val"),
                                 w.IntAttr(w.Child(num_pr, "ilvl"), "val")};
        // Without w:ilvl the style is on the level that names it in w:pStyle.
        const auto instance =
            numbering.num_id ? instances_.find(*numbering.num_id) : instances_.end();
        if (!numbering.level && instance != instances_.end()) {
          const auto& levels = abstracts_[instance->second.abstract_id];
          for (int i = 0; i < kLevels; ++i) {
            if (levels[i].paragraph_style == id) numbering.level = i;
          }
        }
        styles_[id] = numbering;
        break;
      }
      const auto parent = by_id.find(w.Attr(w.Child(current, "basedOn"), "val"));
      current = parent == by_id.end() ? pugi::xml_node() : parent->second;
    }
  }
}

std::optional<std::pair<int, int>> DocxNumbering::NumberingOf(const pugi::xml_node& paragraph,
                                                              const WordNames& w) const {
  const pugi::xml_node properties = w.Child(paragraph, "pPr");
  const pugi::xml_node num_pr = w.Child(properties, "numPr");
  std::optional<int> num_id = w.IntAttr(w.Child(num_pr, "numId"), "val");
  std::optional<int> level = w.IntAttr(w.Child(num_pr, "ilvl"), "val");
  if (!num_id) {
    const auto style = styles_.find(std::string(w.Attr(w.Child(properties, "pStyle"), "val")));
    if (style != styles_.end()) {
      num_id = style->second.num_id;
      if (!level) level = style->second.level;
    }
  }
  if (!num_id || *num_id == 0) return std::nullopt;  // numId 0: numbering switched off
  const auto instance = instances_.find(*num_id);
  if (instance == instances_.end() || !abstracts_.contains(instance->second.abstract_id)) {
    return std::nullopt;
  }
  return std::make_pair(*num_id, std::clamp(level.value_or(0), 0, kLevels - 1));
}

const DocxNumbering::Level& DocxNumbering::LevelOf(const Instance& instance, int level) const {
  if (instance.level_override[level]) return *instance.level_override[level];
  return abstracts_.at(instance.abstract_id)[level];
}

void DocxNumbering::Advance(int num_id, const Instance& instance, int level) {
  Counters& counters = counters_[instance.abstract_id];
  const std::optional<int>& start_override = instance.start_override[level];
  if (start_override && overrides_used_.insert({num_id, level}).second) {
    counters.value[level] = *start_override;
  } else if (!counters.used[level]) {
    counters.value[level] = LevelOf(instance, level).start;
  } else {
    ++counters.value[level];
  }
  counters.used[level] = true;
  for (int deeper = level + 1; deeper < kLevels; ++deeper) counters.used[deeper] = false;
}

std::string DocxNumbering::Render(const Instance& instance, int level) const {
  const Level& definition = LevelOf(instance, level);
  if (definition.format == "none") return "";
  if (definition.format == "bullet") return BulletLabel(definition.text);
  const Counters& counters = counters_.at(instance.abstract_id);
  std::string label;
  const std::string& text = definition.text;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 1 < text.size() && text[i + 1] >= '1' && text[i + 1] <= '9') {
      const int shown = text[++i] - '1';
      const Level& shown_level = LevelOf(instance, shown);
      // A level not used yet (a jump from 1 to 1.1.1) shows its start value, as Word does.
      const int value = counters.used[shown] ? counters.value[shown] : shown_level.start;
      label += FormatNumber(value, definition.legal ? "decimal" : shown_level.format);
    } else {
      label.push_back(text[i]);
    }
  }
  return label;
}

std::string DocxNumbering::NextLabel(const pugi::xml_node& paragraph, const WordNames& w) {
  const std::optional<std::pair<int, int>> numbering = NumberingOf(paragraph, w);
  if (!numbering) return "";
  const auto [num_id, level] = *numbering;
  const Instance& instance = instances_.at(num_id);
  Advance(num_id, instance, level);
  return Render(instance, level);
}

}  // namespace uprx::extractors
