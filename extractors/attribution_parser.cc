#include "extractors/attribution_parser.h"

#include <re2/re2.h>

#include <cctype>

#include "extractors/patterns.h"

namespace uprx::extractors {
namespace {

struct Group {
  std::size_t open, close;  // positions of '(' and its matching ')'
};

// Top-level balanced parenthesised groups.
std::vector<Group> FindGroups(std::string_view s) {
  std::vector<Group> groups;
  int depth = 0;
  std::size_t open = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '(') {
      if (depth++ == 0) open = i;
    } else if (s[i] == ')' && depth > 0) {
      if (--depth == 0) groups.push_back({open, i});
    }
  }
  return groups;
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

// Only separators between two groups: they attribute the same clause.
bool OnlySeparators(std::string_view s) {
  s = Trim(s, " ,;");
  return s.empty() || s == "and";
}

// A per-State running number after the name ("(Canada 4)" in A/HRC/16/18 Lebanon 2011) is
// not part of the name.
std::string_view WithoutRunningNumber(std::string_view s) {
  s = Trim(s, " .;,");
  while (!s.empty() && std::isdigit(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return Trim(s, " .;,");
}

// Splits "A, B and C" into names; empty pieces are dropped.
std::vector<std::string_view> SplitList(std::string_view s) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    const bool comma = i < s.size() && (s[i] == ',' || s[i] == ';');
    const bool and_word = i + 5 <= s.size() && s.substr(i, 5) == " and ";
    if (i == s.size() || comma || and_word) {
      std::string_view piece = Trim(s.substr(start, i - start));
      if (!piece.empty()) parts.push_back(piece);
      start = i + (and_word ? 5 : 1);
      if (and_word) i += 4;
    }
  }
  return parts;
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

std::vector<AttributedState> AttributionParser::ResolveGroup(std::string_view content) const {
  const std::string whole = CollapseSpace(WithoutRunningNumber(content));
  if (auto s = states_.Resolve(whole)) return {{whole, s}};
  std::vector<AttributedState> out;
  for (std::string_view piece : SplitList(whole)) {
    piece = WithoutRunningNumber(piece);
    auto s = states_.Resolve(piece);
    if (!s) return {};
    out.push_back({std::string(piece), s});
  }
  return out;
}

// True when the group sits inside a sentence: what follows is a slash or a lower-case word,
// not a separator or the next clause. "joining (Algeria)/sign and ratify (Egypt)/..."
// (A/HRC/14/15) and "the Convention (Argentina, Croatia) as soon as possible (France);"
// (A/HRC/12/17) name States mid-sentence; the clause ends at the next attribution.
bool InsideSentence(std::string_view after) {
  after = Trim(after, " ");
  if (after.empty()) return false;
  return after.front() == '/' || std::islower(static_cast<unsigned char>(after.front()));
}

Attribution AttributionParser::Parse(std::string_view text) const {
  Attribution out;
  std::size_t clause_start = 0;  // where the current clause's text begins
  std::size_t last_end = 0;      // just after the last attribution group
  bool open_clause = false;      // the last attribution's clause may take more groups
  std::string pending_text;      // clause text so far, inline State groups cut out
  std::vector<AttributedState> pending_states;  // States named inside the current clause
  for (const Group& g : FindGroups(text)) {
    auto states = ResolveGroup(text.substr(g.open + 1, g.close - g.open - 1));
    if (states.empty()) continue;
    if (InsideSentence(text.substr(g.close + 1))) {
      pending_text += text.substr(clause_start, g.open - clause_start);
      for (auto& s : states) AddOnce(pending_states, std::move(s));
      clause_start = g.close + 1;
      open_clause = false;
      continue;
    }
    if (open_clause && OnlySeparators(text.substr(last_end, g.open - last_end))) {
      for (auto& s : states) AddOnce(out.clauses.back().states, std::move(s));
    } else {
      pending_text += text.substr(clause_start, g.open - clause_start);
      Clause c{CleanClause(pending_text), std::move(pending_states)};
      for (auto& s : states) AddOnce(c.states, std::move(s));
      out.clauses.push_back(std::move(c));
      pending_text.clear();
      pending_states.clear();
    }
    last_end = clause_start = g.close + 1;
    open_clause = true;
  }
  pending_text += text.substr(clause_start);
  std::string_view rest = Trim(pending_text, " ;,.:)");
  if (!pending_states.empty()) {
    out.clauses.push_back({CleanClause(pending_text), std::move(pending_states)});
  } else if (HasLetter(rest)) {
    if (out.clauses.empty()) {
      out.clauses.push_back({CleanClause(text), {}});
    } else {
      out.trailing = CollapseSpace(rest);
    }
  }
  return out;
}

}  // namespace uprx::extractors
