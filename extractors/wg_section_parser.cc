#include "extractors/wg_section_parser.h"

#include <re2/re2.h>

#include "pipeline/core/text_util.h"

namespace uprx::extractors {

void SectionParser::Diagnose(std::size_t offset, const char* code, const std::string& message) {
  diags_.push_back({"warning", code, symbol_, norm_.map.Locate(offset).page, message});
}

std::optional<LabelCandidate> SectionParser::CandidateAt(std::size_t i) const {
  const std::string_view line = lines_[i].text;
  re2::StringPiece sp(line.data(), line.size());
  LabelCandidate c;
  std::string a, b;
  if (RE2::Consume(&sp, p_.Get("label_dotted_cs"), &a, &b)) {
    c.kind = LabelKind::kDotted;
    const std::optional<int> second = core::ParseBoundedInt(b, 0, kMaxNumberPart);
    if (!second) return std::nullopt;
    c.second = *second;
  } else if (RE2::Consume(&sp, p_.Get("label_plain_cs"), &a)) {
    c.kind = LabelKind::kPlain;
  } else if (RE2::PartialMatch(sp, p_.Get("label_bare_cs"), &a)) {
    c.kind = LabelKind::kBare;
    sp.remove_prefix(a.size());
  } else {
    return std::nullopt;
  }
  const std::optional<int> first = core::ParseBoundedInt(a, 0, kMaxNumberPart);
  if (!first) return std::nullopt;
  c.first = *first;
  c.rest = static_cast<std::size_t>(sp.data() - line.data());
  std::string_view printed = line.substr(0, c.rest);
  while (!printed.empty() && printed.back() == ' ') printed.remove_suffix(1);
  c.printed = std::string(printed);
  return c;
}

std::optional<LabelCandidate> SectionParser::NextCandidate(std::size_t i) const {
  for (std::size_t j = i + 1; j < end_line_; ++j) {
    if (auto c = CandidateAt(j)) return c;
  }
  return std::nullopt;
}

// The text of the block a label at line i would open: up to the next numbered line.
std::string SectionParser::ContentFrom(std::size_t i, std::size_t rest) const {
  std::string out(lines_[i].text.substr(rest));
  for (std::size_t j = i + 1; j < end_line_ && !CandidateAt(j); ++j) {
    out += ' ';
    out += lines_[j].text;
  }
  return out;
}

// A paragraph of the report rather than a recommendation: it names no recommending State, and
// it states a position, introduces a list or is the closing disclaimer.
bool SectionParser::LooksLikeParagraph(const std::string& content) const {
  for (const Clause& c : attribution_.Parse(content).clauses) {
    if (!c.states.empty()) return false;
  }
  for (const char* name : {"disclaimer", "introduces_list", "position_noted", "position_pending",
                           "position_supported"}) {
    if (RE2::PartialMatch(content, p_.Get(name))) return true;
  }
  return false;
}

void SectionParser::StartBlock(std::size_t i, const LabelCandidate& c, bool is_item, int paragraph,
                               int item) {
  SectionBlock b;
  b.is_item = is_item;
  b.paragraph = paragraph;
  b.item = item;
  b.printed = c.printed;
  b.begin = lines_[i].begin;
  b.end = lines_[i].end;
  b.text = std::string(lines_[i].text.substr(c.rest));
  blocks_.push_back(std::move(b));
  if (is_item) {
    last_item_ = item;
  } else {
    para_ = paragraph;
    last_item_ = 0;
    items_ = Items::kNone;
  }
}

// Decides whether the numbered line i continues the sequence; opens the block if so.
bool SectionParser::Accept(std::size_t i, const LabelCandidate& c) {
  const int expected_item = last_item_ + 1;
  const std::size_t at = lines_[i].begin;
  const auto next = NextCandidate(i);
  if (c.kind == LabelKind::kDotted) {
    if (items_ == Items::kPlain) return false;
    if (c.first == para_ && c.second == expected_item) {
      StartBlock(i, c, true, para_, expected_item);
    } else if (c.first > para_ && c.second == 1) {  // items whose paragraph label is missing
      para_ = c.first;
      StartBlock(i, c, true, c.first, 1);
    } else if (c.first == para_ && last_item_ > 0 && next && next->kind == LabelKind::kDotted &&
               next->first == para_ && next->second == expected_item + 1) {
      Diagnose(at, "number_repaired",
               "printed " + c.printed + " between " + std::to_string(para_) + "." +
                   std::to_string(last_item_) + " and " + std::to_string(para_) + "." +
                   std::to_string(expected_item + 1) + "; read as " + std::to_string(para_) + "." +
                   std::to_string(expected_item));
      StartBlock(i, c, true, para_, expected_item);
    } else if (c.first == para_ && c.second > expected_item && c.second <= expected_item + 5) {
      Diagnose(at, "number_gap",
               "items " + std::to_string(para_) + "." + std::to_string(expected_item) + " to " +
                   std::to_string(para_) + "." + std::to_string(c.second - 1) + " not found");
      StartBlock(i, c, true, para_, c.second);
    } else {
      return false;
    }
    items_ = Items::kDotted;
    return true;
  }

  // Items run on from item 1, which may follow any paragraph: lead-ins do not always end in a
  // colon (A/HRC/13/6 Angola 2010 ends its lead-in "... at its fourteenth session.").
  const bool in_list = items_ == Items::kPlain || (items_ == Items::kNone && para_ > 0);
  const bool fits_item = in_list && c.first == expected_item;
  const bool fits_para = c.kind == LabelKind::kPlain && (para_ == 0 || c.first == para_ + 1);
  bool as_item = fits_item;
  if (fits_item && fits_para) {
    // A number that is both the next item and the next paragraph (A/HRC/13/4): the text decides.
    as_item = !LooksLikeParagraph(ContentFrom(i, c.rest));
  } else if (!fits_item && !fits_para) {
    if (in_list && items_ == Items::kPlain && next && next->first == expected_item + 1 &&
        c.kind == LabelKind::kPlain) {
      Diagnose(at, "number_repaired",
               "printed " + c.printed + " between items " + std::to_string(last_item_) + " and " +
                   std::to_string(expected_item + 1) + " of paragraph " + std::to_string(para_) +
                   "; read as " + std::to_string(expected_item));
      as_item = true;
    } else {
      return false;
    }
  }
  if (as_item) {
    if (c.kind == LabelKind::kBare) {
      Diagnose(at, "label_without_period",
               "item " + c.printed + " of paragraph " + std::to_string(para_) +
                   " printed without its period");
    }
    StartBlock(i, c, true, para_, expected_item);
    items_ = Items::kPlain;
    return true;
  }
  StartBlock(i, c, false, c.first, 0);
  if (RE2::PartialMatch(ContentFrom(i, c.rest), p_.Get("disclaimer"))) stop_ = true;
  return true;
}

std::vector<SectionBlock> SectionParser::Parse(std::size_t first_line, std::size_t end_line) {
  end_line_ = end_line;
  int footnote_page = 0;
  for (std::size_t i = first_line; i < end_line && !stop_; ++i) {
    if (RE2::FullMatch(lines_[i].text, p_.Get("section_noise")) ||
        RE2::FullMatch(lines_[i].text, p_.Get("placeholder"))) {
      continue;
    }
    const int page = norm_.map.Locate(lines_[i].begin).page;
    if (footnote_page == page) continue;
    footnote_page = 0;
    auto c = CandidateAt(i);
    if (c && Accept(i, *c)) continue;
    // A bare number that is not the next label opens a footnote, which runs to the end of the
    // page: "1\nThe recommendation as read during the interactive dialogue: ... (Uruguay)."
    // (A/HRC/15/14 Guyana 2010) must not become part of the item above it.
    if (c && c->kind == LabelKind::kBare && c->rest == lines_[i].text.size()) {
      footnote_page = page;
      continue;
    }
    if (blocks_.empty()) continue;  // heading lines before the first paragraph
    SectionBlock& b = blocks_.back();
    b.text += ' ';
    b.text += lines_[i].text;
    b.end = lines_[i].end;
  }
  return std::move(blocks_);
}

}  // namespace uprx::extractors
