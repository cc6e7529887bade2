// `uprx eval --compare-gold FILE --old A.json --new B.json ...`: flags, read, evaluate, print.
// The evaluation itself is in compare_eval.{h,cc}.
#include <boost/program_options.hpp>
#include <cstdio>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "pipeline/cli/command_line.h"
#include "pipeline/eval/compare_eval.h"
#include "pipeline/formats/review_reader.h"

namespace uprx::pipeline {
namespace {

namespace po = boost::program_options;

constexpr const char* kUsage =
    R"(Usage: uprx eval --compare-gold GOLD.tsv --old OLD.json --new NEW.json [--old ... --new ...]

Scores `uprx compare` on judged pairs of recommendations (corpora/compare_gold.tsv): precision
and recall of "repeated" (gold: same or partial; strict: same only) at --threshold, the
trade-off at other thresholds, and every gold pair the comparison gets wrong. Give one --old
and one --new per pair of reviews, in the same order.

Example:
  uprx run ../shared/corpora/slovenia --out svn
  uprx extract ../shared/corpora/wg-reports/cambodia2010.pdf -o khm-c1.json
  uprx extract ../shared/corpora/wg-reports/cambodia2014.pdf -o khm-c2.json
  uprx eval --compare-gold corpora/compare_gold.tsv --old svn/SVN-c3.json --new svn/SVN-c4.json \
      --old khm-c1.json --new khm-c2.json

Options)";

const std::vector<double> kCurve = {0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8};

struct Options {
  std::string gold;
  std::vector<std::string> olds, news;
  double threshold = kDefaultRepeatThreshold;
  bool json = false;
};

std::string Figure(std::optional<double> v) {
  if (!v) return "NA";
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%.3f", *v);
  return buffer;
}

void PrintRow(const ThresholdScore& t, const ThresholdScore& strict) {
  std::printf("  %9.2f  %9s  %6s  %5s  %4zu %4zu %4zu %4zu  | %9s  %6s\n", t.threshold,
              Figure(t.precision()).c_str(), Figure(t.recall()).c_str(), Figure(t.f1()).c_str(),
              t.true_positives, t.false_positives, t.false_negatives, t.true_negatives,
              Figure(strict.precision()).c_str(), Figure(strict.recall()).c_str());
}

void PrintText(const CompareEvaluation& e, double threshold) {
  std::printf("Compare gold set: %zu pairs, %zu scored (%zu same or partial, %zu same)\n", e.gold,
              e.scored, e.positives, e.strict_positives);
  std::printf(
      "\n  threshold  precision  recall     F1    TP   FP   FN   TN  |    strict: P       R\n");
  for (std::size_t i = 0; i < e.curve.size(); ++i) PrintRow(e.curve[i], e.strict_curve[i]);
  std::printf("\nAt threshold %.2f:\n", threshold);
  PrintRow(e.at_threshold, e.strict_at_threshold);
  std::printf(
      "\nDisagreements at %.2f (FN: judged a repeat, not matched; FP: matched, judged "
      "different):\n",
      threshold);
  for (const ScoredGoldPair& p : e.pairs) {
    const bool positive = p.gold->label != "different";
    if (positive == p.predicted) continue;
    std::printf("  %s %.3f %-16s %-16s %-9s %s\n", positive ? "FN" : "FP", p.score,
                p.gold->old_id.c_str(), p.gold->new_id.c_str(), p.gold->label.c_str(),
                p.gold->reason.c_str());
  }
  for (const std::string& u : e.unscored)
    std::printf("  unscored (ids not found): %s\n", u.c_str());
}

nlohmann::json ScoreJson(const ThresholdScore& t) {
  const auto or_null = [](std::optional<double> v) { return v ? nlohmann::json(*v) : nullptr; };
  return {{"threshold", t.threshold},
          {"precision", or_null(t.precision())},
          {"recall", or_null(t.recall())},
          {"f1", or_null(t.f1())},
          {"true_positives", t.true_positives},
          {"false_positives", t.false_positives},
          {"false_negatives", t.false_negatives},
          {"true_negatives", t.true_negatives}};
}

void PrintJson(const CompareEvaluation& e) {
  nlohmann::json j = {{"gold", e.gold},
                      {"scored", e.scored},
                      {"positives", e.positives},
                      {"strict_positives", e.strict_positives},
                      {"at_threshold", ScoreJson(e.at_threshold)},
                      {"strict_at_threshold", ScoreJson(e.strict_at_threshold)},
                      {"curve", nlohmann::json::array()},
                      {"strict_curve", nlohmann::json::array()},
                      {"unscored", e.unscored}};
  for (const auto& t : e.curve) j["curve"].push_back(ScoreJson(t));
  for (const auto& t : e.strict_curve) j["strict_curve"].push_back(ScoreJson(t));
  std::cout << j.dump(2) << "\n";
}

// Reads every file into `store`; false after naming the file that failed.
bool ReadAll(const std::vector<std::string>& paths,
             std::vector<std::unique_ptr<ReviewFile>>& store) {
  for (const std::string& path : paths) {
    core::Result<ReviewFile> file = ReadReviewsJson(path);
    if (!file.ok() || file.value().reviews.size() != 1) {
      std::cerr << "uprx eval: "
                << (file.ok() ? path + ": expected one review" : file.status().ToString()) << "\n";
      return false;
    }
    store.push_back(std::make_unique<ReviewFile>(std::move(file).value()));
  }
  return true;
}

}  // namespace

int RunCompareEvalCommand(const std::vector<std::string>& args) {
  Options o;
  po::options_description d(kUsage, 100);
  d.add_options()("help,h", "show this help")(
      "compare-gold", po::value(&o.gold)->value_name("FILE"), "judged pairs (TSV)")(
      "old", po::value(&o.olds)->value_name("FILE"), "older review (uprx/1), repeatable")(
      "new", po::value(&o.news)->value_name("FILE"), "newer review (uprx/1), repeatable")(
      "threshold", po::value(&o.threshold)->value_name("X"), "the chosen threshold (default 0.35)")(
      "json", po::bool_switch(&o.json), "print the figures as JSON");
  if (auto exit_code = ParseCommandLine(args, "eval", d)) return *exit_code;
  if (o.gold.empty() || o.olds.empty() || o.olds.size() != o.news.size()) {
    return UsageError("eval", "--compare-gold FILE and as many --old as --new files are needed");
  }
  const core::Result<std::vector<GoldPair>> gold = ReadCompareGold(o.gold);
  const core::Result<CompareTerms> terms = CompareTerms::LoadDefault();
  for (const core::Status* s : {&gold.status(), &terms.status()}) {
    if (!s->ok()) {
      std::cerr << "uprx eval: " << s->ToString() << "\n";
      return 1;
    }
  }
  std::vector<std::unique_ptr<ReviewFile>> olds, news;
  if (!ReadAll(o.olds, olds) || !ReadAll(o.news, news)) return 1;
  std::vector<ReviewPair> pairs;
  for (std::size_t i = 0; i < olds.size(); ++i) {
    pairs.push_back({&olds[i]->reviews[0], &news[i]->reviews[0]});
  }
  const core::Result<CompareEvaluation> e =
      EvaluateCompare(gold.value(), pairs, terms.value(), kCurve, o.threshold);
  if (!e.ok()) {
    std::cerr << "uprx eval: " << e.status().ToString() << "\n";
    return 1;
  }
  if (o.json) {
    PrintJson(e.value());
  } else {
    PrintText(e.value(), o.threshold);
  }
  return 0;
}

}  // namespace uprx::pipeline
