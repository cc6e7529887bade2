#include "pipeline/run/review_sink.h"

#include <filesystem>
#include <iostream>

#include "pipeline/formats/csv_writer.h"
#include "pipeline/formats/html_report_writer.h"
#include "pipeline/formats/impact_writer.h"
#include "pipeline/formats/jsonl_writer.h"
#include "pipeline/formats/sqlite_writer.h"
#include "pipeline/formats/xlsx_writer.h"

namespace uprx::pipeline {
namespace {

bool ToStdout(const std::string& path) { return path.empty() || path == "-"; }

ImpactOptions Impact(const SinkOptions& o, const ImpactCategories* categories) {
  return {.bom = o.bom,
          .legacy = o.impact_legacy,
          .framework = o.impact_framework,
          .categories = categories};
}

// The category links of --format impact-csv; nullopt for the other formats.
core::Result<std::optional<ImpactCategories>> LoadCategories(const SinkOptions& o) {
  if (o.format != "impact-csv") return std::optional<ImpactCategories>();
  core::Result<ImpactCategories> c = o.impact_categories.empty()
                                         ? ImpactCategories::LoadDefault()
                                         : ImpactCategories::Load(o.impact_categories);
  if (!c.ok()) return c.status();
  return std::optional<ImpactCategories>(std::move(c).value());
}

core::Status SqliteToStdout() {
  return core::Status("output_unwritable", "--format sqlite writes a file: give -o FILE");
}

// The reviews in a text format. Only JSON carries `errors`: the other formats hold
// recommendations, and the inputs that produced nothing are named on stderr (and in
// DIR/errors.json with --out).
void WriteText(const SinkOptions& o, std::ostream& out, const std::vector<core::Review>& reviews,
               const std::vector<core::FileError>& errors, const ImpactCategories* categories) {
  if (o.format == "jsonl") return WriteJsonl(out, reviews);
  if (o.format == "csv") return WriteCsv(out, reviews, {.bom = o.bom, .raw = o.csv_raw});
  if (o.format == "html") return WriteHtmlReport(out, reviews, o.html);
  if (o.format == "impact-csv") return WriteImpactCsv(out, reviews, Impact(o, categories));
  WriteJson(out, reviews, errors);
}

std::string FileName(const core::Review& r, const OutputFormat& f) {
  return ReviewKey(r) + "." + f.extension;
}

}  // namespace

const std::vector<OutputFormat>& OutputFormats() {
  static const std::vector<OutputFormat> formats = {
      {"json", "json", false, false},   {"jsonl", "jsonl", false, false},
      {"csv", "csv", false, false},     {"xlsx", "xlsx", true, true},
      {"html", "html", true, true},     {"impact-csv", "impact.csv", false, false},
      {"sqlite", "sqlite", true, false}};
  return formats;
}

const OutputFormat* FindOutputFormat(const std::string& name) {
  for (const OutputFormat& f : OutputFormats()) {
    if (name == f.name) return &f;
  }
  return nullptr;
}

// The workbook is made whole first (libxlsxwriter writes files), then written like any other
// output.
core::Status WriteReviews(const SinkOptions& options, const std::string& path,
                          const std::vector<core::Review>& reviews,
                          const std::vector<core::FileError>& errors) {
  if (options.format == "sqlite") {
    if (ToStdout(path)) return SqliteToStdout();
    return WriteSqlite(path, reviews, errors);
  }
  if (options.format == "xlsx") {
    core::Result<std::string> bytes = XlsxBytes(reviews);
    if (!bytes.ok()) return bytes.status();
    if (!ToStdout(path)) return WriteFileAtomically(path, bytes.value());
    std::cout.write(bytes.value().data(), static_cast<std::streamsize>(bytes.value().size()));
    return core::Status::Ok();
  }
  core::Result<std::optional<ImpactCategories>> categories = LoadCategories(options);
  if (!categories.ok()) return categories.status();
  const ImpactCategories* links = categories.value() ? &*categories.value() : nullptr;
  if (!ToStdout(path)) {
    return WriteFileAtomically(
        path, [&](std::ostream& out) { WriteText(options, out, reviews, errors, links); });
  }
  WriteText(options, std::cout, reviews, errors, links);
  return core::Status::Ok();
}

ReviewSink::ReviewSink(SinkOptions options)
    : options_(std::move(options)), format_(FindOutputFormat(options_.format)) {
  if (!format_) format_ = &OutputFormats().front();
}

ReviewSink::~ReviewSink() = default;

std::ostream& ReviewSink::Out() { return to_stdout_ ? std::cout : file_.stream(); }

core::Status ReviewSink::Open() {
  core::Result<std::optional<ImpactCategories>> categories = LoadCategories(options_);
  if (!categories.ok()) return categories.status();
  impact_categories_ = std::move(categories).value();
  if (!options_.out_dir.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(options_.out_dir, ec);
    if (ec) return core::Status("output_unwritable", options_.out_dir + ": " + ec.message());
    return core::Status::Ok();
  }
  if (format_->whole_batch) return core::Status::Ok();
  to_stdout_ = ToStdout(options_.output);
  if (options_.format == "sqlite") {
    if (to_stdout_) return SqliteToStdout();
    sqlite_ = std::make_unique<SqliteWriter>();
    return sqlite_->Open(options_.output);
  }
  if (!to_stdout_) {
    if (core::Status s = file_.Open(options_.output); !s.ok()) return s;
  }
  if (options_.format == "json") json_ = std::make_unique<JsonStreamWriter>();
  if (options_.format == "csv") {
    WriteCsvHeader(Out(), {.bom = options_.bom, .raw = options_.csv_raw});
  }
  if (options_.format == "impact-csv") WriteImpactHeader(Out(), Impact(options_, nullptr));
  return core::Status::Ok();
}

core::Status ReviewSink::Add(core::Review review) {
  const std::string described = DescribeReview(review);
  const std::size_t recommendations = review.recommendations.size();
  if (!options_.out_dir.empty()) {
    const auto path = std::filesystem::path(options_.out_dir) / FileName(review, *format_);
    std::vector<core::Review> one;
    one.push_back(std::move(review));  // the writers take a batch; this one is moved, not copied
    core::Status s = WriteReviews(options_, path.string(), one, {});
    if (s.ok()) written_.push_back({path.string(), {described}, recommendations, ""});
    return s;
  }
  one_.reviews.push_back(described);
  one_.recommendations += recommendations;
  if (format_->whole_batch) {
    held_.push_back(std::move(review));
    return core::Status::Ok();
  }
  if (json_) return json_->Add(review);
  if (sqlite_) {
    sqlite_written_.insert(ReviewId(review));
    return sqlite_->Add(review);
  }
  if (options_.format == "jsonl") WriteJsonl(Out(), review);
  if (options_.format == "csv") {
    WriteCsvRows(Out(), review, {.bom = options_.bom, .raw = options_.csv_raw});
  }
  if (options_.format == "impact-csv") {
    WriteImpactRows(Out(), review, Impact(options_, &*impact_categories_));
  }
  return core::Status::Ok();
}

core::Status ReviewSink::Finish(const std::vector<core::FileError>& errors) {
  if (!options_.out_dir.empty()) {
    if (errors.empty()) return core::Status::Ok();
    const auto path = (std::filesystem::path(options_.out_dir) / "errors.json").string();
    core::Status s = WriteFileAtomically(path, OutputToJson({}, errors).dump(2) + "\n");
    if (s.ok()) {
      written_.push_back({path, {}, 0, std::to_string(errors.size()) + " inputs with no review"});
    }
    return s;
  }
  one_.path = ToStdout(options_.output) ? "-" : options_.output;
  core::Status s = core::Status::Ok();
  if (format_->whole_batch) {
    s = WriteReviews(options_, options_.output, held_, errors);
  } else if (sqlite_) {
    // The database commits itself (a copy renamed into place), so no file_ to commit here.
    if (options_.before_sqlite_commit) s = options_.before_sqlite_commit(*sqlite_, sqlite_written_);
    if (s.ok()) s = sqlite_->Commit(errors);
    if (s.ok()) written_.push_back(std::move(one_));
    return s;
  } else if (json_) {
    s = json_->Finish(Out(), errors);
  }
  if (s.ok() && to_stdout_) std::cout.flush();
  if (s.ok() && !to_stdout_ && !format_->whole_batch) s = file_.Commit();
  if (s.ok()) written_.push_back(std::move(one_));
  return s;
}

}  // namespace uprx::pipeline
