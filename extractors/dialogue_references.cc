#include "extractors/dialogue_references.h"

#include <re2/re2.h>

#include <cctype>

namespace uprx::extractors {
namespace {

bool IsDigit(char ch) { return std::isdigit(static_cast<unsigned char>(ch)) != 0; }
bool IsLower(char ch) { return std::islower(static_cast<unsigned char>(ch)) != 0; }
bool IsUpper(char ch) { return std::isupper(static_cast<unsigned char>(ch)) != 0; }

// Reads a "(x)" letter marker at pos; returns its letters, or "" when there is none.
std::string LetterAt(std::string_view s, std::size_t& pos) {
  std::size_t p = pos;
  if (p >= s.size() || s[p] != '(') return "";
  ++p;
  while (p < s.size() && s[p] == ' ') ++p;
  std::string letters;
  while (p < s.size() && IsLower(s[p]) && letters.size() < 3) letters.push_back(s[p++]);
  while (p < s.size() && s[p] == ' ') ++p;
  if (letters.empty() || letters.size() > 2 || p >= s.size() || s[p] != ')') return "";
  pos = p + 1;
  return letters;
}

// Scans one list after "paragraph(s)": numbers, letters in parentheses, and the separators
// between them. "(g) (i)" is a sub-item of (g), not a letter (i).
void ScanList(std::string_view s, std::size_t pos, std::vector<DialogueReference>& out) {
  int current = 0;
  bool whole = false;
  std::string last_letter;
  while (pos < s.size()) {
    const char ch = s[pos];
    if (ch == ' ' || ch == ',' || ch == ';' || ch == '\n') {
      ++pos;
    } else if (s.substr(pos, 4) == "and " || s.substr(pos, 3) == "or ") {
      pos += s[pos] == 'a' ? 4 : 3;
    } else if (IsDigit(ch)) {
      if (whole) out.push_back({current, ""});
      current = 0;
      while (pos < s.size() && IsDigit(s[pos])) current = current * 10 + (s[pos++] - '0');
      whole = true;
      last_letter.clear();
    } else if (std::string l = LetterAt(s, pos); !l.empty() && current > 0) {
      const bool roman_sub = (l == "i" || l == "ii" || l == "iii" || l == "iv") &&
                             !last_letter.empty() && last_letter != "h";
      if (!roman_sub) {
        out.push_back({current, l});
        last_letter = l;
      }
      whole = false;
    } else {
      break;
    }
  }
  if (whole && current > 0) out.push_back({current, ""});
}

std::string Clean(std::string s) {
  auto trim = [&] {
    while (!s.empty() && (s.back() == ' ' || s.back() == ';' || s.back() == ',' ||
                          s.back() == '.' || s.back() == ':'))
      s.pop_back();
    while (!s.empty() && (s.front() == ' ' || s.front() == ':')) s.erase(0, 1);
  };
  trim();
  for (const char* tail : {" and", " or"}) {
    if (s.ends_with(tail)) s.resize(s.size() - std::string_view(tail).size());
  }
  trim();
  if (s.starts_with("to ")) s.erase(0, 3);
  if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}

// End of the sentence that starts at or before `from`: ". " followed by a capital letter.
std::size_t SentenceEnd(std::string_view s, std::size_t from, std::size_t limit) {
  for (std::size_t p = from; p + 2 < limit; ++p) {
    if (s[p] == '.' && s[p + 1] == ' ' && IsUpper(s[p + 2])) return p;
  }
  return limit;
}

}  // namespace

std::string DialogueReference::Label() const {
  return std::to_string(paragraph) + (letter.empty() ? "" : " (" + letter + ")");
}

std::vector<DialogueReference> ParseDialogueReferences(std::string_view text,
                                                       const Patterns& patterns) {
  std::vector<DialogueReference> out;
  re2::StringPiece sp(text.data(), text.size());
  re2::StringPiece keyword;
  while (RE2::FindAndConsume(&sp, patterns.Get("dialogue_reference_keyword"), &keyword)) {
    ScanList(text, static_cast<std::size_t>(keyword.data() + keyword.size() - text.data()), out);
  }
  return out;
}

DialogueIndex::DialogueIndex(const core::NormalizedText& text, std::size_t dialogue_end,
                             const StateResolver& states, const Patterns& patterns)
    : text_(text), states_(states), patterns_(patterns) {
  // Paragraph labels in sequence (1., 2., ...), so the table of contents and wrapped numbers
  // are not taken for paragraphs.
  int last = 0;
  std::size_t pos = 0;
  const std::string_view t(text.text);
  while (pos < dialogue_end) {
    std::size_t eol = t.find('\n', pos);
    if (eol == std::string_view::npos || eol > dialogue_end) eol = dialogue_end;
    std::string number;
    if (RE2::PartialMatch(t.substr(pos, eol - pos), patterns.Get("label_plain_cs"), &number) &&
        std::stoi(number) == last + 1) {
      if (last > 0 && paragraphs_[static_cast<std::size_t>(last)]) {
        paragraphs_[static_cast<std::size_t>(last)]->end = pos;
      }
      last = std::stoi(number);
      paragraphs_.resize(static_cast<std::size_t>(last) + 1);
      paragraphs_[static_cast<std::size_t>(last)] = Paragraph{pos, dialogue_end};
    }
    pos = eol + 1;
  }
}

std::optional<DialogueRecommendation> DialogueIndex::Find(const DialogueReference& ref) const {
  const auto n = static_cast<std::size_t>(ref.paragraph);
  if (n >= paragraphs_.size() || !paragraphs_[n]) return std::nullopt;
  const Paragraph& p = *paragraphs_[n];
  std::string para = text_.text.substr(p.begin, p.end - p.begin);
  for (char& ch : para) ch = ch == '\n' ? ' ' : ch;  // same length: offsets still hold

  DialogueRecommendation out;
  std::size_t begin = 0, end = para.size();
  if (!ref.letter.empty()) {
    const std::string marker = "(" + ref.letter + ")";
    begin = para.find(marker);
    if (begin == std::string::npos) return std::nullopt;
    begin += marker.size();
    std::size_t next = begin;
    for (std::size_t q = para.find('(', begin); q != std::string::npos; q = para.find('(', q + 1)) {
      std::size_t at = q;
      if (!LetterAt(para, at).empty()) {
        next = q;
        break;
      }
    }
    end = next > begin ? next : para.size();
    end = std::min(end, SentenceEnd(para, begin, end));
  } else {
    re2::StringPiece match;
    if (!RE2::PartialMatch(para, patterns_.Get("dialogue_recommended"), &match)) {
      return std::nullopt;
    }
    begin = static_cast<std::size_t>(match.data() - para.data()) + match.size();
    end = SentenceEnd(para, begin, para.size());
  }
  out.text = Clean(para.substr(begin, end - begin));
  out.begin = p.begin + begin;
  out.end = p.begin + end;

  // The State speaking opens the paragraph: "28. Portugal noted ...", "35. The United Kingdom
  // of Great Britain and Northern Ireland welcomed ..."; the longest prefix that resolves.
  std::string words;
  std::size_t pos = para.find(' ') + 1;
  for (int w = 0; w < 10 && pos < para.size(); ++w) {
    std::size_t sp = para.find(' ', pos);
    if (sp == std::string::npos) sp = para.size();
    words += (words.empty() ? "" : " ") + para.substr(pos, sp - pos);
    pos = sp + 1;
    if (auto s = states_.Resolve(words)) {
      out.state = s;
      out.state_as_written = words;
    }
  }
  if (out.text.empty()) return std::nullopt;
  return out;
}

}  // namespace uprx::extractors
