// uprx eval-labels: the action category of the UPR Info texts against UPR Info's own coding.
#include <boost/program_options.hpp>
#include <chrono>
#include <iostream>

#include "classifiers/action_classifier.h"
#include "classifiers/label_metrics.h"
#include "pipeline/command_line.h"
#include "pipeline/commands.h"
#include "pipeline/uprinfo_label_rows.h"

namespace uprx::pipeline {
namespace po = boost::program_options;
namespace {

constexpr const char* kEvalLabelsHelp =
    R"(uprx eval-labels - how well the classifiers agree with UPR Info's labels

Usage: uprx eval-labels --uprinfo DIR --taxonomy action [--model MODEL] [--sessions 17-20]

Classifies the Text of every UPR Info row of the WG sessions asked for and compares the result
with the row's label: accuracy, precision, recall and F1 per label, and the confusion matrix
(rows: UPR Info's label, columns: ours). The rules alone are always reported; with --model
(from `uprx train`) the rules and the model together are reported beside them.

Train on sessions 1-16 and evaluate on 17-20 (the defaults of both commands), so that no row
scored here was seen in training.

Examples:
  uprx eval-labels --uprinfo ../shared/corpora/labels/uprinfo --taxonomy action
  uprx train --labels ../shared/corpora/labels/uprinfo --taxonomy action -o action.model
  uprx eval-labels --uprinfo ../shared/corpora/labels/uprinfo --taxonomy action \
      --model action.model

Options)";

struct EvalLabelsArgs {
  std::string uprinfo, taxonomy, model, sessions = "17-20";
  bool examples = false;
};

std::optional<int> Parse(const std::vector<std::string>& args, EvalLabelsArgs& a) {
  po::options_description opts(kEvalLabelsHelp);
  opts.add_options()("help,h", "show this help")(
      "uprinfo", po::value(&a.uprinfo), "UPR Info export: a CSV file or a directory of them")(
      "taxonomy", po::value(&a.taxonomy), "what to score: action")("model", po::value(&a.model),
                                                                   "model file from `uprx train`")(
      "sessions", po::value(&a.sessions)->default_value(a.sessions),
      "WG sessions scored: N, N-M or all")("examples", po::bool_switch(&a.examples),
                                           "print every disagreement (gold, ours, text)");
  if (auto exit_code = ParseCommandLine(args, "eval-labels", opts)) return *exit_code;
  if (a.uprinfo.empty() || a.taxonomy != "action") {
    return UsageError("eval-labels", "give --uprinfo and --taxonomy action");
  }
  return std::nullopt;
}

// Scores `classify` over the texts and prints the report under `title`.
template <typename Classify>
void Score(const std::string& title, const std::vector<classifiers::LabelledText>& texts,
           bool examples, Classify classify) {
  classifiers::LabelMetrics metrics({"1", "2", "3", "4", "5"});
  const auto start = std::chrono::steady_clock::now();
  for (const classifiers::LabelledText& t : texts) {
    const classifiers::ActionLabel label = classify(t.text);
    const std::string predicted = std::to_string(label.category);
    metrics.Add(t.label, predicted);
    if (examples && predicted != t.label) {
      std::cout << t.label << "\t" << predicted << "\t" << t.text << "\n";
    }
  }
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
  std::cout << "== " << title << ": "
            << static_cast<double>(texts.size()) / std::max(took.count(), 1e-9)
            << " texts/s on one thread\n"
            << metrics.Report() << "\n";
}

}  // namespace

int RunClassifyEvalCommand(const std::vector<std::string>& args) {
  EvalLabelsArgs a;
  if (auto code = Parse(args, a)) return *code;
  auto range = ParseSessionRange(a.sessions);
  if (!range.ok()) {
    std::cerr << "uprx eval-labels: " << range.status().message() << "\n";
    return 2;
  }
  auto rows = LoadLabelledRows(a.uprinfo);
  auto taxonomy = classifiers::Taxonomy::LoadEmbedded("action.tsv");
  for (const core::Status& s : {rows.status(), taxonomy.status()}) {
    if (!s.ok()) {
      std::cerr << "uprx eval-labels: " << s.ToString() << "\n";
      return 1;
    }
  }
  std::optional<classifiers::LinearModel> model;
  if (!a.model.empty()) {
    auto loaded = classifiers::LinearModel::LoadFile(a.model);
    if (!loaded.ok()) {
      std::cerr << "uprx eval-labels: " << loaded.status().ToString() << "\n";
      return 1;
    }
    model = std::move(loaded).value();
  }
  auto classifier = classifiers::ActionClassifier::Create(taxonomy.value(), std::move(model));
  if (!classifier.ok()) {
    std::cerr << "uprx eval-labels: " << classifier.status().ToString() << "\n";
    return 1;
  }
  std::vector<classifiers::LabelledText> texts;
  for (const LabelledRow& r : rows.value()) {
    if (range.value().Contains(r.session) && r.action.size() == 1 && r.action >= "1" &&
        r.action <= "5") {
      texts.push_back({r.text, r.action});
    }
  }
  const classifiers::ActionClassifier& c = classifier.value();
  std::cout << "action category, UPR Info sessions " << a.sessions << " (taxonomy "
            << taxonomy.value().version() << ")\n\n";
  Score("rules alone", texts, a.examples && !c.has_model(),
        [&](std::string_view t) { return c.ClassifyByRules(t); });
  if (c.has_model()) {
    Score("rules + model", texts, a.examples, [&](std::string_view t) { return c.Classify(t); });
  }
  return 0;
}

}  // namespace uprx::pipeline
