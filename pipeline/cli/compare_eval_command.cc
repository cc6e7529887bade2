// `uprx eval --compare-gold FILE --old A.json --new B.json ...`: flags, read, evaluate, print.
// The evaluation itself is in compare_eval.{h,cc}.
#include <algorithm>
#include <boost/program_options.hpp>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>

#include "pipeline/cli/command_line.h"
#include "pipeline/core/text_util.h"
#include "pipeline/eval/compare_eval.h"
#include "pipeline/formats/review_reader.h"

namespace uprx::pipeline {
namespace {

namespace po = boost::program_options;

constexpr const char* kUsage =
    R"(Usage: uprx eval --compare-gold GOLD.tsv --old OLD.json --new NEW.json [--old ... --new ...]
                 [--cv] [--leave-out IDS.txt] [--write-model FILE] [--model FILE]
                 [--features FILE]

Scores `uprx compare` on judged pairs of recommendations (corpora/compare_gold.tsv, rules in
../shared/design/COMPARE.md): precision and recall of repeats (a claimed repeat is right when
judged same or partial; recall is over pairs judged same) and of partial links, how many new
recommendations are rightly called repeated or new, a precision-recall table over thresholds,
and every gold pair the comparison gets wrong. Give one --old and one --new per pair of
reviews, in the same order. A gold file may have a fifth column, scope: "rec" pairs judge their
new recommendation against every old one it might repeat and count for the recommendation
figures; "pair" pairs were drawn at random from claimed repeats and count for the pair figures
only, and apart as "sampled P" (the precision of what the matcher outputs).

--cv leaves each pair of reviews out in turn: the model, its L2 penalty and its thresholds are
chosen on the others only and scored on the one left out; then the same with each feature
dropped. It trains about 4,000 small models: some 20 s for five pairs of reviews.
--write-model trains on every pair, chooses the penalty and thresholds by the same leave-one-out,
and writes the model file (pipeline/compare/data/compare_model.tsv).
--leave-out names new recommendations (one id a line, '#' comments; corpora/compare_round6.txt)
to leave out half at a time: a model trained on every other judged pair, its penalty and
thresholds chosen leaving one review pair out, scores each half. This is how the method does on
new recommendations no model saw.
--model scores with a model file --write-model wrote instead of the one built into uprx: train
on some judged pairs, score on others (a held-out round) without rebuilding.
--features writes every judged pair with its review pair, label and the model's features as a
TSV, for studying a feature outside uprx.

Example:
  uprx run ../shared/corpora/slovenia --out svn
  uprx run ../shared/corpora/wg-reports/cambodia2010.pdf -o khm-c1.json
  uprx run ../shared/corpora/wg-reports/cambodia2014.pdf -o khm-c2.json
  uprx eval --compare-gold corpora/compare_gold.tsv --old svn/SVN-c3.json --new svn/SVN-c4.json \
      --old khm-c1.json --new khm-c2.json --cv

Options)";

const std::vector<double> kCurve = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9};

struct Options {
  std::string gold, write_model, model, features, leave_out;
  std::vector<std::string> olds, news;
  bool cv = false, json = false;
};

std::string Figure(std::optional<double> v) {
  if (!v) return "  NA ";
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%.3f", *v);
  return buffer;
}

std::string Line(const CompareFigures& f) {
  char buffer[256];
  std::snprintf(buffer, sizeof buffer,
                "repeats P %s R %s (%zu/%zu, %zu/%zu) | partials P %s R %s | links P %s R %s | "
                "recs %s strict, %s loose (%zu), %s clear (%zu)",
                Figure(f.repeats.precision()).c_str(), Figure(f.repeats.recall()).c_str(),
                f.repeats.right, f.repeats.predicted, f.repeats.found, f.repeats.relevant,
                Figure(f.partials.precision()).c_str(), Figure(f.partials.recall()).c_str(),
                Figure(f.links.precision()).c_str(), Figure(f.links.recall()).c_str(),
                Figure(f.rec_accuracy_strict()).c_str(), Figure(f.rec_accuracy_loose()).c_str(),
                f.recs, Figure(f.rec_accuracy_clear()).c_str(), f.recs_clear);
  std::string line = buffer;
  if (f.sampled.predicted > 0) {
    std::snprintf(buffer, sizeof buffer, " | sampled P %s (%zu/%zu)",
                  Figure(f.sampled.precision()).c_str(), f.sampled.right, f.sampled.predicted);
    line += buffer;
  }
  return line;
}

void PrintCurve(const std::vector<CurvePoint>& curve) {
  for (const CurvePoint& c : curve) {
    std::printf("  %9.2f  %9s  %6s  %7zu\n", c.threshold, Figure(c.repeats.precision()).c_str(),
                Figure(c.repeats.recall()).c_str(), c.repeats.predicted);
  }
}

void PrintEvaluation(const CompareEvaluation& e, const CompareModel& m, const std::string& file) {
  std::printf("Compare gold set: %zu pairs, %zu scored (%zu same, %zu partial)\n", e.gold, e.scored,
              e.same, e.partial);
  const std::string which = file.empty() ? "Shipped model" : "Model " + file + " (--model)";
  const char* trained = file.empty() ? "in-sample for the pairs of corpora/compare_gold.tsv, which "
                                       "it was trained on; held out for pairs of any other file"
                                     : "held out for pairs it was not trained on";
  std::printf("\n%s (repeat from %.2f, partial from %.2f) on these judged pairs (%s):\n  %s\n",
              which.c_str(), m.repeat_threshold(), m.partial_threshold(), trained,
              Line(e.at_model).c_str());
  std::printf(
      "\nEvery pair at or above the threshold called a repeat:\n"
      "  threshold  precision  recall  claimed\n");
  PrintCurve(e.curve);
  std::printf("\nDisagreements (judged label, score, predicted):\n");
  for (const auto& d : e.disagreements) {
    std::printf("  %-16s %-16s %-9s %.3f %-7s %s\n", d.gold->old_id.c_str(), d.gold->new_id.c_str(),
                d.gold->label.c_str(), d.score, d.predicted.c_str(), d.gold->reason.c_str());
  }
}

void PrintCrossValidation(const GoldData& data) {
  const std::vector<bool> all(kPairFeatures, true);
  const CrossValidation cv = CrossValidate(data, all);
  std::printf("\nLeave one pair of reviews out (figures on the pair left out only):\n");
  for (const auto& [name, f] : cv.per_pair)
    std::printf("  %-22s %s\n", name.c_str(), Line(f).c_str());
  std::printf("  %-22s %s\n", "pooled", Line(cv.pooled).c_str());
  std::printf("\nEach feature dropped (pooled, left-out pairs):\n");
  for (std::size_t j = 0; j < kPairFeatures; ++j) {
    std::vector<bool> mask = all;
    mask[j] = false;
    std::printf("  - %-16s %s\n", kPairFeatureNames[j],
                Line(CrossValidate(data, mask).pooled).c_str());
  }
  // The three features of the word vectors together: what the vectors add.
  std::vector<bool> no_vectors = all;
  for (std::size_t j = 0; j < kPairFeatures; ++j) {
    const std::string name = kPairFeatureNames[j];
    if (name == "vec_cos" || name.rfind("soft_", 0) == 0) no_vectors[j] = false;
  }
  std::printf("  - %-16s %s\n", "all 3 vector ones",
              Line(CrossValidate(data, no_vectors).pooled).c_str());
}

nlohmann::json CountsJson(const Counts& c) {
  const auto or_null = [](std::optional<double> v) { return v ? nlohmann::json(*v) : nullptr; };
  return {{"precision", or_null(c.precision())},
          {"recall", or_null(c.recall())},
          {"right", c.right},
          {"predicted", c.predicted},
          {"found", c.found},
          {"relevant", c.relevant}};
}

nlohmann::json FiguresJson(const CompareFigures& f) {
  const auto or_null = [](std::optional<double> v) { return v ? nlohmann::json(*v) : nullptr; };
  return {{"repeats", CountsJson(f.repeats)},
          {"partials", CountsJson(f.partials)},
          {"links", CountsJson(f.links)},
          {"sampled_repeats", CountsJson(f.sampled)},
          {"recommendations", f.recs},
          {"rec_accuracy_strict", or_null(f.rec_accuracy_strict())},
          {"rec_accuracy_loose", or_null(f.rec_accuracy_loose())},
          {"recommendations_clear", f.recs_clear},
          {"rec_accuracy_clear", or_null(f.rec_accuracy_clear())}};
}

nlohmann::json CurveJson(const std::vector<CurvePoint>& curve) {
  nlohmann::json points = nlohmann::json::array();
  for (const CurvePoint& c : curve) {
    points.push_back({{"threshold", c.threshold}, {"repeats", CountsJson(c.repeats)}});
  }
  return points;
}

void PrintJson(const GoldData& data, const CompareEvaluation& e, const CompareModel& m, bool cv,
               const std::optional<LeftOutRound>& left_out) {
  nlohmann::json j = {{"gold", e.gold},
                      {"scored", e.scored},
                      {"same", e.same},
                      {"partial", e.partial},
                      {"repeat_threshold", m.repeat_threshold()},
                      {"partial_threshold", m.partial_threshold()},
                      {"shipped_model", FiguresJson(e.at_model)},
                      {"curve", CurveJson(e.curve)},
                      {"unscored", data.unscored}};
  if (left_out) {
    j["left_out_round"] = FiguresJson(left_out->figures);
    j["left_out_round"]["curve"] = CurveJson(left_out->curve);
  }
  if (cv) {
    const CrossValidation x = CrossValidate(data, std::vector<bool>(kPairFeatures, true));
    j["leave_one_review_pair_out"] = {{"pooled", FiguresJson(x.pooled)},
                                      {"per_pair", nlohmann::json::object()}};
    for (const auto& [name, f] : x.per_pair) {
      j["leave_one_review_pair_out"]["per_pair"][name] = FiguresJson(f);
    }
  }
  std::cout << j.dump(2) << "\n";
}

bool WriteModel(const GoldData& data, const std::string& path) {
  std::vector<std::size_t> every;
  std::string names;
  for (std::size_t r = 0; r < data.review_pairs.size(); ++r) {
    if (data.review_pairs[r].judged.empty()) continue;
    every.push_back(r);
    names += (names.empty() ? "" : ", ") + data.review_pairs[r].name;
  }
  const ChosenModel m = TrainWithThresholds(data, every, std::vector<bool>(kPairFeatures, true));
  std::ofstream out(path, std::ios::binary);
  char chosen[160];
  std::snprintf(chosen, sizeof chosen,
                "L2 penalty %g and thresholds chosen leaving one review pair out (recall of same "
                "%.3f held out)",
                m.l2, m.held_out_recall);
  out << m.model.Serialize({"trained on the judged pairs of " + names, chosen});
  return static_cast<bool>(out);
}

bool WriteFeatures(const GoldData& data, const std::string& path) {
  std::ofstream out(path, std::ios::binary);
  out << "review_pair\told_id\tnew_id\tlabel";
  for (const char* name : kPairFeatureNames) out << '\t' << name;
  out << '\n';
  for (const GoldReviewPair& pair : data.review_pairs) {
    for (const GoldReviewPair::Judged& j : pair.judged) {
      out << pair.name << '\t' << j.gold->old_id << '\t' << j.gold->new_id << '\t' << j.gold->label;
      for (const double f : j.features) out << '\t' << f;
      out << '\n';
    }
  }
  return static_cast<bool>(out);
}

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

std::string PairName(const core::Review& o, const core::Review& n) {
  const auto name = [](const core::Review& r) {
    return r.sur_iso3 + "-c" + (r.cycle ? std::to_string(*r.cycle) : std::string("?"));
  };
  return name(o) + " -> " + name(n);
}

// The built-in model, or the file --model names (an error names the file and the line).
core::Result<CompareModel> LoadModel(const std::string& path) {
  if (path.empty()) return CompareModel::LoadDefault();
  const core::Result<std::string> text = core::ReadWholeFile(path, "model file");
  if (!text.ok()) return text.status();
  return CompareModel::Parse(text.value(), path);
}

}  // namespace

int RunCompareEvalCommand(const std::vector<std::string>& args) {
  Options o;
  po::options_description d(kUsage, 100);
  d.add_options()("help,h", "show this help")(
      "compare-gold", po::value(&o.gold)->value_name("FILE"), "judged pairs (TSV)")(
      "old", po::value(&o.olds)->value_name("FILE"), "older review (uprx/1), repeatable")(
      "new", po::value(&o.news)->value_name("FILE"), "newer review (uprx/1), repeatable")(
      "cv", po::bool_switch(&o.cv), "leave-one-review-pair-out figures and feature contributions")(
      "write-model", po::value(&o.write_model)->value_name("FILE"),
      "train on every pair and write the model file")(
      "features", po::value(&o.features)->value_name("FILE"),
      "write the judged pairs with their features (TSV)")(
      "leave-out", po::value(&o.leave_out)->value_name("FILE"),
      "figures on these new recommendations, left out half at a time")(
      "model", po::value(&o.model)->value_name("FILE"),
      "score with this model file (as --write-model writes it), not the built-in one")(
      "json", po::bool_switch(&o.json), "print the figures as JSON (with --cv: the left-out ones)");
  if (auto exit_code = ParseCommandLine(args, "eval", d)) return *exit_code;
  if (o.gold.empty() || o.olds.empty() || o.olds.size() != o.news.size()) {
    return UsageError("eval", "--compare-gold FILE and as many --old as --new files are needed");
  }
  const core::Result<std::vector<GoldPair>> gold = ReadCompareGold(o.gold);
  const core::Result<CompareTerms> terms = CompareTerms::LoadDefault();
  const core::Result<CompareModel> model = LoadModel(o.model);
  for (const core::Status* s : {&gold.status(), &terms.status(), &model.status()}) {
    if (!s->ok()) {
      std::cerr << "uprx eval: " << s->ToString() << "\n";
      return 1;
    }
  }
  std::vector<std::unique_ptr<ReviewFile>> olds, news;
  if (!ReadAll(o.olds, olds) || !ReadAll(o.news, news)) return 1;
  std::vector<ReviewPair> pairs;
  for (std::size_t i = 0; i < olds.size(); ++i) {
    const core::Review& a = olds[i]->reviews[0];
    const core::Review& b = news[i]->reviews[0];
    pairs.push_back({&a, &b, PairName(a, b)});
  }
  const core::Result<GoldData> data = CollectGold(gold.value(), pairs, terms.value());
  if (!data.ok()) {
    std::cerr << "uprx eval: " << data.status().ToString() << "\n";
    return 1;
  }
  if (!o.features.empty() && !WriteFeatures(data.value(), o.features)) {
    std::cerr << "uprx eval: " << o.features << ": cannot write\n";
    return 1;
  }
  if (!o.write_model.empty()) {
    if (!WriteModel(data.value(), o.write_model)) {
      std::cerr << "uprx eval: " << o.write_model << ": cannot write\n";
      return 1;
    }
    return 0;
  }
  std::optional<LeftOutRound> left_out;
  if (!o.leave_out.empty()) {
    const core::Result<std::vector<std::string>> ids = ReadIdList(o.leave_out);
    if (!ids.ok()) {
      std::cerr << "uprx eval: " << ids.status().ToString() << "\n";
      return 1;
    }
    const std::set<std::string> wanted(ids.value().begin(), ids.value().end());
    const bool any = std::any_of(gold.value().begin(), gold.value().end(),
                                 [&](const GoldPair& g) { return wanted.count(g.new_id) > 0; });
    if (!any) {
      std::cerr << "uprx eval: " << o.leave_out << ": no judged pair of " << o.gold
                << " has one of its new recommendations\n";
      return 1;
    }
    left_out = LeaveRoundOut(data.value(), ids.value(), kCurve);
  }
  const CompareEvaluation e = Evaluate(data.value(), model.value(), kCurve);
  if (o.json) {
    PrintJson(data.value(), e, model.value(), o.cv, left_out);
    return 0;
  }
  PrintEvaluation(e, model.value(), o.model);
  for (const std::string& u : data.value().unscored) {
    std::printf("  unscored (ids not found): %s\n", u.c_str());
  }
  if (left_out) {
    std::printf(
        "\nThe new recommendations of %s left out half at a time (a model trained on every "
        "other judged pair scores each half):\n  %s\n",
        o.leave_out.c_str(), Line(left_out->figures).c_str());
    std::printf(
        "Every pair of theirs at or above the threshold called a repeat (each half by its "
        "model):\n  threshold  precision  recall  claimed\n");
    PrintCurve(left_out->curve);
  }
  if (o.cv) PrintCrossValidation(data.value());
  return 0;
}

}  // namespace uprx::pipeline
