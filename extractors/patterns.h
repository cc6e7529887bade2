// Named RE2 patterns loaded from extractors/data/patterns.tsv (embedded at build time). Code
// refers to a pattern by name; the regular expressions themselves live only in the data file.
// Compiled once, immutable, safe to share between threads.
//
//   const Patterns& p = Patterns::Default();
//   if (RE2::PartialMatch(line, p.Get("symbol"), &symbol)) ...
#ifndef UPRX_EXTRACTORS_PATTERNS_H_
#define UPRX_EXTRACTORS_PATTERNS_H_

#include <re2/re2.h>

#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "pipeline/core/status.h"

namespace uprx::extractors {

// The largest paragraph or item number read from a label ("118.1", "5."); the patterns take
// at most three digits, so a larger value means the text was not a label.
inline constexpr int kMaxNumberPart = 9999;

class Patterns {
 public:
  // Parses "name<TAB>pattern" lines ('#' starts a comment line). Every pattern is compiled
  // case-insensitively unless its name ends in "_cs"; a bad one fails with "source:line: why".
  static core::Result<Patterns> FromTsv(std::string_view tsv, std::string_view source);
  // The embedded patterns.tsv, built once. Aborts with a message if it is invalid (a build bug).
  static const Patterns& Default();

  // The pattern of that name. Asking for a name the file lacks is a programming error: it
  // aborts naming the pattern, so a missing entry shows up in the first test that uses it.
  const RE2& Get(std::string_view name) const;
  bool Has(std::string_view name) const;

 private:
  std::map<std::string, std::shared_ptr<const RE2>, std::less<>> by_name_;
};

}  // namespace uprx::extractors

#endif  // UPRX_EXTRACTORS_PATTERNS_H_
