#include "extractors/addendum_lists.h"

#include <algorithm>
#include <cctype>
#include <utility>

#include "pipeline/core/text_util.h"

namespace uprx::extractors {
namespace {

// A declared total ("supports 150 recommendations"): no review has more than a few hundred.
constexpr int kMaxCount = 100000;

std::size_t Offset(const re2::StringPiece& sp, std::string_view s) {
  return static_cast<std::size_t>(sp.data() - s.data());
}

// The first capture group that matched, as a number.
std::optional<int> FirstNumber(std::string_view s, const RE2& re) {
  re2::StringPiece m[4];
  const int groups = std::min(re.NumberOfCapturingGroups(), 3);
  if (!re.Match(s, 0, s.size(), RE2::UNANCHORED, m, groups + 1)) return std::nullopt;
  for (int g = 1; g <= groups; ++g) {
    if (!m[g].empty()) return core::ParseBoundedInt({m[g].data(), m[g].size()}, 0, kMaxCount);
  }
  return std::nullopt;
}

}  // namespace

std::string_view TrimSpace(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

bool ListMayStartAt(std::string_view s, std::size_t i) {
  if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  if (i == 0) return true;
  const char prev = s[i - 1];
  return !std::isalnum(static_cast<unsigned char>(prev)) && prev != '.' && prev != '/' &&
         prev != '-' && prev != ',';
}

std::size_t SentenceStart(std::string_view s, std::size_t from, std::size_t to, const Patterns& p) {
  const RE2& re = p.Get("addendum_sentence_end_cs");
  re2::StringPiece m;
  std::size_t start = from;
  while (from < to && re.Match(s, from, to, RE2::UNANCHORED, &m, 1)) {
    start = Offset(m, s) + m.size() - 1;  // at the capital that opens the next sentence
    from = start;
  }
  return start;
}

std::optional<Found> PositionRightAfter(std::string_view s, std::size_t end, const Patterns& p) {
  std::size_t stop = std::min(s.size(), end + 60);
  re2::StringPiece m;
  if (p.Get("addendum_sentence_end_cs").Match(s, end, stop, RE2::UNANCHORED, &m, 1)) {
    stop = Offset(m, s) + 1;  // within this sentence only
  }
  const std::vector<Found> found = FindPositions(s.substr(end, stop - end), p);
  if (found.empty() || found.front().begin > 30) return std::nullopt;
  return found.front();
}

DeclaredCounts ReadDeclaredCounts(std::string_view intro, const Patterns& p) {
  return {FirstNumber(intro, p.Get("addendum_declared_received")),
          FirstNumber(intro, p.Get("addendum_declared_supported")),
          FirstNumber(intro, p.Get("addendum_declared_noted")),
          FirstNumber(intro, p.Get("addendum_declared_earlier"))};
}

std::optional<NumberList> ListReader::Read(std::string_view s, std::size_t at) const {
  re2::StringPiece sp(s.data() + at, s.size() - at);
  NumberList out;
  out.begin = at;
  std::optional<int> list_p;  // the paragraph of the last dotted number
  while (true) {
    const std::size_t from = Offset(sp, s);
    Num a, b;
    if (!ReadNumber(sp, a)) break;
    if (out.numbers.empty() && out.unread.empty()) out.dotted = a.p.has_value();
    if (a.p) list_p = a.p;
    re2::StringPiece save = sp;
    const bool range = RE2::Consume(&sp, p_.Get("addendum_range_separator")) && ReadNumber(sp, b);
    if (!range) sp = save;
    const std::size_t to = Offset(sp, s);
    const std::string printed(TrimSpace(s.substr(from, to - from)));
    if (range) {
      AddRange(a, b, list_p, printed, from, to, out);
    } else {
      out.numbers.push_back({Format(a.n, list_p), printed, from, to});
    }
    out.end = to;
    if (!NextSeparator(sp, out)) break;
  }
  if (out.numbers.empty() && out.unread.empty()) return std::nullopt;
  return out;
}

std::string ListReader::Format(int n, std::optional<int> p) const {
  if (!p) p = paragraph_;
  return (p ? std::to_string(*p) : std::string("?")) + "." + std::to_string(n);
}

bool ListReader::ReadNumber(re2::StringPiece& sp, Num& out) const {
  std::string a, b;
  if (!RE2::Consume(&sp, p_.Get("addendum_list_number_cs"), &a, &b)) return false;
  const std::optional<int> first = core::ParseBoundedInt(a, 0, kMaxNumberPart);
  const std::optional<int> second = core::ParseBoundedInt(b, 0, kMaxNumberPart);
  if (!first || (!b.empty() && !second)) return false;
  out.p = b.empty() ? std::nullopt : first;
  out.n = b.empty() ? *first : *second;
  return true;
}

void ListReader::AddRange(const Num& a, const Num& b, std::optional<int> list_p,
                          const std::string& printed, std::size_t from, std::size_t to,
                          NumberList& out) const {
  // "140.11-14" and "110.3-110.20" stay in one paragraph; a range that runs backwards or
  // across paragraphs is a misprint nobody can resolve here.
  if ((b.p && b.p != list_p) || b.n <= a.n || b.n - a.n > 500) {
    out.unread.push_back(printed);
    return;
  }
  for (int n = a.n; n <= b.n; ++n) out.numbers.push_back({Format(n, list_p), printed, from, to});
}

// Consumes the separator before the next number; false (consuming nothing) at the list end, so
// "140.253 and wishes to" and "140.252. Slovenia considers" end their lists.
bool ListReader::NextSeparator(re2::StringPiece& sp, NumberList& out) const {
  Num peek;
  re2::StringPiece save = sp;
  if (RE2::Consume(&sp, p_.Get("addendum_list_separator"))) {
    re2::StringPiece probe = sp;
    if (ReadNumber(probe, peek)) return true;
  } else if (RE2::Consume(&sp, p_.Get("addendum_typo_separator_cs"))) {
    // Only a dotted number may follow the typo: "140.35. 140.36", never "161. II. Noted".
    re2::StringPiece probe = sp;
    if (ReadNumber(probe, peek) && peek.p && !out.numbers.empty()) {
      out.numbers.back().printed += ".";
      out.repaired.push_back(out.numbers.back().printed);
      return true;
    }
  }
  sp = save;
  return false;
}

std::vector<Found> FindPositions(std::string_view s, const Patterns& p) {
  // From the most specific class on; a later class never claims words an earlier one matched.
  using enum core::PositionValue;
  static const std::pair<const char*, core::PositionValue> kClasses[] = {
      {"addendum_in_part", kSupportedInPart}, {"addendum_in_principle", kNoted},
      {"addendum_no_position", kNoted},       {"addendum_noted", kNoted},
      {"addendum_pending", kPending},         {"addendum_supported", kSupported}};
  std::vector<Found> out;
  for (const auto& [name, value] : kClasses) {
    const RE2& re = p.Get(name);
    re2::StringPiece m[2];
    std::size_t pos = 0;
    while (pos < s.size() && re.Match(s, pos, s.size(), RE2::UNANCHORED, m, 2)) {
      const std::size_t b = Offset(m[1], s), e = b + m[1].size();
      pos = std::max(Offset(m[0], s) + m[0].size(), pos + 1);
      const bool claimed = std::any_of(out.begin(), out.end(),
                                       [&](const Found& f) { return b < f.end && f.begin < e; });
      if (!claimed) out.push_back({value, std::string(m[1].data(), m[1].size()), b, e});
    }
  }
  std::sort(out.begin(), out.end(),
            [](const Found& x, const Found& y) { return x.begin < y.begin; });
  return out;
}

std::optional<Found> Decide(const std::vector<Found>& found) {
  using enum core::PositionValue;
  auto first = [&](core::PositionValue value) -> const Found* {
    for (const Found& f : found) {
      if (f.value == value) return &f;
    }
    return nullptr;
  };
  if (const Found* f = first(kSupportedInPart)) return *f;
  const Found* sup = first(kSupported);
  const Found* noted = first(kNoted);
  if (sup && noted) {
    const Found* a = sup->begin < noted->begin ? sup : noted;
    const Found* b = a == sup ? noted : sup;
    return Found{kSupportedInPart, a->as_written + " ... " + b->as_written, a->begin, b->end};
  }
  for (const Found* f : {sup, noted, first(kPending)}) {
    if (f) return *f;
  }
  return std::nullopt;
}

std::optional<Found> CellPosition(std::string_view cell, const Patterns& p) {
  using enum core::PositionValue;
  static const std::pair<const char*, core::PositionValue> kCells[] = {
      {"addendum_cell_in_part", kSupportedInPart},
      {"addendum_cell_noted", kNoted},
      {"addendum_cell_pending", kPending},
      {"addendum_cell_supported", kSupported}};
  for (const auto& [name, value] : kCells) {
    std::string words;
    if (RE2::PartialMatch(cell, p.Get(name), &words)) return Found{value, words, 0, words.size()};
  }
  return std::nullopt;
}

}  // namespace uprx::extractors
