// uprx train: labelled texts -> a model file that `--model` gives to the classifiers.
#include <unistd.h>

#include <algorithm>
#include <boost/program_options.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "classifiers/action_classifier.h"
#include "classifiers/multi_label_classifier.h"
#include "pipeline/cli/command_line.h"
#include "pipeline/cli/commands.h"
#include "pipeline/compare/compare_text.h"
#include "pipeline/compare/compare_vectors.h"
#include "pipeline/eval/uprinfo_label_rows.h"

namespace uprx::pipeline {
namespace po = boost::program_options;
namespace {

constexpr const char* kTrainHelp =
    R"(uprx train - learn a classifier model from labelled recommendations

Usage: uprx train --labels FILE|DIR --taxonomy action|uprinfo|compare-vectors -o MODEL
                  [--sessions 1-16]

Reads labelled rows in the UPR Info export format (CSV with the columns Text, Action, Issue,
Session and others; UTF-8 or Mac Roman, any line ending; a directory means every *.csv in it),
keeps the rows of the WG sessions asked for, and trains a linear model over the words and word
pairs of each text and the taxonomy's rules:
  action   the 1-5 category (column Action): the mean of five averaged perceptrons that also
           see the rules' decision, the first words, the object of the first verb and the
           category of each later clause ("..., including by adopting a law").
  uprinfo  the 54 issues (column Issue): one logistic regression per issue that also sees the
           rules' votes, with per-issue thresholds chosen by cross-validation over the
           sessions trained on (folds by session).
  compare-vectors   no label is read: the word vectors `uprx compare` uses to see that two
           words mean nearly the same, learned from the texts alone with Debian's fastText
           (package fasttext; --fasttext names another binary) in one thread with a fixed
           seed, so the same texts give the same file. Writes the format of
           pipeline/compare/data/compare_vectors.tsv (rebuild uprx to embed it); every
           session is read unless --sessions says otherwise.
The model is a text file that the commands which classify read with --model MODEL (`uprx run`,
`uprx classify`, `uprx eval-labels`); it fits the taxonomy version it was trained with.

The default sessions are 1-16 so that sessions 17-20, on which `uprx eval-labels` reports,
are never trained on; give --sessions all to train on every row of your own labels.

Examples:
  uprx train --labels ../shared/corpora/labels/uprinfo --taxonomy action -o action.model
  uprx train --labels ../shared/corpora/labels/uprinfo --taxonomy uprinfo -o uprinfo.model
  uprx train --labels my-labels.csv --taxonomy action --sessions all -o mine.model
  uprx train --labels ../shared/corpora/labels/uprinfo --taxonomy compare-vectors \
      -o pipeline/compare/data/compare_vectors.tsv

Options)";

struct TrainArgs {
  std::string labels, taxonomy, output, sessions = "1-16", fasttext = "fasttext";
  int epochs = 0;  // 0: the learner's default
  std::string learner = "perceptron";
  double l2 = -1;  // < 0: the learner's default
};

std::optional<int> Parse(const std::vector<std::string>& args, TrainArgs& a) {
  po::options_description opts(kTrainHelp);
  opts.add_options()("help,h", "show this help")("labels", po::value(&a.labels),
                                                 "labelled CSV file, or a directory of them")(
      "taxonomy", po::value(&a.taxonomy), "what to learn: action or uprinfo")(
      "output,o", po::value(&a.output), "model file to write")(
      "sessions", po::value(&a.sessions)->default_value(a.sessions),
      "WG sessions trained on: N, N-M or all")(
      "epochs", po::value(&a.epochs)->default_value(a.epochs),
      "passes over the training rows (0: the default of the learner)")(
      "learner", po::value(&a.learner)->default_value(a.learner),
      "action: logistic (regression) or perceptron (averaged)")(
      "l2", po::value(&a.l2), "L2 penalty of the logistic learners (default: theirs)")(
      "fasttext", po::value(&a.fasttext)->default_value(a.fasttext),
      "compare-vectors: the fastText binary");
  if (auto exit_code = ParseCommandLine(args, "train", opts)) return *exit_code;
  if (a.learner != "logistic" && a.learner != "perceptron") {
    return UsageError("train", "--learner is logistic or perceptron");
  }
  if (a.labels.empty() || a.output.empty() ||
      (a.taxonomy != "action" && a.taxonomy != "uprinfo" && a.taxonomy != "compare-vectors")) {
    return UsageError("train",
                      "give --labels, --taxonomy action, uprinfo or compare-vectors, and -o MODEL");
  }
  return std::nullopt;
}

// Writes `serialized` to `path`; false (with a message) when it cannot.
bool Write(const std::string& path, const std::string& serialized) {
  std::ofstream out(path, std::ios::binary);
  out << serialized;
  if (!out.flush()) {
    std::cerr << "uprx train: " << path << ": cannot write the model\n";
    return false;
  }
  return true;
}

int TrainAction(const TrainArgs& a, const SessionRange& range,
                const std::vector<LabelledRow>& rows) {
  auto classifier = classifiers::ActionClassifier::CreateDefault();
  if (!classifier.ok()) {
    std::cerr << "uprx train: " << classifier.status().ToString() << "\n";
    return 1;
  }
  std::vector<classifiers::LabelledText> examples;
  for (const LabelledRow& r : rows) {
    if (range.Contains(r.session) && r.action.size() == 1 && r.action >= "1" && r.action <= "5") {
      examples.push_back({r.text, r.action});
    }
  }
  if (examples.empty()) {
    std::cerr << "uprx train: no row with an Action of 1-5 in sessions " << a.sessions << " of "
              << a.labels << "\n";
    return 1;
  }
  const auto start = std::chrono::steady_clock::now();
  classifiers::TrainOptions options;
  if (a.epochs > 0) options.epochs = a.epochs;
  if (a.l2 >= 0) options.l2 = a.l2;
  if (a.learner == "logistic") options.learner = classifiers::Learner::kLogistic;
  classifiers::LinearModel model =
      classifiers::TrainActionModel(classifier.value(), examples, options);
  model.metadata().emplace_back("sessions", a.sessions);
  if (!Write(a.output, model.Serialize())) return 1;
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
  std::cerr << "uprx train: " << examples.size() << " rows of sessions " << a.sessions
            << ", trained in " << took.count() << " s, written to " << a.output << "\n";
  return 0;
}

int TrainIssues(const TrainArgs& a, const SessionRange& range,
                const std::vector<LabelledRow>& rows) {
  auto taxonomy = classifiers::Taxonomy::LoadEmbedded("uprinfo.tsv");
  if (!taxonomy.ok()) {
    std::cerr << "uprx train: " << taxonomy.status().ToString() << "\n";
    return 1;
  }
  auto classifier = classifiers::MultiLabelClassifier::Create(taxonomy.value());
  if (!classifier.ok()) {
    std::cerr << "uprx train: " << classifier.status().ToString() << "\n";
    return 1;
  }
  std::vector<classifiers::MultiLabelledText> examples;
  std::size_t unknown = 0;
  for (const LabelledRow& r : rows) {
    if (!range.Contains(r.session) || r.issue_names.empty()) continue;
    classifiers::MultiLabelledText e{r.text, {}, r.session};
    for (const std::string& name : r.issue_names) {
      const classifiers::Label* l = taxonomy.value().FindLabelByName(name);
      if (l == nullptr) {
        ++unknown;
      } else {
        e.labels.push_back(l->id);
      }
    }
    examples.push_back(std::move(e));
  }
  if (examples.empty()) {
    std::cerr << "uprx train: no row with an Issue in sessions " << a.sessions << " of " << a.labels
              << "\n";
    return 1;
  }
  const auto start = std::chrono::steady_clock::now();
  classifiers::MultiLabelTrainOptions options;
  if (a.epochs > 0) options.epochs = a.epochs;
  if (a.l2 >= 0) options.l2 = a.l2;
  classifiers::MultiLabelModel model =
      classifiers::TrainMultiLabelModel(classifier.value(), examples, options);
  model.metadata().emplace_back("sessions", a.sessions);
  if (!Write(a.output, model.Serialize())) return 1;
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
  std::cerr << "uprx train: " << examples.size() << " rows of sessions " << a.sessions << " ("
            << unknown << " issue names not in the taxonomy), trained in " << took.count()
            << " s, written to " << a.output << "\n";
  return 0;
}

// fastText's parameters for the compare vectors: its skipgram defaults (100 dimensions, word
// n-grams of 3-6 characters, a window of 5) with more passes and rarer words kept, as the
// corpus is small (about 900,000 words); one thread and a fixed seed make the file repeatable.
constexpr const char* kFastTextArguments =
    "skipgram -dim 100 -epoch 10 -minCount 3 -thread 1 -seed 1 -verbose 0";

std::string Quoted(const std::string& s) {
  std::string out = "'";
  for (const char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

int TrainCompareVectors(const TrainArgs& a, const SessionRange& range,
                        const std::vector<LabelledRow>& rows) {
  const auto start = std::chrono::steady_clock::now();
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path work =
      fs::temp_directory_path(ec) / ("uprx-vectors-" + std::to_string(::getpid()));
  fs::create_directories(work, ec);
  if (ec) {
    std::cerr << "uprx train: " << work.string() << ": " << ec.message() << "\n";
    return 1;
  }
  const fs::path text = work / "texts.txt", base = work / "vectors";
  std::size_t texts = 0;
  {
    std::ofstream out(text, std::ios::binary);
    for (const LabelledRow& r : rows) {
      if (!range.Contains(r.session)) continue;
      const std::vector<std::string> words = NormalizedWords(r.text);
      if (words.empty()) continue;
      for (std::size_t i = 0; i < words.size(); ++i) out << (i ? " " : "") << words[i];
      out << '\n';
      ++texts;
    }
    if (!out.flush()) {
      std::cerr << "uprx train: " << text.string() << ": cannot write\n";
      return 1;
    }
  }
  if (texts == 0) {
    std::cerr << "uprx train: no text in sessions " << a.sessions << " of " << a.labels << "\n";
    return 1;
  }
  const std::string command = Quoted(a.fasttext) + " " + kFastTextArguments + " -input " +
                              Quoted(text.string()) + " -output " + Quoted(base.string());
  std::cerr << "uprx train: " << texts << " texts; running " << command << "\n";
  if (std::system(command.c_str()) != 0) {
    std::cerr << "uprx train: fastText failed (is it installed? apt-get install fasttext)\n";
    fs::remove_all(work, ec);
    return 1;
  }
  std::ifstream vec(base.string() + ".vec");
  std::vector<std::pair<std::string, std::vector<float>>> read;
  std::string line;
  std::getline(vec, line);  // "COUNT DIMS"
  while (std::getline(vec, line)) {
    std::istringstream in(line);
    std::string word;
    in >> word;
    std::vector<float> v;
    for (float x; in >> x;) v.push_back(x);
    if (word.empty() || word == "</s>" || v.empty()) continue;
    read.emplace_back(std::move(word), std::move(v));
  }
  fs::remove_all(work, ec);
  if (read.empty()) {
    std::cerr << "uprx train: fastText wrote no vector\n";
    return 1;
  }
  std::sort(read.begin(), read.end());
  std::vector<std::string> words;
  std::vector<std::vector<float>> vectors;
  for (auto& [w, v] : read) words.push_back(w), vectors.push_back(std::move(v));
  const std::string serialized = WordVectors::Serialize(
      words, vectors,
      {"Word vectors of `uprx compare` (pipeline/compare/compare_vectors.h): one normalised word "
       "a line, its unit vector times 127.",
       "Made by: uprx train --labels " + a.labels + " --taxonomy compare-vectors --sessions " +
           a.sessions + " (" + std::to_string(texts) + " texts), which runs fastText " +
           kFastTextArguments + ". Do not edit by hand."});
  if (!Write(a.output, serialized)) return 1;
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
  std::cerr << "uprx train: " << words.size() << " word vectors from " << texts << " texts in "
            << took.count() << " s, written to " << a.output << "\n";
  return 0;
}

}  // namespace

int RunTrainCommand(const std::vector<std::string>& args) {
  TrainArgs a;
  if (auto code = Parse(args, a)) return *code;
  // The vectors read no label: every session by default.
  if (a.taxonomy == "compare-vectors" && a.sessions == "1-16") a.sessions = "all";
  auto range = ParseSessionRange(a.sessions);
  if (!range.ok()) {
    std::cerr << "uprx train: " << range.status().message() << "\n";
    return 2;
  }
  auto rows = LoadLabelledRows(a.labels);
  if (!rows.ok()) {
    std::cerr << "uprx train: " << rows.status().ToString() << "\n";
    return 1;
  }
  if (a.taxonomy == "uprinfo") return TrainIssues(a, range.value(), rows.value());
  if (a.taxonomy == "compare-vectors") return TrainCompareVectors(a, range.value(), rows.value());
  return TrainAction(a, range.value(), rows.value());
}

}  // namespace uprx::pipeline
