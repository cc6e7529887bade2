#include "pipeline/eval/compare_eval.h"

#include <algorithm>
#include <array>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "pipeline/compare/compare_score.h"
#include "pipeline/core/text_util.h"

namespace uprx::pipeline {
namespace {

// Thresholds are chosen so that a claimed repeat is right this often on held-out review pairs,
// and a partial link (same or partial right) this often: the judged pairs are the closest
// candidates, so a looser partial threshold would link far more pairs among all the others.
constexpr double kTargetPrecision = 0.9;
constexpr double kPartialPrecision = 0.8;
// Regularisation strengths tried (ModelTrainOptions::l2), strongest first: the one whose
// held-out predictions find the most same pairs at kTargetPrecision is kept, the stronger of two
// that find as many.
constexpr std::array<double, 8> kL2Grid = {1000, 300, 100, 30, 10, 3, 1, 0.3};

std::vector<std::string> Columns(const std::string& line) {
  std::vector<std::string> out;
  std::istringstream in(line);
  for (std::string cell; std::getline(in, cell, '\t');) out.push_back(cell);
  return out;
}

std::optional<double> Ratio(std::size_t part, std::size_t whole) {
  if (whole == 0) return std::nullopt;
  return static_cast<double>(part) / static_cast<double>(whole);
}

bool Linked(const GoldPair& g) { return g.label != "different"; }

FeatureVector Masked(FeatureVector f, const std::vector<bool>& mask) {
  for (std::size_t j = 0; j < kPairFeatures && j < mask.size(); ++j) {
    if (!mask[j]) f[j] = 0;
  }
  return f;
}

enum class Predicted { kNone, kPartial, kRepeat };

Predicted Classify(double p, const CompareModel& m) {
  if (p >= m.repeat_threshold()) return Predicted::kRepeat;
  if (p >= m.partial_threshold()) return Predicted::kPartial;
  return Predicted::kNone;
}

void Tally(CompareFigures& f, const GoldPair& g, Predicted p) {
  const bool repeat = p == Predicted::kRepeat, partial = p == Predicted::kPartial;
  f.repeats.predicted += repeat;
  f.repeats.right += repeat && Linked(g);
  f.repeats.relevant += g.label == "same";
  f.repeats.found += repeat && g.label == "same";
  f.partials.predicted += partial;
  f.partials.right += partial && g.label == "partial";
  f.partials.relevant += g.label == "partial";
  f.partials.found += partial && g.label == "partial";
  f.links.predicted += repeat || partial;
  f.links.right += (repeat || partial) && Linked(g);
  f.links.relevant += Linked(g);
  f.links.found += (repeat || partial) && Linked(g);
  if (!g.whole_rec) {
    f.sampled.predicted += repeat;
    f.sampled.right += repeat && Linked(g);
    f.sampled.relevant += g.label == "same";
    f.sampled.found += repeat && g.label == "same";
  }
}

CompareFigures FiguresOn(const GoldReviewPair& r, const CompareModel& m,
                         const std::vector<bool>& mask) {
  CompareFigures f;
  std::vector<bool> gold_same(r.candidates.size()), gold_linked(r.candidates.size());
  std::vector<bool> whole(r.candidates.size());  // judged with all its likely old ones
  for (const GoldReviewPair::Judged& j : r.judged) {
    Tally(f, *j.gold, Classify(m.Probability(Masked(j.features, mask)), m));
    gold_same[j.new_slot] = gold_same[j.new_slot] || j.gold->label == "same";
    gold_linked[j.new_slot] = gold_linked[j.new_slot] || Linked(*j.gold);
    whole[j.new_slot] = whole[j.new_slot] || j.gold->whole_rec;
  }
  for (std::size_t slot = 0; slot < r.candidates.size(); ++slot) {
    if (!whole[slot]) continue;
    Predicted best = Predicted::kNone;
    for (const FeatureVector& c : r.candidates[slot]) {
      best = std::max(best, Classify(m.Probability(Masked(c, mask)), m));
    }
    ++f.recs;
    f.recs_right_strict += (best == Predicted::kRepeat) == gold_same[slot];
    f.recs_right_loose += (best != Predicted::kNone) == gold_linked[slot];
    if (gold_same[slot] || !gold_linked[slot]) {
      ++f.recs_clear;
      f.recs_right_clear += (best == Predicted::kRepeat) == gold_same[slot];
    }
  }
  return f;
}

std::vector<LabelledPair> Examples(const GoldData& data, const std::vector<std::size_t>& which,
                                   const std::vector<bool>& mask) {
  std::vector<LabelledPair> out;
  for (std::size_t r : which) {
    for (const auto& j : data.review_pairs[r].judged) {
      out.push_back({Masked(j.features, mask), Linked(*j.gold)});
    }
  }
  return out;
}

struct Scored {
  double p;
  const GoldPair* gold;
};

struct ThresholdChoice {
  double repeat = 0.95, partial = 0.95;
  double recall = -1;  // of same pairs at `repeat`; -1 when no threshold reaches the precision
};

// Repeat: the threshold whose claimed repeats reach kTargetPrecision (same or partial right)
// with the most same pairs found; partial: going down from it, the last one whose links still
// reach kPartialPrecision.
ThresholdChoice ChooseThresholds(const std::vector<Scored>& scored) {
  double repeat = 0.95, partial = 0.95, best_recall = -1;
  std::size_t same = 0;
  for (const Scored& s : scored) same += s.gold->label == "same";
  for (int step = 99; step >= 5; --step) {
    const double t = step / 100.0;
    std::size_t predicted = 0, right = 0, found = 0;
    for (const Scored& s : scored) {
      if (s.p < t) continue;
      ++predicted, right += Linked(*s.gold), found += s.gold->label == "same";
    }
    const auto precision = Ratio(right, predicted);
    const double recall = Ratio(found, same).value_or(0);
    if (precision && *precision >= kTargetPrecision && recall > best_recall) {
      best_recall = recall, repeat = t;
    }
  }
  partial = repeat;
  for (int step = static_cast<int>(repeat * 100 + 0.5); step >= 5; --step) {
    const double t = step / 100.0;
    std::size_t predicted = 0, right = 0;
    for (const Scored& s : scored) {
      if (s.p >= t) ++predicted, right += Linked(*s.gold);
    }
    if (Ratio(right, predicted).value_or(0) < kPartialPrecision) break;
    partial = t;
  }
  return {repeat, partial, best_recall};
}

}  // namespace

std::optional<double> Counts::precision() const { return Ratio(right, predicted); }
std::optional<double> Counts::recall() const { return Ratio(found, relevant); }
Counts& Counts::operator+=(const Counts& o) {
  right += o.right, predicted += o.predicted, relevant += o.relevant, found += o.found;
  return *this;
}

std::optional<double> CompareFigures::rec_accuracy_strict() const {
  return Ratio(recs_right_strict, recs);
}
std::optional<double> CompareFigures::rec_accuracy_loose() const {
  return Ratio(recs_right_loose, recs);
}

std::optional<double> CompareFigures::rec_accuracy_clear() const {
  return Ratio(recs_right_clear, recs_clear);
}
CompareFigures& CompareFigures::operator+=(const CompareFigures& o) {
  repeats += o.repeats, partials += o.partials, links += o.links, sampled += o.sampled;
  recs += o.recs, recs_right_strict += o.recs_right_strict, recs_right_loose += o.recs_right_loose;
  recs_clear += o.recs_clear, recs_right_clear += o.recs_right_clear;
  return *this;
}

core::Result<std::vector<GoldPair>> ParseCompareGold(std::string_view tsv,
                                                     std::string_view source) {
  std::vector<GoldPair> gold;
  std::set<std::pair<std::string, std::string>> seen;
  std::size_t columns = 0;  // 4, or 5 with the scope; 0 before the header
  for (const auto& [text, number] : core::DataLines(tsv)) {
    const std::string line(text);
    const std::string where = std::string(source) + ":" + std::to_string(number);
    const std::vector<std::string> cells = Columns(line);
    if (columns == 0) {
      const bool scoped = cells.size() == 5 && cells[4] == "scope";
      if ((cells.size() == 4 || scoped) && cells[0] == "old_id" && cells[1] == "new_id" &&
          cells[2] == "label" && cells[3] == "reason") {
        columns = cells.size();
        continue;
      }
      return core::Status("gold_invalid",
                          where + ": expected the header old_id new_id label reason [scope]");
    }
    if (cells.size() != columns) {
      return core::Status("gold_invalid", where + ": expected " + std::to_string(columns) +
                                              " tab-separated columns, as the header");
    }
    if (cells[2] != "same" && cells[2] != "partial" && cells[2] != "different") {
      return core::Status("gold_invalid", where + ": unknown label '" + cells[2] + "'");
    }
    if (columns == 5 && cells[4] != "rec" && cells[4] != "pair") {
      return core::Status("gold_invalid",
                          where + ": unknown scope '" + cells[4] + "' (rec or pair)");
    }
    if (!seen.insert({cells[0], cells[1]}).second) {
      return core::Status("gold_invalid", where + ": pair given twice");
    }
    gold.push_back(
        {cells[0], cells[1], cells[2], cells[3], number, columns == 4 || cells[4] == "rec"});
  }
  return gold;
}

core::Result<std::vector<GoldPair>> ReadCompareGold(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return core::Status("unreadable", path + ": cannot open");
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return ParseCompareGold(bytes.str(), path);
}

core::Result<GoldData> CollectGold(const std::vector<GoldPair>& gold,
                                   const std::vector<ReviewPair>& reviews,
                                   const CompareTerms& terms) {
  GoldData data;
  const CompareModel neutral = CompareModel::Train({});  // features only; the score is unused
  std::vector<std::map<std::string, std::size_t>> olds(reviews.size()), news(reviews.size());
  for (std::size_t r = 0; r < reviews.size(); ++r) {
    const auto& o = reviews[r].old_review->recommendations;
    const auto& n = reviews[r].new_review->recommendations;
    for (std::size_t i = 0; i < o.size(); ++i) olds[r].emplace(o[i].id, i);
    for (std::size_t i = 0; i < n.size(); ++i) news[r].emplace(n[i].id, i);
    data.review_pairs.push_back({reviews[r].name, {}, {}});
  }
  std::vector<std::map<std::size_t, std::size_t>> slots(reviews.size());  // new index -> slot
  std::vector<std::vector<std::pair<const GoldPair*, std::pair<std::size_t, std::size_t>>>> hits(
      reviews.size());
  for (const GoldPair& g : gold) {
    bool placed = false;
    for (std::size_t r = 0; r < reviews.size() && !placed; ++r) {
      auto o = olds[r].find(g.old_id);
      auto n = news[r].find(g.new_id);
      if (o == olds[r].end() || n == news[r].end()) continue;
      hits[r].push_back({&g, {o->second, n->second}});
      placed = true;
    }
    if (!placed) data.unscored.push_back(g.old_id + " " + g.new_id);
  }
  bool any = false;
  for (std::size_t r = 0; r < reviews.size(); ++r) {
    if (hits[r].empty()) continue;
    any = true;
    const PairScorer scorer(terms, neutral, *reviews[r].old_review, *reviews[r].new_review);
    GoldReviewPair& out = data.review_pairs[r];
    for (const auto& [g, at] : hits[r]) {
      auto [slot, fresh] = slots[r].emplace(at.second, out.candidates.size());
      if (fresh) {
        out.candidates.emplace_back();
        for (std::size_t o = 0; o < scorer.old_size(); ++o) {
          out.candidates.back().push_back(scorer.Score(o, at.second).features);
        }
      }
      out.judged.push_back({g, slot->second, out.candidates[slot->second][at.first]});
    }
  }
  if (!any) return core::Status("no_gold_scored", "no gold pair is in these reviews");
  return data;
}

namespace {

// Adds the judged pairs of `r` to each point of `curve`: every pair scored at or above the
// point's threshold by `model` is predicted a repeat.
void AddToCurve(const GoldReviewPair& r, const CompareModel& model,
                std::vector<CurvePoint>& curve) {
  for (CurvePoint& point : curve) {
    const CompareModel at = model.WithThresholds(point.threshold, point.threshold);
    for (const auto& j : r.judged) {
      CompareFigures f;
      Tally(f, *j.gold, Classify(at.Probability(j.features), at));
      point.repeats += f.repeats;
    }
  }
}

}  // namespace

CompareEvaluation Evaluate(const GoldData& data, const CompareModel& model,
                           const std::vector<double>& curve_thresholds) {
  CompareEvaluation e;
  const std::vector<bool> all(kPairFeatures, true);
  for (const GoldReviewPair& r : data.review_pairs) {
    e.at_model += FiguresOn(r, model, all);
    for (const auto& j : r.judged) {
      ++e.scored;
      e.same += j.gold->label == "same";
      e.partial += j.gold->label == "partial";
      const double p = model.Probability(j.features);
      const Predicted predicted = Classify(p, model);
      const bool agrees = (predicted == Predicted::kRepeat && j.gold->label == "same") ||
                          (predicted == Predicted::kPartial && j.gold->label == "partial") ||
                          (predicted == Predicted::kNone && j.gold->label == "different");
      if (!agrees) {
        e.disagreements.push_back({j.gold, p,
                                   predicted == Predicted::kRepeat    ? "repeat"
                                   : predicted == Predicted::kPartial ? "partial"
                                                                      : "none"});
      }
    }
  }
  e.gold = e.scored + data.unscored.size();
  for (double t : curve_thresholds) e.curve.push_back({t, {}});
  for (const GoldReviewPair& r : data.review_pairs) AddToCurve(r, model, e.curve);
  return e;
}

ChosenModel TrainWithThresholds(const GoldData& data, const std::vector<std::size_t>& training,
                                const std::vector<bool>& feature_mask) {
  // Each training review pair left out in turn: the examples of the others, built once for
  // every penalty tried.
  std::vector<std::vector<LabelledPair>> fold_examples;
  for (std::size_t left : training) {
    std::vector<std::size_t> rest;
    for (std::size_t r : training) {
      if (r != left) rest.push_back(r);
    }
    fold_examples.push_back(Examples(data, rest, feature_mask));
  }
  ChosenModel chosen;
  ThresholdChoice best;
  for (const double l2 : kL2Grid) {
    std::vector<Scored> held_out;
    for (std::size_t fold = 0; fold < training.size(); ++fold) {
      const CompareModel m = CompareModel::Train(fold_examples[fold], {.l2 = l2});
      for (const auto& j : data.review_pairs[training[fold]].judged) {
        held_out.push_back({m.Probability(Masked(j.features, feature_mask)), j.gold});
      }
    }
    const ThresholdChoice choice = ChooseThresholds(held_out);
    if (choice.recall > best.recall) best = choice, chosen.l2 = l2;
  }
  chosen.held_out_recall = std::max(best.recall, 0.0);
  chosen.model = CompareModel::Train(Examples(data, training, feature_mask), {.l2 = chosen.l2})
                     .WithThresholds(best.repeat, best.partial);
  return chosen;
}

CrossValidation CrossValidate(const GoldData& data, const std::vector<bool>& feature_mask) {
  CrossValidation cv;
  for (std::size_t left = 0; left < data.review_pairs.size(); ++left) {
    if (data.review_pairs[left].judged.empty()) continue;
    std::vector<std::size_t> training;
    for (std::size_t r = 0; r < data.review_pairs.size(); ++r) {
      if (r != left && !data.review_pairs[r].judged.empty()) training.push_back(r);
    }
    const CompareModel m = TrainWithThresholds(data, training, feature_mask).model;
    const CompareFigures f = FiguresOn(data.review_pairs[left], m, feature_mask);
    cv.per_pair.emplace_back(data.review_pairs[left].name, f);
    cv.pooled += f;
  }
  return cv;
}

core::Result<std::vector<std::string>> ReadIdList(const std::string& path) {
  const core::Result<std::string> text = core::ReadWholeFile(path, "list of ids");
  if (!text.ok()) return text.status();
  std::vector<std::string> ids;
  for (const auto& [line, number] : core::DataLines(text.value())) {
    std::string_view id = line;
    while (!id.empty() && id.back() == ' ') id.remove_suffix(1);
    if (!id.empty()) ids.emplace_back(id);
  }
  if (ids.empty()) return core::Status("data_invalid", path + ": no ids");
  return ids;
}

LeftOutRound LeaveRoundOut(const GoldData& data, const std::vector<std::string>& round,
                           const std::vector<double>& curve_thresholds) {
  const std::vector<bool> every_feature(kPairFeatures, true);
  LeftOutRound total;
  for (double t : curve_thresholds) total.curve.push_back({t, {}});
  // The candidates (every old recommendation against each judged new one) are only read when
  // scoring, so they are copied once, into the scored copy; training reads judged pairs only.
  GoldData test = data;
  for (std::size_t half = 0; half < 2; ++half) {
    std::set<std::string> out;
    for (std::size_t i = half; i < round.size(); i += 2) out.insert(round[i]);
    GoldData train;
    std::vector<std::size_t> training;
    for (std::size_t r = 0; r < data.review_pairs.size(); ++r) {
      const GoldReviewPair& all = data.review_pairs[r];
      GoldReviewPair& kept = train.review_pairs.emplace_back();
      kept.name = all.name;
      test.review_pairs[r].judged.clear();
      for (const GoldReviewPair::Judged& j : all.judged) {
        (out.count(j.gold->new_id) ? test.review_pairs[r].judged : kept.judged).push_back(j);
      }
      if (!kept.judged.empty()) training.push_back(r);
    }
    const CompareModel m = TrainWithThresholds(train, training, every_feature).model;
    for (const GoldReviewPair& r : test.review_pairs) {
      total.figures += FiguresOn(r, m, every_feature);
      AddToCurve(r, m, total.curve);
    }
  }
  return total;
}

}  // namespace uprx::pipeline
