#include "extractors/state_resolver.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <array>
#include <cstdlib>
#include <iostream>
#include <utility>

#include "pipeline/core/embedded_data.h"
#include "pipeline/core/text_util.h"

namespace uprx::extractors {
namespace {

// The closed set of values for the regional_group column (the schema, not a list of names).
constexpr std::array<std::string_view, 6> kRegionalGroups = {
    "African", "Asia-Pacific", "Eastern European", "GRULAC", "WEOG", "Observer"};
constexpr std::string_view kFieldCountError =
    "expected 3 or 4 TAB-separated fields (name, iso3, regional_group, variants), got ";

std::vector<std::string_view> Split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = text.find(separator, start);
    parts.push_back(text.substr(start, end == std::string_view::npos ? end : end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

bool IsIso3(std::string_view code) {
  if (code.size() != 3) return false;
  for (char c : code) {
    if (c < 'A' || c > 'Z') return false;
  }
  return true;
}

bool IsRegionalGroup(std::string_view group) {
  for (std::string_view known : kRegionalGroups) {
    if (group == known) return true;
  }
  return false;
}

// Apostrophes are dropped without a space so that "People's", "Peoples’" and "Peoples" (a
// misplaced apostrophe seen in Working Group reports) give one key, as do "d'Ivoire" and
// "d’Ivoire".
bool IsApostrophe(UChar32 c) {
  return c == u'\'' || c == u'\u2018' || c == u'\u2019' || c == u'\u02BC' || c == u'`' ||
         c == u'\u00B4' || c == u'\u2032';
}

// Case-folds, then removes accents: NFD splits "ô" into "o" + a combining mark, which is
// dropped. Folding first also splits "İ" into "i" + a mark. The ICU normaliser is a shared,
// thread-safe singleton, so this costs no per-call set-up (unlike a Transliterator).
icu::UnicodeString FoldCaseAndAccents(std::string_view name) {
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
  text.foldCase();
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status)) return text;
  const icu::UnicodeString decomposed = nfd->normalize(text, status);
  if (U_FAILURE(status)) return text;
  icu::UnicodeString stripped;
  for (int32_t i = 0; i < decomposed.length(); i = decomposed.moveIndex32(i, 1)) {
    const UChar32 c = decomposed.char32At(i);
    if (u_charType(c) != U_NON_SPACING_MARK) stripped.append(c);
  }
  return stripped;
}

// Keeps letters and digits; every other character (punctuation, brackets, NBSP, line breaks)
// becomes a space, so "Iran (Islamic Republic of)" keeps its bracketed words.
std::string WordsOnly(const icu::UnicodeString& folded) {
  icu::UnicodeString words;
  for (int32_t i = 0; i < folded.length(); i = folded.moveIndex32(i, 1)) {
    const UChar32 c = folded.char32At(i);
    if (IsApostrophe(c)) continue;
    if (c == u'&') {
      words.append(icu::UnicodeString(u" and "));
    } else {
      words.append(u_isalnum(c) ? c : UChar32{u' '});
    }
  }
  std::string utf8;
  words.toUTF8String(utf8);
  return utf8;
}

std::string CollapseSpaces(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c != ' ') {
      out.push_back(c);
    } else if (!out.empty() && out.back() != ' ') {
      out.push_back(' ');
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// One data line split and checked field by field; `spellings` is the name then the variants.
struct ParsedLine {
  StateRecord record;
  std::vector<std::string_view> spellings;
  std::string error;  // empty when the line is valid
};

ParsedLine ParseLine(std::string_view line) {
  ParsedLine parsed;
  const std::vector<std::string_view> fields = Split(line, '\t');
  if (fields.size() < 3 || fields.size() > 4) {
    parsed.error = std::string(kFieldCountError) + std::to_string(fields.size());
    return parsed;
  }
  const std::string_view name = fields[0];
  if (name.empty() || name.front() == ' ' || name.back() == ' ') {
    parsed.error = "name '" + std::string(name) + "' is empty or has surrounding spaces";
  } else if (!IsIso3(fields[1])) {
    parsed.error = "ISO3 '" + std::string(fields[1]) + "' is not three upper-case letters";
  } else if (!IsRegionalGroup(fields[2])) {
    parsed.error = "unknown regional group '" + std::string(fields[2]) +
                   "' (expected African, Asia-Pacific, Eastern European, GRULAC, WEOG or Observer)";
  }
  if (!parsed.error.empty()) return parsed;
  parsed.record = {std::string(name), std::string(fields[1]), std::string(fields[2])};
  parsed.spellings.push_back(name);
  if (fields.size() == 4 && !fields[3].empty()) {
    for (std::string_view variant : Split(fields[3], '|')) parsed.spellings.push_back(variant);
  }
  return parsed;
}

}  // namespace

std::string StateKey(std::string_view name) {
  std::string key = CollapseSpaces(WordsOnly(FoldCaseAndAccents(name)));
  // "The Netherlands", "the former Yugoslav Republic of Macedonia": the article is optional in
  // running text, so it never distinguishes one State from another.
  constexpr std::string_view kArticle = "the ";
  if (key.starts_with(kArticle)) key.erase(0, kArticle.size());
  return key;
}

core::Status StateResolver::Add(StateRecord record, const std::vector<std::string_view>& spellings,
                                const std::string& where) {
  if (auto it = by_iso3_.find(record.iso3); it != by_iso3_.end()) {
    return core::Status("bad_data", where + "duplicate ISO3 " + record.iso3 + " (already " +
                                        records_[it->second].name + ")");
  }
  const std::size_t index = records_.size();
  for (std::string_view spelling : spellings) {
    std::string key = StateKey(spelling);
    if (key.empty()) {
      return core::Status("bad_data", where + "'" + std::string(spelling) + "' has no letters");
    }
    auto [it, added] = by_key_.emplace(std::move(key), index);
    if (!added && it->second != index) {
      return core::Status("bad_data", where + "'" + std::string(spelling) + "' (key '" + it->first +
                                          "') already names " + records_[it->second].iso3);
    }
  }
  by_iso3_.emplace(record.iso3, index);
  records_.push_back(std::move(record));
  return core::Status::Ok();
}

core::Result<StateResolver> StateResolver::FromTsv(std::string_view tsv, std::string_view source) {
  StateResolver resolver;
  for (const auto& [line, number] : core::DataLines(tsv)) {
    const std::string where = std::string(source) + ":" + std::to_string(number) + ": ";
    ParsedLine parsed = ParseLine(line);
    if (!parsed.error.empty()) return core::Status("bad_data", where + parsed.error);
    core::Status added = resolver.Add(std::move(parsed.record), parsed.spellings, where);
    if (!added.ok()) return added;
  }
  if (resolver.records_.empty()) {
    return core::Status("bad_data", std::string(source) + ": no States");
  }
  return resolver;
}

const StateResolver& StateResolver::Default() {
  // Built on first use; C++ guarantees the initialisation runs once even across threads.
  static const StateResolver* const kDefault = [] {
    const std::optional<std::string> data = EmbeddedData("states.tsv");
    if (!data) {
      std::cerr << "uprx: states.tsv is not embedded in this build\n";
      std::abort();
    }
    auto parsed = FromTsv(*data, "states.tsv");
    if (!parsed.ok()) {
      std::cerr << "uprx: invalid embedded data: " << parsed.status().message() << "\n";
      std::abort();
    }
    return new StateResolver(std::move(parsed).value());
  }();
  return *kDefault;
}

std::optional<StateRecord> StateResolver::Resolve(std::string_view as_written) const {
  auto it = by_key_.find(StateKey(as_written));
  if (it == by_key_.end()) return std::nullopt;
  return records_[it->second];
}

std::optional<StateRecord> StateResolver::ByIso3(std::string_view iso3) const {
  auto it = by_iso3_.find(std::string(iso3));
  if (it == by_iso3_.end()) return std::nullopt;
  return records_[it->second];
}

}  // namespace uprx::extractors
