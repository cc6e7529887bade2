// Small text helpers shared by the stages that read data files and models: tab-separated
// fields, lower-cased words, a whole file as a string.
//
//   for (const std::string& w : LowerWords("Ratify the OP-CAT")) ...   // ratify the op cat
//   auto text = ReadWholeFile("action.model", "model file");
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

// `text` as a whole decimal integer within [min, max] (optional leading '-'); nullopt for
// anything else: empty, other characters, or out of range. Every number read from a document or
// a user file goes through here, never std::stoi, which throws.
std::optional<int> ParseBoundedInt(std::string_view text, int min, int max);

// The bytes of the file at `path`; "unreadable" naming the path and `what` it should be.
[[nodiscard]] Result<std::string> ReadWholeFile(const std::string& path, const std::string& what);

}  // namespace uprx::core

#endif  // UPRX_PIPELINE_CORE_TEXT_UTIL_H_
