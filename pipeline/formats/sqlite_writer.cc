#include "pipeline/formats/sqlite_writer.h"

#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "extractors/state_resolver.h"
#include "pipeline/core/embedded_data.h"
#include "pipeline/core/text_util.h"
#include "pipeline/formats/json_writer.h"
#include "pipeline/formats/report_data.h"

namespace uprx::pipeline {
namespace {

core::Status SqliteError(sqlite3* db, const std::string& what) {
  return core::Status("sqlite_error", what + ": " + (db ? sqlite3_errmsg(db) : "out of memory"));
}

// One prepared statement, bound by position and run once per row.
class Statement {
 public:
  Statement(sqlite3* db, const char* sql) : db_(db) {
    if (sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) != SQLITE_OK) stmt_ = nullptr;
  }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  bool ok() const { return stmt_ != nullptr; }

  // Absent facts are NULL: an empty string, an empty optional.
  Statement& Text(core::PositionValue v) { return Text(std::string(core::PositionKey(v))); }
  Statement& Text(const std::string& v) {
    ++at_;
    if (v.empty()) return Null();
    sqlite3_bind_text(stmt_, at_, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Statement& Int(std::int64_t v) {
    sqlite3_bind_int64(stmt_, ++at_, v);
    return *this;
  }
  Statement& Int(const std::optional<int>& v) { return v ? Int(*v) : (++at_, Null()); }
  Statement& Real(double v) {
    sqlite3_bind_double(stmt_, ++at_, v);
    return *this;
  }
  // Runs the statement with what was bound, then resets it for the next row.
  core::Status Run() {
    const int rc = sqlite3_step(stmt_);
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    at_ = 0;
    if (rc != SQLITE_DONE) return SqliteError(db_, "insert");
    return core::Status::Ok();
  }

 private:
  Statement& Null() {
    sqlite3_bind_null(stmt_, at_);
    return *this;
  }
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
  int at_ = 0;
};

// The insert of each table, its values bound in the order the Add* functions give them.
constexpr std::pair<const char*, const char*> kInserts[] = {
    {"delete", "DELETE FROM reviews WHERE review_id = ?"},
    {"review", "INSERT INTO reviews VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"},
    {"document", "INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"},
    {"recommendation",
     "INSERT INTO recommendations (review_id, ord, id, number, paragraph, printed_number, text, "
     "position, position_stage, position_document, action_category, lead_institution, "
     "source_document, source_page, span_begin, span_end) "
     "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"},
    {"state", "INSERT INTO recommending_states VALUES (?,?,?,?,?,?,?)"},
    {"position", "INSERT INTO positions VALUES (?,?,?,?,?,?,?,?,?)"},
    {"label", "INSERT INTO labels VALUES (?,?,?,?,?,?,?,?,?)"},
    {"ministry", "INSERT INTO ministries VALUES (?,?,?,?,?,?,?,?,?,?)"},
    {"diagnostic", "INSERT INTO diagnostics VALUES (?,?,?,?,?,?,?)"},
    {"error_delete", "DELETE FROM errors WHERE file = ?"},
    {"error", "INSERT INTO errors VALUES (?,?,?)"}};

std::string SurRegionalGroup(const core::Review& review) {
  const auto record = extractors::StateResolver::Default().ByIso3(review.sur_iso3);
  return record ? record->regional_group : std::string();
}

}  // namespace

std::string ReviewId(const core::Review& review) {
  return (review.sur_iso3.empty() ? std::string("UNK") : review.sur_iso3) + "-c" +
         std::to_string(review.cycle.value_or(0));
}

class SqliteWriter::Impl {
 public:
  ~Impl() { Close(); }

  core::Status Open(const std::string& path) {
    if (core::Status s = file_.Open(path); !s.ok()) return s;
    if (core::Status s = CopyExisting(path); !s.ok()) return s;
    if (sqlite3_open(file_.temporary_path().c_str(), &db_) != SQLITE_OK) {
      return SqliteError(db_, path);
    }
    if (core::Status s = CheckSchema(path); !s.ok()) return s;
    // The temporary file is discarded on any failure, so SQLite need not protect it: no journal,
    // no syncs (the rename at Commit() is what makes the file whole).
    for (const char* sql :
         {"PRAGMA journal_mode=OFF", "PRAGMA synchronous=OFF", "PRAGMA foreign_keys=ON", "BEGIN"}) {
      if (core::Status s = Exec(sql); !s.ok()) return s;
    }
    const std::optional<std::string> schema = EmbeddedData("sqlite_schema.sql");
    if (!schema) return core::Status("sqlite_error", "sqlite_schema.sql is not compiled in");
    if (core::Status s = Exec(*schema); !s.ok()) return s;
    if (core::Status s = Exec("INSERT OR REPLACE INTO meta VALUES ('generator', 'uprx " +
                              std::string(kVersion) + "')");
        !s.ok()) {
      return s;
    }
    return Prepare();
  }

  core::Status Exec(const std::string& sql) {
    char* message = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message) == SQLITE_OK) {
      return core::Status::Ok();
    }
    const std::string why = message ? message : sqlite3_errmsg(db_);
    sqlite3_free(message);
    return core::Status("sqlite_error", sql.substr(0, 60) + ": " + why);
  }

  core::Status Add(const core::Review& review) {
    const std::string id = ReviewId(review);
    if (core::Status s = Delete(id); !s.ok()) return s;
    if (core::Status s = AddReviewRow(review, id); !s.ok()) return s;
    for (std::size_t i = 0; i < review.documents.size(); ++i) {
      if (core::Status s = AddDocument(id, i, review.documents[i]); !s.ok()) return s;
    }
    for (std::size_t i = 0; i < review.recommendations.size(); ++i) {
      if (core::Status s = AddRecommendation(id, i, review.recommendations[i]); !s.ok()) return s;
    }
    for (std::size_t i = 0; i < review.diagnostics.size(); ++i) {
      const core::Diagnostic& d = review.diagnostics[i];
      core::Status s = statements_.at("diagnostic")
                           ->Text(id)
                           .Int(static_cast<std::int64_t>(i))
                           .Text(d.severity)
                           .Text(d.code)
                           .Text(d.document)
                           .Int(d.page)
                           .Text(d.message)
                           .Run();
      if (!s.ok()) return s;
    }
    return core::Status::Ok();
  }

  core::Status Commit(const std::vector<core::FileError>& errors) {
    for (const core::FileError& e : errors) {
      core::Status s = statements_.at("error_delete")->Text(e.file).Run();
      if (s.ok()) s = statements_.at("error")->Text(e.file).Text(e.code).Text(e.message).Run();
      if (!s.ok()) return s;
    }
    if (core::Status s = Exec("COMMIT"); !s.ok()) return s;
    statements_.clear();
    if (sqlite3_close(db_) != SQLITE_OK) return SqliteError(db_, "close");
    db_ = nullptr;
    return file_.Commit();
  }

  sqlite3* handle() const { return db_; }

 private:
  void Close() {
    statements_.clear();
    if (db_) sqlite3_close(db_);
    db_ = nullptr;
  }

  // Appending: the new file starts as a copy of the old one, which stays untouched until the
  // rename.
  core::Status CopyExisting(const std::string& path) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) return core::Status::Ok();
    std::ifstream in(path, std::ios::binary);
    if (!in) return core::Status("output_unwritable", path + ": cannot be read to append to");
    file_.stream() << in.rdbuf();
    file_.stream().flush();
    if (!file_.stream()) return core::Status("output_unwritable", path + ": copy failed");
    return core::Status::Ok();
  }

  // A file that is not a database, or a database that is not uprx's, is not overwritten.
  core::Status CheckSchema(const std::string& path) {
    sqlite3_stmt* stmt = nullptr;
    const char* sql = "SELECT value FROM meta WHERE key = 'schema'";
    std::string schema;
    if (sqlite3_prepare_v2(db_, sql, -1, &stmt, nullptr) == SQLITE_OK) {
      if (sqlite3_step(stmt) == SQLITE_ROW) {
        schema = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
      }
    } else {
      // No meta table: an empty (new) database has no tables at all.
      sqlite3_finalize(stmt);
      stmt = nullptr;
      if (sqlite3_prepare_v2(db_, "SELECT count(*) FROM sqlite_master", -1, &stmt, nullptr) !=
          SQLITE_OK) {
        return core::Status("output_unwritable", path + ": not an SQLite database");
      }
      if (sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_int(stmt, 0) == 0) {
        schema = kSqliteSchemaName;
      }
    }
    sqlite3_finalize(stmt);
    if (schema != kSqliteSchemaName) {
      return core::Status("output_unwritable",
                          path + ": exists and is not a " + kSqliteSchemaName + " database");
    }
    return core::Status::Ok();
  }

  core::Status Prepare() {
    for (const auto& [name, sql] : kInserts) {
      auto statement = std::make_unique<Statement>(db_, sql);
      if (!statement->ok()) return SqliteError(db_, name);
      statements_.emplace(name, std::move(statement));
    }
    return core::Status::Ok();
  }

  // Rows of child tables go with the review (ON DELETE CASCADE).
  core::Status Delete(const std::string& id) { return statements_.at("delete")->Text(id).Run(); }

  core::Status AddReviewRow(const core::Review& r, const std::string& id) {
    const std::map<core::PositionValue, int> positions = core::CountPositions(r.recommendations);
    return statements_.at("review")
        ->Text(id)
        .Text(r.sur_iso3)
        .Text(r.sur_name)
        .Text(SurRegionalGroup(r))
        .Int(r.cycle)
        .Int(r.wg_session)
        .Int(r.year)
        .Int(static_cast<std::int64_t>(r.recommendations.size()))
        .Int(positions.at(core::PositionValue::kSupported))
        .Int(positions.at(core::PositionValue::kNoted))
        .Int(positions.at(core::PositionValue::kPending))
        .Int(positions.at(core::PositionValue::kSupportedInPart))
        .Int(positions.at(core::PositionValue::kUnknown))
        .Run();
  }

  core::Status AddDocument(const std::string& id, std::size_t i, const core::DocumentInfo& d) {
    return statements_.at("document")
        ->Text(id)
        .Int(static_cast<std::int64_t>(i))
        .Text(d.file)
        .Text(d.sha256)
        .Text(core::FormatName(d.format))
        .Int(d.pages)
        .Text(d.language)
        .Text(d.symbol)
        .Text(core::DocumentKindName(d.kind))
        .Text(d.date)
        .Int(d.declared.received)
        .Int(d.declared.supported)
        .Int(d.declared.noted)
        .Run();
  }

  core::Status AddRecommendation(const std::string& id, std::size_t i,
                                 const core::Recommendation& r) {
    const core::Labels& l = r.labels;
    core::Status s = statements_.at("recommendation")
                         ->Text(id)
                         .Int(static_cast<std::int64_t>(i))
                         .Text(r.id)
                         .Text(r.number)
                         .Int(r.paragraph)
                         .Text(r.printed_number)
                         .Text(r.text)
                         .Text(r.position.value)
                         .Text(r.position.stage)
                         .Text(r.position.document)
                         .Int(l.action ? core::ParseBoundedInt(l.action->id, 1, 5) : std::nullopt)
                         .Text(LeadInstitution(r))
                         .Text(r.source.document)
                         .Int(r.source.page)
                         .Int(static_cast<std::int64_t>(r.source.span_begin))
                         .Int(static_cast<std::int64_t>(r.source.span_end))
                         .Run();
    if (!s.ok()) return s;
    const std::int64_t rec = sqlite3_last_insert_rowid(db_);
    if (s = AddStates(rec, r); !s.ok()) return s;
    if (s = AddPositions(rec, r); !s.ok()) return s;
    return AddLabels(rec, l);
  }

  core::Status AddStates(std::int64_t rec, const core::Recommendation& r) {
    for (std::size_t i = 0; i < r.recommending_states.size(); ++i) {
      const core::StateRef& st = r.recommending_states[i];
      core::Status s = statements_.at("state")
                           ->Int(rec)
                           .Int(static_cast<std::int64_t>(i))
                           .Text(st.iso3)
                           .Text(st.name)
                           .Text(st.regional_group)
                           .Text(st.as_written)
                           .Text(st.segment)
                           .Run();
      if (!s.ok()) return s;
    }
    return core::Status::Ok();
  }

  // The history oldest first, then the final position (is_final = 1).
  core::Status AddPositions(std::int64_t rec, const core::Recommendation& r) {
    for (std::size_t i = 0; i <= r.position_history.size(); ++i) {
      const bool final = i == r.position_history.size();
      const core::Position& p = final ? r.position : r.position_history[i];
      core::Status s = statements_.at("position")
                           ->Int(rec)
                           .Int(static_cast<std::int64_t>(i))
                           .Int(final ? 1 : 0)
                           .Text(p.value)
                           .Text(p.stage)
                           .Text(p.document)
                           .Int(p.paragraph)
                           .Text(p.as_written)
                           .Text(p.explanation.value_or(""))
                           .Run();
      if (!s.ok()) return s;
    }
    return core::Status::Ok();
  }

  core::Status AddLabel(std::int64_t rec, const char* kind, std::size_t rank,
                        const core::AssignedLabel& l) {
    const char* table = std::string_view(kind) == "ministries" ? "ministry" : "label";
    Statement& st = *statements_.at(table);
    st.Int(rec).Text(kind).Int(static_cast<std::int64_t>(rank)).Text(l.taxonomy).Text(l.id);
    st.Text(l.name).Real(l.score).Text(l.method).Text(Joined(l.evidence));
    if (std::string_view(table) == "ministry") st.Text(l.role);
    return st.Run();
  }

  core::Status AddLabels(std::int64_t rec, const core::Labels& l) {
    const std::pair<const char*, const std::optional<std::vector<core::AssignedLabel>>*> lists[] = {
        {"themes", &l.themes},
        {"issues", &l.issues},
        {"sdgs", &l.sdgs},
        {"groups", &l.groups},
        {"ministries", &l.ministries}};
    for (const auto& [kind, list] : lists) {
      if (!*list) continue;
      for (std::size_t i = 0; i < (*list)->size(); ++i) {
        if (core::Status s = AddLabel(rec, kind, i, (**list)[i]); !s.ok()) return s;
      }
    }
    if (l.action) return AddLabel(rec, "action", 0, *l.action);
    return core::Status::Ok();
  }

  AtomicFile file_;
  sqlite3* db_ = nullptr;
  std::map<std::string, std::unique_ptr<Statement>> statements_;
};

SqliteWriter::SqliteWriter() : impl_(std::make_unique<Impl>()) {}
SqliteWriter::~SqliteWriter() = default;

core::Status SqliteWriter::Open(const std::string& path) { return impl_->Open(path); }
core::Status SqliteWriter::Add(const core::Review& review) { return impl_->Add(review); }
core::Status SqliteWriter::Exec(const std::string& sql) { return impl_->Exec(sql); }
sqlite3* SqliteWriter::handle() const { return impl_->handle(); }
core::Status SqliteWriter::Commit(const std::vector<core::FileError>& errors) {
  return impl_->Commit(errors);
}

core::Status WriteSqlite(const std::string& path, const std::vector<core::Review>& reviews,
                         const std::vector<core::FileError>& errors) {
  SqliteWriter db;
  if (core::Status s = db.Open(path); !s.ok()) return s;
  for (const core::Review& r : reviews) {
    if (core::Status s = db.Add(r); !s.ok()) return s;
  }
  return db.Commit(errors);
}

}  // namespace uprx::pipeline
