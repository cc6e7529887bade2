// uprx extract: read -> normalise -> identify -> extract -> join -> write JSON.
#include <unistd.h>

#include <boost/program_options.hpp>
#include <filesystem>
#include <iostream>
#include <thread>

#include "classifiers/review_classifier.h"
#include "extractors/read_limits.h"
#include "pipeline/cli/command_line.h"
#include "pipeline/cli/commands.h"
#include "pipeline/run/batch.h"

namespace uprx::pipeline {
namespace po = boost::program_options;
namespace {

constexpr const char* kRunHelp =
    R"(uprx run - the whole pipeline over a folder of UPR documents, one JSON file per review

Usage: uprx run INPUT... [--out DIR | -o FILE] [--format FORMAT [--bom]] [--jobs N]
                [--model MODEL]... [--taxonomy-file FILE]... [--quiet]
                [--profile ISO3|auto|FILE [--overrides CSV] [--summary FILE.md|.csv|.tsv]]

Reads every document given (WG reports, addenda, OHCHR thematic lists; other documents are
named and skipped), joins the documents of each review (State under review and cycle) and
writes one <ISO3>-c<cycle>.json per review into DIR (default: uprx-out). Each recommendation
carries its final position, the source it came from, the positions it replaced, and its labels
(UHRI themes and affected persons, UPR Info issues, action category, SDGs; see `uprx taxonomy
list`), each with score, method and evidence. `uprx extract` is the same without labels.

Memory does not grow with the batch: each finished document waits in an unnamed temporary
file under $TMPDIR (else /tmp) until its review is joined, and reviews are written one by one
(only --format xlsx or html to one file holds them all).

Exit status: 0 all inputs read, 1 some inputs could not be read (each is named on stderr with
the reason, and the others are still written), 2 usage error, or a --taxonomy-file, --model or
--profile file that cannot be used (named as file:line: why; no input is read).

Examples:
  uprx run ../shared/corpora/slovenia --out out/slovenia
  uprx run report.pdf addendum.pdf thematic-list.docx -o review.json
  uprx run ../shared/corpora/slovenia --format jsonl -o slovenia.jsonl
  uprx run ../shared/corpora/slovenia/c4 --format xlsx --out committee/   # SVN-c4.xlsx
  uprx run ../shared/corpora/slovenia/c4 --format html -o slovenia-c4.html
  uprx run ../shared/corpora/slovenia/c4 --format impact-csv -o impact-import.csv

Formats (--format): json (uprx/1, the default), jsonl (one recommendation per line), csv (one
row per recommendation and recommending State, UPR Info's columns first), xlsx (a workbook: an
overview, every recommendation, one sheet per lead institution with a planning block), html (a
self-contained report with charts, search and filters, to open or print), impact-csv (the
recommendations import file of the IMPACT OSS tracker). xlsx and html need -o FILE or --out
DIR; they are not written to a terminal.

Options)";

constexpr const char* kExtractHelp =
    R"(uprx extract - recommendations, recommending States and positions out of UPR documents

Usage: uprx extract INPUT... [-o FILE | --out DIR] [--format FORMAT [--bom]]
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

Finished documents wait in an unnamed temporary file under $TMPDIR (else /tmp) until their
review is joined, so memory stays flat over any number of inputs.

Exit status: 0 all inputs read, 1 some inputs could not be read (each is named on stderr with
the reason, and the others are still written), 2 usage error.

Examples:
  uprx extract ../shared/corpora/wg-reports/cambodia2014.pdf -o cambodia2014.json
  uprx extract ../shared/corpora/wg-reports --out out/ --jobs 2
  uprx extract cambodia2014.pdf --format csv --bom -o cambodia2014.csv
  uprx extract cambodia2014.pdf --format xlsx -o cambodia2014.xlsx
  uprx extract cambodia2014.pdf --format html -o cambodia2014.html

Formats (--format): json, jsonl, csv, xlsx, html, impact-csv; see `uprx run --help`. With
--out DIR the files are named <ISO3>-c<cycle>.json, .jsonl, .csv, .xlsx, .html, .impact.csv.

Options)";

struct ExtractArgs {
  std::vector<std::string> inputs;
  std::string output, out_dir;
  std::string format = "json";  // a name in kFormats
  int jobs = 0;
  bool quiet = false;
  bool bom = false;       // csv only
  bool classify = false;  // run: label every recommendation
  extractors::ReadLimits limits;
  classifiers::ClassifierOptions classifier;
  std::string overrides, summary;  // run --profile: manual decisions, per-institution table
};

// Why the format options cannot work together, or nullopt. `run` without -o writes to a directory.
std::optional<std::string> CheckFormat(const ExtractArgs& a, const std::string& command) {
  const OutputFormat* f = FindOutputFormat(a.format);
  if (!f) {
    return "--format must be json, jsonl, csv, xlsx, html or impact-csv, not \"" + a.format + "\"";
  }
  if (a.bom && a.format != "csv" && a.format != "impact-csv") {
    return "--bom goes with --format csv or impact-csv";
  }
  const bool to_stdout =
      a.output == "-" || (a.output.empty() && a.out_dir.empty() && command != "run");
  if (f->for_files && to_stdout && isatty(STDOUT_FILENO)) {
    return "--format " + a.format + " is written to a file: give -o FILE or --out DIR";
  }
  return std::nullopt;
}

// The per-document limits (read_limits.h) as options; each document over one fails alone.
void AddLimitOptions(po::options_description& opts, extractors::ReadLimits& limits) {
  opts.add_options()("max-seconds", po::value(&limits.seconds)->default_value(300),
                     "give up a document that takes longer (0 = no limit)")(
      "max-mb", po::value<std::size_t>()->default_value(256)->notifier([&](std::size_t mb) {
        limits.max_bytes = mb << 20;
      }),
      "refuse input files larger than this, before reading them")(
      "max-pages", po::value(&limits.max_pages)->default_value(limits.max_pages),
      "refuse documents with more pages")(
      "max-text-mb", po::value<double>()->default_value(256)->notifier([&](double mb) {
        limits.max_text_bytes = static_cast<std::size_t>(std::max(0.0, mb) * (1 << 20));
      }),
      "refuse documents whose text is larger (bounds the memory one document takes)");
}

// Parses the options; returns an exit code when the command should stop here.
std::optional<int> ParseArgs(const std::vector<std::string>& args, const std::string& name,
                             const char* help, ExtractArgs& a) {
  po::options_description opts(help);
  opts.add_options()("help,h", "show this help")(
      "output,o", po::value(&a.output), "write all reviews to FILE (- for standard output)")(
      "out", po::value(&a.out_dir), "write one <ISO3>-c<cycle>.<format> per review into DIR")(
      "format", po::value(&a.format)->default_value("json"),
      "json (uprx/1), jsonl (one recommendation per line), csv (one row per recommendation and "
      "recommending State, UPR Info's columns first), xlsx (workbook for a committee), html "
      "(self-contained report) or impact-csv (IMPACT OSS recommendations import)")(
      "bom", po::bool_switch(&a.bom),
      "csv, impact-csv: start with a UTF-8 byte order mark (for Excel)")(
      "jobs,j", po::value(&a.jobs)->default_value(0),
      "documents read in parallel (0 = one per core)")("quiet,q", po::bool_switch(&a.quiet),
                                                       "no progress or summary on stderr");
  AddLimitOptions(opts, a.limits);
  if (name == "run") {
    a.classify = true;
    opts.add_options()("model", po::value(&a.classifier.model_paths)->composing(),
                       "a model from `uprx train` joined to its taxonomy's rules (repeatable)")(
        "taxonomy-file", po::value(&a.classifier.taxonomy_paths)->composing(),
        "a taxonomy file replacing the compiled-in one of its id (repeatable)")(
        "profile", po::value(&a.classifier.profile)->value_name("ISO3|auto|FILE"),
        "assign lead and supporting institutions (labels.ministries) with a government profile: "
        "KHM, auto (the State under review's, else functions only), generic or a .json file")(
        "overrides", po::value(&a.overrides)->value_name("CSV"),
        "with --profile: manual decisions (id,lead,supporting) applied after classification")(
        "summary", po::value(&a.summary)->value_name("FILE"),
        "with --profile: write the per-institution table (.md, .csv or .tsv)");
  }
  if (auto exit_code = ParseCommandLine(args, name, opts, &a.inputs)) return *exit_code;
  if (a.inputs.empty()) return UsageError(name, "no INPUT given");
  if ((!a.overrides.empty() || !a.summary.empty()) && a.classifier.profile.empty()) {
    return UsageError(name, "--overrides and --summary need --profile");
  }
  if (!a.output.empty() && !a.out_dir.empty()) {
    return UsageError(name, "give either -o FILE or --out DIR, not both");
  }
  if (auto usage = CheckFormat(a, name)) return UsageError(name, *usage);
  if (a.jobs <= 0) a.jobs = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  return std::nullopt;
}

}  // namespace

static int RunPipeline(const std::vector<std::string>& args, const std::string& name,
                       const char* help, const std::string& default_out_dir) {
  ExtractArgs a;
  if (auto code = ParseArgs(args, name, help, a)) return *code;
  // Built before any document is read, so that a bad taxonomy or model stops the run at once.
  std::optional<classifiers::ReviewClassifier> classifier;
  if (a.classify) {
    auto c = classifiers::ReviewClassifier::Create(a.classifier);
    if (!c.ok()) return InputFileError(name, c.status());
    classifier = std::move(c).value();
  }
  if (a.output.empty() && a.out_dir.empty()) a.out_dir = default_out_dir;
  BatchOptions batch;
  batch.inputs = a.inputs;
  batch.sink = {a.format, a.output, a.out_dir, a.bom};
  batch.jobs = a.jobs;
  batch.progress = !a.quiet && isatty(STDERR_FILENO);
  batch.limits = a.limits;
  batch.classifier = &classifier;
  batch.overrides = a.overrides;
  batch.summary = a.summary;
  auto result = RunBatch(batch, std::cerr);
  if (!result.ok()) {
    std::cerr << "uprx: " << result.status().message() << "\n";
    return 1;
  }
  const BatchResult& r = result.value();
  if (!a.quiet) {
    std::cerr << "uprx: " << r.inputs << " inputs, " << r.reviews << " reviews, "
              << r.recommendations << " recommendations; " << r.unreadable << " unreadable, "
              << r.not_outcome << " not outcome documents\n";
  }
  return r.failed ? 1 : 0;
}

int RunExtractCommand(const std::vector<std::string>& args) {
  return RunPipeline(args, "extract", kExtractHelp, "");
}

int RunRunCommand(const std::vector<std::string>& args) {
  return RunPipeline(args, "run", kRunHelp, "uprx-out");
}

}  // namespace uprx::pipeline
