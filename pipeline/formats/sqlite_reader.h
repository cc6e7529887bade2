// Read back: reviews from a uprx-sqlite/1 database (sqlite_writer.h), so that two cycles of one
// State found in the same file can be compared there (compare_sqlite.h) without holding the
// batch in memory.
//
//   for (const auto& [older, newer] : SqliteCyclePairs(db.handle()).value()) {
//     core::Result<core::Review> a = ReadSqliteReview(db.handle(), older);   // "KHM-c1"
//     ...
//   }
//
// A review read back has what the tables hold: its identity, recommendations with their
// States, positions (history and final), source, labels and institutions; not its documents'
// details nor its diagnostics.
#ifndef UPRX_PIPELINE_FORMATS_SQLITE_READER_H_
#define UPRX_PIPELINE_FORMATS_SQLITE_READER_H_

#include <string>
#include <utility>
#include <vector>

#include "pipeline/core/document.h"
#include "pipeline/core/status.h"

struct sqlite3;

namespace uprx::pipeline {

// The review with this review_id; "review_missing" when the file has none.
[[nodiscard]] core::Result<core::Review> ReadSqliteReview(sqlite3* db,
                                                          const std::string& review_id);

// Every pair (older, newer) of review ids of one State in consecutive cycles of those present,
// by State then cycle: {"KHM-c1", "KHM-c2"}, {"KHM-c2", "KHM-c3"}.
[[nodiscard]] core::Result<std::vector<std::pair<std::string, std::string>>> SqliteCyclePairs(
    sqlite3* db);

}  // namespace uprx::pipeline

#endif  // UPRX_PIPELINE_FORMATS_SQLITE_READER_H_
