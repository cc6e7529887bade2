// Write: reviews -> one SQLite database for analysts (SQL, R, pandas), any number of reviews in
// one file. The tables and the questions they answer in one query are in docs/sqlite.md; the
// schema is kSqliteSchema below ("uprx-sqlite/1" in table meta).
//
//   SqliteWriter db;
//   if (auto s = db.Open("all.db"); !s.ok()) fail(s);    // all.db.tmp, a copy of all.db if any
//   for (...) if (auto s = db.Add(review); !s.ok()) fail(s);
//   if (auto s = db.Commit(errors); !s.ok()) fail(s);    // all.db replaced whole
//
// Writing is atomic like every other output: the database is built in PATH.tmp (a copy of PATH
// when it exists) and renamed over PATH at Commit(); destroyed before Commit() or interrupted,
// PATH is untouched. A review already in the file (same <ISO3>-c<cycle>) is replaced with its
// rows, so running again into the same file updates a review instead of duplicating it.
// Strings that are absent are NULL, as the JSON's nulls; lists (evidence) are joined with "; ".
#ifndef UPRX_PIPELINE_FORMATS_SQLITE_WRITER_H_
#define UPRX_PIPELINE_FORMATS_SQLITE_WRITER_H_

#include <memory>
#include <string>
#include <vector>

#include "pipeline/core/document.h"
#include "pipeline/core/status.h"

struct sqlite3;

namespace uprx::pipeline {

inline constexpr const char* kSqliteSchemaName = "uprx-sqlite/1";

// The review key of the tables: "KHM-c2" ("UNK", "c0" when not known).
std::string ReviewId(const core::Review& review);

class SqliteWriter {
 public:
  SqliteWriter();
  ~SqliteWriter();
  SqliteWriter(const SqliteWriter&) = delete;
  SqliteWriter& operator=(const SqliteWriter&) = delete;

  // Starts PATH.tmp (from PATH when it exists and is a uprx database), makes the tables that are
  // missing and begins one transaction. "output_unwritable" naming the path, or "sqlite_error".
  [[nodiscard]] core::Status Open(const std::string& path);
  // Replaces the review with the same key, with its documents, recommendations, States,
  // positions, labels, ministries and diagnostics.
  [[nodiscard]] core::Status Add(const core::Review& review);
  // Runs `sql` (no result rows), for writers that add their own rows (compare_sqlite.h).
  [[nodiscard]] core::Status Exec(const std::string& sql);
  // The open connection (after Open(), until Commit()).
  sqlite3* handle() const;
  // Records the inputs that produced nothing in `errors` (replacing an earlier row of the same
  // file), commits and makes PATH visible.
  [[nodiscard]] core::Status Commit(const std::vector<core::FileError>& errors);

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

// `reviews` as a new database at `path`, or merged into the one there.
[[nodiscard]] core::Status WriteSqlite(const std::string& path,
                                       const std::vector<core::Review>& reviews,
                                       const std::vector<core::FileError>& errors);

}  // namespace uprx::pipeline

#endif  // UPRX_PIPELINE_FORMATS_SQLITE_WRITER_H_
