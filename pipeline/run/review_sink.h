// Write: the reviews of a batch, as they are joined, to one file, standard output or one file
// per review (--out DIR), in any output format.
//
//   ReviewSink sink({.format = "csv", .output = "all.csv"});
//   if (auto s = sink.Open(); !s.ok()) fail(s);
//   for (...) if (auto s = sink.Add(std::move(review)); !s.ok()) fail(s);
//   sink.Finish(errors);   // the JSON `errors`, DIR/errors.json
//
// What memory holds depends on the format, not on the batch: with --out DIR every review is
// written when it is added; JSON, JSON Lines, the CSV formats and SQLite to one file are
// written review by review (JSON through a temporary file, as generator.taxonomies comes first
// and is the union over all reviews; SQLite into a copy of the database already there, so a
// review written again replaces its old rows); only a workbook or an HTML report in one file is
// made from every review at once, at Finish(). Files appear whole or not at all (AtomicFile).
// written() says which files were written and what each holds (output_report.h), for the run's
// last lines.
#ifndef UPRX_PIPELINE_RUN_REVIEW_SINK_H_
#define UPRX_PIPELINE_RUN_REVIEW_SINK_H_

#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "pipeline/core/document.h"
#include "pipeline/core/status.h"
#include "pipeline/formats/html_report_writer.h"
#include "pipeline/formats/impact_categories.h"
#include "pipeline/formats/json_writer.h"
#include "pipeline/formats/sqlite_writer.h"
#include "pipeline/run/output_report.h"

namespace uprx::pipeline {

// An output format and the extension its files get with --out.
struct OutputFormat {
  const char* name;
  const char* extension;
  bool for_files;    // binary or a whole page: not written to a terminal
  bool whole_batch;  // made from all reviews at once (one file holds every review)
};
const std::vector<OutputFormat>& OutputFormats();
const OutputFormat* FindOutputFormat(const std::string& name);  // nullptr when unknown

struct SinkOptions {
  std::string format = "json";  // a name in OutputFormats()
  std::string output;           // one file; "" or "-" is standard output
  std::string out_dir;          // one file per review, <ISO3>-c<cycle>.<extension>
  bool bom = false;             // csv, impact-csv
  bool csv_raw = false;         // csv: keep cells a spreadsheet would read as formulas as they are
  // impact-csv: "accepted" instead of "support_level", the framework id, and the category
  // links file ("" = the compiled-in default; impact_categories.h).
  bool impact_legacy = false;
  int impact_framework = 1;
  std::string impact_categories;
  // sqlite to one file: called before the database is committed, with the review ids this run
  // wrote (the CLI compares the cycles of a State there; this layer knows no comparison).
  std::function<core::Status(SqliteWriter&, const std::set<std::string>&)> before_sqlite_commit;
  HtmlReportOptions html;  // html: the institutions its edit mode offers
};

// `reviews` in `format` to `path` ("" or "-": standard output), whole.
core::Status WriteReviews(const SinkOptions& options, const std::string& path,
                          const std::vector<core::Review>& reviews,
                          const std::vector<core::FileError>& errors);

class ReviewSink {
 public:
  explicit ReviewSink(SinkOptions options);
  ~ReviewSink();
  ReviewSink(const ReviewSink&) = delete;
  ReviewSink& operator=(const ReviewSink&) = delete;

  // Makes DIR or starts the output file; "output_unwritable" naming the path.
  [[nodiscard]] core::Status Open();
  // The next review, in output order.
  [[nodiscard]] core::Status Add(core::Review review);
  // Writes the rest and makes the output file visible.
  [[nodiscard]] core::Status Finish(const std::vector<core::FileError>& errors);
  // The files written so far, in order ("-" for standard output), each with its reviews.
  const std::vector<WrittenFile>& written() const { return written_; }

 private:
  std::ostream& Out();

  SinkOptions options_;
  const OutputFormat* format_;
  AtomicFile file_;
  bool to_stdout_ = false;
  std::unique_ptr<JsonStreamWriter> json_;
  std::vector<core::Review> held_;  // whole-batch formats to one file
  std::optional<ImpactCategories> impact_categories_;
  std::unique_ptr<SqliteWriter> sqlite_;  // sqlite to one file
  std::set<std::string> sqlite_written_;
  std::vector<WrittenFile> written_;
  WrittenFile one_;  // what the one output file (or standard output) holds so far
};

}  // namespace uprx::pipeline

#endif  // UPRX_PIPELINE_RUN_REVIEW_SINK_H_
