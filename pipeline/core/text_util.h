// Small text helpers shared by the stages that read data files and models: tab-separated
// fields, lower-cased words, a whole file as a string, a number read from outside text.
//
//   for (const std::string& w : LowerWords("Ratify the OP-CAT")) ...   // ratify the op cat
//   auto text = ReadWholeFile("action.model", "model file");
//   if (auto session = ParseBoundedInt("28", 1, 999)) use(*session);
#ifndef UPRX_PIPELINE_CORE_TEXT_UTIL_H_
#define UPRX_PIPELINE_CORE_TEXT_UTIL_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/core/status.h"

namespace uprx::core {

// A line of a data file (TSV, model, taxonomy) that holds something: its text without the line
// end (LF or CRLF) and its 1-based number in the file, for messages `file:line: why`.
struct DataLine {
  std::string_view text;
  int number = 0;
};
// Every line of `text` but blank ones and '#' comments, in order; views into `text`, which must
// outlive them. The one way the loaders walk their files.
std::vector<DataLine> DataLines(std::string_view text);
// How many lines `text` has (a last line without its '\n' counts): where a loader reports what
// the whole file lacks.
int LineCount(std::string_view text);

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

// Offset of the first byte that does not belong to well-formed UTF-8 (overlong forms, UTF-16
// surrogates and code points above U+10FFFF are malformed), or nullopt when all of it is valid.
// The readers check documents with it, the loaders users' files: the JSON writer cannot write
// anything else.
std::optional<std::size_t> FindInvalidUtf8(std::string_view bytes);
// The 1-based line of byte `offset` of `text`, for messages `file:line: why`.
int LineAt(std::string_view text, std::size_t offset);

}  // namespace uprx::core

#endif  // UPRX_PIPELINE_CORE_TEXT_UTIL_H_
