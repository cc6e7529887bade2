#include "pipeline/eval/compare_eval.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <tuple>

namespace uprx::pipeline {
namespace {

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

using PairKey = std::pair<std::string, std::string>;

// The review pair holding both ids of a gold pair, with the recommendations' indices.
struct Located {
  std::size_t review_pair = 0, old_index = 0, new_index = 0;
};

std::optional<Located> Locate(const GoldPair& g, const std::vector<ReviewPair>& reviews) {
  for (std::size_t r = 0; r < reviews.size(); ++r) {
    const auto& olds = reviews[r].old_review->recommendations;
    const auto& news = reviews[r].new_review->recommendations;
    auto o =
        std::find_if(olds.begin(), olds.end(), [&](const auto& x) { return x.id == g.old_id; });
    auto n =
        std::find_if(news.begin(), news.end(), [&](const auto& x) { return x.id == g.new_id; });
    if (o != olds.end() && n != news.end()) {
      return Located{r, static_cast<std::size_t>(o - olds.begin()),
                     static_cast<std::size_t>(n - news.begin())};
    }
  }
  return std::nullopt;
}

// The (old, new) index pairs `uprx compare` matches in each review pair at this threshold.
std::vector<std::set<std::pair<std::size_t, std::size_t>>> MatchedAt(
    const std::vector<ReviewPair>& reviews, const CompareTerms& terms, double threshold,
    std::size_t max_matches) {
  std::vector<std::set<std::pair<std::size_t, std::size_t>>> matched(reviews.size());
  const Comparer comparer(terms, {threshold, max_matches});
  for (std::size_t r = 0; r < reviews.size(); ++r) {
    core::Result<Comparison> c = comparer.Compare(*reviews[r].old_review, *reviews[r].new_review);
    if (!c.ok()) continue;
    for (const Match& m : c.value().matches) matched[r].insert({m.old_index, m.new_index});
  }
  return matched;
}

void Tally(ThresholdScore& t, bool positive, bool predicted) {
  if (positive && predicted) ++t.true_positives;
  if (!positive && predicted) ++t.false_positives;
  if (positive && !predicted) ++t.false_negatives;
  if (!positive && !predicted) ++t.true_negatives;
}

}  // namespace

std::optional<double> ThresholdScore::precision() const {
  return Ratio(true_positives, true_positives + false_positives);
}
std::optional<double> ThresholdScore::recall() const {
  return Ratio(true_positives, true_positives + false_negatives);
}
std::optional<double> ThresholdScore::f1() const {
  const auto p = precision(), r = recall();
  if (!p || !r || *p + *r == 0) return std::nullopt;
  return 2 * *p * *r / (*p + *r);
}

core::Result<std::vector<GoldPair>> ParseCompareGold(std::string_view tsv,
                                                     std::string_view source) {
  std::vector<GoldPair> gold;
  std::set<PairKey> seen;
  std::istringstream in{std::string(tsv)};
  bool header_seen = false;
  int number = 0;
  for (std::string line; std::getline(in, line);) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    const std::string where = std::string(source) + ":" + std::to_string(number);
    const std::vector<std::string> cells = Columns(line);
    if (!header_seen) {
      header_seen = true;
      if (cells.size() >= 3 && cells[0] == "old_id" && cells[1] == "new_id") continue;
      return core::Status("gold_invalid",
                          where + ": expected the header old_id new_id label reason");
    }
    if (cells.size() != 4) {
      return core::Status("gold_invalid", where + ": expected 4 tab-separated columns");
    }
    if (cells[2] != "same" && cells[2] != "partial" && cells[2] != "different") {
      return core::Status("gold_invalid", where + ": unknown label '" + cells[2] + "'");
    }
    if (!seen.insert({cells[0], cells[1]}).second) {
      return core::Status("gold_invalid", where + ": pair given twice");
    }
    gold.push_back({cells[0], cells[1], cells[2], cells[3], number});
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

core::Result<CompareEvaluation> EvaluateCompare(const std::vector<GoldPair>& gold,
                                                const std::vector<ReviewPair>& reviews,
                                                const CompareTerms& terms,
                                                const std::vector<double>& thresholds,
                                                double threshold, std::size_t max_matches) {
  CompareEvaluation e;
  e.gold = gold.size();
  std::vector<std::pair<const GoldPair*, Located>> located;
  for (const GoldPair& g : gold) {
    if (auto l = Locate(g, reviews)) {
      located.push_back({&g, *l});
      e.positives += g.label != "different";
      e.strict_positives += g.label == "same";
    } else {
      e.unscored.push_back(g.old_id + " " + g.new_id);
    }
  }
  if (located.empty()) return core::Status("no_gold_scored", "no gold pair is in these reviews");
  e.scored = located.size();
  // Tallies both curves at `t`; records each pair's decision when `pairs` is given.
  const auto score_at = [&](double t, std::vector<ScoredGoldPair>* pairs) {
    const auto matched = MatchedAt(reviews, terms, t, max_matches);
    std::pair<ThresholdScore, ThresholdScore> scores{{t}, {t}};
    for (const auto& [g, l] : located) {
      const bool predicted = matched[l.review_pair].count({l.old_index, l.new_index}) > 0;
      Tally(scores.first, g->label != "different", predicted);
      Tally(scores.second, g->label == "same", predicted);
      if (pairs != nullptr) pairs->push_back({g, 0, predicted});
    }
    return scores;
  };
  for (double t : thresholds) {
    auto [loose, strict] = score_at(t, nullptr);
    e.curve.push_back(loose);
    e.strict_curve.push_back(strict);
  }
  std::tie(e.at_threshold, e.strict_at_threshold) = score_at(threshold, &e.pairs);
  std::vector<PairScorer> scorers;
  for (const ReviewPair& r : reviews) scorers.emplace_back(terms, *r.old_review, *r.new_review);
  for (std::size_t i = 0; i < located.size(); ++i) {
    const Located& l = located[i].second;
    e.pairs[i].score = scorers[l.review_pair].Score(l.old_index, l.new_index).score;
  }
  return e;
}

}  // namespace uprx::pipeline
