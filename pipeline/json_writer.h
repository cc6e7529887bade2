// Write: reviews -> the JSON contract of SCHEMA.md (schema "uprx/1"). Keys keep the documented
// order; absent facts are null; the same input gives byte-identical output.
#ifndef UPRX_PIPELINE_JSON_WRITER_H_
#define UPRX_PIPELINE_JSON_WRITER_H_

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "pipeline/core/document.h"
#include "pipeline/core/status.h"

namespace uprx::pipeline {

inline constexpr const char* kSchemaName = "uprx/1";
inline constexpr const char* kVersion = "0.1.0";

// Absent facts are null, never missing: an empty optional, or an empty string.
template <typename T>
nlohmann::ordered_json OrNull(const std::optional<T>& v) {
  return v ? nlohmann::ordered_json(*v) : nlohmann::ordered_json(nullptr);
}
inline nlohmann::ordered_json StringOrNull(const std::string& s) {
  return s.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(s);
}

nlohmann::ordered_json ReviewToJson(const core::Review& review);
nlohmann::ordered_json OutputToJson(const std::vector<core::Review>& reviews,
                                    const std::vector<core::FileError>& errors);

// Writes the same bytes as OutputToJson(reviews, errors).dump(2) followed by a newline, one
// review at a time, so memory does not grow with the number of reviews.
void WriteJson(std::ostream& out, const std::vector<core::Review>& reviews,
               const std::vector<core::FileError>& errors);

// Writes `content` to `path` atomically: a temporary file beside it, then a rename, so an
// interrupted run never leaves a truncated file that looks complete.
core::Status WriteFileAtomically(const std::string& path, const std::string& content);
core::Status WriteFileAtomically(const std::string& path,
                                 const std::function<void(std::ostream&)>& write);

}  // namespace uprx::pipeline

#endif  // UPRX_PIPELINE_JSON_WRITER_H_
