#include "extractors/thematic_list_extractor.h"

#include <re2/re2.h>

#include <cctype>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "extractors/identifier.h"
#include "extractors/thematic_list_labels.h"
#include "extractors/thematic_list_table.h"
#include "pipeline/core/text_util.h"

namespace uprx::extractors {
namespace {

// A list with fewer numbered rows holding a position is not taken for a thematic list.
constexpr int kMinListRows = 3;
// HRC and WG sessions and UPR cycles: a value past these is no session or cycle, whatever the
// text says (a list citing "A/HRC/99999999999/15" names no report).
constexpr int kMaxSession = 999;
constexpr int kMaxCycle = 99;
// The longest State name in words ("United Kingdom of Great Britain and Northern Ireland").
constexpr std::size_t kMaxNameWords = 8;

// The WG report the "Source of position" notes cite most often, and its HRC session.
std::optional<std::pair<std::string, int>> ListedReport(const ThematicTable& t, const Patterns& p) {
  std::map<std::string, int> count;
  std::pair<std::string, int> best{"", 0};
  for (const ThematicRow& row : t.rows) {
    std::string symbol, session;
    const ThematicTextCell cell = ParseThematicTextCell(row.cells[0], p);
    if (!RE2::PartialMatch(cell.note, p.Get("thematic_wg_symbol_cs"), &symbol, &session)) continue;
    // A session no HRC has held ("A/HRC/99999999999/15") names no report.
    const std::optional<int> number = core::ParseBoundedInt(session, 1, kMaxSession);
    if (!number) continue;
    if (++count[symbol] > count[best.first]) best = {symbol, *number};
  }
  if (best.first.empty()) return std::nullopt;
  return best;
}

// Why the list cannot be trusted: a "Source of position" citing a report of a session no HRC
// has held ("A/HRC/99999999999/15"), which no real list does; "" when every citation is sound.
std::string ImpossibleCitation(const ThematicTable& t, const Patterns& p) {
  for (const ThematicRow& row : t.rows) {
    std::string symbol, session;
    const ThematicTextCell cell = ParseThematicTextCell(row.cells[0], p);
    if (!RE2::PartialMatch(cell.note, p.Get("thematic_wg_symbol_cs"), &symbol, &session)) continue;
    if (core::ParseBoundedInt(session, 1, kMaxSession)) continue;
    return "the Source of position of " + cell.number + " cites " + symbol +
           ", but Human Rights Council sessions are numbered 1 to " + std::to_string(kMaxSession) +
           "; the list was not read";
  }
  return "";
}

std::optional<int> CycleOfHrcSession(int session, const Patterns& p) {
  for (int cycle = 1;; ++cycle) {
    const std::string name = "thematic_hrc_sessions_cycle" + std::to_string(cycle) + "_cs";
    if (!p.Has(name)) return std::nullopt;
    if (RE2::FullMatch(std::to_string(session), p.Get(name))) return cycle;
  }
}

// --- States ---------------------------------------------------------------------------------

// The States in the text. A clause that is only a State ("... (Chile); (Estonia);", Egypt)
// shares the text before it; segments are kept only when the States made different clauses.
std::vector<core::StateRef> TextStates(const Attribution& a) {
  std::vector<core::StateRef> refs;
  std::set<std::string> segments;
  std::string segment;
  for (const Clause& c : a.clauses) {
    if (!c.text.empty()) segment = c.text;
    for (const AttributedState& s : c.states) {
      refs.push_back(ToStateRef(s));
      refs.back().segment = segment;
      segments.insert(segment);
    }
  }
  if (segments.size() < 2) {
    for (core::StateRef& r : refs) r.segment.clear();
  }
  return refs;
}

class RowReader {
 public:
  RowReader(const ThematicTable& t, const Patterns& p, const AttributionParser& attribution,
            const core::NormalizedText& norm, const core::DocumentInfo& info,
            const std::string& document, std::vector<core::Diagnostic>& diags)
      : t_(t),
        p_(p),
        attribution_(attribution),
        norm_(norm),
        info_(info),
        document_(document),
        diags_(diags) {}

  core::Recommendation Read(const ThematicRow& row) const;

 private:
  void ReadStates(const ThematicRow& row, std::string_view body, const Attribution& a,
                  core::Recommendation& r) const;
  std::vector<core::StateRef> FinalGroup(std::string_view body, core::Recommendation& r) const;
  void ReadPosition(const ThematicRow& row, std::string_view note, core::Recommendation& r) const;
  void Diagnose(const core::Recommendation& r, const char* severity, const char* code,
                const std::string& message) const {
    diags_.push_back({severity, code, info_.file, r.source.page, r.number + ": " + message});
  }

  const ThematicTable& t_;
  const Patterns& p_;
  const AttributionParser& attribution_;
  const core::NormalizedText& norm_;
  const core::DocumentInfo& info_;
  const std::string& document_;
  std::vector<core::Diagnostic>& diags_;
};

core::Recommendation RowReader::Read(const ThematicRow& row) const {
  const ThematicTextCell cell = ParseThematicTextCell(row.cells[0], p_);
  core::Recommendation r;
  r.number = cell.number;
  r.paragraph = cell.paragraph;
  r.printed_number = cell.printed;
  r.id = core::RecommendationId(info_.sur_iso3, info_.cycle, r.number);
  r.source = {info_.file, norm_.map.Locate(row.begin).page, row.begin, row.end};
  const Attribution a = attribution_.Parse(cell.body);
  r.text = a.text;
  ReadStates(row, cell.body, a, r);
  ReadPosition(row, cell.note, r);
  for (std::size_t i = 0; i < t_.columns.size() && i < row.cells.size(); ++i) {
    const ThematicColumn c = t_.columns[i];
    if (c != ThematicColumn::kThemes && c != ThematicColumn::kSdgs) continue;
    const auto kind =
        c == ThematicColumn::kSdgs ? ThematicLabelKind::kSdg : ThematicLabelKind::kTheme;
    AddThematicLabels(row.cells[i], kind, p_, r.given_labels);
  }
  return r;
}

// A "Recommending state/s" column (EgyptMatriceRecommendations.docx) is authoritative; its
// names are separated only by spaces ("Chile Czech Republic Sierra Leone"), which
// AttributionParser::ResolveGroup splits longest name first.
void RowReader::ReadStates(const ThematicRow& row, std::string_view body, const Attribution& a,
                           core::Recommendation& r) const {
  std::vector<core::StateRef> in_text = TextStates(a);
  if (in_text.empty()) in_text = FinalGroup(body, r);
  const std::string_view column = t_.Cell(row, ThematicColumn::kStates);
  if (column.empty()) {
    r.recommending_states = std::move(in_text);
  } else if (auto named = attribution_.ResolveGroup(column); !named.empty()) {
    std::set<std::string> text_iso3, column_iso3;
    for (const core::StateRef& s : in_text) text_iso3.insert(s.iso3);
    for (const AttributedState& s : named) {
      r.recommending_states.push_back(ToStateRef(s));
      column_iso3.insert(s.state->iso3);
      for (const core::StateRef& t : in_text) {
        if (t.iso3 == s.state->iso3) r.recommending_states.back().segment = t.segment;
      }
    }
    if (!in_text.empty() && text_iso3 != column_iso3) {
      Diagnose(r, "info", "states_column_differs",
               "the States column \"" + std::string(column) + "\" differs from the text's States");
    }
  } else {
    r.recommending_states.push_back(ToStateRef({std::string(column), std::nullopt}));
  }
  for (const core::StateRef& s : r.recommending_states) {
    if (s.iso3.empty()) {
      Diagnose(r, "warning", "unknown_state",
               "recommending State \"" + s.as_written + "\" not known");
    }
  }
  if (r.recommending_states.empty()) {
    Diagnose(r, "warning", "no_recommending_state", "no recommending State found");
  }
}

// The group that closes a text in which AttributionParser found no State: its States once a
// word split by a stray space is joined back, else the name as written, unresolved.
std::vector<core::StateRef> RowReader::FinalGroup(std::string_view body,
                                                  core::Recommendation& r) const {
  const std::string_view t = TrimChars(body, " ;.,");
  if (t.empty() || t.back() != ')') return {};
  std::size_t open = std::string_view::npos;
  for (std::size_t i = t.size(), depth = 0; i-- > 0;) {
    if (t[i] == ')') ++depth;
    if (t[i] == '(' && --depth == 0) {
      open = i;
      break;
    }
  }
  if (open == std::string_view::npos) return {};
  const std::string written(t.substr(open + 1, t.size() - open - 2));
  std::string joined = written;
  RE2::GlobalReplace(&joined, p_.Get("thematic_split_word_cs"), "\\1\\2");
  std::vector<core::StateRef> refs;
  for (const AttributedState& s : attribution_.ResolveGroup(joined)) refs.push_back(ToStateRef(s));
  if (refs.empty()) refs.push_back(ToStateRef({written, std::nullopt}));
  if (refs.size() == 1) refs[0].as_written = written;
  if (!refs[0].iso3.empty()) {
    Diagnose(r, "info", "state_name_repaired", "\"" + written + "\" read as \"" + joined + "\"");
  }
  r.text = std::string(TrimChars(t.substr(0, open)));
  return refs;
}

void RowReader::ReadPosition(const ThematicRow& row, std::string_view note,
                             core::Recommendation& r) const {
  const std::string_view cell = t_.Cell(row, ThematicColumn::kPosition);
  r.position.as_written = std::string(cell);
  r.position.stage = "thematic_list";
  r.position.document = document_;
  if (!note.empty()) r.position.explanation = std::string(note);
  if (const auto value = ThematicPositionValue(cell, p_)) {
    r.position.value = *value;
  } else {
    Diagnose(r, "warning", "position_unknown", "position \"" + std::string(cell) + "\" not read");
  }
}

// Numbers printed twice, and gaps in a paragraph's items (a row the table lost).
void CheckNumbers(const ThematicListResult& out, const std::string& file,
                  std::vector<core::Diagnostic>& diags) {
  std::map<int, std::set<int>> items;
  for (const core::Recommendation& r : out.recommendations) {
    const int item =
        core::ParseBoundedInt(std::string_view(r.number).substr(r.number.find('.') + 1), 0,
                              kMaxNumberPart)
            .value_or(0);
    if (!items[r.paragraph].insert(item).second) {
      diags.push_back({"warning", "duplicate_number", file, r.source.page,
                       r.number + " appears more than once"});
    }
  }
  for (const auto& [paragraph, numbers] : items) {
    for (int i = 1; i < *numbers.rbegin(); ++i) {
      if (numbers.count(i)) continue;
      diags.push_back({"info", "number_gap", file, 0,
                       std::to_string(paragraph) + "." + std::to_string(i) + " not in the list"});
    }
  }
}

// Counts the States that `text` names: at each capitalised word, the longest run of up to
// kMaxNameWords words that resolves ("Slovenia's" counts as "Slovenia").
void CountStateNames(const std::string& text, const StateResolver& states,
                     std::map<std::string, int>& mentions) {
  std::vector<std::string_view> words;
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t end = std::min(text.find(' ', pos), text.size());
    words.push_back(TrimChars(std::string_view(text).substr(pos, end - pos), "()\"',.;:"));
    pos = end + 1;
  }
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (words[i].empty() || !std::isupper(static_cast<unsigned char>(words[i][0]))) continue;
    for (std::size_t n = std::min(kMaxNameWords, words.size() - i); n > 0; --n) {
      const std::string_view last = words[i + n - 1];
      std::string name(words[i].data(), last.data() + last.size() - words[i].data());
      if (name.ends_with("'s")) name.resize(name.size() - 2);
      if (auto s = states.Resolve(name)) {
        ++mentions[s->iso3];
        i += n - 1;
        break;
      }
    }
  }
}

// The State the texts name most often (at least twice) among those that recommend nothing:
// the State under review ("Ratify ... signed by China", "Slovenia's national legislation").
// The lists name it only in the DOCX page header, which the reader does not read.
std::optional<StateRecord> MostNamedState(const ThematicTable& t, const Patterns& p,
                                          const AttributionParser& attribution,
                                          const StateResolver& states) {
  std::map<std::string, int> mentions;
  std::set<std::string> recommending;
  for (const ThematicRow& row : t.rows) {
    const Attribution a = attribution.Parse(ParseThematicTextCell(row.cells[0], p).body);
    for (const core::StateRef& s : TextStates(a)) recommending.insert(s.iso3);
    CountStateNames(a.text, states, mentions);
  }
  std::string best;
  for (const auto& [iso3, n] : mentions) {
    if (!recommending.count(iso3) && n >= 2 && (best.empty() || n > mentions[best])) best = iso3;
  }
  return best.empty() ? std::nullopt : states.ByIso3(best);
}

}  // namespace

ThematicListResult ThematicListExtractor::Extract(const core::NormalizedText& text,
                                                  const core::DocumentInfo& info) const {
  ThematicListResult out;
  const ThematicTable table = ReadThematicTable(text.text, patterns_);
  if (table.rows.empty()) {
    out.diagnostics.push_back({"error", "no_recommendations_table", info.file, 0,
                               "no table row opens with a recommendation number"});
    return out;
  }
  if (table.columns.empty()) {
    out.diagnostics.push_back({"warning", "no_position_column", info.file, 0,
                               "no header row and no cell holding a position"});
  }
  out.refused = ImpossibleCitation(table, patterns_);
  if (!out.refused.empty()) return out;
  const auto report = ListedReport(table, patterns_);
  const std::string document = report ? report->first : info.file;
  const RowReader reader(table, patterns_, attribution_, text, info, document, out.diagnostics);
  for (const ThematicRow& row : table.rows) out.recommendations.push_back(reader.Read(row));
  CheckNumbers(out, info.file, out.diagnostics);
  return out;
}

bool ThematicListExtractor::Identify(const core::NormalizedText& text,
                                     core::DocumentInfo& info) const {
  const ThematicTable table = ReadThematicTable(text.text, patterns_);
  int positioned = 0;
  for (const ThematicRow& row : table.rows) {
    positioned +=
        ThematicPositionValue(table.Cell(row, ThematicColumn::kPosition), patterns_).has_value();
  }
  if (positioned < kMinListRows) return false;
  info.kind = core::DocumentKind::kThematicList;
  info.kind_detail.clear();
  std::string state, cycle, session;
  if (RE2::PartialMatch(text.text, patterns_.Get("thematic_title"), &state, &cycle, &session)) {
    if (auto s = states_.Resolve(state)) {
      info.sur_name = s->name;
      info.sur_iso3 = s->iso3;
    }
    info.wg_session = core::ParseBoundedInt(session, 1, kMaxSession);
    const std::optional<int> of_session =
        info.wg_session ? Identifier::CycleOfSession(*info.wg_session) : std::nullopt;
    info.cycle = of_session ? of_session : core::ParseBoundedInt(cycle, 1, kMaxCycle);
  }
  if (const auto report = ListedReport(table, patterns_)) {
    info.symbol = report->first;
    if (!info.cycle) info.cycle = CycleOfHrcSession(report->second, patterns_);
  }
  if (info.sur_iso3.empty()) {
    if (auto s = MostNamedState(table, patterns_, attribution_, states_)) {
      info.sur_name = s->name;
      info.sur_iso3 = s->iso3;
    }
  }
  return true;
}

}  // namespace uprx::extractors
