// uprx extract: read -> normalise -> identify -> extract -> join -> write JSON.
#include <unistd.h>

#include <boost/program_options.hpp>
#include <filesystem>
#include <iostream>
#include <thread>

#include "pipeline/command_line.h"
#include "pipeline/commands.h"
#include "pipeline/csv_writer.h"
#include "pipeline/json_writer.h"
#include "pipeline/jsonl_writer.h"
#include "pipeline/review_join.h"
#include "pipeline/runner.h"

namespace uprx::pipeline {
namespace po = boost::program_options;
namespace {

constexpr const char* kRunHelp =
    R"(uprx run - the whole pipeline over a folder of UPR documents, one JSON file per review

Usage: uprx run INPUT... [--out DIR | -o FILE] [--format json|jsonl|csv [--bom]] [--jobs N]
                [--quiet]

Reads every document given (WG reports, addenda, OHCHR thematic lists; other documents are
named and skipped), joins the documents of each review (State under review and cycle) and
writes one <ISO3>-c<cycle>.json per review into DIR (default: uprx-out). Each recommendation
carries its final position, the source it came from, and the positions it replaced.

Exit status: 0 all inputs read, 1 some inputs could not be read (each is named on stderr with
the reason, and the others are still written), 2 usage error.

Examples:
  uprx run ../shared/corpora/slovenia --out out/slovenia
  uprx run report.pdf addendum.pdf thematic-list.docx -o review.json
  uprx run ../shared/corpora/slovenia --format jsonl -o slovenia.jsonl

Options)";

constexpr const char* kExtractHelp =
    R"(uprx extract - recommendations, recommending States and positions out of UPR documents

Usage: uprx extract INPUT... [-o FILE | --out DIR] [--format json|jsonl|csv [--bom]]
                    [--jobs N] [--quiet]

INPUT is a file (PDF, DOCX or text; the format is read from the bytes, not the name), a
directory (read recursively) or - for standard input. Documents of the same review (State
under review and cycle) are joined into one review. Documents that are not UPR outcome
documents (national reports, HRC decisions, session reports) are named and skipped.

Output is JSON in the uprx/1 schema (see SCHEMA.md); --format jsonl writes one recommendation
per line, --format csv one row per recommendation and recommending State (UPR Info's columns
first; --bom for Excel). To FILE with -o, to standard output without it, or one file per
review named <ISO3>-c<cycle>.<format> in DIR with --out (files that produced nothing are then
listed in DIR/errors.json).

Exit status: 0 all inputs read, 1 some inputs could not be read (each is named on stderr with
the reason, and the others are still written), 2 usage error.

Examples:
  uprx extract ../shared/corpora/wg-reports/cambodia2014.pdf -o cambodia2014.json
  uprx extract ../shared/corpora/wg-reports --out out/ --jobs 2
  uprx extract cambodia2014.pdf --format csv --bom -o cambodia2014.csv

Options)";

struct ExtractArgs {
  std::vector<std::string> inputs;
  std::string output, out_dir;
  std::string format = "json";  // json | jsonl | csv
  int jobs = 0;
  bool quiet = false;
  bool bom = false;  // csv only
};

// Parses the options; returns an exit code when the command should stop here.
std::optional<int> ParseArgs(const std::vector<std::string>& args, const std::string& name,
                             const char* help, ExtractArgs& a) {
  po::options_description opts(help);
  opts.add_options()("help,h", "show this help")(
      "output,o", po::value(&a.output), "write all reviews to FILE (- for standard output)")(
      "out", po::value(&a.out_dir), "write one <ISO3>-c<cycle>.<format> per review into DIR")(
      "format", po::value(&a.format)->default_value("json"),
      "json (uprx/1), jsonl (one recommendation per line) or csv (one row per recommendation and "
      "recommending State, UPR Info's columns first)")(
      "bom", po::bool_switch(&a.bom), "csv: start with a UTF-8 byte order mark (for Excel)")(
      "jobs,j", po::value(&a.jobs)->default_value(0),
      "documents read in parallel (0 = one per core)")("quiet,q", po::bool_switch(&a.quiet),
                                                       "no progress or summary on stderr");
  if (auto exit_code = ParseCommandLine(args, name, opts, &a.inputs)) return *exit_code;
  if (a.inputs.empty()) return UsageError(name, "no INPUT given");
  if (!a.output.empty() && !a.out_dir.empty()) {
    return UsageError(name, "give either -o FILE or --out DIR, not both");
  }
  if (a.format != "json" && a.format != "jsonl" && a.format != "csv") {
    return UsageError(name, "--format must be json, jsonl or csv, not \"" + a.format + "\"");
  }
  if (a.bom && a.format != "csv") return UsageError(name, "--bom goes with --format csv");
  if (a.jobs <= 0) a.jobs = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  return std::nullopt;
}

// The reviews in the chosen format. Only JSON carries `errors`: JSONL and CSV hold rows, and the
// inputs that produced nothing are named on stderr (and in DIR/errors.json with --out).
void WriteFormatted(const ExtractArgs& a, std::ostream& out,
                    const std::vector<core::Review>& reviews,
                    const std::vector<core::FileError>& errors) {
  if (a.format == "jsonl") return WriteJsonl(out, reviews);
  if (a.format == "csv") return WriteCsv(out, reviews, {.bom = a.bom});
  WriteJson(out, reviews, errors);
}

core::Status WriteOutputs(const ExtractArgs& a, const std::vector<core::Review>& reviews,
                          const std::vector<core::FileError>& errors) {
  if (a.out_dir.empty()) {
    if (a.output.empty() || a.output == "-") {
      WriteFormatted(a, std::cout, reviews, errors);
      return core::Status::Ok();
    }
    return WriteFileAtomically(a.output,
                               [&](std::ostream& out) { WriteFormatted(a, out, reviews, errors); });
  }
  std::error_code ec;
  std::filesystem::create_directories(a.out_dir, ec);
  if (ec) return core::Status("output_unwritable", a.out_dir + ": " + ec.message());
  for (const core::Review& r : reviews) {
    const std::string name = (r.sur_iso3.empty() ? std::string("UNK") : r.sur_iso3) + "-c" +
                             std::to_string(r.cycle.value_or(0)) + "." + a.format;
    const auto path = (std::filesystem::path(a.out_dir) / name).string();
    core::Status s =
        WriteFileAtomically(path, [&](std::ostream& out) { WriteFormatted(a, out, {r}, {}); });
    if (!s.ok()) return s;
  }
  if (errors.empty()) return core::Status::Ok();
  const auto path = (std::filesystem::path(a.out_dir) / "errors.json").string();
  return WriteFileAtomically(path, OutputToJson({}, errors).dump(2) + "\n");
}

}  // namespace

static int RunPipeline(const std::vector<std::string>& args, const std::string& name,
                       const char* help, const std::string& default_out_dir) {
  ExtractArgs a;
  if (auto code = ParseArgs(args, name, help, a)) return *code;
  if (a.output.empty() && a.out_dir.empty()) a.out_dir = default_out_dir;
  std::vector<core::FileError> errors;
  const std::vector<std::string> paths = ExpandInputs(a.inputs, errors);
  const std::size_t inputs = paths.size() + errors.size();
  bool failed = !errors.empty();
  for (const auto& e : errors) std::cerr << "uprx: " << e.message << "\n";

  const DocumentProcessor processor;
  const bool progress = !a.quiet && isatty(STDERR_FILENO);
  std::vector<ProcessedDocument> docs = RunDocuments(processor, paths, {a.jobs, progress});
  int skipped = 0;
  for (const ProcessedDocument& d : docs) {
    if (!d.error) continue;
    failed |= d.failed;
    skipped += !d.failed;
    std::cerr << "uprx: " << d.error->message << "\n";
    errors.push_back(*d.error);
  }
  const std::vector<core::Review> reviews = JoinReviews(std::move(docs));
  if (core::Status s = WriteOutputs(a, reviews, errors); !s.ok()) {
    std::cerr << "uprx: " << s.message() << "\n";
    return 1;
  }
  if (!a.quiet) {
    std::size_t recs = 0;
    for (const auto& r : reviews) recs += r.recommendations.size();
    std::cerr << "uprx: " << inputs << " inputs, " << reviews.size() << " reviews, " << recs
              << " recommendations; " << (errors.size() - static_cast<std::size_t>(skipped))
              << " unreadable, " << skipped << " not outcome documents\n";
  }
  return failed ? 1 : 0;
}

int RunExtractCommand(const std::vector<std::string>& args) {
  return RunPipeline(args, "extract", kExtractHelp, "");
}

int RunRunCommand(const std::vector<std::string>& args) {
  return RunPipeline(args, "run", kRunHelp, "uprx-out");
}

}  // namespace uprx::pipeline
