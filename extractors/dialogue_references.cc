#include "extractors/dialogue_references.h"

#include <re2/re2.h>

#include <cctype>

#include "pipeline/core/text_util.h"

namespace uprx::extractors {
namespace {

// Paragraphs of an interactive dialogue are numbered like the report's: a few hundred.
constexpr int kMaxParagraph = kMaxNumberPart;

bool IsDigit(char ch) { return std::isdigit(static_cast<unsigned char>(ch)) != 0; }
bool IsLower(char ch) { return std::islower(static_cast<unsigned char>(ch)) != 0; }
bool IsUpper(char ch) { return std::isupper(static_cast<unsigned char>(ch)) != 0; }

// Reads a "(x)" letter marker at pos, or a list "(a, d)" (A/HRC/11/29 Jordan 2009); returns
// the letters, or nothing when there is no marker.
std::vector<std::string> LettersAt(std::string_view s, std::size_t& pos) {
  std::size_t p = pos;
  if (p >= s.size() || s[p] != '(') return {};
  ++p;
  std::vector<std::string> letters;
  while (p < s.size()) {
    while (p < s.size() && s[p] == ' ') ++p;
    std::string l;
    while (p < s.size() && IsLower(s[p]) && l.size() < 3) l.push_back(s[p++]);
    if (l.empty() || l.size() > 2) return {};
    letters.push_back(l);
    while (p < s.size() && s[p] == ' ') ++p;
    if (p < s.size() && s[p] == ',') {
      ++p;
      continue;
    }
    if (p < s.size() && s[p] == ')') break;
    return {};
  }
  if (p >= s.size()) return {};
  pos = p + 1;
  return letters;
}

// The position of the sub-item marker of `letter` in a dialogue paragraph at or after `from`:
// "(b)", or "b)" standing after a space (A/HRC/11/23 Saudi Arabia 2009 prints "a) take ...").
std::size_t FindMarker(std::string_view para, std::string_view letter, std::size_t from,
                       std::size_t* length) {
  const std::string paren = "(" + std::string(letter) + ")";
  const std::string bare = " " + std::string(letter) + ")";
  const std::size_t a = para.find(paren, from);
  const std::size_t b = para.find(bare, from);
  if (a != std::string_view::npos && (b == std::string_view::npos || a <= b)) {
    *length = paren.size();
    return a;
  }
  if (b == std::string_view::npos) return std::string_view::npos;
  *length = bare.size();
  return b;
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
    } else if (auto letters = LettersAt(s, pos); !letters.empty() && current > 0) {
      for (const std::string& l : letters) {
        const bool roman_sub = (l == "i" || l == "ii" || l == "iii" || l == "iv") &&
                               !last_letter.empty() && last_letter != "h";
        if (roman_sub) continue;
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
                             const StateResolver& states, const Patterns& patterns,
                             std::string sur_iso3)
    : text_(text), states_(states), patterns_(patterns), sur_iso3_(std::move(sur_iso3)) {
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
        core::ParseBoundedInt(number, 1, kMaxParagraph) == last + 1) {
      if (last > 0 && paragraphs_[static_cast<std::size_t>(last)]) {
        paragraphs_[static_cast<std::size_t>(last)]->end = pos;
      }
      last += 1;
      paragraphs_.resize(static_cast<std::size_t>(last) + 1);
      paragraphs_[static_cast<std::size_t>(last)] = Paragraph{pos, dialogue_end};
    }
    pos = eol + 1;
  }
}

// The State speaking: the first State named in the paragraph's first sentence other than the
// State under review. It usually opens the paragraph ("28. Portugal noted ..."), but not
// always ("20. Noting that various NGOs ..., Argentina asked", A/HRC/11/21 Cameroon 2009).
void DialogueIndex::FindSpeaker(std::string_view para, DialogueRecommendation& out) const {
  std::vector<std::string_view> words;
  const std::size_t after_label = para.find(' ') + 1;  // past "28. "
  const std::size_t first_end = SentenceEnd(para, after_label, para.size());
  for (std::size_t pos = after_label; pos < first_end;) {
    std::size_t sp = para.find(' ', pos);
    if (sp == std::string_view::npos || sp > first_end) sp = first_end;
    words.push_back(para.substr(pos, sp - pos));
    pos = sp + 1;
  }
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (words[i].empty() || !(IsUpper(words[i][0]) || words[i] == "the")) continue;
    std::string name;
    for (std::size_t j = i; j < words.size() && j < i + 10; ++j) {
      name += (j > i ? " " : "") + std::string(words[j]);
      std::string_view trimmed = name;
      while (!trimmed.empty() && (trimmed.back() == ',' || trimmed.back() == '.')) {
        trimmed.remove_suffix(1);
      }
      auto s = states_.Resolve(trimmed);
      if (s && s->iso3 != sur_iso3_) {
        out.state = s;
        out.state_as_written = std::string(trimmed);
      }
    }
    if (out.state) return;
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
    std::size_t length = 0;
    begin = FindMarker(para, ref.letter, 0, &length);
    if (begin == std::string::npos) return std::nullopt;
    begin += length;
    // The part ends at the next letter's marker or at the end of its sentence.
    std::string next_letter = ref.letter;
    ++next_letter.back();
    std::size_t next_length = 0;
    const std::size_t next = FindMarker(para, next_letter, begin, &next_length);
    end = std::min(next == std::string::npos ? para.size() : next,
                   SentenceEnd(para, begin, para.size()));
    out.text = Clean(para.substr(begin, end - begin));
  } else {
    // Every sentence that recommends: "Mexico recommended that Ghana adopt ... It also
    // recommended ..." (A/HRC/8/36 Ghana 2008).
    std::string joined;
    for (const char* verb : {"dialogue_recommended", "dialogue_urged"}) {
      re2::StringPiece rest(para);
      re2::StringPiece match;
      while (RE2::FindAndConsume(&rest, patterns_.Get(verb), &match)) {
        const auto from = static_cast<std::size_t>(match.data() - para.data()) + match.size();
        const std::size_t to = SentenceEnd(para, from, para.size());
        if (joined.empty()) begin = from;
        end = to;
        joined += (joined.empty() ? "" : "; ") + Clean(para.substr(from, to - from));
        rest = re2::StringPiece(para.data() + to, para.size() - to);
      }
      if (!joined.empty()) break;
    }
    if (joined.empty()) return std::nullopt;
    out.text = joined;
  }
  out.begin = p.begin + begin;
  out.end = p.begin + end;
  FindSpeaker(para, out);
  if (out.text.empty()) return std::nullopt;
  return out;
}

}  // namespace uprx::extractors
