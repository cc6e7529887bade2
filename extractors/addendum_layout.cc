#include "extractors/addendum_layout.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <cstdint>

#include "pipeline/core/text_util.h"

namespace uprx::extractors {
namespace {

// A block of `kind` (and paragraph number), every other field at its default; named so that
// no aggregate initialiser leaves fields out (clang's -Wmissing-field-initializers).
Block MakeBlock(BlockKind kind, int paragraph = 0) {
  Block b;
  b.kind = kind;
  b.paragraph = paragraph;
  return b;
}

bool EndsWithAny(std::string_view s, std::string_view chars) {
  s = TrimSpace(s);
  return !s.empty() && chars.find(s.back()) != std::string_view::npos;
}

bool StartsUpper(std::string_view s) {
  return !s.empty() && std::isupper(static_cast<unsigned char>(s.front()));
}

// The item number of "?.5" / "111.5".
int ItemOf(const std::string& number) {
  const std::string_view item = std::string_view(number).substr(number.rfind('.') + 1);
  return core::ParseBoundedInt(item, 0, kMaxNumberPart).value_or(0);
}

// Skips spaces and one ':' or '-' after a header's numbers ("140.3: The Government ...").
std::size_t SkipHeaderPunctuation(std::string_view line, std::size_t at) {
  while (at < line.size() && line[at] == ' ') ++at;
  if (at < line.size() && (line[at] == ':' || line[at] == '-')) ++at;
  while (at < line.size() && line[at] == ' ') ++at;
  return at;
}

}  // namespace

void Flow::Append(const LineRef& line, std::size_t from) {
  if (from >= line.text.size()) return;
  if (!text.empty()) text += ' ';
  anchors.emplace_back(text.size(), line.begin + from);
  text += line.text.substr(from);
}

std::size_t Flow::Source(std::size_t at) const {
  auto it = std::upper_bound(anchors.begin(), anchors.end(), std::make_pair(at, SIZE_MAX));
  if (it == anchors.begin()) return at;
  --it;
  return it->second + (at - it->first);
}

Cited Flow::Absolute(Cited c) const {
  const std::size_t end = Source(c.end > c.begin ? c.end - 1 : c.begin) + 1;
  c.begin = Source(c.begin);
  c.end = end;
  return c;
}

AddendumLayout::AddendumLayout(const Patterns& p, const core::NormalizedText& text,
                               const ListReader& lists)
    : p_(p), text_(text), lists_(lists), lines_(core::SplitLines(text.text)) {}

std::vector<Block> AddendumLayout::Segment(Reading reading) const {
  State s;
  s.blocks.emplace_back();
  int footnote_page = 0;
  for (std::size_t i = 0; i < lines_.size(); ++i) {
    const std::string_view line = lines_[i].text;
    if (RE2::FullMatch(line, p_.Get("addendum_stop"))) break;
    const int page = text_.map.Locate(lines_[i].begin).page;
    if (page == footnote_page) continue;
    footnote_page = 0;
    if (RE2::FullMatch(line, p_.Get("addendum_footnote_mark_cs"))) {
      footnote_page = page;  // the footnote runs to the end of its page
      continue;
    }
    if (line.find('\t') != std::string_view::npos) {
      StartsRow(i, s);  // rows without a number (column titles, themes) say nothing
      continue;
    }
    if (reading == Reading::kItems ? StartsItem(i, s) : StartsParagraph(i, s)) continue;
    if (IsHeading(i)) {
      s.blocks.push_back(MakeBlock(BlockKind::kHeading));
      s.blocks.back().flow.Append(lines_[i]);
      continue;
    }
    if (reading == Reading::kLists && (StartsListAfterHeading(i, s) || StartsExplanation(i, s))) {
      continue;
    }
    s.blocks.back().flow.Append(lines_[i]);
  }
  return std::move(s.blocks);
}

bool AddendumLayout::PrevClosed(std::size_t i) const {
  return i == 0 || EndsWithAny(lines_[i - 1].text, ".:;");
}

// The line before ends inside a list: "140.242, 140.243,", "122.91-", "140.3 and".
bool AddendumLayout::PrevOpen(std::size_t i) const {
  if (i == 0) return false;
  const std::string_view prev = TrimSpace(lines_[i - 1].text);
  return EndsWithAny(prev, ",-") || prev.ends_with(" and") || prev.ends_with(" to");
}

bool AddendumLayout::IsHeading(std::size_t i) const {
  const std::string_view line = lines_[i].text;
  return RE2::FullMatch(line, p_.Get("addendum_numbered_heading_cs")) ||
         (RE2::FullMatch(line, p_.Get("addendum_heading_cs")) && PrevClosed(i));
}

bool AddendumLayout::StartsParagraph(std::size_t i, State& s) const {
  const std::string_view line = lines_[i].text;
  std::string label;
  if (!RE2::PartialMatch(line, p_.Get("addendum_paragraph_label_cs"), &label)) return false;
  const std::optional<int> number = core::ParseBoundedInt(label, 1, kMaxNumberPart);
  if (!number) return false;
  const int n = *number;
  if (s.paragraph > 0 && (n <= s.paragraph || n > s.paragraph + 3)) return false;
  s.paragraph = n;
  Block b = MakeBlock(BlockKind::kParagraph, n);
  b.flow.Append(lines_[i], SkipHeaderPunctuation(line, line.find('.') + 1));
  s.blocks.push_back(std::move(b));
  return true;
}

// "5., 6., 7." -> ?.5 ?.6 ?.7 printed "5." "6." "7."; "118.1" -> 118.1.
std::vector<Cited> AddendumLayout::ItemLabels(std::string_view labels, std::size_t at) const {
  std::vector<Cited> cited;
  re2::StringPiece tokens(labels.data(), labels.size());
  std::string a, b;
  while (RE2::FindAndConsume(&tokens, p_.Get("addendum_label_token_cs"), &a, &b)) {
    const std::size_t end = static_cast<std::size_t>(tokens.data() - labels.data());
    const std::optional<int> first = core::ParseBoundedInt(a, 0, kMaxNumberPart);
    if (!first) continue;
    const std::string number = b.empty() ? lists_.Format(*first, std::nullopt) : a + "." + b;
    const std::size_t begin = end - a.size() - (b.empty() ? 0 : b.size() + 1);
    const std::size_t shown = end < labels.size() && labels[end] == '.' ? end + 1 : end;
    cited.push_back(
        {number, std::string(labels.substr(begin, shown - begin)), at + begin, at + shown});
  }
  return cited;
}

bool AddendumLayout::StartsItem(std::size_t i, State& s) const {
  const std::string_view line = lines_[i].text;
  re2::StringPiece sp(line.data(), line.size());
  std::string labels;
  if (!RE2::Consume(&sp, p_.Get("addendum_item_labels_cs"), &labels)) return false;
  const std::size_t rest = labels.size();
  std::vector<Cited> cited = ItemLabels(labels, lines_[i].begin);
  Block& cur = s.blocks.back();
  if (rest == line.size() || !StartsUpper(line.substr(rest))) {
    // The label column wrapped: more numbers for the item above.
    if (cur.kind != BlockKind::kItem || !cur.open_labels) return false;
    for (const Cited& c : cited) s.seen_items.insert(c.number);
    cur.labels.insert(cur.labels.end(), cited.begin(), cited.end());
    cur.open_labels = EndsWithAny(labels, ",");
    cur.flow.Append(lines_[i], rest);
    return true;
  }
  std::erase_if(cited, [&](const Cited& c) {
    return s.seen_items.count(c.number) > 0 ||
           (s.max_item > 0 && ItemOf(c.number) > s.max_item + 50);
  });
  if (cited.empty()) return false;
  Block item = MakeBlock(BlockKind::kItem);
  for (const Cited& c : cited) {
    s.seen_items.insert(c.number);
    s.max_item = std::max(s.max_item, ItemOf(c.number));
  }
  item.labels = std::move(cited);
  item.open_labels = EndsWithAny(labels, ",");
  item.flow.Append(lines_[i], rest);
  s.blocks.push_back(std::move(item));
  return true;
}

// "Noted recommendations" then a bare list: the list is the section's content, not a header.
bool AddendumLayout::StartsListAfterHeading(std::size_t i, State& s) const {
  if (s.blocks.back().kind != BlockKind::kHeading) return false;
  const std::string_view line = lines_[i].text;
  const auto list = lists_.Read(line, 0);
  if (!list || !list->dotted || TrimSpace(line.substr(list->end)).size() > 1) return false;
  s.blocks.push_back(MakeBlock(BlockKind::kParagraph));
  s.blocks.back().flow.Append(lines_[i]);
  return true;
}

bool AddendumLayout::StartsExplanation(std::size_t i, State& s) const {
  const std::string_view line = lines_[i].text;
  re2::StringPiece sp(line.data(), line.size());
  const bool rec = RE2::Consume(&sp, p_.Get("addendum_rec_prefix"));
  const auto list = lists_.Read(line, static_cast<std::size_t>(sp.data() - line.data()));
  if (!list || (!rec && !list->dotted)) return false;
  const std::size_t rest = SkipHeaderPunctuation(line, list->end);
  if (rest == line.size()) {
    // A line of numbers inside a list paragraph continues it when the list is still open.
    const bool in_list = s.blocks.back().kind == BlockKind::kParagraph;
    if (!rec && in_list && (PrevOpen(i) || EndsWithAny(line, ",-"))) return false;
  } else if (!StartsUpper(line.substr(rest)) || (!rec && !PrevClosed(i))) {
    return false;
  }
  Block b = MakeBlock(BlockKind::kExplanation);
  for (const Cited& c : list->numbers) {
    b.labels.push_back({c.number, c.printed, lines_[i].begin + c.begin, lines_[i].begin + c.end});
  }
  b.flow.Append(lines_[i], rest);
  s.blocks.push_back(std::move(b));
  return true;
}

bool AddendumLayout::StartsRow(std::size_t i, State& s) const {
  const std::string_view line = lines_[i].text;
  const std::string_view first = line.substr(0, line.find('\t'));
  re2::StringPiece sp(first.data(), first.size());
  RE2::Consume(&sp, p_.Get("addendum_rec_prefix"));
  const auto list = lists_.Read(first, static_cast<std::size_t>(sp.data() - first.data()));
  if (!list || list->numbers.empty()) return false;
  Block b = MakeBlock(BlockKind::kRow);
  for (const Cited& c : list->numbers) {
    b.labels.push_back({c.number, c.printed, lines_[i].begin + c.begin, lines_[i].begin + c.end});
  }
  const std::string_view after = TrimSpace(first.substr(list->end));
  b.number_only = after.empty() || after == ".";
  b.flow.Append(lines_[i]);
  s.blocks.push_back(std::move(b));
  return true;
}

}  // namespace uprx::extractors
