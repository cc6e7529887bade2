// uprx eval-labels: the action category and the issues of the UPR Info texts against UPR Info's
// own coding.
#include <algorithm>
#include <boost/program_options.hpp>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <map>
#include <set>

#include "classifiers/action_classifier.h"
#include "classifiers/label_metrics.h"
#include "classifiers/multi_label_classifier.h"
#include "pipeline/cli/command_line.h"
#include "pipeline/cli/commands.h"
#include "pipeline/eval/thematic_eval.h"
#include "pipeline/eval/uprinfo_label_rows.h"

namespace uprx::pipeline {
namespace po = boost::program_options;
namespace {

constexpr const char* kEvalLabelsHelp =
    R"(uprx eval-labels - how well the classifiers agree with UPR Info's labels

Usage: uprx eval-labels --uprinfo DIR --taxonomy action|uprinfo [--model MODEL] [--sessions 17-20]
       uprx eval-labels --thematic OUT.json... (OHCHR thematic lists; --thematic --help)

Classifies the Text of every UPR Info row of the WG sessions asked for and compares the result
with the row's label. The rules alone are always reported; with --model (from `uprx train`) the
rules and the model together are reported beside them.

action: the 1-5 category (column Action): accuracy, precision, recall and F1 per label, and
the confusion matrix (rows: UPR Info's label, columns: ours).
uprinfo: the 54 issues (column Issue, any number per row): per-issue precision, recall and F1,
micro and macro P/R/F1, and for the worst issues what they are confused with. The unit is the
UPR Info row (one per recommendation and recommending State); the same figures over distinct
texts (the first row of each text) follow.

Train on sessions 1-16 and evaluate on 17-20 (the defaults of both commands), so that no row
scored here was seen in training.

Exit status: 0 done, 1 the labels could not be read, 2 usage error, or a --model file that
cannot be used (named on stderr).

Examples:
  uprx eval-labels --uprinfo ../shared/corpora/labels/uprinfo --taxonomy action
  uprx train --labels ../shared/corpora/labels/uprinfo --taxonomy action -o action.model
  uprx eval-labels --uprinfo ../shared/corpora/labels/uprinfo --taxonomy action \
      --model action.model
  uprx train --labels ../shared/corpora/labels/uprinfo --taxonomy uprinfo -o uprinfo.model
  uprx eval-labels --uprinfo ../shared/corpora/labels/uprinfo --taxonomy uprinfo \
      --model uprinfo.model

Options)";

struct EvalLabelsArgs {
  std::string uprinfo, taxonomy, model, sessions = "17-20";
  bool examples = false;
  std::size_t worst = 5;
};

std::optional<int> Parse(const std::vector<std::string>& args, EvalLabelsArgs& a) {
  po::options_description opts(kEvalLabelsHelp);
  opts.add_options()("help,h", "show this help")(
      "uprinfo", po::value(&a.uprinfo), "UPR Info export: a CSV file or a directory of them")(
      "taxonomy", po::value(&a.taxonomy), "what to score: action or uprinfo")(
      "model", po::value(&a.model), "model file from `uprx train`")(
      "sessions", po::value(&a.sessions)->default_value(a.sessions),
      "WG sessions scored: N, N-M or all")("examples", po::bool_switch(&a.examples),
                                           "print every disagreement (gold, ours, text)")(
      "worst", po::value(&a.worst)->default_value(a.worst),
      "uprinfo: how many of the worst issues to explain");
  if (auto exit_code = ParseCommandLine(args, "eval-labels", opts)) return *exit_code;
  if (a.uprinfo.empty() || (a.taxonomy != "action" && a.taxonomy != "uprinfo")) {
    return UsageError("eval-labels", "give --uprinfo and --taxonomy action or uprinfo");
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

// The issue ids of `names` in `t` (names it does not know are counted in `unknown`).
std::vector<std::string> IssueIds(const classifiers::Taxonomy& t,
                                  const std::vector<std::string>& names,
                                  std::map<std::string, std::size_t>& unknown) {
  std::vector<std::string> ids;
  for (const std::string& n : names) {
    const classifiers::Label* l = t.FindLabelByName(n);
    if (l == nullptr) {
      ++unknown[n];
    } else {
      ids.push_back(l->id);
    }
  }
  return ids;
}

std::vector<std::string> Ids(const std::vector<core::AssignedLabel>& labels) {
  std::vector<std::string> ids;
  for (const core::AssignedLabel& l : labels) ids.push_back(l.id);
  return ids;
}

std::string Join(const std::vector<std::string>& v) {
  std::string out;
  for (const std::string& s : v) out += (out.empty() ? "" : ",") + s;
  return out;
}

// Scores `classify` over the rows (and over their distinct texts) and prints both reports.
template <typename Classify>
void ScoreIssues(const std::string& title, const classifiers::Taxonomy& t,
                 const std::vector<classifiers::MultiLabelledText>& rows, const EvalLabelsArgs& a,
                 Classify classify) {
  std::vector<std::string> ids, names;
  for (const classifiers::Label& l : t.labels()) ids.push_back(l.id), names.push_back(l.name);
  classifiers::MultiLabelMetrics per_row(ids, names), per_text(ids, names);
  std::set<std::string> seen;
  const auto start = std::chrono::steady_clock::now();
  for (const classifiers::MultiLabelledText& r : rows) {
    const std::vector<std::string> given = Ids(classify(r.text));
    per_row.Add(r.labels, given);
    if (seen.insert(r.text).second) per_text.Add(r.labels, given);
    std::vector<std::string> gold = r.labels, ours = given;
    std::sort(gold.begin(), gold.end());
    std::sort(ours.begin(), ours.end());
    if (a.examples && gold != ours) {
      std::cout << Join(gold) << "\t" << Join(ours) << "\t" << r.text << "\n";
    }
  }
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
  const classifiers::LabelScore m = per_text.Micro();
  std::printf("== %s: %.0f texts/s on one thread\nper UPR Info row:\n%s", title.c_str(),
              static_cast<double>(rows.size()) / std::max(took.count(), 1e-9),
              per_row.Report(a.worst).c_str());
  std::printf("per distinct text (%zu): micro P %.4f R %.4f F1 %.4f, macro F1 %.4f\n\n",
              per_text.total(), m.precision, m.recall, m.f1, per_text.macro_f1());
}

int EvalIssues(const EvalLabelsArgs& a, const SessionRange& range,
               const std::vector<LabelledRow>& rows) {
  auto taxonomy = classifiers::Taxonomy::LoadEmbedded("uprinfo.tsv");
  if (!taxonomy.ok()) {
    std::cerr << "uprx eval-labels: " << taxonomy.status().ToString() << "\n";
    return 1;
  }
  std::optional<classifiers::MultiLabelModel> model;
  if (!a.model.empty()) {
    auto loaded = classifiers::MultiLabelModel::LoadFile(a.model);
    if (!loaded.ok()) return InputFileError("eval-labels", loaded.status());
    model = std::move(loaded).value();
  }
  auto classifier = classifiers::MultiLabelClassifier::Create(taxonomy.value(), std::move(model));
  if (!classifier.ok() && !a.model.empty()) {
    return InputFileError("eval-labels", classifier.status());  // a model of another taxonomy
  }
  if (!classifier.ok()) {
    std::cerr << "uprx eval-labels: " << classifier.status().ToString() << "\n";
    return 1;
  }
  std::map<std::string, std::size_t> unknown;
  std::vector<classifiers::MultiLabelledText> texts;
  for (const LabelledRow& r : rows) {
    if (!range.Contains(r.session) || r.issue_names.empty()) continue;
    texts.push_back({r.text, IssueIds(taxonomy.value(), r.issue_names, unknown), r.session});
  }
  const classifiers::MultiLabelClassifier& c = classifier.value();
  std::cout << "UPR Info issues, sessions " << a.sessions << " (taxonomy "
            << taxonomy.value().version() << "), " << texts.size() << " rows with an Issue\n";
  for (const auto& [name, count] : unknown) {
    std::cout << "issue name not in the taxonomy: '" << name << "' (" << count << " rows)\n";
  }
  std::cout << "\n";
  EvalLabelsArgs rules_args = a;
  rules_args.examples = a.examples && !c.has_model();
  ScoreIssues("rules alone", taxonomy.value(), texts, rules_args,
              [&](std::string_view t) { return c.ClassifyByRules(t); });
  if (c.has_model()) {
    ScoreIssues("rules + model", taxonomy.value(), texts, a,
                [&](std::string_view t) { return c.Classify(t); });
  }
  return 0;
}

int EvalAction(const EvalLabelsArgs& a, const SessionRange& range,
               const std::vector<LabelledRow>& rows) {
  auto taxonomy = classifiers::Taxonomy::LoadEmbedded("action.tsv");
  if (!taxonomy.ok()) {
    std::cerr << "uprx eval-labels: " << taxonomy.status().ToString() << "\n";
    return 1;
  }
  std::optional<classifiers::LinearModel> model;
  if (!a.model.empty()) {
    auto loaded = classifiers::LinearModel::LoadFile(a.model);
    if (!loaded.ok()) return InputFileError("eval-labels", loaded.status());
    model = std::move(loaded).value();
  }
  auto classifier = classifiers::ActionClassifier::Create(taxonomy.value(), std::move(model));
  if (!classifier.ok() && !a.model.empty()) {
    return InputFileError("eval-labels", classifier.status());  // a model of another taxonomy
  }
  if (!classifier.ok()) {
    std::cerr << "uprx eval-labels: " << classifier.status().ToString() << "\n";
    return 1;
  }
  std::vector<classifiers::LabelledText> texts;
  for (const LabelledRow& r : rows) {
    if (range.Contains(r.session) && r.action.size() == 1 && r.action >= "1" && r.action <= "5") {
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

}  // namespace

int RunClassifyEvalCommand(const std::vector<std::string>& args) {
  // OHCHR's thematic-list labels: pipeline/thematic_eval.cc (its own options and help).
  if (std::find(args.begin(), args.end(), "--thematic") != args.end()) {
    return RunThematicEvalCommand(args);
  }
  EvalLabelsArgs a;
  if (auto code = Parse(args, a)) return *code;
  auto range = ParseSessionRange(a.sessions);
  if (!range.ok()) {
    std::cerr << "uprx eval-labels: " << range.status().message() << "\n";
    return 2;
  }
  auto rows = LoadLabelledRows(a.uprinfo);
  if (!rows.ok()) {
    std::cerr << "uprx eval-labels: " << rows.status().ToString() << "\n";
    return 1;
  }
  if (a.taxonomy == "uprinfo") return EvalIssues(a, range.value(), rows.value());
  return EvalAction(a, range.value(), rows.value());
}

}  // namespace uprx::pipeline
