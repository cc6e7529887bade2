#include "extractors/normalizer.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <map>
#include <set>
#include <vector>

#include "pipeline/core/text_util.h"

namespace uprx::extractors {
namespace {

// Lines at each edge of a page examined for running headers and footers.
constexpr int kEdgeLines = 3;
// A shape counts as running when it sits at the edges of this share of pages (and >= 2 pages).
constexpr double kRunningShare = 0.3;

// Maps one code point after NFKC; returns false to drop it.
bool MapCodePoint(UChar32 c, icu::UnicodeString& out, bool keep_tabs) {
  switch (c) {
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
    case 0x2032:
    case 0x00B4:
      out.append(static_cast<UChar32>('\''));
      return true;
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x2033:
      out.append(static_cast<UChar32>('"'));
      return true;
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:
    case 0xFE58:
    case 0xFE63:
      out.append(static_cast<UChar32>('-'));
      return true;
    case 0x2217:
    case 0x204E:  // asterisk operator, low asterisk: footnote marks
      out.append(static_cast<UChar32>('*'));
      return true;
    case 0x00AD:
    case 0x200B:
    case 0x200C:
    case 0x200D:
    case 0x2060:
    case 0xFEFF:
      return false;
    case '\t':
      out.append(static_cast<UChar32>(keep_tabs ? '\t' : ' '));
      return true;
    case '\n':
      out.append(static_cast<UChar32>('\n'));
      return true;
    default:
      break;
  }
  if (c == 0x2022 || c == 0x25CF || c == 0xF0B7) {  // bullets, incl. Symbol-font private use
    out.append(static_cast<UChar32>('-'));
    return true;
  }
  if (u_isspace(c) || u_charType(c) == U_SPACE_SEPARATOR) {
    out.append(static_cast<UChar32>(' '));
    return true;
  }
  if (u_iscntrl(c)) return false;
  out.append(c);
  return true;
}

std::string CollapseSpaces(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char ch : s) {
    if (ch == ' ' && (out.empty() || out.back() == ' ' || out.back() == '\t')) continue;
    if (ch == '\t' && !out.empty() && out.back() == ' ') out.pop_back();
    out.push_back(ch);
  }
  while (!out.empty() && (out.back() == ' ')) out.pop_back();
  return out;
}

// The shape of a line for header/footer detection: spaces dropped, each run of digits folded
// to one '#', so "GE.13-18935 5" and "GE.13-18935 15" share a shape (A/HRC/25/4 numbers its
// pages in the footer, one and two digits).
std::string Shape(std::string_view line) {
  std::string out;
  for (char ch : line) {
    if (ch == ' ') continue;
    const bool digit = ch >= '0' && ch <= '9';
    if (digit && !out.empty() && out.back() == '#') continue;
    out.push_back(digit ? '#' : ch);
  }
  return out;
}

struct Line {
  std::string text;
  int page;
  std::size_t offset;  // byte offset of the line in the page's original text
};

// A bare number close to the physical page number (UN documents number pages physically).
bool IsPageNumber(const Line& line) {
  const std::string& t = line.text;
  if (t.empty() || t.size() > 4) return false;
  const std::optional<int> number = core::ParseBoundedInt(t, 0, 9999);
  return number && std::abs(*number - line.page) <= 2;
}

// Splits each page into character-normalised, non-empty lines.
std::vector<std::vector<Line>> SplitPages(const core::SourceDocument& doc, bool keep_tabs) {
  std::vector<std::vector<Line>> pages;
  for (const core::Page& page : doc.pages) {
    std::vector<Line> lines;
    std::size_t pos = 0;
    const std::string& t = page.text;
    while (pos <= t.size()) {
      std::size_t end = t.find('\n', pos);
      if (end == std::string::npos) end = t.size();
      std::string norm =
          Normalizer::NormalizeChars(std::string_view(t).substr(pos, end - pos), keep_tabs);
      if (!norm.empty() && norm != "\t") lines.push_back({std::move(norm), page.number, pos});
      pos = end + 1;
    }
    pages.push_back(std::move(lines));
  }
  return pages;
}

// Shapes seen at page edges on enough pages to be running headers or footers.
std::set<std::string> RunningShapes(const std::vector<std::vector<Line>>& pages) {
  std::map<std::string, int> pages_with;
  for (const auto& lines : pages) {
    std::set<std::string> seen;
    const int n = static_cast<int>(lines.size());
    for (int i = 0; i < n; ++i) {
      if (i < kEdgeLines || i >= n - kEdgeLines) seen.insert(Shape(lines[i].text));
    }
    for (const auto& s : seen) ++pages_with[s];
  }
  std::set<std::string> running;
  const double need = std::max(2.0, kRunningShare * static_cast<double>(pages.size()));
  for (const auto& [shape, count] : pages_with) {
    // A shape without a letter ("###.##") is an item label or a number, never a header.
    const bool has_letter = std::any_of(shape.begin(), shape.end(), [](char ch) {
      return std::isalpha(static_cast<unsigned char>(ch));
    });
    if (count >= need && has_letter) running.insert(shape);
  }
  return running;
}

bool EndsWithWordHyphen(const std::string& s) {
  const std::size_t n = s.size();
  if (n < 3 || s[n - 1] != '-') return false;
  const unsigned char prev = static_cast<unsigned char>(s[n - 2]);
  return std::isalpha(prev) || prev >= 0x80;
}

// The next line continues a hyphenated word: it starts with a letter. Upper case counts too:
// "OP-" + "ICCPR" (A/HRC/13/4), "Inter-" + "Ministerial" (A/HRC/28/15).
bool ContinuesWord(const std::string& s) {
  return !s.empty() && std::isalpha(static_cast<unsigned char>(s[0]));
}

}  // namespace

std::string Normalizer::NormalizeChars(std::string_view utf8, bool keep_tabs) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  icu::UnicodeString in = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  if (U_SUCCESS(status)) {
    icu::UnicodeString tmp = nfkc->normalize(in, status);
    if (U_SUCCESS(status)) in = tmp;
  }
  icu::UnicodeString out;
  for (int32_t i = 0; i < in.length(); i = in.moveIndex32(i, 1)) {
    MapCodePoint(in.char32At(i), out, keep_tabs);
  }
  std::string result;
  out.toUTF8String(result);
  return CollapseSpaces(result);
}

core::NormalizedText Normalizer::Normalize(const core::SourceDocument& doc) const {
  const bool keep_tabs = doc.format == core::Format::kDocx;
  std::vector<std::vector<Line>> pages = SplitPages(doc, keep_tabs);
  const std::set<std::string> running =
      pages.size() >= 2 ? RunningShapes(pages) : std::set<std::string>{};

  std::vector<Line> kept;
  for (auto& lines : pages) {
    std::vector<Line> body;
    const int n = static_cast<int>(lines.size());
    for (int i = 0; i < n; ++i) {
      const bool edge = i < kEdgeLines || i >= n - kEdgeLines;
      if (edge && running.count(Shape(lines[i].text))) continue;
      body.push_back(std::move(lines[i]));
    }
    // A bare number is a page number only as the first or last line of what is left: a
    // cycle-1 item label printed without its period ("83" in A/HRC/13/4) can sit nearby.
    if (pages.size() >= 2 && !body.empty() && IsPageNumber(body.back())) body.pop_back();
    if (pages.size() >= 2 && !body.empty() && IsPageNumber(body.front())) {
      body.erase(body.begin());
    }
    for (auto& line : body) kept.push_back(std::move(line));
  }

  core::NormalizedText out;
  for (std::size_t i = 0; i < kept.size(); ++i) {
    if (!out.text.empty()) out.text.push_back('\n');
    out.map.Add(out.text.size(), {kept[i].page, kept[i].offset});
    out.text += kept[i].text;
    // Line-end hyphenation. The hyphen is kept: in these documents a hyphen at a line end is
    // far more often part of a compound ("non-governmental", "follow-up") than a word break,
    // and a kept hyphen still matches either spelling when texts are compared by words.
    while (i + 1 < kept.size() && EndsWithWordHyphen(out.text) && ContinuesWord(kept[i + 1].text)) {
      ++i;
      out.map.Add(out.text.size(), {kept[i].page, kept[i].offset});
      out.text += kept[i].text;
    }
  }
  return out;
}

}  // namespace uprx::extractors
