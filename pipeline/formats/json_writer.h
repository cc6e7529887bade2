// Write: reviews -> the JSON contract of SCHEMA.md (schema "uprx/1"). Keys keep the documented
// order; absent facts are null; the same input gives byte-identical output.
#ifndef UPRX_PIPELINE_FORMATS_JSON_WRITER_H_
#define UPRX_PIPELINE_FORMATS_JSON_WRITER_H_

#include <cstdio>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
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

// {"supported": n, "noted": n, "pending": n, "supported_in_part": n, "unknown": n} of a
// review's recommendations, every key present: uprx/1's summary and uprx.compare/1's sides.
nlohmann::ordered_json PositionCountsToJson(const core::Review& review);
nlohmann::ordered_json ReviewToJson(const core::Review& review);
nlohmann::ordered_json OutputToJson(const std::vector<core::Review>& reviews,
                                    const std::vector<core::FileError>& errors);

// Writes the same bytes as OutputToJson(reviews, errors).dump(2) followed by a newline, one
// review at a time, so memory does not grow with the number of reviews.
void WriteJson(std::ostream& out, const std::vector<core::Review>& reviews,
               const std::vector<core::FileError>& errors);

// The output document written one review at a time, for batches too large to hold: Add()
// renders each review and keeps it in an unnamed temporary file, Finish() writes the same
// bytes as WriteJson over all the reviews added (generator.taxonomies is their union, so it
// can only be written once every review is known).
class JsonStreamWriter {
 public:
  JsonStreamWriter();
  ~JsonStreamWriter();
  JsonStreamWriter(const JsonStreamWriter&) = delete;
  JsonStreamWriter& operator=(const JsonStreamWriter&) = delete;
  [[nodiscard]] core::Status Add(const core::Review& review);
  [[nodiscard]] core::Status Finish(std::ostream& out, const std::vector<core::FileError>& errors);

 private:
  std::FILE* body_;
  std::size_t reviews_ = 0;
  std::map<std::string, std::string> versions_;
};

class PendingFile;

// A file written in steps and made visible whole: Open() starts PATH.tmp, Commit() renames it
// to PATH. Destroyed without Commit() (an error on the way) the temporary file is removed; an
// interrupted run (SIGINT, SIGTERM) removes it too.
class AtomicFile {
 public:
  AtomicFile();
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;
  [[nodiscard]] core::Status Open(const std::string& path);  // "output_unwritable"
  std::ostream& stream() { return out_; }
  // PATH.tmp, for a writer that writes the file by name (SQLite) after stream() is flushed.
  const std::string& temporary_path() const { return tmp_; }
  [[nodiscard]] core::Status Commit();  // "output_unwritable" on a failed write or rename

 private:
  void Discard();
  std::string path_, tmp_;
  std::ofstream out_;
  std::unique_ptr<PendingFile> pending_;
};

// Writes `content` to `path` atomically: a temporary file beside it, then a rename, so an
// interrupted run never leaves a truncated file that looks complete.
core::Status WriteFileAtomically(const std::string& path, const std::string& content);
core::Status WriteFileAtomically(const std::string& path,
                                 const std::function<void(std::ostream&)>& write);

}  // namespace uprx::pipeline

#endif  // UPRX_PIPELINE_FORMATS_JSON_WRITER_H_
