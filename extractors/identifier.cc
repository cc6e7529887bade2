#include "extractors/identifier.h"

#include <re2/re2.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <sstream>

#include "extractors/normalizer.h"
#include "pipeline/core/embedded_data.h"
#include "pipeline/core/text_util.h"

namespace uprx::extractors {
namespace {

// Ordinals ("twenty-eighth") and months of the word list are small numbers.
constexpr int kMaxWordValue = 999;
// A year as printed in a report; anything else was not a year.
constexpr int kMinYear = 1000;
constexpr int kMaxYear = 9999;

// How much of the start of a document identification reads: the cover page and paragraph 1.
constexpr std::size_t kHeadBytes = 6000;
// The cover page, where the title says what the document is.
constexpr std::size_t kCoverBytes = 2500;

std::string Lower(std::string s) {
  for (char& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return s;
}

int CountMatches(const std::string& text, const RE2& re) {
  re2::StringPiece sp(text);
  int n = 0;
  while (RE2::FindAndConsume(&sp, re)) ++n;
  return n;
}

std::string BaseName(const std::string& path) {
  const std::size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

}  // namespace

Identifier::Identifier(const StateResolver& states, const Patterns& patterns)
    : states_(states), patterns_(patterns) {
  std::istringstream words(EmbeddedData("words.tsv").value_or(""));
  std::string line;
  while (std::getline(words, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string kind, word, value;
    std::getline(fields, kind, '\t');
    std::getline(fields, word, '\t');
    std::getline(fields, value, '\t');
    // An entry whose value is not a small number is left out rather than read as 0.
    if (const auto n = core::ParseBoundedInt(value, 1, kMaxWordValue)) {
      (kind == "ordinal" ? ordinals_ : months_)[word] = *n;
    }
  }
}

std::optional<int> Identifier::CycleOfSession(int s) {
  if (s < 1) return std::nullopt;
  if (s <= 12) return 1;
  if (s <= 26) return 2;
  if (s <= 40) return 3;
  if (s <= 54) return 4;
  return 5 + (s - 55) / 14;
}

std::string Identifier::IsoDate(const std::string& dmy) const {
  std::string d, m, y;
  if (!RE2::FullMatch(dmy, patterns_.Get("date_dmy"), &d, &m, &y)) return "";
  auto it = months_.find(Lower(m));
  if (it == months_.end()) return "";
  const std::optional<int> day = core::ParseBoundedInt(d, 1, 31);
  if (!day) return "";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%s-%02d-%02d", y.c_str(), it->second, *day);
  return buf;
}

std::string Identifier::TitleBlock(const std::string& cover) const {
  for (const core::TextLine& line : core::SplitLines(cover)) {
    std::string_view text = line.text;
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    if (RE2::PartialMatch(text, patterns_.Get("title_block_end")))
      return cover.substr(0, line.begin);
  }
  return cover;
}

void Identifier::IdentifyKind(const std::string& head, core::DocumentInfo& info) const {
  auto has = [&](const char* name) { return RE2::PartialMatch(head, patterns_.Get(name)); };
  std::string decision;
  const bool pre_session = info.symbol.find("/WG.6/") != std::string::npos;
  info.kind = core::DocumentKind::kOther;
  if (RE2::PartialMatch(head, patterns_.Get("symbol_decision_cs"), &decision) ||
      has("title_decision")) {
    if (!decision.empty()) info.symbol = decision;
    info.kind_detail = "Human Rights Council decision";
  } else if (has("title_session_report")) {
    info.kind_detail = "Human Rights Council session report";
  } else if (has("title_national_report")) {
    info.kind_detail = "national report (pre-session document)";
  } else if (has("title_compilation")) {
    info.kind_detail = "UN compilation (pre-session document)";
  } else if (has("title_stakeholders")) {
    info.kind_detail = "stakeholder summary (pre-session document)";
  } else if (has("title_advance_questions")) {
    info.kind_detail = "advance questions";
  } else if (has("title_thematic_list")) {
    info.kind = core::DocumentKind::kThematicList;
  } else if (!pre_session && has("title_wg_report")) {
    const bool addendum = info.symbol.find("/Add.") != std::string::npos;
    info.kind = addendum || (has("title_addendum") && has("title_views"))
                    ? core::DocumentKind::kAddendum
                    : core::DocumentKind::kWgReport;
  } else {
    info.kind_detail.clear();  // not recognised: the caller says "this document"
  }
}

void Identifier::IdentifyState(const std::string& head, core::DocumentInfo& info) const {
  std::string name;
  for (const char* pattern : {"sur_after_title", "sur_in_review"}) {
    re2::StringPiece sp(head);
    while (RE2::FindAndConsume(&sp, patterns_.Get(pattern), &name)) {
      if (auto s = states_.Resolve(name)) {
        info.sur_name = s->name;
        info.sur_iso3 = s->iso3;
        return;
      }
    }
  }
}

void Identifier::IdentifySession(const std::string& head, core::DocumentInfo& info) const {
  std::string ordinal;
  for (const char* pattern : {"wg_session_ordinal", "wg_session_header"}) {
    if (!RE2::PartialMatch(head, patterns_.Get(pattern), &ordinal)) continue;
    auto it = ordinals_.find(Lower(ordinal));
    if (it == ordinals_.end()) continue;
    info.wg_session = it->second;
    info.cycle = CycleOfSession(it->second);
    break;
  }
  std::string year;
  if (RE2::PartialMatch(head, patterns_.Get("review_year"), &year)) {
    info.year = core::ParseBoundedInt(year, kMinYear, kMaxYear);
  } else if (info.date.size() >= 4) {
    info.year = core::ParseBoundedInt(std::string_view(info.date).substr(0, 4), kMinYear, kMaxYear);
  }
}

std::string Identifier::Language(const std::string& head) const {
  const int en = CountMatches(head, patterns_.Get("language_en"));
  const int fr = CountMatches(head, patterns_.Get("language_fr"));
  const int es = CountMatches(head, patterns_.Get("language_es"));
  if (en == 0 && fr == 0 && es == 0) return "";
  if (en >= fr && en >= es) return "en";
  return fr >= es ? "fr" : "es";
}

core::DocumentInfo Identifier::Identify(const core::SourceDocument& source,
                                        const core::NormalizedText& text) const {
  core::DocumentInfo info;
  info.file = source.path;
  info.sha256 = source.sha256;
  info.format = source.format;
  info.pages = static_cast<int>(source.pages.size());
  // The cover page as printed: the normalised text has lost the running header that carries
  // the symbol on every page, so identification reads the first pages' characters directly.
  // A document read as one page (DOCX, text) has no running header to lose: its normalised
  // text serves as it is.
  std::string head;
  std::size_t first_page_end = kCoverBytes;
  if (source.pages.size() <= 1) {
    head = text.text.substr(0, kHeadBytes);
  } else {
    for (std::size_t i = 0; i < source.pages.size() && head.size() < kHeadBytes; ++i) {
      head += Normalizer::NormalizeChars(source.pages[i].text) + "\n";
      if (i == 0) first_page_end = head.size();
    }
    head.resize(std::min(head.size(), kHeadBytes));
  }
  RE2::PartialMatch(head, patterns_.Get("symbol_cs"), &info.symbol);
  std::string date;
  if (RE2::PartialMatch(head, patterns_.Get("distr_date"), &date)) info.date = IsoDate(date);
  // The kind is read from the title block alone (TitleBlock): paragraph 3 of a WG report lists
  // the "national report submitted ..." among the documents of the review.
  const std::string cover = TitleBlock(head.substr(0, std::min(first_page_end, kCoverBytes)));
  IdentifyKind(cover, info);
  IdentifyState(head, info);
  IdentifySession(head, info);
  info.language = Language(head);
  info.draft = RE2::PartialMatch(head, patterns_.Get("status_draft")) ||
               RE2::PartialMatch(BaseName(source.path), patterns_.Get("status_draft"));
  return info;
}

}  // namespace uprx::extractors
