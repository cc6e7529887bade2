// Write a comparison into an SQLite database (sqlite_writer.h): both reviews with all their rows,
// one row in `comparisons` and one in `matches` per matched pair, so a repeat, a drop or a
// position change is one query away from the recommendations, States and labels of both cycles
// (docs/sqlite.md).
//
//   SqliteWriter db;
//   if (auto s = db.Open("svn.db"); !s.ok()) ...
//   if (auto s = AddComparison(db, in, comparison); !s.ok()) ...
//   if (auto s = db.Commit({}); !s.ok()) ...
//
// The same two reviews compared again replace their comparison (UNIQUE old, new review).
// `uprx run --format sqlite` compares the consecutive cycles of a State it finds in the file
// (CompareCyclesInSqlite), so a database of several cycles has its matches without a second step.
#ifndef UPRX_PIPELINE_COMPARE_COMPARE_SQLITE_H_
#define UPRX_PIPELINE_COMPARE_COMPARE_SQLITE_H_

#include <set>
#include <string>

#include "pipeline/compare/compare.h"
#include "pipeline/compare/compare_writer.h"
#include "pipeline/core/status.h"
#include "pipeline/formats/sqlite_writer.h"

namespace uprx::pipeline {

// Adds (replaces) both reviews, then the comparison.
[[nodiscard]] core::Status AddComparison(SqliteWriter& db, const ComparedReviews& in,
                                         const Comparison& c);
// The comparison only, for reviews already in the database.
[[nodiscard]] core::Status AddComparisonRows(SqliteWriter& db, const ComparedReviews& in,
                                             const Comparison& c);

// Compares every two consecutive cycles of one State present in the database (sqlite_reader.h)
// where either review is in `written` (the reviews of this run), replacing their comparison.
// Returns the number of comparisons written.
[[nodiscard]] core::Result<int> CompareCyclesInSqlite(SqliteWriter& db, const Comparer& comparer,
                                                      const std::set<std::string>& written);

}  // namespace uprx::pipeline

#endif  // UPRX_PIPELINE_COMPARE_COMPARE_SQLITE_H_
