// `uprx eval`: score extracted reviews against the UPR Info export. Flags, load, score, write;
// the matching itself is in uprinfo_eval.{h,cc}.
#include <algorithm>
#include <boost/program_options.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/cli/command_line.h"
#include "pipeline/cli/commands.h"
#include "pipeline/eval/compare_eval.h"
#include "pipeline/eval/ministry_eval.h"
#include "pipeline/eval/uprinfo_eval.h"
#include "pipeline/run/runner.h"

namespace uprx::pipeline {
namespace {

namespace po = boost::program_options;
namespace fs = std::filesystem;

constexpr const char* kUsage = R"(Usage: uprx eval --uprinfo DIR REVIEW.json... [OPTIONS]

Scores extracted recommendations against the UPR Info database export. Each review is compared
with the UPR Info rows of the same State under review and Working Group session: a row counts as
found when a recommendation of the same recommending State covers at least THRESHOLD of its
words (one row per recommendation and State, as UPR Info lists them). A directory given as input
is searched for *.json files.

Example:
  uprx extract ../shared/corpora/wg-reports/cambodia2014.pdf -o KHM-c2.json
  uprx eval --uprinfo ../shared/corpora/labels/uprinfo KHM-c2.json \
      --per-report reports.tsv --failures failures.tsv
  # then: sort -t$'\t' -k7,7g reports.tsv | head     (lowest recall first)

Options)";

struct Options {
  std::string uprinfo;
  std::vector<std::string> inputs;
  std::string per_report;
  std::string failures;
  double threshold = kDefaultMatchThreshold;
  bool json = false;
};

constexpr unsigned kHelpWidth = 100;

po::options_description Described(Options& o) {
  po::options_description d(kUsage, kHelpWidth);
  auto add = d.add_options();
  add("help,h", "show this help");
  add("uprinfo", po::value(&o.uprinfo)->value_name("DIR"),
      "directory of the UPR Info export (*.csv; voluntary pledges are skipped)");
  add("per-report", po::value(&o.per_report)->value_name("FILE"),
      "write one TSV line per review: file, sur, wg_session, gold, predicted, matched, recall, "
      "precision, matched_dice (mean token Dice of its matched pairs)");
  add("failures", po::value(&o.failures)->value_name("FILE"),
      "write a TSV of every unmatched gold row and predicted pair with its nearest candidate "
      "and that candidate's similarity");
  add("threshold", po::value(&o.threshold)->value_name("X"),
      "share of a UPR Info text's words that a recommendation of the same State must contain "
      "to match it (default 0.75)");
  add("json", po::bool_switch(&o.json), "print the summary as JSON");
  return d;
}

// Why the parsed options cannot be run, or "" when they can.
std::string CheckOptions(const Options& o) {
  if (o.uprinfo.empty()) return "--uprinfo DIR is required";
  if (o.inputs.empty()) return "no REVIEW.json given";
  if (!(o.threshold > 0 && o.threshold <= 1)) return "--threshold must be in (0, 1]";
  return "";
}

std::string Figure(std::optional<double> value) {
  if (!value) return "NA";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.4f", *value);
  return buffer;
}

std::string Session(const ReviewScore& s) {
  return s.wg_session ? std::to_string(*s.wg_session) : "NA";
}

// TSV cells are one line without tabs.
std::string Cell(std::string text) {
  for (char& c : text) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return text;
}

void WritePerReport(std::ostream& out, const std::vector<ReviewScore>& scores) {
  out << "file\tsur\twg_session\tgold\tpredicted\tmatched\trecall\tprecision\tmatched_dice"
         "\tsplit_covered\tsplit_aware_recall\n";
  for (const ReviewScore& s : scores) {
    out << Cell(s.file) << '\t' << s.sur << '\t' << Session(s) << '\t' << s.gold << '\t'
        << s.predicted << '\t' << s.matched << '\t' << Figure(s.recall()) << '\t'
        << Figure(s.precision()) << '\t' << Figure(s.mean_matched_dice()) << '\t' << s.split_covered
        << '\t' << Figure(s.split_aware_recall()) << '\n';
  }
}

void WriteItems(std::ostream& out, const ReviewScore& s, const char* kind,
                const std::vector<UnmatchedItem>& items) {
  for (const UnmatchedItem& item : items) {
    out << (item.split ? "gold_split" : kind) << '\t' << Cell(s.file) << '\t' << s.sur << '\t'
        << Session(s) << '\t' << Cell(item.state) << '\t' << Cell(item.id) << '\t'
        << Cell(item.text) << '\t' << Figure(item.best_similarity) << '\t' << Cell(item.best_state)
        << '\t' << Cell(item.best_text) << '\n';
  }
}

void WriteFailures(std::ostream& out, const std::vector<ReviewScore>& scores) {
  out << "kind\tfile\tsur\twg_session\tstate\tid\ttext\tbest_similarity\tbest_state\tbest_text\n";
  for (const ReviewScore& s : scores) {
    WriteItems(out, s, "gold", s.unmatched_gold);
    WriteItems(out, s, "predicted", s.unmatched_predicted);
    WriteItems(out, s, "position", s.position_disagreements);
  }
}

double Percent(std::size_t part, std::size_t whole) {
  return whole == 0 ? 0.0 : 100.0 * static_cast<double>(part) / static_cast<double>(whole);
}

void PrintText(const EvalSummary& m, double threshold) {
  std::printf("UPR Info evaluation (match: same State, gold coverage >= %.2f)\n", threshold);
  std::printf("  %-30s %zu\n", "reviews scored", m.reviews_scored);
  std::printf("  %-30s %zu\n", "reviews without gold", m.without_gold.size());
  std::printf("  %-30s %zu\n", "gold pairs", m.gold);
  std::printf("  %-30s %zu\n", "predicted pairs", m.predicted);
  std::printf("  %-30s %zu\n", "matched", m.matched);
  std::printf("  %-30s %.4f\n", "micro recall", m.micro_recall);
  std::printf("  %-30s %.4f\n", "micro precision", m.micro_precision);
  char complete_label[48];
  std::snprintf(complete_label, sizeof complete_label, "reviews with recall >= %.2f",
                kCompleteRecall);
  std::printf("  %-30s %zu of %zu (%.1f%%)\n", complete_label, m.complete, m.reviews_scored,
              Percent(m.complete, m.reviews_scored));
  std::printf("  %-30s %.4f (1: same words; lower: texts longer or shorter than UPR Info's)\n",
              "mean Dice of matched texts", m.mean_matched_dice);
  std::printf(
      "\nSplit-aware (a gold row also counts when a matched pair of the same State contains\n"
      "its words: UPR Info split one printed recommendation into several rows)\n");
  std::printf("  %-30s %zu\n", "gold rows split from a match", m.split_covered);
  std::printf("  %-30s %.4f\n", "split-aware recall", m.split_aware_recall);
  std::printf("  %-30s %zu of %zu (%.1f%%)\n", "reviews split-aware >= 0.98",
              m.complete_split_aware, m.reviews_scored,
              Percent(m.complete_split_aware, m.reviews_scored));
  if (!m.positions.empty()) {
    std::printf(
        "\nPositions of matched pairs against UPR Info's final Response\n"
        "(supported = Accepted; noted, supported_in_part = Noted), by the stage that set them\n");
    for (const auto& [stage, a] : m.positions) {
      std::printf("  %-30s %zu of %zu agree (%.1f%%)\n", (stage.empty() ? "?" : stage).c_str(),
                  a.agree, a.compared, Percent(a.agree, a.compared));
    }
  }
  std::printf("\nWorst reports (lowest F1):\n  %-7s %-9s %5s %5s %7s  %-4s %-7s %s\n", "recall",
              "precision", "gold", "pred", "matched", "sur", "session", "file");
  for (const ReviewScore* s : m.worst) {
    std::printf("  %-7s %-9s %5zu %5zu %7zu  %-4s %-7s %s\n", Figure(s->recall()).c_str(),
                Figure(s->precision()).c_str(), s->gold, s->predicted, s->matched, s->sur.c_str(),
                Session(*s).c_str(), s->file.c_str());
  }
  if (m.without_gold.empty()) return;
  std::printf("\nReviews with no UPR Info row for their State and session (not scored):\n");
  for (const ReviewScore* s : m.without_gold) {
    std::printf("  %-4s session %-4s %5zu predicted  %s\n", s->sur.c_str(), Session(*s).c_str(),
                s->predicted, s->file.c_str());
  }
}

nlohmann::json ReviewJson(const ReviewScore& s) {
  nlohmann::json j = {{"file", s.file},           {"sur", s.sur},
                      {"wg_session", nullptr},    {"gold", s.gold},
                      {"predicted", s.predicted}, {"matched", s.matched},
                      {"recall", nullptr},        {"precision", nullptr}};
  if (s.wg_session) j["wg_session"] = *s.wg_session;
  if (auto r = s.recall()) j["recall"] = *r;
  if (auto p = s.precision()) j["precision"] = *p;
  return j;
}

void PrintJson(const EvalSummary& m, double threshold) {
  nlohmann::json j = {{"threshold", threshold},
                      {"reviews_scored", m.reviews_scored},
                      {"gold", m.gold},
                      {"predicted", m.predicted},
                      {"matched", m.matched},
                      {"micro_recall", m.micro_recall},
                      {"micro_precision", m.micro_precision},
                      {"mean_matched_dice", m.mean_matched_dice},
                      {"complete_recall", kCompleteRecall},
                      {"reviews_complete", m.complete},
                      {"share_complete", Percent(m.complete, m.reviews_scored) / 100.0},
                      {"split_covered", m.split_covered},
                      {"split_aware_recall", m.split_aware_recall},
                      {"reviews_complete_split_aware", m.complete_split_aware},
                      {"worst", nlohmann::json::array()},
                      {"without_gold", nlohmann::json::array()}};
  for (const ReviewScore* s : m.worst) j["worst"].push_back(ReviewJson(*s));
  for (const ReviewScore* s : m.without_gold) j["without_gold"].push_back(ReviewJson(*s));
  std::cout << j.dump(2) << "\n";
}

// Writes a TSV report with `write`; false (and a message) when the file cannot be written.
template <typename Writer>
bool WriteFile(const std::string& path, const std::vector<ReviewScore>& scores, Writer write) {
  if (path.empty()) return true;
  std::ofstream out(path);
  if (out) write(out, scores);
  if (!out) std::cerr << "uprx eval: " << path << ": cannot write\n";
  return static_cast<bool>(out);
}

}  // namespace

int RunEvalCommand(const std::vector<std::string>& args) {
  // Scoring `uprx compare` on its gold pairs is its own mode, with its own options.
  for (const std::string& arg : args) {
    if (arg.rfind("--compare-gold", 0) == 0) return RunCompareEvalCommand(args);
  }
  // The ministries gold set is a different evaluation with its own options.
  for (const std::string& arg : args) {
    if (arg.rfind("--ministries-gold", 0) == 0) return RunMinistryEvalCommand(args);
  }
  Options o;
  if (auto exit_code = ParseCommandLine(args, "eval", Described(o), &o.inputs)) return *exit_code;
  if (const std::string usage = CheckOptions(o); !usage.empty()) return UsageError("eval", usage);
  core::Result<UprInfoLabels> labels = UprInfoLabels::LoadDirectory(o.uprinfo);
  if (!labels.ok()) {
    std::cerr << "uprx eval: " << labels.status().ToString() << "\n";
    return 1;
  }
  const UprInfoScorer scorer(labels.value(), o.threshold);
  std::vector<ReviewScore> scores;
  bool all_read = true;
  std::vector<core::FileError> missing;
  const std::vector<std::string> files = ExpandInputs(o.inputs, missing, ".json");
  for (const core::FileError& e : missing) {
    std::cerr << "uprx eval: " << e.message << "\n";
    all_read = false;
  }
  for (const std::string& file : files) {
    core::Result<std::vector<EvalReview>> reviews = ReadEvalReviews(file);
    if (!reviews.ok()) {
      std::cerr << "uprx eval: " << reviews.status().ToString() << "\n";
      all_read = false;
      continue;
    }
    for (const EvalReview& review : reviews.value()) scores.push_back(scorer.Score(review));
  }
  const EvalSummary summary = Summarize(scores);
  if (o.json) {
    PrintJson(summary, o.threshold);
  } else {
    PrintText(summary, o.threshold);
  }
  const bool per_report_written = WriteFile(o.per_report, scores, WritePerReport);
  const bool failures_written = WriteFile(o.failures, scores, WriteFailures);
  return all_read && per_report_written && failures_written ? 0 : 1;
}

}  // namespace uprx::pipeline
