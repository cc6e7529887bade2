// Read: a uprx/1 JSON file (as WriteJson writes it) back into the document model, so that later
// commands (classify, compare) can work on what `uprx run` or `uprx extract` wrote.
//
//   core::Result<ReviewFile> file = ReadReviewsJson("SVN-c4.json");
//   if (!file.ok()) { std::cerr << file.status().ToString() << "\n"; return 1; }
//   for (const core::Review& review : file.value().reviews) { ... }
//
// Contract: for any file F that WriteJson produced, WriteJson(ReadReviewsJson(F)) reproduces F
// byte for byte (same generator version; a file with no review loses generator.taxonomies, which
// the model keeps per review). Facts the writer derives (summary) are recomputed, not read;
// `null` reads as the empty value of the model (""/nullopt/0) and a missing key like null, so
// files from older versions with fewer keys still read. A value of the wrong type is an error
// naming its JSON path. Never throws.
#ifndef UPRX_PIPELINE_FORMATS_REVIEW_READER_H_
#define UPRX_PIPELINE_FORMATS_REVIEW_READER_H_

#include <string>
#include <string_view>
#include <vector>

#include "pipeline/core/document.h"
#include "pipeline/core/status.h"

namespace uprx::pipeline {

// Everything a uprx/1 file holds: its reviews (each with generator.taxonomies copied into
// Review::taxonomies) and the inputs that produced nothing (`errors`).
struct ReviewFile {
  std::vector<core::Review> reviews;
  std::vector<core::FileError> errors;
};

// Status "unreadable" when the file cannot be opened or read; otherwise ParseReviewsJson.
[[nodiscard]] core::Result<ReviewFile> ReadReviewsJson(const std::string& path);

// Status "json_invalid" when `text` is not JSON (nlohmann's reason and the byte offset), not a
// uprx/1 document (no "schema": "uprx/1", no "reviews" array), or holds a value of the wrong type
// (its path: "reviews[0].recommendations[3].text: expected a string"). `source` names the input
// in messages.
[[nodiscard]] core::Result<ReviewFile> ParseReviewsJson(std::string_view text,
                                                        std::string_view source);

}  // namespace uprx::pipeline

#endif  // UPRX_PIPELINE_FORMATS_REVIEW_READER_H_
