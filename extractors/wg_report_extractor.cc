#include "extractors/wg_report_extractor.h"

#include <re2/re2.h>

#include <optional>
#include <set>
#include <string>

#include "extractors/dialogue_references.h"
#include "extractors/wg_section_parser.h"

namespace uprx::extractors {
namespace {

using core::SplitLines;

struct FoundPosition {
  core::PositionValue value = core::PositionValue::kUnknown;
  std::string as_written;
  int paragraph = 0;
};

// The position a paragraph's text states, if any. Pending first: "Nigeria takes note of the
// recommendations above ... The response of Nigeria to these recommendations will be included
// in the outcome report" (A/HRC/11/26) defers the answer. Then noted, since "did not enjoy the
// support" contains "enjoy the support".
std::optional<FoundPosition> PositionOf(const std::string& text, int paragraph, const Patterns& p) {
  using enum core::PositionValue;
  static const std::pair<const char*, core::PositionValue> kOrder[] = {
      {"position_pending", kPending},
      {"position_noted", kNoted},
      {"position_in_part", kSupportedInPart},
      {"position_supported", kSupported}};
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

// The State an item names in prose when no parenthesis names one: "With regard to the
// recommendation of Switzerland reflected in paragraph 35 above, Bahrain can conduct ..."
// (A/HRC/8/19 Bahrain 2008). The longest run of capitalised words after "recommendation of"
// that names a State.
std::optional<AttributedState> ProseState(const std::string& text, const Patterns& p,
                                          const AttributionParser& attribution) {
  std::string words;
  if (!RE2::PartialMatch(text, p.Get("prose_attribution_cs"), &words)) return std::nullopt;
  for (std::string candidate = words; !candidate.empty();) {
    const auto states = attribution.ResolveGroup(candidate);
    if (states.size() == 1 && states[0].state) return states[0];
    const std::size_t space = candidate.rfind(' ');
    candidate = space == std::string::npos ? "" : candidate.substr(0, space);
  }
  return std::nullopt;
}

core::Recommendation MakeRecommendation(const SectionBlock& b, const core::NormalizedText& norm,
                                        const core::DocumentInfo& info, const Patterns& p,
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
    if (const auto s = ProseState(b.text, p, attribution)) {
      r.recommending_states.push_back(ToStateRef(*s));
      diags.push_back({"info", "state_from_prose", info.symbol, page,
                       r.number + ": recommending State \"" + s->as_written +
                           "\" read from the text, not from a parenthesis"});
    } else {
      diags.push_back({"warning", "no_recommending_state", info.symbol, page,
                       r.number + ": no recommending State found"});
    }
  }
  return r;
}

// Recommendations a conclusions paragraph gives by reference to the dialogue
// (dialogue_references.h). Returns false when the paragraph makes no such reference.
bool AddReferenced(const SectionBlock& b, const FoundPosition& position,
                   const DialogueIndex& dialogue, const core::DocumentInfo& info, const Patterns& p,
                   std::set<std::string>& seen, int first_section_paragraph,
                   ExtractionResult& out) {
  const auto refs = ParseDialogueReferences(b.text, p);
  if (refs.empty()) return false;
  int item = 0;
  for (const DialogueReference& ref : refs) {
    // "The response ... to the recommendations in paragraphs 84 and 85 will be provided in due
    // course" (A/HRC/18/16 Sudan 2011) cites this section, not the dialogue: those
    // paragraphs' items take the position.
    if (ref.letter.empty() && ref.paragraph >= first_section_paragraph) {
      for (core::Recommendation& r : out.recommendations) {
        if (r.paragraph == ref.paragraph && r.position.value == core::PositionValue::kUnknown) {
          r.position = MakePosition(position, info.symbol);
        }
      }
      continue;
    }
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

void BuildRecommendations(const std::vector<SectionBlock>& blocks, const core::NormalizedText& norm,
                          const core::DocumentInfo& info, const Patterns& p,
                          const AttributionParser& attribution, const DialogueIndex& dialogue,
                          ExtractionResult& out) {
  std::optional<FoundPosition> current;
  std::set<std::string> seen_references;
  const int first_paragraph = blocks.empty() ? 0 : blocks.front().paragraph;
  bool citing_paragraph = false;  // the current paragraph cites dialogue paragraphs
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const SectionBlock& b = blocks[i];
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
          MakeRecommendation(b, norm, info, p, attribution, out.diagnostics));
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
    citing_paragraph =
        current && (!has_items || items_are_comments) &&
        AddReferenced(b, *current, dialogue, info, p, seen_references, first_paragraph, out);
    if (has_items || !current) continue;
    if (citing_paragraph) {
      current.reset();
      continue;
    }
    // A paragraph without items that states a position speaks of the items before it.
    for (core::Recommendation& r : out.recommendations) {
      if (r.position.value == core::PositionValue::kUnknown)
        r.position = MakePosition(*current, info.symbol);
    }
    current.reset();
  }
  int unknown = 0;
  for (const core::Recommendation& r : out.recommendations)
    unknown += r.position.value == core::PositionValue::kUnknown;
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
  std::vector<SectionBlock> blocks = parser.Parse(*start, end);
  const DialogueIndex dialogue(text, lines[*start].begin, states_, patterns_, info.sur_iso3);
  BuildRecommendations(blocks, text, info, patterns_, attribution_, dialogue, out);
  return out;
}

ExtractionResult WgReportExtractor::ExtractList(const core::NormalizedText& text,
                                                const core::DocumentInfo& info) const {
  ExtractionResult out;
  const std::vector<LineRef> lines = SplitLines(text.text);
  SectionParser parser(patterns_, attribution_, lines, out.diagnostics, text, info.symbol);
  std::vector<SectionBlock> blocks = parser.Parse(0, lines.size());
  const DialogueIndex dialogue(text, 0, states_, patterns_, info.sur_iso3);
  BuildRecommendations(blocks, text, info, patterns_, attribution_, dialogue, out);
  return out;
}

}  // namespace uprx::extractors
