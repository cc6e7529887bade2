// uprx train: labelled texts -> a model file that `--model` gives to the classifiers.
#include <boost/program_options.hpp>
#include <chrono>
#include <fstream>
#include <iostream>

#include "classifiers/action_classifier.h"
#include "pipeline/command_line.h"
#include "pipeline/commands.h"
#include "pipeline/uprinfo_label_rows.h"

namespace uprx::pipeline {
namespace po = boost::program_options;
namespace {

constexpr const char* kTrainHelp =
    R"(uprx train - learn a classifier model from labelled recommendations

Usage: uprx train --labels FILE|DIR --taxonomy action -o MODEL [--sessions 1-16]

Reads labelled rows in the UPR Info export format (CSV with the columns Text, Action, Session
and others; UTF-8 or Mac Roman, any line ending; a directory means every *.csv in it), keeps
the rows of the WG sessions asked for, and trains a linear model (averaged perceptron) over
the first words, the words and word pairs of each text, and the decision of the taxonomy's
rules. The model is a text file that the commands which classify read with --model MODEL
(e.g. `uprx eval-labels --model MODEL`); it fits the taxonomy version it was trained with.

The default sessions are 1-16 so that sessions 17-20, on which `uprx eval-labels` reports,
are never trained on; give --sessions all to train on every row of your own labels.

Taxonomies: action (the 1-5 action category, column Action).

Examples:
  uprx train --labels ../shared/corpora/labels/uprinfo --taxonomy action -o action.model
  uprx train --labels my-labels.csv --taxonomy action --sessions all -o mine.model

Options)";

struct TrainArgs {
  std::string labels, taxonomy, output, sessions = "1-16";
  int epochs = classifiers::TrainOptions().epochs;
};

std::optional<int> Parse(const std::vector<std::string>& args, TrainArgs& a) {
  po::options_description opts(kTrainHelp);
  opts.add_options()("help,h", "show this help")("labels", po::value(&a.labels),
                                                 "labelled CSV file, or a directory of them")(
      "taxonomy", po::value(&a.taxonomy), "what to learn: action")("output,o", po::value(&a.output),
                                                                   "model file to write")(
      "sessions", po::value(&a.sessions)->default_value(a.sessions),
      "WG sessions trained on: N, N-M or all")(
      "epochs", po::value(&a.epochs)->default_value(a.epochs), "passes over the training rows");
  if (auto exit_code = ParseCommandLine(args, "train", opts)) return *exit_code;
  if (a.labels.empty() || a.output.empty() || a.taxonomy != "action") {
    return UsageError("train", "give --labels, --taxonomy action and -o MODEL");
  }
  return std::nullopt;
}

}  // namespace

int RunTrainCommand(const std::vector<std::string>& args) {
  TrainArgs a;
  if (auto code = Parse(args, a)) return *code;
  auto range = ParseSessionRange(a.sessions);
  if (!range.ok()) {
    std::cerr << "uprx train: " << range.status().message() << "\n";
    return 2;
  }
  auto rows = LoadLabelledRows(a.labels);
  auto classifier = classifiers::ActionClassifier::CreateDefault();
  for (const core::Status& s : {rows.status(), classifier.status()}) {
    if (!s.ok()) {
      std::cerr << "uprx train: " << s.ToString() << "\n";
      return 1;
    }
  }
  std::vector<classifiers::LabelledText> examples;
  for (const LabelledRow& r : rows.value()) {
    if (range.value().Contains(r.session) && r.action.size() == 1 && r.action >= "1" &&
        r.action <= "5") {
      examples.push_back({r.text, r.action});
    }
  }
  if (examples.empty()) {
    std::cerr << "uprx train: no row with an Action of 1-5 in sessions " << a.sessions << " of "
              << a.labels << "\n";
    return 1;
  }
  const auto start = std::chrono::steady_clock::now();
  classifiers::LinearModel model =
      classifiers::TrainActionModel(classifier.value(), examples, {.epochs = a.epochs});
  model.metadata().emplace_back("sessions", a.sessions);
  std::ofstream out(a.output, std::ios::binary);
  out << model.Serialize();
  if (!out.flush()) {
    std::cerr << "uprx train: " << a.output << ": cannot write the model\n";
    return 1;
  }
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
  std::cerr << "uprx train: " << examples.size() << " rows of sessions " << a.sessions
            << ", trained in " << took.count() << " s, written to " << a.output << "\n";
  return 0;
}

}  // namespace uprx::pipeline
