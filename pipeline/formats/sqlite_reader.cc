#include "pipeline/formats/sqlite_reader.h"

#include <sqlite3.h>

#include <map>
#include <memory>
#include <optional>

namespace uprx::pipeline {
namespace {

struct Finalize {
  void operator()(sqlite3_stmt* stmt) const { sqlite3_finalize(stmt); }
};
using Stmt = std::unique_ptr<sqlite3_stmt, Finalize>;

// A query over one review's rows, its first parameter bound to the review id.
core::Result<Stmt> Prepare(sqlite3* db, const char* sql, const std::string& review_id) {
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(db, sql, -1, &raw, nullptr) != SQLITE_OK) {
    return core::Status("sqlite_error", std::string(sql).substr(0, 60) + ": " + sqlite3_errmsg(db));
  }
  Stmt stmt(raw);
  if (!review_id.empty()) {
    sqlite3_bind_text(raw, 1, review_id.data(), static_cast<int>(review_id.size()),
                      SQLITE_TRANSIENT);
  }
  return stmt;
}

std::string Text(sqlite3_stmt* s, int i) {
  const unsigned char* v = sqlite3_column_text(s, i);
  return v ? reinterpret_cast<const char*>(v) : "";
}

std::optional<int> OptionalInt(sqlite3_stmt* s, int i) {
  if (sqlite3_column_type(s, i) == SQLITE_NULL) return std::nullopt;
  return sqlite3_column_int(s, i);
}

int Int(sqlite3_stmt* s, int i) { return sqlite3_column_int(s, i); }

// "a; b" -> {"a", "b"}: evidence is written joined with "; ".
std::vector<std::string> Split(const std::string& joined) {
  std::vector<std::string> out;
  for (std::size_t start = 0; start < joined.size();) {
    const std::size_t end = std::min(joined.find("; ", start), joined.size());
    out.push_back(joined.substr(start, end - start));
    start = end + 2;
  }
  return out;
}

core::Status ReadRecommendations(sqlite3* db, const std::string& id, core::Review& review,
                                 std::map<std::int64_t, std::size_t>& index) {
  auto s = Prepare(db,
                   "SELECT rec, id, number, paragraph, printed_number, text, source_document, "
                   "source_page, span_begin, span_end FROM recommendations WHERE review_id = ? "
                   "ORDER BY ord",
                   id);
  if (!s.ok()) return s.status();
  sqlite3_stmt* st = s.value().get();
  while (sqlite3_step(st) == SQLITE_ROW) {
    core::Recommendation r;
    r.id = Text(st, 1);
    r.number = Text(st, 2);
    r.paragraph = Int(st, 3);
    r.printed_number = Text(st, 4);
    r.text = Text(st, 5);
    r.source = {Text(st, 6), Int(st, 7), static_cast<std::size_t>(sqlite3_column_int64(st, 8)),
                static_cast<std::size_t>(sqlite3_column_int64(st, 9))};
    index[sqlite3_column_int64(st, 0)] = review.recommendations.size();
    review.recommendations.push_back(std::move(r));
  }
  return core::Status::Ok();
}

core::Status ReadStatesAndPositions(sqlite3* db, const std::string& id, core::Review& review,
                                    const std::map<std::int64_t, std::size_t>& index) {
  auto states = Prepare(db,
                        "SELECT s.rec, s.name, s.iso3, s.regional_group, s.as_written, s.segment "
                        "FROM recommending_states s JOIN recommendations r USING (rec) "
                        "WHERE r.review_id = ? ORDER BY s.rec, s.ord",
                        id);
  if (!states.ok()) return states.status();
  for (sqlite3_stmt* st = states.value().get(); sqlite3_step(st) == SQLITE_ROW;) {
    review.recommendations[index.at(sqlite3_column_int64(st, 0))].recommending_states.push_back(
        {Text(st, 1), Text(st, 2), Text(st, 3), Text(st, 4), Text(st, 5)});
  }
  auto positions = Prepare(db,
                           "SELECT p.rec, p.is_final, p.value, p.as_written, p.stage, p.document, "
                           "p.paragraph, p.explanation FROM positions p JOIN recommendations r "
                           "USING (rec) WHERE r.review_id = ? ORDER BY p.rec, p.ord",
                           id);
  if (!positions.ok()) return positions.status();
  for (sqlite3_stmt* st = positions.value().get(); sqlite3_step(st) == SQLITE_ROW;) {
    core::Recommendation& r = review.recommendations[index.at(sqlite3_column_int64(st, 0))];
    const std::string value = Text(st, 2);
    const std::optional<core::PositionValue> v = core::ParsePositionKey(value);
    if (!v) {
      return core::Status("sqlite_error",
                          r.id + ": unknown position \"" + value + "\" in table positions");
    }
    core::Position p;
    p.value = *v;
    p.as_written = Text(st, 3);
    p.stage = Text(st, 4);
    p.document = Text(st, 5);
    p.paragraph = OptionalInt(st, 6);
    if (sqlite3_column_type(st, 7) != SQLITE_NULL) p.explanation = Text(st, 7);
    (Int(st, 1) ? r.position : r.position_history.emplace_back()) = std::move(p);
  }
  return core::Status::Ok();
}

// A label list of this kind exists (maybe empty) once the review was classified for it; the
// tables cannot tell "classified, nothing found" from "not classified", so a kind with no row
// in the whole review is read as not classified.
core::Status ReadLabels(sqlite3* db, const std::string& id, core::Review& review,
                        const std::map<std::int64_t, std::size_t>& index) {
  auto labels = Prepare(db,
                        "SELECT l.rec, l.kind, l.taxonomy, l.label_id, l.name, l.score, l.method, "
                        "l.evidence, '', l.rank FROM labels l JOIN recommendations r USING (rec) "
                        "WHERE r.review_id = ? UNION ALL "
                        "SELECT m.rec, 'ministries', m.taxonomy, m.institution_id, m.name, "
                        "m.score, m.method, m.evidence, m.role, m.rank FROM ministries m "
                        "JOIN recommendations r USING (rec) WHERE r.review_id = ?1 "
                        "ORDER BY 1, 2, 10",
                        id);
  if (!labels.ok()) return labels.status();
  std::map<std::string, bool> seen;
  for (sqlite3_stmt* st = labels.value().get(); sqlite3_step(st) == SQLITE_ROW;) {
    core::Labels& l = review.recommendations[index.at(sqlite3_column_int64(st, 0))].labels;
    const std::string kind = Text(st, 1);
    core::AssignedLabel label{
        Text(st, 2), Text(st, 3),        Text(st, 4), sqlite3_column_double(st, 5),
        Text(st, 6), Split(Text(st, 7)), Text(st, 8)};
    seen[kind] = true;
    if (kind == "action") {
      l.action = std::move(label);
      continue;
    }
    auto& list = kind == "themes"   ? l.themes
                 : kind == "issues" ? l.issues
                 : kind == "sdgs"   ? l.sdgs
                 : kind == "groups" ? l.groups
                                    : l.ministries;
    if (!list) list.emplace();
    list->push_back(std::move(label));
  }
  for (core::Recommendation& r : review.recommendations) {
    core::Labels& l = r.labels;
    for (auto [kind, list] : {std::pair{"themes", &l.themes}, std::pair{"issues", &l.issues},
                              std::pair{"sdgs", &l.sdgs}, std::pair{"groups", &l.groups},
                              std::pair{"ministries", &l.ministries}}) {
      if (seen[kind] && !*list) list->emplace();
    }
  }
  return core::Status::Ok();
}

}  // namespace

core::Result<core::Review> ReadSqliteReview(sqlite3* db, const std::string& review_id) {
  auto s = Prepare(db,
                   "SELECT sur_iso3, sur_name, cycle, wg_session, year FROM reviews "
                   "WHERE review_id = ?",
                   review_id);
  if (!s.ok()) return s.status();
  if (sqlite3_step(s.value().get()) != SQLITE_ROW) {
    return core::Status("review_missing", review_id + " is not in the database");
  }
  core::Review review;
  sqlite3_stmt* st = s.value().get();
  review.sur_iso3 = Text(st, 0);
  review.sur_name = Text(st, 1);
  review.cycle = OptionalInt(st, 2);
  review.wg_session = OptionalInt(st, 3);
  review.year = OptionalInt(st, 4);
  std::map<std::int64_t, std::size_t> index;  // rec -> position in review.recommendations
  if (core::Status r = ReadRecommendations(db, review_id, review, index); !r.ok()) return r;
  if (core::Status r = ReadStatesAndPositions(db, review_id, review, index); !r.ok()) return r;
  if (core::Status r = ReadLabels(db, review_id, review, index); !r.ok()) return r;
  return review;
}

core::Result<std::vector<std::pair<std::string, std::string>>> SqliteCyclePairs(sqlite3* db) {
  auto s = Prepare(db,
                   "SELECT sur_iso3, review_id FROM reviews WHERE sur_iso3 IS NOT NULL "
                   "AND cycle IS NOT NULL ORDER BY sur_iso3, cycle",
                   "");
  if (!s.ok()) return s.status();
  std::vector<std::pair<std::string, std::string>> pairs;
  std::string last_state, last_review;
  for (sqlite3_stmt* st = s.value().get(); sqlite3_step(st) == SQLITE_ROW;) {
    const std::string state = Text(st, 0), review = Text(st, 1);
    if (state == last_state) pairs.emplace_back(last_review, review);
    last_state = state;
    last_review = review;
  }
  return pairs;
}

}  // namespace uprx::pipeline
