#include "extractors/text_reader.h"

#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>

#include "pipeline/core/text_util.h"

namespace uprx::extractors {
namespace {

using core::Page;
using core::Result;
using core::Status;

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
// How far into a file the HTML and legacy-text tests look: enough for a doctype after an XML
// declaration and comments, small enough to be cheap on large files.
constexpr std::size_t kSniffBytes = 1024;
constexpr std::size_t kLegacySampleBytes = std::size_t{64} << 10;

void AppendUtf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

Status EncodingError(const std::string& path, std::size_t offset, std::string_view what) {
  return Status("text_encoding", path + ": " + std::string(what) + " at byte " +
                                     std::to_string(offset) +
                                     "; convert the file to UTF-8 (e.g. iconv -t UTF-8)");
}

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};

// UTF-16 (after its BOM, which starts at file offset 0) to UTF-8, stopping at the first
// malformed unit (an unpaired surrogate, or an odd trailing byte) so that it can be named.
Result<std::string> Utf16ToUtf8(const std::string& path, std::string_view body, bool big_endian) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, ConverterCloser> converter(
      ucnv_open(big_endian ? "UTF-16BE" : "UTF-16LE", &status));
  if (U_FAILURE(status)) return Status("text_encoding", path + ": no UTF-16 converter in ICU");
  ucnv_setToUCallBack(converter.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  std::u16string units(body.size() / 2 + 1, u'\0');
  UChar* target = units.data();
  const char* source = body.data();
  ucnv_toUnicode(converter.get(), &target, units.data() + units.size(), &source,
                 body.data() + body.size(), nullptr, /*flush=*/true, &status);
  if (U_FAILURE(status)) {
    char invalid[8];
    int8_t invalid_length = sizeof invalid;
    UErrorCode ignored = U_ZERO_ERROR;
    ucnv_getInvalidChars(converter.get(), invalid, &invalid_length, &ignored);
    const std::size_t at = 2 + static_cast<std::size_t>(source - body.data()) -
                           static_cast<std::size_t>(std::max<int8_t>(invalid_length, 0));
    return EncodingError(path, at,
                         status == U_TRUNCATED_CHAR_FOUND ? "truncated UTF-16 (odd byte count)"
                                                          : "malformed UTF-16");
  }
  std::string utf8;
  icu::UnicodeString(false, units.data(), static_cast<int32_t>(target - units.data()))
      .toUTF8String(utf8);
  return utf8;
}

// The file's text as UTF-8, without BOM.
Result<std::string> DecodeText(const std::string& path, std::string_view bytes) {
  if (HasUtf16Bom(bytes)) {
    return Utf16ToUtf8(path, bytes.substr(2), bytes[0] == '\xFE');
  }
  if (auto bad = core::FindInvalidUtf8(bytes)) return EncodingError(path, *bad, "not valid UTF-8");
  if (bytes.starts_with(kUtf8Bom)) bytes.remove_prefix(kUtf8Bom.size());
  return std::string(bytes);
}

// CR LF and lone CR (old Mac files) become LF, the one line separator of core::Page.
std::string NormalizeLineEnds(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\r') {
      out.push_back(text[i]);
    } else {
      out.push_back('\n');
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    }
  }
  return out;
}

std::vector<Page> SplitPages(std::string_view text) {
  std::vector<Page> pages;
  while (true) {
    const std::size_t ff = text.find('\f');
    pages.push_back({static_cast<int>(pages.size()) + 1, std::string(text.substr(0, ff))});
    if (ff == std::string_view::npos || ff + 1 == text.size()) break;
    text.remove_prefix(ff + 1);
  }
  return pages;
}

char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (AsciiLower(s[i]) != prefix[i]) return false;
  }
  return true;
}

// The ASCII characters of the first bytes, whichever encoding: UTF-16 code units below 0x80
// are kept, others become '?'. Enough to look for markup.
std::string AsciiPrefix(std::string_view bytes) {
  if (!HasUtf16Bom(bytes)) {
    if (bytes.starts_with(kUtf8Bom)) bytes.remove_prefix(kUtf8Bom.size());
    return std::string(bytes.substr(0, kSniffBytes));
  }
  const bool big_endian = bytes[0] == '\xFE';
  std::string ascii;
  for (std::size_t i = 2; i + 1 < bytes.size() && ascii.size() < kSniffBytes; i += 2) {
    const char high = big_endian ? bytes[i] : bytes[i + 1];
    const char low = big_endian ? bytes[i + 1] : bytes[i];
    ascii.push_back(high == 0 && static_cast<unsigned char>(low) < 0x80 ? low : '?');
  }
  return ascii;
}

// Skips whitespace, an XML declaration, comments and a byte order mark before the root tag.
std::string_view SkipProlog(std::string_view s) {
  while (true) {
    const std::size_t start = s.find_first_not_of(" \t\r\n\f");
    if (start == std::string_view::npos) return {};
    s.remove_prefix(start);
    std::string_view end_marker;
    if (s.starts_with("<?")) end_marker = "?>";
    if (s.starts_with("<!--")) end_marker = "-->";
    if (end_marker.empty()) return s;
    const std::size_t end = s.find(end_marker);
    if (end == std::string_view::npos) return {};
    s.remove_prefix(end + end_marker.size());
  }
}

// HTML element and entity names are the HTML standard's vocabulary, not project data, so they
// live here rather than in a data file.

// Elements whose content is not document text.
constexpr std::array<std::string_view, 4> kSkippedElements = {"script", "style", "template",
                                                              "noscript"};
// Elements that begin and end a line of text.
constexpr std::array<std::string_view, 37> kLineElements = {
    "address", "article", "aside",      "blockquote", "br",      "caption", "dd",    "div",
    "dl",      "dt",      "figcaption", "figure",     "footer",  "form",    "h1",    "h2",
    "h3",      "h4",      "h5",         "h6",         "header",  "hr",      "li",    "main",
    "nav",     "ol",      "p",          "pre",        "section", "table",   "tbody", "tfoot",
    "thead",   "title",   "tr",         "ul",         "body"};

struct NamedEntity {
  std::string_view name;
  std::uint32_t code_point;
};
// The entities UN and NGO web pages use; others are rare enough to leave as written.
constexpr NamedEntity kEntities[] = {
    {"amp", '&'},       {"lt", '<'},        {"gt", '>'},        {"quot", '"'},
    {"apos", '\''},     {"nbsp", 0x00A0},   {"shy", 0x00AD},    {"ndash", 0x2013},
    {"mdash", 0x2014},  {"lsquo", 0x2018},  {"rsquo", 0x2019},  {"ldquo", 0x201C},
    {"rdquo", 0x201D},  {"hellip", 0x2026}, {"bull", 0x2022},   {"middot", 0x00B7},
    {"laquo", 0x00AB},  {"raquo", 0x00BB},  {"copy", 0x00A9},   {"reg", 0x00AE},
    {"deg", 0x00B0},    {"euro", 0x20AC},   {"eacute", 0x00E9}, {"egrave", 0x00E8},
    {"agrave", 0x00E0}, {"ccedil", 0x00E7}, {"uuml", 0x00FC},   {"ouml", 0x00F6}};

bool IsHtmlSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

bool IsAsciiAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

template <std::size_t N>
bool Contains(const std::array<std::string_view, N>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// One pass over the markup: text is copied with HTML whitespace collapsing (except inside
// <pre>), tags decide where lines and table cells end.
class HtmlText {
 public:
  explicit HtmlText(std::string_view html) : html_(html) {}

  std::string Build() {
    while (pos_ < html_.size()) {
      const char c = html_[pos_];
      if (c == '<') {
        Tag();
      } else if (c == '&') {
        Entity();
      } else {
        Char(c);
        ++pos_;
      }
    }
    EndLine();
    if (!out_.empty()) out_.pop_back();  // the last '\n'
    return std::move(out_);
  }

 private:
  void Char(char c) {
    if (pre_depth_ > 0) {
      out_.push_back(c);
      return;
    }
    if (IsHtmlSpace(c)) {
      pending_space_ = true;
      return;
    }
    if (pending_space_ && !out_.empty() && out_.back() != '\n' && out_.back() != '\t') {
      out_.push_back(' ');
    }
    pending_space_ = false;
    out_.push_back(c);
  }

  void EndLine() {
    while (!out_.empty() && out_.back() == ' ') out_.pop_back();
    pending_space_ = false;
    if (!out_.empty() && out_.back() != '\n') out_.push_back('\n');
  }

  void Entity() {
    const std::size_t semicolon = html_.find(';', pos_);
    if (semicolon == std::string_view::npos || semicolon - pos_ > 32) {
      Char(html_[pos_++]);
      return;
    }
    const std::string_view name = html_.substr(pos_ + 1, semicolon - pos_ - 1);
    std::optional<std::uint32_t> cp = EntityCodePoint(name);
    if (!cp) {
      Char(html_[pos_++]);
      return;
    }
    std::string utf8;
    AppendUtf8(utf8, *cp);
    for (char c : utf8) Char(c);
    pos_ = semicolon + 1;
  }

  static std::optional<std::uint32_t> EntityCodePoint(std::string_view name) {
    if (name.size() > 1 && name[0] == '#') {
      const bool hex = name[1] == 'x' || name[1] == 'X';
      const std::string_view digits = name.substr(hex ? 2 : 1);
      if (digits.empty() || digits.size() > 7) return std::nullopt;
      std::uint32_t cp = 0;
      for (char d : digits) {
        const int value = (d >= '0' && d <= '9')          ? d - '0'
                          : (hex && d >= 'a' && d <= 'f') ? d - 'a' + 10
                          : (hex && d >= 'A' && d <= 'F') ? d - 'A' + 10
                                                          : -1;
        if (value < 0) return std::nullopt;
        cp = cp * (hex ? 16 : 10) + static_cast<std::uint32_t>(value);
      }
      const bool valid = cp != 0 && cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF);
      return valid ? cp : 0xFFFD;
    }
    for (const NamedEntity& e : kEntities) {
      if (e.name == name) return e.code_point;
    }
    return std::nullopt;
  }

  // At '<': a comment, declaration or processing instruction is skipped whole; a tag is read
  // for its name; a '<' that opens nothing is text.
  void Tag() {
    const std::string_view rest = html_.substr(pos_);
    if (rest.starts_with("<!--")) return SkipPast("-->");
    if (rest.starts_with("<!") || rest.starts_with("<?")) return SkipPast(">");
    const bool closing = rest.size() > 1 && rest[1] == '/';
    std::size_t end = closing ? 2 : 1;
    std::string name;
    while (end < rest.size() && IsAsciiAlnum(rest[end])) name.push_back(AsciiLower(rest[end++]));
    if (name.empty()) {
      Char(html_[pos_++]);
      return;
    }
    pos_ += TagLength(rest, end);
    OnTag(name, closing);
  }

  // Length of the tag that starts `rest`, up to its '>' outside quoted attribute values.
  static std::size_t TagLength(std::string_view rest, std::size_t from) {
    char quote = 0;
    for (std::size_t i = from; i < rest.size(); ++i) {
      if (quote != 0) {
        if (rest[i] == quote) quote = 0;
      } else if (rest[i] == '"' || rest[i] == '\'') {
        quote = rest[i];
      } else if (rest[i] == '>') {
        return i + 1;
      }
    }
    return rest.size();
  }

  void OnTag(const std::string& name, bool closing) {
    if (!closing && Contains(kSkippedElements, name)) return SkipPast("</" + name, ">");
    if (name == "pre") pre_depth_ = std::max(0, pre_depth_ + (closing ? -1 : 1));
    if (name == "tr") cells_in_row_ = 0;
    if ((name == "td" || name == "th") && !closing && cells_in_row_++ > 0) {
      while (!out_.empty() && out_.back() == ' ') out_.pop_back();
      pending_space_ = false;
      out_.push_back('\t');
    }
    if (Contains(kLineElements, name)) EndLine();
  }

  void SkipPast(std::string_view marker) {
    const std::size_t at = html_.find(marker, pos_);
    pos_ = at == std::string_view::npos ? html_.size() : at + marker.size();
  }

  // Skips to the end tag that starts with `end_tag` (matched without regard to case).
  void SkipPast(const std::string& end_tag, std::string_view close) {
    for (std::size_t at = html_.find("</", pos_); at != std::string_view::npos;
         at = html_.find("</", at + 2)) {
      if (StartsWithNoCase(html_.substr(at), end_tag)) {
        pos_ = at;
        return SkipPast(close);
      }
    }
    pos_ = html_.size();
  }

  std::string_view html_;
  std::size_t pos_ = 0;
  std::string out_;
  bool pending_space_ = false;
  int pre_depth_ = 0;
  int cells_in_row_ = 0;
};

}  // namespace

bool HasUtf16Bom(std::string_view bytes) {
  return bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF");
}

bool LooksLikeHtml(std::string_view bytes) {
  const std::string prefix = AsciiPrefix(bytes);
  const std::string_view root = SkipProlog(prefix);
  return StartsWithNoCase(root, "<!doctype html") || StartsWithNoCase(root, "<html");
}

bool LooksLikeLegacyText(std::string_view bytes) {
  const std::string_view sample = bytes.substr(0, kLegacySampleBytes);
  std::size_t controls = 0, ascii = 0;
  for (char ch : sample) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == 0) return false;
    const bool space = c == '\t' || c == '\n' || c == '\r' || c == '\f';
    if ((c < 0x20 && !space) || c == 0x7F) ++controls;
    if ((c >= 0x20 && c < 0x7F) || space) ++ascii;
  }
  // Prose in Latin-1 or Windows-1252 is mostly ASCII with an accented letter here and there;
  // random binary data is about 40% printable ASCII and has a control byte every few dozen.
  return controls * 100 <= sample.size() && ascii * 10 >= sample.size() * 7;
}

Result<std::vector<Page>> ReadTextPages(const std::string& path, std::string_view bytes) {
  Result<std::string> text = DecodeText(path, bytes);
  if (!text.ok()) return text.status();
  return SplitPages(NormalizeLineEnds(text.value()));
}

Result<std::vector<Page>> ReadHtmlPages(const std::string& path, std::string_view bytes) {
  Result<std::string> html = DecodeText(path, bytes);
  if (!html.ok()) return html.status();
  const std::string markup = NormalizeLineEnds(html.value());
  return std::vector<Page>{{1, HtmlText(markup).Build()}};
}

}  // namespace uprx::extractors
