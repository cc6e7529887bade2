#include "extractors/attribution_parser.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>

#include "extractors/patterns.h"

namespace uprx::extractors {
namespace {

// A clause of fewer words than this that starts in lower case refers back to the one before.
constexpr long kShortClauseWords = 7;

struct Group {
  std::size_t open, close;  // positions of '(' and its matching ')'
};

// Top-level balanced parenthesised groups. An opening parenthesis that is never closed is
// ignored rather than swallowing the rest: "(OP- CRPD (Spain);" still ends with "(Spain)".
std::vector<Group> FindGroups(std::string_view s) {
  std::vector<Group> pairs;
  std::vector<std::size_t> open;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '(') {
      open.push_back(i);
    } else if (s[i] == ')' && !open.empty()) {
      pairs.push_back({open.back(), i});
      open.pop_back();
    }
  }
  std::sort(pairs.begin(), pairs.end(),
            [](const Group& a, const Group& b) { return a.open < b.open; });
  std::vector<Group> top;
  for (const Group& g : pairs) {
    if (top.empty() || g.open > top.back().close) top.push_back(g);
  }
  return top;
}

std::string_view Trim(std::string_view s, std::string_view chars = " \t\n") {
  while (!s.empty() && chars.find(s.front()) != std::string_view::npos) s.remove_prefix(1);
  while (!s.empty() && chars.find(s.back()) != std::string_view::npos) s.remove_suffix(1);
  return s;
}

bool HasLetter(std::string_view s) {
  for (char ch : s) {
    if (std::isalpha(static_cast<unsigned char>(ch))) return true;
  }
  return false;
}

// A per-State running number after the name ("(Canada 4)" in A/HRC/16/18 Lebanon 2011) is
// not part of the name.
std::string_view WithoutRunningNumber(std::string_view s) {
  s = Trim(s, " .;,");
  while (!s.empty() && std::isdigit(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return Trim(s, " .;,");
}

std::string CollapseSpace(std::string_view s) {
  std::string out;
  for (char ch : s) {
    const bool space = ch == ' ' || ch == '\n' || ch == '\t';
    if (space && (out.empty() || out.back() == ' ')) continue;
    if ((ch == '/' || ch == ',' || ch == ';') && !out.empty() && out.back() == ' ') out.pop_back();
    out.push_back(space ? ' ' : ch);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// The clause text: leading "(a)" letters and closing punctuation removed.
std::string CleanClause(std::string_view s) {
  s = Trim(s, " ;,:");
  re2::StringPiece sp(s.data(), s.size());
  RE2::Consume(&sp, Patterns::Default().Get("clause_letter"));
  s = Trim(std::string_view(sp.data(), sp.size()), " ;,:");
  return CollapseSpace(s);
}

// A State named twice for one clause counts once.
void AddOnce(std::vector<AttributedState>& states, AttributedState s) {
  for (const auto& have : states) {
    if (have.state && s.state && have.state->iso3 == s.state->iso3) return;
  }
  states.push_back(std::move(s));
}

}  // namespace

core::StateRef ToStateRef(const AttributedState& s) {
  core::StateRef ref;
  ref.as_written = s.as_written;
  ref.name = s.state ? s.state->name : s.as_written;
  if (s.state) {
    ref.iso3 = s.state->iso3;
    ref.regional_group = s.state->regional_group;
  }
  return ref;
}

std::vector<AttributedState> AttributionParser::ResolveGroup(std::string_view content) const {
  const std::string whole = CollapseSpace(WithoutRunningNumber(content));
  if (auto s = states_.Resolve(whole)) return {{whole, s}};
  // A list: the longest run of words that names a State, then the next, with commas and "and"
  // between them. Longest first keeps "United Kingdom of Great Britain and Northern Ireland"
  // and "Bosnia and Herzegovina" whole, and reads "Chile Egypt" (A/HRC/23/10) as two.
  // Footnote marks stuck to names are dropped: "(New Zealand, Chile,1 China,2 Mexico3)"
  // (A/HRC/13/5 Norway 2009).
  std::vector<std::string> words;
  for (std::size_t pos = 0; pos < whole.size();) {
    std::size_t end = whole.find_first_of(" ,;", pos);
    if (end == std::string::npos) end = whole.size();
    std::string word = whole.substr(pos, end - pos);
    while (!word.empty() && std::isdigit(static_cast<unsigned char>(word.back()))) word.pop_back();
    if (!word.empty()) words.push_back(std::move(word));
    pos = end + 1;
  }
  std::vector<AttributedState> out;
  for (std::size_t i = 0; i < words.size();) {
    if (words[i] == "and") {
      ++i;
      continue;
    }
    std::size_t best = 0;
    std::optional<StateRecord> found;
    std::string name;
    for (std::size_t j = i + 1; j <= words.size() && j <= i + 10; ++j) {
      std::string candidate;
      for (std::size_t k = i; k < j; ++k) candidate += (k > i ? " " : "") + words[k];
      if (auto s = states_.Resolve(WithoutRunningNumber(candidate))) {
        best = j;
        found = s;
        name = candidate;
      }
    }
    if (!found) return {};
    out.push_back({name, found});
    i = best;
  }
  return out;
}

// The item ends with "... Court Ghana)" (A/HRC/28/11 Angola 2014, 135.7: the opening
// parenthesis was lost in print): the longest run of at most six words before the unmatched
// ")" that names a State.
std::optional<std::size_t> AttributionParser::LostOpening(std::string_view text) const {
  const std::string_view t = Trim(text, " \t\n;.,");
  if (t.empty() || t.back() != ')') return std::nullopt;
  const std::size_t close = t.size() - 1;
  for (const Group& g : FindGroups(t)) {
    if (g.close == close) return std::nullopt;
  }
  std::optional<std::size_t> best;
  std::size_t start = close;
  for (int words = 0; words < 6; ++words) {
    const std::size_t space = t.rfind(' ', start == 0 ? 0 : start - 1);
    if (space == std::string_view::npos || space == 0) break;
    start = space + 1;
    const std::string_view candidate = t.substr(start, close - start);
    if (candidate.find_first_of("()") != std::string_view::npos) break;
    if (states_.Resolve(candidate)) best = start;
    start = space;
  }
  if (!best) return std::nullopt;
  return static_cast<std::size_t>(t.data() - text.data()) + *best;
}

namespace {

// Whether the text between two attributions starts a new recommendation (after ";" or ".",
// with a capital letter, or with a "(b)" letter) or continues the same sentence (", and
// finalize ...", "in compliance with ...", "/sign and ratify ...").
bool StartsNewSentence(std::string_view piece) {
  std::string_view t = Trim(piece, " ");
  if (!t.empty() && (t.front() == ';' || t.front() == '.')) return true;
  t = Trim(t, " ;,.");
  if (t.empty()) return false;
  if (t.front() == '(' && t.size() > 2 && std::islower(static_cast<unsigned char>(t[1]))) {
    return true;
  }
  return std::isupper(static_cast<unsigned char>(t.front())) != 0;
}

}  // namespace

// A State is taken to have made the whole sentence it is named in. In "Establish an NHRC
// (South Africa) in compliance with the Paris Principles (Portugal), and finalize the bill
// (Egypt);" (A/HRC/10/71) and "Consider ratifying (Mauritius)/ratify (Argentina) as soon as
// possible (France) the Optional Protocol ... (United Kingdom);" (A/HRC/13/10 Portugal 2009)
// each State's words only make sense with the rest of the sentence. A new sentence (after ";"
// or ".", a capital letter, or a "(b)" letter) is a separate recommendation: "Ratify X
// (Ukraine); Increase efforts towards Y (Slovakia);".
Attribution AttributionParser::Parse(std::string_view text) const {
  std::string repaired;
  if (const auto at = LostOpening(text)) {
    repaired = std::string(text.substr(0, *at)) + "(" + std::string(text.substr(*at));
    text = repaired;
  }
  Attribution out;
  std::string sentence;  // the current sentence so far, State groups cut out
  std::vector<AttributedState> sentence_states;
  std::size_t chunk = 0;  // start of the text not yet consumed
  auto close_sentence = [&] {
    if (sentence_states.empty()) return;
    const std::string_view raw = Trim(sentence, " ;,.");
    const bool lettered =
        raw.size() > 2 && raw.front() == '(' && std::islower(static_cast<unsigned char>(raw[1]));
    std::string clause = CleanClause(sentence);
    // A clause after ";" leans on the one before when it is short, "Accede to OP-CAT (Czech
    // Republic); consider its ratification (United Kingdom, Argentina);" (A/HRC/12/4 Belize
    // 2009), or opens with "and", "Request the international community to provide assistance
    // (Morocco); and technical assistance to Cameroon (Gabon)" (A/HRC/11/21 Cameroon 2009).
    const bool leans = std::islower(static_cast<unsigned char>(clause.front())) &&
                       (std::count(clause.begin(), clause.end(), ' ') < kShortClauseWords ||
                        clause.starts_with("and "));
    if (!lettered && !out.clauses.empty() && leans) {
      clause = out.clauses.back().text + "; " + clause;
    }
    out.clauses.push_back({std::move(clause), std::move(sentence_states)});
    sentence.clear();
    sentence_states.clear();
  };
  for (const Group& g : FindGroups(text)) {
    auto states = ResolveGroup(text.substr(g.open + 1, g.close - g.open - 1));
    if (states.empty()) continue;
    const std::string_view piece = text.substr(chunk, g.open - chunk);
    out.text += piece;
    chunk = g.close + 1;
    // Groups apart only by punctuation name States of one clause: the 2026 drafts merge
    // identical recommendations as "... (Côte d'Ivoire); (France); (Malta);".
    if (!sentence_states.empty() && HasLetter(piece) && StartsNewSentence(piece)) {
      close_sentence();
    }
    sentence += piece;
    for (auto& s : states) AddOnce(sentence_states, std::move(s));
  }
  std::string_view rest = text.substr(chunk);
  if (Trim(rest, " ;,.:)0123456789").empty()) rest = {};  // a footnote mark: "(Uruguay);1"
  // Words after the last State but before the sentence ends still belong to it when they
  // continue it in lower case ("Ratify CED (France) as soon as possible").
  close_sentence();
  out.text = CleanClause(out.text + std::string(rest));
  if (out.clauses.empty()) {
    out.clauses.push_back({out.text, {}});
  } else if (HasLetter(Trim(rest, " ;,.:)"))) {
    out.trailing = CollapseSpace(Trim(rest, " ;,.:)"));
  }
  return out;
}

}  // namespace uprx::extractors
