// Small text helpers shared by the stages that read data files and models: tab-separated
// fields, lower-cased words, a whole file as a string, a number read from outside text.
//
//   for (const std::string& w : LowerWords("Ratify the OP-CAT")) ...   // ratify the op cat
//   auto text = ReadWholeFile("action.model", "model file");
//   if (auto session = ParseBoundedInt("28", 1, 999)) use(*session);
#ifndef UPRX_PIPELINE_CORE_TEXT_UTIL_H_
#define UPRX_PIPELINE_CORE_TEXT_UTIL_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/core/status.h"

namespace uprx::core {

// The TAB-separated fields of one line; a trailing TAB gives no empty last field.
std::vector<std::string> SplitTabs(const std::string& line);

// Lower-cased words: runs of ASCII letters and digits, and of non-ASCII bytes (so a UTF-8 word
// stays whole); everything else separates.
std::vector<std::string> LowerWords(std::string_view text);

// The bytes of the file at `path`; "unreadable" naming the path and `what` it should be.
[[nodiscard]] Result<std::string> ReadWholeFile(const std::string& path, const std::string& what);

// `text` as an integer in [min, max]: ASCII digits with an optional leading '-', nothing before
// or after them. nullopt for anything else: empty text, a sign alone, spaces, a value that
// overflows int or lies outside the range. Every number read from a document or a user's file
// goes through here, so that "A/HRC/99999999999/15" is a value out of range, never an exception.
std::optional<int> ParseBoundedInt(std::string_view text, int min, int max);

}  // namespace uprx::core

#endif  // UPRX_PIPELINE_CORE_TEXT_UTIL_H_
