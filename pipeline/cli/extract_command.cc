// uprx extract: read -> normalise -> identify -> extract -> join -> write JSON.
#include <unistd.h>

#include <boost/program_options.hpp>
#include <filesystem>
#include <iostream>
#include <thread>

#include "classifiers/review_classifier.h"
#include "extractors/identifier.h"
#include "extractors/read_limits.h"
#include "extractors/state_resolver.h"
#include "pipeline/cli/command_line.h"
#include "pipeline/cli/commands.h"
#include "pipeline/compare/compare_sqlite.h"
#include "pipeline/run/batch.h"

namespace uprx::pipeline {
namespace po = boost::program_options;
namespace {

constexpr const char* kRunHelp =
    R"(uprx run - the whole pipeline over a folder of UPR documents, one JSON file per review

Usage: uprx run INPUT... [--out DIR | -o FILE] [--format FORMAT [--bom]] [--jobs N]
                [--state ISO3 --cycle N [--session N]]
                [--impact-framework N] [--impact-legacy] [--impact-categories FILE]
                [--model MODEL]... [--taxonomy-file FILE]... [--quiet]
                [--profile ISO3|auto|FILE [--overrides CSV] [--summary FILE.md|.csv|.tsv]]

Reads every document given (WG reports, addenda, OHCHR thematic lists; other documents are
named and skipped), joins the documents of each review (State under review and cycle) and
writes one <ISO3>-c<cycle>.json per review into DIR with --out, or every review to FILE with
-o (see "Where output goes" below). Each recommendation
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
  uprx run "Namibia - Draft report circulated on 6 May 2026.docx" --state NAM --cycle 4
  uprx run ../shared/corpora/slovenia --format jsonl -o slovenia.jsonl
  uprx run ../shared/corpora/slovenia/c4 --format xlsx --out committee/   # SVN-c4.xlsx
  uprx run ../shared/corpora/slovenia/c4 --format html -o slovenia-c4.html
  uprx run ../shared/corpora/slovenia/c4 --format impact-csv -o impact-import.csv
  uprx run ../shared/corpora/wg-reports --format sqlite -o upr.db   # run again: updates

Formats (--format): json (uprx/1, the default), jsonl (one recommendation per line), csv (one
row per recommendation and recommending State, UPR Info's columns first), xlsx (a workbook: an
overview, every recommendation, one sheet per lead institution with a planning block), html (a
self-contained report with charts, search and filters, to open or print), impact-csv (the
recommendations import file of the IMPACT OSS tracker: support_level, framework_id, the uprx id
as reference, links to the recommending State, issues, affected persons and SDGs through
--impact-categories; docs/impact.md), sqlite (one SQLite database for any number of reviews:
reviews, documents, recommendations, recommending States, positions and their history, labels
with evidence, ministries, and the matches between consecutive cycles of a State found in the
file; -o FILE adds to the file, a review run again replaces its rows; docs/sqlite.md). xlsx and html need -o FILE or --out DIR;
sqlite needs -o FILE (or --out DIR: one database per review).

Where output goes (the same rule for run and extract): to FILE with -o (- for standard
output), one file per review into DIR with --out. With neither, to standard output when it is
a pipe or a file (`uprx run x.pdf > x.json`), and one file per review into ./uprx-out/ when it
is a terminal. Every run ends with a line per file written on stderr (or, for 10 files or
more, their number and directory), saying what each holds: the recommendations, their
positions and the stage they come from (Working Group report, addendum, thematic list).

Spreadsheet safety (csv): a cell that begins with =, +, - or @ (or a tab or CR) is what a
spreadsheet runs as a formula; such cells are written with a single quote in front
('=HYPERLINK(...) shows as text). --csv-raw keeps them as they are, for tools that read the
CSV as data. impact-csv is always raw: IMPACT OSS's importer reads it as data.

Options)";

constexpr const char* kExtractHelp =
    R"(uprx extract - recommendations, recommending States and positions out of UPR documents

Usage: uprx extract INPUT... [-o FILE | --out DIR] [--format FORMAT [--bom]]
                    [--jobs N] [--quiet] [--state ISO3 --cycle N [--session N]]

INPUT is a file (PDF, DOCX or text; the format is read from the bytes, not the name), a
directory (read recursively) or - for standard input. Documents of the same review (State
under review and cycle) are joined into one review. Documents that are not UPR outcome
documents (national reports, HRC decisions, session reports) are named and skipped.
Draft WG reports (DOCX, as circulated to the State) are read like final ones, with status
"draft". A bare list of recommendation lines cut from a report names no review: give it with
--state ISO3 --cycle N (positions are then unknown unless the lines state them).

Output is JSON in the uprx/1 schema (see SCHEMA.md); --format jsonl writes one recommendation
per line, --format csv one row per recommendation and recommending State (UPR Info's columns
first; --bom for Excel; cells a spreadsheet would run as formulas start with a single quote
unless --csv-raw). To FILE with -o, or one file per review named <ISO3>-c<cycle>.<format> in
DIR with --out (files that produced nothing are then listed in DIR/errors.json). With neither:
to standard output when it is a pipe or a file, into ./uprx-out/ on a terminal, as `uprx run`.
The run ends with the files it wrote on stderr.

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

Formats (--format): json, jsonl, csv, xlsx, html, impact-csv, sqlite; see `uprx run --help`.
With --out DIR the files are named <ISO3>-c<cycle>.json, .jsonl, .csv, .xlsx, .html,
.impact.csv, .sqlite.

Options)";

struct ExtractArgs {
  std::vector<std::string> inputs;
  std::string output, out_dir;
  std::string format = "json";  // a name in kFormats
  int jobs = 0;
  bool quiet = false;
  bool bom = false;      // csv only
  bool csv_raw = false;  // csv: no quote in front of formula-like cells
  bool impact_legacy = false;
  int impact_framework = 1;
  std::string impact_categories;
  bool classify = false;  // run: label every recommendation
  extractors::ReadLimits limits;
  classifiers::ClassifierOptions classifier;
  std::string overrides, summary;  // run --profile: manual decisions, per-institution table
  std::string state;               // --state: the review of bare recommendation lists
  int cycle = 0, session = 0;      // --cycle, --session (0: not given)
};

// Where output goes without -o or --out, for both commands: standard output when it is a pipe
// or a file, so `uprx extract x.pdf > x.json` and scripts keep working; one file per review in
// ./uprx-out/ on a terminal, where JSON would scroll past and a workbook cannot go.
void ApplyDefaultOutput(ExtractArgs& a) {
  if (!a.output.empty() || !a.out_dir.empty()) return;
  if (isatty(STDOUT_FILENO)) {
    a.out_dir = "uprx-out";
  } else {
    a.output = "-";
  }
}

// Why the format options cannot work together, or nullopt.
std::optional<std::string> CheckFormat(const ExtractArgs& a) {
  const OutputFormat* f = FindOutputFormat(a.format);
  if (!f) {
    return "--format must be json, jsonl, csv, xlsx, html, impact-csv or sqlite, not \"" +
           a.format + "\"";
  }
  if (a.bom && a.format != "csv" && a.format != "impact-csv") {
    return "--bom goes with --format csv or impact-csv";
  }
  if (a.csv_raw && a.format != "csv") return "--csv-raw goes with --format csv";
  if ((a.impact_legacy || a.impact_framework != 1 || !a.impact_categories.empty()) &&
      a.format != "impact-csv") {
    return "--impact-legacy, --impact-framework and --impact-categories go with --format "
           "impact-csv";
  }
  if (a.impact_framework < 1) return "--impact-framework must be a framework id (1 or more)";
  const bool to_stdout = a.output == "-";
  if (a.format == "sqlite" && to_stdout) {
    return "--format sqlite is written to a file: give -o FILE";
  }
  if (f->for_files && to_stdout && isatty(STDOUT_FILENO)) {
    return "--format " + a.format + " is written to a file: give -o FILE or --out DIR";
  }
  return std::nullopt;
}

// Why --state, --cycle and --session do not name a review, or nullopt.
std::optional<std::string> CheckReview(ExtractArgs& a) {
  for (char& ch : a.state) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  if (!a.state.empty() && !extractors::StateResolver::Default().ByIso3(a.state)) {
    return "--state " + a.state +
           " is not the ISO 3166-1 alpha-3 code of a UN member or observer State";
  }
  if (a.cycle < 0 || a.session < 0) return "--cycle and --session are positive numbers";
  if (a.session > 0) {
    const int of_session = *extractors::Identifier::CycleOfSession(a.session);
    if (a.cycle > 0 && a.cycle != of_session) {
      return "--session " + std::to_string(a.session) + " belongs to cycle " +
             std::to_string(of_session) + ", not " + std::to_string(a.cycle);
    }
    a.cycle = of_session;
  }
  if ((a.cycle > 0) != !a.state.empty()) return "--state and --cycle go together";
  return std::nullopt;
}

ReviewHint HintOf(const ExtractArgs& a) {
  ReviewHint hint;
  hint.iso3 = a.state;
  if (a.cycle > 0) hint.cycle = a.cycle;
  if (a.session > 0) hint.wg_session = a.session;
  return hint;
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
      "(self-contained report), impact-csv (IMPACT OSS recommendations import) or sqlite (one "
      "database for any number of reviews; -o FILE adds to it)")(
      "bom", po::bool_switch(&a.bom),
      "csv, impact-csv: start with a UTF-8 byte order mark (for Excel)")(
      "impact-framework", po::value(&a.impact_framework)->default_value(1)->value_name("N"),
      "impact-csv: the IMPACT framework id of every row (1 = human rights in IMPACT's seeds)")(
      "impact-legacy", po::bool_switch(&a.impact_legacy),
      "impact-csv: write \"accepted\" (true/false) instead of \"support_level\", for IMPACT "
      "instances older than August 2024")(
      "impact-categories", po::value(&a.impact_categories)->value_name("FILE"),
      "impact-csv: which IMPACT category each State, theme and SDG links to (an edited copy of "
      "pipeline/formats/data/impact_categories.tsv; see docs/impact.md)")(
      "csv-raw", po::bool_switch(&a.csv_raw),
      "csv: keep cells beginning with =, +, -, @ as they are (by default they get a ' in front "
      "so that a spreadsheet shows them as text, not as formulas)")(
      "jobs,j", po::value(&a.jobs)->default_value(0),
      "documents read in parallel (0 = one per core)")("quiet,q", po::bool_switch(&a.quiet),
                                                       "no progress or summary on stderr");
  AddLimitOptions(opts, a.limits);
  opts.add_options()("state", po::value(&a.state)->value_name("ISO3"),
                     "the State under review of documents that do not name it (bare "
                     "recommendation lists); with --cycle")(
      "cycle", po::value(&a.cycle)->value_name("N"), "the UPR cycle of such documents (1-4)")(
      "session", po::value(&a.session)->value_name("N"),
      "the Working Group session of such documents (optional)");
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
  ApplyDefaultOutput(a);
  if (auto usage = CheckFormat(a)) return UsageError(name, *usage);
  if (auto usage = CheckReview(a)) return UsageError(name, *usage);
  if (a.jobs <= 0) a.jobs = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  return std::nullopt;
}

}  // namespace

static int RunPipeline(const std::vector<std::string>& args, const std::string& name,
                       const char* help) {
  ExtractArgs a;
  if (auto code = ParseArgs(args, name, help, a)) return *code;
  // Built before any document is read, so that a bad taxonomy or model stops the run at once.
  std::optional<classifiers::ReviewClassifier> classifier;
  if (a.classify) {
    auto c = classifiers::ReviewClassifier::Create(a.classifier);
    if (!c.ok()) return InputFileError(name, c.status());
    classifier = std::move(c).value();
  }
  BatchOptions batch;
  batch.inputs = a.inputs;
  batch.sink.format = a.format;
  batch.sink.output = a.output;
  batch.sink.out_dir = a.out_dir;
  batch.sink.bom = a.bom;
  batch.sink.csv_raw = a.csv_raw;
  batch.sink.impact_legacy = a.impact_legacy;
  batch.sink.impact_framework = a.impact_framework;
  batch.sink.impact_categories = a.impact_categories;
  batch.jobs = a.jobs;
  batch.progress = !a.quiet && isatty(STDERR_FILENO);
  batch.limits = a.limits;
  batch.hint = HintOf(a);
  batch.classifier = &classifier;
  batch.overrides = a.overrides;
  batch.summary = a.summary;
  // A database holding two cycles of a State gets their comparison (docs/sqlite.md).
  std::optional<CompareTerms> terms;
  std::optional<CompareModel> model;
  std::optional<Comparer> comparer;
  if (a.format == "sqlite") {
    core::Result<CompareTerms> loaded = CompareTerms::LoadDefault();
    core::Result<CompareModel> learned = CompareModel::LoadDefault();
    for (const core::Status* s : {&loaded.status(), &learned.status()}) {
      if (!s->ok()) {
        std::cerr << "uprx " << name << ": " << s->ToString() << "\n";
        return 1;
      }
    }
    terms = std::move(loaded).value();
    model = std::move(learned).value();
    comparer.emplace(*terms, *model);
    batch.sink.before_sqlite_commit = [&](SqliteWriter& db, const std::set<std::string>& written) {
      core::Result<int> compared = CompareCyclesInSqlite(db, *comparer, written);
      return compared.ok() ? core::Status::Ok() : compared.status();
    };
  }
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
    ReportWritten(r.written, std::cerr);
  }
  return r.failed ? 1 : 0;
}

int RunExtractCommand(const std::vector<std::string>& args) {
  return RunPipeline(args, "extract", kExtractHelp);
}

int RunRunCommand(const std::vector<std::string>& args) {
  return RunPipeline(args, "run", kRunHelp);
}

}  // namespace uprx::pipeline
