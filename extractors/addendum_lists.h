// The pieces an addendum's answers are made of (used by addendum_extractor.cc): lists of
// recommendation numbers and the words that state a position.
//
//   ListReader lists(Patterns::Default(), /*paragraph=*/std::nullopt);
//   auto l = lists.Read("accepts 140.7, 140.11-14.", 8);   // 140.7 140.11 ... 140.14
//   auto v = Decide(FindPositions("Slovenia cannot accept the recommendation", patterns));
#ifndef UPRX_EXTRACTORS_ADDENDUM_LISTS_H_
#define UPRX_EXTRACTORS_ADDENDUM_LISTS_H_

#include <re2/re2.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/patterns.h"
#include "pipeline/core/position_value.h"

namespace uprx::extractors {

// One recommendation number as cited; offsets are into the string the list was read from.
struct Cited {
  std::string number;   // "140.7", "115.5" or "?.5"
  std::string printed;  // "140.7", "140.35." (typo), "140.11-14" (the range it came from)
  std::size_t begin = 0, end = 0;
};

struct NumberList {
  std::vector<Cited> numbers;
  std::size_t begin = 0, end = 0;
  bool dotted = false;                // the first number is "P.N"
  std::vector<std::string> unread;    // ranges that make no sense ("140.20-12")
  std::vector<std::string> repaired;  // "140.35." read as "140.35,"
};

// Reads number lists: "140.7, 140.8", "140.11-14", "110.3 to 110.20", "140.82-85, 87" (87 is
// 140.87), "1-5, 14-16", and the period typo "140.35. 140.36" (A/HRC/59/15/Add.1). A plain number
// N is "P.N" after a dotted number of the same list, else "<paragraph>.N", else "?.N".
class ListReader {
 public:
  ListReader(const Patterns& p, std::optional<int> paragraph) : p_(p), paragraph_(paragraph) {}

  // The list that starts at s[at], or nullopt when no number starts there.
  std::optional<NumberList> Read(std::string_view s, std::size_t at) const;
  // "P.N" for item N of paragraph p (default: the paragraph given at construction, else "?").
  std::string Format(int n, std::optional<int> p) const;

 private:
  struct Num {
    std::optional<int> p;
    int n = 0;
  };
  bool ReadNumber(re2::StringPiece& sp, Num& out) const;
  void AddRange(const Num& a, const Num& b, std::optional<int> list_p, const std::string& printed,
                std::size_t from, std::size_t to, NumberList& out) const;
  bool NextSeparator(re2::StringPiece& sp, NumberList& out) const;

  const Patterns& p_;
  std::optional<int> paragraph_;
};

// A phrase that states a position (never kUnknown).
struct Found {
  core::PositionValue value = core::PositionValue::kUnknown;
  std::string as_written;
  std::size_t begin = 0, end = 0;  // in the string searched
};

// Every position phrase in `s`, in text order ("accepts", "takes note of", "cannot accept",
// "accepted in principle" -> noted, ...).
std::vector<Found> FindPositions(std::string_view s, const Patterns& p);

// The position a whole answer states; "accepts" and "cannot accept" in one answer is
// supported_in_part. nullopt when it states none.
std::optional<Found> Decide(const std::vector<Found>& found);

// The position stated right after a list, in its sentence: "140.1 and 140.2 are supported".
std::optional<Found> PositionRightAfter(std::string_view s, std::size_t end, const Patterns& p);

// What the opening paragraphs declare: "received 254 recommendations", "217 are supported",
// "37 noted", and "58 were immediately supported" at the Working Group stage
// (A/HRC/43/15/Add.1). Each is the first such statement in `intro`.
struct DeclaredCounts {
  std::optional<int> received, supported, noted, earlier;
};
DeclaredCounts ReadDeclaredCounts(std::string_view intro, const Patterns& p);

// Where the sentence around s[to] starts, looking back no further than `from`.
std::size_t SentenceStart(std::string_view s, std::size_t from, std::size_t to, const Patterns& p);

// A list may start at s[i]: a digit that does not continue a word, a symbol or a number
// ("A/HRC/59/15", "GE.25-05640", "4th").
bool ListMayStartAt(std::string_view s, std::size_t i);

std::string_view TrimSpace(std::string_view s);

// The position a table cell states when it starts with one ("Accepted", "Noted",
// "Partially accepted. The Government ...").
std::optional<Found> CellPosition(std::string_view cell, const Patterns& p);

}  // namespace uprx::extractors

#endif  // UPRX_EXTRACTORS_ADDENDUM_LISTS_H_
