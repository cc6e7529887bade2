#include "pipeline/compare/compare_sqlite.h"

#include <sqlite3.h>

#include <map>
#include <string>
#include <utility>

#include "pipeline/formats/sqlite_reader.h"

namespace uprx::pipeline {
namespace {

core::Status Failed(sqlite3* db, const char* what) {
  return core::Status("sqlite_error", std::string(what) + ": " + sqlite3_errmsg(db));
}

// Binds text, NULL when empty.
void BindText(sqlite3_stmt* stmt, int at, const std::string& value) {
  if (value.empty()) {
    sqlite3_bind_null(stmt, at);
  } else {
    sqlite3_bind_text(stmt, at, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
  }
}

// Runs one statement with its bindings and finalises it.
core::Status Step(sqlite3* db, sqlite3_stmt* stmt, const char* what) {
  const int rc = sqlite3_step(stmt);
  sqlite3_finalize(stmt);
  return rc == SQLITE_DONE ? core::Status::Ok() : Failed(db, what);
}

core::Status AddComparisonRow(sqlite3* db, const ComparedReviews& in, const Comparison& c) {
  sqlite3_stmt* stmt = nullptr;
  const char* sql =
      "INSERT INTO comparisons (old_review_id, new_review_id, threshold, repeated, new_only, "
      "dropped) VALUES (?,?,?,?,?,?)";
  if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) != SQLITE_OK) return Failed(db, sql);
  BindText(stmt, 1, ReviewId(in.old_review));
  BindText(stmt, 2, ReviewId(in.new_review));
  sqlite3_bind_double(stmt, 3, c.repeat_threshold);
  sqlite3_bind_int64(stmt, 4, static_cast<sqlite3_int64>(c.repeated.size()));
  sqlite3_bind_int64(stmt, 5, static_cast<sqlite3_int64>(c.new_only.size()));
  sqlite3_bind_int64(stmt, 6, static_cast<sqlite3_int64>(c.dropped.size()));
  return Step(db, stmt, "comparisons");
}

core::Status AddMatches(sqlite3* db, const ComparedReviews& in, const Comparison& c,
                        sqlite3_int64 comparison) {
  std::map<std::pair<std::size_t, std::size_t>, std::string> changes;
  for (const PositionChange& p : c.position_changes) {
    changes[{p.old_index, p.new_index}] = p.kind;
  }
  const char* sql = "INSERT INTO matches VALUES (?,?,?,?,?,?,?,?)";
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) != SQLITE_OK) return Failed(db, sql);
  for (const Match& m : c.matches) {
    const core::Recommendation& o = in.old_review.recommendations[m.old_index];
    const core::Recommendation& n = in.new_review.recommendations[m.new_index];
    const auto change = changes.find({m.old_index, m.new_index});
    sqlite3_bind_int64(stmt, 1, comparison);
    BindText(stmt, 2, o.id);
    BindText(stmt, 3, n.id);
    sqlite3_bind_double(stmt, 4, m.pair.score);
    sqlite3_bind_int(stmt, 5, m.primary ? 1 : 0);
    BindText(stmt, 6, core::PositionKey(o.position.value));
    BindText(stmt, 7, core::PositionKey(n.position.value));
    BindText(stmt, 8, m.primary && change != changes.end() ? change->second : "");
    const int rc = sqlite3_step(stmt);
    sqlite3_reset(stmt);
    if (rc != SQLITE_DONE) {
      sqlite3_finalize(stmt);
      return Failed(db, "matches");
    }
  }
  sqlite3_finalize(stmt);
  return core::Status::Ok();
}

}  // namespace

core::Status AddComparison(SqliteWriter& db, const ComparedReviews& in, const Comparison& c) {
  for (const core::Review* r : {&in.old_review, &in.new_review}) {
    if (core::Status s = db.Add(*r); !s.ok()) return s;
  }
  return AddComparisonRows(db, in, c);
}

core::Status AddComparisonRows(SqliteWriter& db, const ComparedReviews& in, const Comparison& c) {
  sqlite3* handle = db.handle();
  sqlite3_stmt* stmt = nullptr;
  const char* sql = "DELETE FROM comparisons WHERE old_review_id = ? AND new_review_id = ?";
  if (sqlite3_prepare_v2(handle, sql, -1, &stmt, nullptr) != SQLITE_OK) return Failed(handle, sql);
  BindText(stmt, 1, ReviewId(in.old_review));
  BindText(stmt, 2, ReviewId(in.new_review));
  if (core::Status s = Step(handle, stmt, "comparisons"); !s.ok()) return s;
  if (core::Status s = AddComparisonRow(handle, in, c); !s.ok()) return s;
  return AddMatches(handle, in, c, sqlite3_last_insert_rowid(handle));
}

core::Result<int> CompareCyclesInSqlite(SqliteWriter& db, const Comparer& comparer,
                                        const std::set<std::string>& written) {
  auto pairs = SqliteCyclePairs(db.handle());
  if (!pairs.ok()) return pairs.status();
  int compared = 0;
  for (const auto& [older, newer] : pairs.value()) {
    if (!written.contains(older) && !written.contains(newer)) continue;
    core::Result<core::Review> a = ReadSqliteReview(db.handle(), older);
    if (!a.ok()) return a.status();
    core::Result<core::Review> b = ReadSqliteReview(db.handle(), newer);
    if (!b.ok()) return b.status();
    const core::Result<Comparison> c = comparer.Compare(a.value(), b.value());
    if (!c.ok()) return c.status();
    const ComparedReviews in{a.value(), b.value(), older, newer};
    if (core::Status s = AddComparisonRows(db, in, c.value()); !s.ok()) return s;
    ++compared;
  }
  return compared;
}

}  // namespace uprx::pipeline
