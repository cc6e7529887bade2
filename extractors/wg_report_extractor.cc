#include "extractors/wg_report_extractor.h"

#include <re2/re2.h>

#include <optional>
#include <set>
#include <string>

#include "extractors/dialogue_references.h"

namespace uprx::extractors {
namespace {

using LineRef = core::TextLine;
using core::SplitLines;

enum class LabelKind { kDotted, kPlain, kBare };

// A number at the start of a line, before the sequence decides whether it is a label.
struct Candidate {
  LabelKind kind;
  int first = 0;   // paragraph (dotted) or the number (plain, bare)
  int second = 0;  // item (dotted)
  std::string printed;
  std::size_t rest = 0;  // offset in the line where the text after the label starts
};

// A paragraph or an item as the sequence accepted it.
struct Block {
  bool is_item = false;
  int paragraph = 0;
  int item = 0;
  std::string printed;
  std::size_t begin = 0, end = 0;
  std::string text;
};

class SectionParser {
 public:
  SectionParser(const Patterns& p, const AttributionParser& attribution,
                const std::vector<LineRef>& lines, std::vector<core::Diagnostic>& diags,
                const core::NormalizedText& norm, const std::string& symbol)
      : p_(p),
        attribution_(attribution),
        lines_(lines),
        diags_(diags),
        norm_(norm),
        symbol_(symbol) {}

  std::vector<Block> Parse(std::size_t first_line, std::size_t end_line);

 private:
  std::optional<Candidate> CandidateAt(std::size_t i) const;
  std::string ContentFrom(std::size_t i, std::size_t rest) const;
  std::optional<Candidate> NextCandidate(std::size_t i) const;
  bool LooksLikeParagraph(const std::string& content) const;
  bool Accept(std::size_t i, const Candidate& c);
  void StartBlock(std::size_t i, const Candidate& c, bool is_item, int paragraph, int item);
  void Diagnose(std::size_t offset, const char* code, const std::string& message);

  const Patterns& p_;
  const AttributionParser& attribution_;
  const std::vector<LineRef>& lines_;
  std::vector<core::Diagnostic>& diags_;
  const core::NormalizedText& norm_;
  const std::string& symbol_;
  std::size_t end_line_ = 0;

  std::vector<Block> blocks_;
  int para_ = 0;
  int last_item_ = 0;
  enum class Items { kNone, kDotted, kPlain } items_ = Items::kNone;
  bool stop_ = false;
};

void SectionParser::Diagnose(std::size_t offset, const char* code, const std::string& message) {
  diags_.push_back({"warning", code, symbol_, norm_.map.Locate(offset).page, message});
}

std::optional<Candidate> SectionParser::CandidateAt(std::size_t i) const {
  const std::string_view line = lines_[i].text;
  re2::StringPiece sp(line.data(), line.size());
  Candidate c;
  std::string a, b;
  if (RE2::Consume(&sp, p_.Get("label_dotted_cs"), &a, &b)) {
    c.kind = LabelKind::kDotted;
    c.second = std::stoi(b);
  } else if (RE2::Consume(&sp, p_.Get("label_plain_cs"), &a)) {
    c.kind = LabelKind::kPlain;
  } else if (RE2::PartialMatch(sp, p_.Get("label_bare_cs"), &a)) {
    c.kind = LabelKind::kBare;
    sp.remove_prefix(a.size());
  } else {
    return std::nullopt;
  }
  c.first = std::stoi(a);
  c.rest = static_cast<std::size_t>(sp.data() - line.data());
  std::string_view printed = line.substr(0, c.rest);
  while (!printed.empty() && printed.back() == ' ') printed.remove_suffix(1);
  c.printed = std::string(printed);
  return c;
}

std::optional<Candidate> SectionParser::NextCandidate(std::size_t i) const {
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

void SectionParser::StartBlock(std::size_t i, const Candidate& c, bool is_item, int paragraph,
                               int item) {
  Block b;
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
bool SectionParser::Accept(std::size_t i, const Candidate& c) {
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

std::vector<Block> SectionParser::Parse(std::size_t first_line, std::size_t end_line) {
  end_line_ = end_line;
  int footnote_page = 0;
  for (std::size_t i = first_line; i < end_line && !stop_; ++i) {
    if (RE2::FullMatch(lines_[i].text, p_.Get("section_noise"))) continue;
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
    Block& b = blocks_.back();
    b.text += ' ';
    b.text += lines_[i].text;
    b.end = lines_[i].end;
  }
  return std::move(blocks_);
}

struct FoundPosition {
  std::string value, as_written;
  int paragraph = 0;
};

// The position a paragraph's text states, if any. Pending first: "Nigeria takes note of the
// recommendations above ... The response of Nigeria to these recommendations will be included
// in the outcome report" (A/HRC/11/26) defers the answer. Then noted, since "did not enjoy the
// support" contains "enjoy the support".
std::optional<FoundPosition> PositionOf(const std::string& text, int paragraph, const Patterns& p) {
  static const std::pair<const char*, const char*> kOrder[] = {
      {"position_pending", "pending"},
      {"position_noted", "noted"},
      {"position_in_part", "supported_in_part"},
      {"position_supported", "supported"}};
  for (const auto& [name, value] : kOrder) {
    std::string matched;
    if (RE2::PartialMatch(text, p.Get(name), &matched))
      return FoundPosition{value, matched, paragraph};
  }
  return std::nullopt;
}

core::Position MakePosition(const FoundPosition& f, const std::string& symbol) {
  core::Position pos;
  pos.value = f.value;
  pos.as_written = f.as_written;
  pos.stage = "working_group";
  pos.document = symbol;
  pos.paragraph = f.paragraph;
  return pos;
}

core::Recommendation MakeRecommendation(const Block& b, const core::NormalizedText& norm,
                                        const core::DocumentInfo& info,
                                        const AttributionParser& attribution,
                                        std::vector<core::Diagnostic>& diags) {
  core::Recommendation r;
  r.paragraph = b.paragraph;
  r.number = std::to_string(b.paragraph) + "." + std::to_string(b.item);
  r.printed_number = b.printed;
  r.id = core::RecommendationId(info.sur_iso3, info.cycle, r.number);
  const int page = norm.map.Locate(b.begin).page;
  r.source = {info.symbol, page, b.begin, b.end};

  const Attribution a = attribution.Parse(b.text);
  int clauses_with_states = 0;
  for (const Clause& c : a.clauses) clauses_with_states += c.states.empty() ? 0 : 1;
  r.text = a.text;
  for (const Clause& c : a.clauses) {
    for (const AttributedState& s : c.states) {
      core::StateRef ref = ToStateRef(s);
      if (!s.state) {
        diags.push_back({"warning", "unknown_state", info.symbol, page,
                         r.number + ": recommending State \"" + s.as_written + "\" not known"});
      }
      if (clauses_with_states > 1) ref.segment = c.text;
      r.recommending_states.push_back(std::move(ref));
    }
  }
  if (!a.trailing.empty()) {
    diags.push_back({"info", "trailing_text", info.symbol, page,
                     r.number + ": text after the last recommending State kept: \"" +
                         a.trailing.substr(0, 80) + "\""});
  }
  if (r.recommending_states.empty()) {
    diags.push_back({"warning", "no_recommending_state", info.symbol, page,
                     r.number + ": no recommending State found"});
  }
  return r;
}

// Recommendations a conclusions paragraph gives by reference to the dialogue
// (dialogue_references.h). Returns false when the paragraph makes no such reference.
bool AddReferenced(const Block& b, const FoundPosition& position, const DialogueIndex& dialogue,
                   const core::DocumentInfo& info, const Patterns& p, std::set<std::string>& seen,
                   ExtractionResult& out) {
  const auto refs = ParseDialogueReferences(b.text, p);
  if (refs.empty()) return false;
  int item = 0;
  for (const DialogueReference& ref : refs) {
    if (!seen.insert(ref.Label()).second) continue;  // cited again in a later paragraph
    const auto found = dialogue.Find(ref);
    if (!found) {
      out.diagnostics.push_back({"warning", "reference_not_found", info.symbol, 0,
                                 "paragraph " + std::to_string(b.paragraph) + " cites " +
                                     ref.Label() + ", not found in the dialogue"});
      continue;
    }
    core::Recommendation r;
    r.paragraph = b.paragraph;
    r.number = std::to_string(b.paragraph) + "." + std::to_string(++item);
    r.printed_number = "paragraph " + ref.Label();
    r.id = core::RecommendationId(info.sur_iso3, info.cycle, r.number);
    r.text = found->text;
    r.source = {info.symbol, 0, found->begin, found->end};
    r.position = MakePosition(position, info.symbol);
    core::StateRef s;
    s.as_written = found->state_as_written;
    if (found->state) {
      s.name = found->state->name;
      s.iso3 = found->state->iso3;
      s.regional_group = found->state->regional_group;
      r.recommending_states.push_back(std::move(s));
    } else {
      out.diagnostics.push_back(
          {"warning", "no_recommending_state", info.symbol, 0,
           r.number + ": no State opens dialogue paragraph " + std::to_string(ref.paragraph)});
    }
    out.recommendations.push_back(std::move(r));
  }
  return true;
}

void BuildRecommendations(const std::vector<Block>& blocks, const core::NormalizedText& norm,
                          const core::DocumentInfo& info, const Patterns& p,
                          const AttributionParser& attribution, const DialogueIndex& dialogue,
                          ExtractionResult& out) {
  std::optional<FoundPosition> current;
  std::set<std::string> seen_references;
  bool citing_paragraph = false;  // the current paragraph cites dialogue paragraphs
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const Block& b = blocks[i];
    // Under a paragraph that cites the dialogue, an item that cites paragraphs too is the
    // State's comment on those recommendations, not a recommendation: "1. With regard to
    // recommendations concerning rape ... as included in paragraphs 23 (Germany), 27 (United
    // Kingdom) ..., Burundi clarified ..." (A/HRC/10/71 paragraph 83).
    if (b.is_item && citing_paragraph && !ParseDialogueReferences(b.text, p).empty()) {
      out.diagnostics.push_back({"info", "comment_not_recommendation", info.symbol,
                                 norm.map.Locate(b.begin).page,
                                 std::to_string(b.paragraph) + "." + std::to_string(b.item) +
                                     ": the State's comment on cited recommendations, skipped"});
      continue;
    }
    if (b.is_item) {
      out.recommendations.push_back(
          MakeRecommendation(b, norm, info, attribution, out.diagnostics));
      if (current) out.recommendations.back().position = MakePosition(*current, info.symbol);
      continue;
    }
    current = PositionOf(b.text, b.paragraph, p);
    const bool has_items = i + 1 < blocks.size() && blocks[i + 1].is_item;
    // When the paragraph lists recommendations of its own, its citations name where they came
    // from (A/HRC/10/82 Colombia paragraph 87) and add nothing; when what follows are comments
    // that cite paragraphs (A/HRC/10/71 paragraph 83), the citations are the recommendations.
    const bool items_are_comments =
        has_items && !ParseDialogueReferences(blocks[i + 1].text, p).empty();
    citing_paragraph = current && (!has_items || items_are_comments) &&
                       AddReferenced(b, *current, dialogue, info, p, seen_references, out);
    if (has_items || !current) continue;
    if (citing_paragraph) {
      current.reset();
      continue;
    }
    // A paragraph without items that states a position speaks of the items before it.
    for (core::Recommendation& r : out.recommendations) {
      if (r.position.value == "unknown") r.position = MakePosition(*current, info.symbol);
    }
    current.reset();
  }
  int unknown = 0;
  for (const core::Recommendation& r : out.recommendations)
    unknown += r.position.value == "unknown";
  if (unknown > 0) {
    out.diagnostics.push_back(
        {"warning", "position_unknown", info.symbol, 0,
         std::to_string(unknown) + " recommendations without a position stated in the report"});
  }
}

}  // namespace

ExtractionResult WgReportExtractor::Extract(const core::NormalizedText& text,
                                            const core::DocumentInfo& info) const {
  ExtractionResult out;
  const std::vector<LineRef> lines = SplitLines(text.text);

  // The section starts at its last heading (the table of contents names it too) and ends at
  // the annex, the delegation list or the voluntary pledges.
  std::optional<std::size_t> start;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (RE2::PartialMatch(lines[i].text, patterns_.Get("section_heading"))) start = i + 1;
  }
  if (!start) {
    out.diagnostics.push_back({"error", "no_recommendations_section", info.symbol, 0,
                               "no \"Conclusions and/or recommendations\" section found"});
    return out;
  }
  std::size_t end = lines.size();
  for (std::size_t i = *start; i < lines.size(); ++i) {
    if (RE2::PartialMatch(lines[i].text, patterns_.Get("section_end_heading"))) {
      end = i;
      break;
    }
  }
  SectionParser parser(patterns_, attribution_, lines, out.diagnostics, text, info.symbol);
  std::vector<Block> blocks = parser.Parse(*start, end);
  const DialogueIndex dialogue(text, lines[*start].begin, states_, patterns_, info.sur_iso3);
  BuildRecommendations(blocks, text, info, patterns_, attribution_, dialogue, out);
  return out;
}

}  // namespace uprx::extractors
