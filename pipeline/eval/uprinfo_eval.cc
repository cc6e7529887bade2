#include "pipeline/eval/uprinfo_eval.h"

#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>
#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <limits>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>

#include "extractors/state_resolver.h"
#include "pipeline/core/text_util.h"

namespace uprx::pipeline {
namespace {

// ---- Tokens ----------------------------------------------------------------------------------

// UPR Info's infinitive prefix ("To further build up ..."); see MatchTokens in the header.
constexpr std::string_view kInfinitiveMarker = "to";

bool IsWordChar(UChar32 c) {
  return (U_GET_GC_MASK(c) & (U_GC_L_MASK | U_GC_N_MASK | U_GC_M_MASK)) != 0;
}

std::vector<std::string> SplitOnSpaces(const std::string& text) {
  std::vector<std::string> tokens;
  std::istringstream in(text);
  for (std::string token; in >> token;) tokens.push_back(std::move(token));
  return tokens;
}

std::size_t CommonCount(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::size_t i = 0;
  std::size_t j = 0;
  std::size_t common = 0;
  while (i < a.size() && j < b.size()) {
    const int order = a[i].compare(b[j]);
    if (order == 0) {
      ++common;
      ++i;
      ++j;
    } else if (order < 0) {
      ++i;
    } else {
      ++j;
    }
  }
  return common;
}

// ---- Review JSON -----------------------------------------------------------------------------

constexpr std::string_view kSchema = "uprx/1";

std::string StringOr(const nlohmann::json& object, const char* key) {
  if (!object.is_object()) return "";
  auto it = object.find(key);
  if (it == object.end() || !it->is_string()) return "";
  return it->get<std::string>();
}

std::optional<int> IntOr(const nlohmann::json& object, const char* key) {
  if (!object.is_object()) return std::nullopt;
  auto it = object.find(key);
  if (it == object.end() || !it->is_number_integer()) return std::nullopt;
  return it->get<int>();
}

const nlohmann::json& ArrayOr(const nlohmann::json& object, const char* key) {
  static const nlohmann::json kEmpty = nlohmann::json::array();
  if (!object.is_object()) return kEmpty;
  auto it = object.find(key);
  return it != object.end() && it->is_array() ? *it : kEmpty;
}

PredictedPair PairOf(const nlohmann::json& state, const std::string& id, const std::string& text) {
  PredictedPair pair;
  pair.recommendation_id = id;
  const std::string iso3 = StringOr(state, "iso3");
  std::string written = StringOr(state, "as_written");
  if (written.empty()) written = StringOr(state, "name");
  pair.state = StringOr(state, "name").empty() ? written : StringOr(state, "name");
  pair.state_key = iso3.empty() ? StateMatchKey(written) : iso3;
  const std::string segment = StringOr(state, "segment");
  pair.text = segment.empty() ? text : segment;
  return pair;
}

void AddPairs(const nlohmann::json& recommendation, std::vector<PredictedPair>& pairs) {
  std::string id = StringOr(recommendation, "id");
  if (id.empty()) id = StringOr(recommendation, "number");
  const std::string text = StringOr(recommendation, "text");
  core::PositionValue position = core::PositionValue::kUnknown;
  std::string stage;
  if (auto p = recommendation.find("position"); p != recommendation.end() && p->is_object()) {
    position = core::ParsePositionKey(StringOr(*p, "value")).value_or(position);
    stage = StringOr(*p, "stage");
  }
  const nlohmann::json& states = ArrayOr(recommendation, "recommending_states");
  // A recommendation without any State still shows up (as a pair no gold row can match), so
  // that a lost attribution is visible in the failures instead of vanishing from the counts.
  if (states.empty()) {
    pairs.push_back(PredictedPair{"", "", id, text, position, stage});
    return;
  }
  for (const nlohmann::json& state : states) {
    pairs.push_back(PairOf(state, id, text));
    pairs.back().position = position;
    pairs.back().position_stage = stage;
  }
}

EvalReview ReviewOf(const nlohmann::json& review, std::string_view file) {
  EvalReview out;
  out.file = std::string(file);
  const nlohmann::json empty_object = nlohmann::json::object();
  auto sur = review.is_object() ? review.find("state_under_review") : review.end();
  const nlohmann::json& sur_object = sur != review.end() ? *sur : empty_object;
  out.sur_name = StringOr(sur_object, "name");
  out.sur_iso3 = StringOr(sur_object, "iso3");
  out.wg_session = IntOr(review, "wg_session");
  for (const nlohmann::json& rec : ArrayOr(review, "recommendations")) AddPairs(rec, out.pairs);
  return out;
}

// ---- Scoring ---------------------------------------------------------------------------------

struct Candidate {
  double coverage = 0;
  double dice = 0;
  std::size_t pred = 0, gold = 0;
};

bool Better(const Candidate& a, const Candidate& b) {
  if (a.coverage != b.coverage) return a.coverage > b.coverage;
  if (a.dice != b.dice) return a.dice > b.dice;
  if (a.gold != b.gold) return a.gold < b.gold;  // document order, for stable output
  return a.pred < b.pred;
}

using Index = std::unordered_map<std::string, std::vector<std::size_t>>;
using TokenLists = std::vector<std::vector<std::string>>;

std::vector<std::size_t> AllIndices(std::size_t n) {
  std::vector<std::size_t> all(n);
  for (std::size_t i = 0; i < n; ++i) all[i] = i;
  return all;
}

// Scorer state for one review: tokens, indexes, the assignment.
class ReviewMatcher {
 public:
  ReviewMatcher(const EvalReview& review, const ReviewGold& gold, double threshold)
      : review_(review), gold_(gold), threshold_(threshold) {
    for (std::size_t i = 0; i < review.pairs.size(); ++i) {
      pred_tokens_.push_back(SortedTokens(review.pairs[i].text));
      pred_by_state_[review.pairs[i].state_key].push_back(i);
    }
    pred_match_.assign(review.pairs.size(), false);
    gold_match_.assign(gold.rows.size(), false);
  }

  // Greedy one-to-one assignment, best candidate first; adds the matches to `score`.
  void Assign(ReviewScore& score) {
    std::vector<Candidate> candidates = Candidates();
    std::sort(candidates.begin(), candidates.end(), Better);
    for (const Candidate& c : candidates) {
      if (pred_match_[c.pred] || gold_match_[c.gold]) continue;
      pred_match_[c.pred] = gold_match_[c.gold] = true;
      ++score.matched;
      score.matched_dice_sum += c.dice;
      ComparePosition(c.pred, c.gold, score);
    }
  }

  void Unmatched(ReviewScore& score) const {
    for (std::size_t j = 0; j < gold_.rows.size(); ++j) {
      if (gold_match_[j]) continue;
      UnmatchedItem item = UnmatchedGoldItem(j);
      item.split = CoveredByMatchedPair(j);
      score.split_covered += item.split;
      score.unmatched_gold.push_back(std::move(item));
    }
    for (std::size_t i = 0; i < review_.pairs.size(); ++i) {
      if (!pred_match_[i]) score.unmatched_predicted.push_back(UnmatchedPredictedItem(i));
    }
  }

 private:
  Candidate Compare(std::size_t i, std::size_t j) const {
    const std::vector<std::string>& g = gold_.rows[j].tokens;
    return Candidate{GoldCoverage(pred_tokens_[i], g), TokenDice(pred_tokens_[i], g), i, j};
  }

  std::vector<Candidate> Candidates() const {
    std::vector<Candidate> out;
    for (std::size_t i = 0; i < review_.pairs.size(); ++i) {
      auto same = gold_.by_state.find(review_.pairs[i].state_key);
      if (same == gold_.by_state.end()) continue;
      for (std::size_t j : same->second) {
        // The epsilon keeps a coverage of exactly the threshold (3 of 4 words at 0.75) in.
        Candidate c = Compare(i, j);
        if (c.coverage + 1e-9 >= threshold_) out.push_back(c);
      }
    }
    return out;
  }

  void ComparePosition(std::size_t i, std::size_t j, ReviewScore& score) const {
    const PredictedPair& pair = review_.pairs[i];
    const core::PositionValue ours = pair.position;
    if (!core::IsFinalPosition(ours)) return;
    const GoldRow& row = gold_.rows[j];
    auto& agreement = score.positions[pair.position_stage];
    ++agreement.compared;
    const bool accepted = row.response == "Accepted";
    if (accepted == (ours == core::PositionValue::kSupported)) {
      ++agreement.agree;
      return;
    }
    score.position_disagreements.push_back(
        UnmatchedItem{pair.state, pair.recommendation_id,
                      core::PositionKey(ours) + std::string(" (") + pair.position_stage +
                          ") -> UPR Info " + row.response,
                      1.0, row.state, row.text});
  }

  bool CoveredByMatchedPair(std::size_t j) const {
    auto same = pred_by_state_.find(gold_.rows[j].state_key);
    if (same == pred_by_state_.end()) return false;
    for (std::size_t i : same->second) {
      if (pred_match_[i] && Compare(i, j).coverage + 1e-9 >= threshold_) return true;
    }
    return false;
  }

  UnmatchedItem UnmatchedGoldItem(std::size_t j) const {
    const GoldRow& row = gold_.rows[j];
    UnmatchedItem item{row.state, row.origin, row.text, 0, "", ""};
    auto same = pred_by_state_.find(row.state_key);
    const std::vector<std::size_t> pool =
        same != pred_by_state_.end() ? same->second : AllIndices(review_.pairs.size());
    std::optional<Candidate> best;
    for (std::size_t i : pool) {
      Candidate c = Compare(i, j);
      if (!best || Better(c, *best)) best = c;
    }
    if (best) {
      item.best_similarity = best->coverage;
      item.best_state = review_.pairs[best->pred].state;
      item.best_text = review_.pairs[best->pred].text;
    }
    return item;
  }

  UnmatchedItem UnmatchedPredictedItem(std::size_t i) const {
    const PredictedPair& pair = review_.pairs[i];
    UnmatchedItem item{pair.state, pair.recommendation_id, pair.text, 0, "", ""};
    auto same = gold_.by_state.find(pair.state_key);
    const std::vector<std::size_t> pool =
        same != gold_.by_state.end() ? same->second : AllIndices(gold_.rows.size());
    std::optional<Candidate> best;
    for (std::size_t j : pool) {
      Candidate c = Compare(i, j);
      if (!best || Better(c, *best)) best = c;
    }
    if (best) {
      item.best_similarity = best->coverage;
      item.best_state = gold_.rows[best->gold].state;
      item.best_text = gold_.rows[best->gold].text;
    }
    return item;
  }

  const EvalReview& review_;
  const ReviewGold& gold_;
  double threshold_;
  TokenLists pred_tokens_;
  Index pred_by_state_;
  std::vector<bool> pred_match_, gold_match_;
};

std::string SurKey(const EvalReview& review) {
  return review.sur_iso3.empty() ? StateMatchKey(review.sur_name) : review.sur_iso3;
}

}  // namespace

// ---- Public functions ------------------------------------------------------------------------

std::vector<std::string> SortedTokens(std::string_view text) {
  std::vector<std::string> tokens = MatchTokens(text);
  std::sort(tokens.begin(), tokens.end());
  return tokens;
}

std::vector<std::string> MatchTokens(std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  if (U_SUCCESS(status)) text = nfc->normalize(text, status);
  text.foldCase();
  icu::UnicodeString words;
  for (int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1)) {
    const UChar32 c = text.char32At(i);
    words.append(IsWordChar(c) ? c : UChar32{' '});
  }
  std::string folded;
  words.toUTF8String(folded);
  std::vector<std::string> tokens = SplitOnSpaces(folded);
  if (!tokens.empty() && tokens.front() == kInfinitiveMarker) tokens.erase(tokens.begin());
  return tokens;
}

double GoldCoverage(const std::vector<std::string>& predicted,
                    const std::vector<std::string>& gold) {
  if (predicted.empty() || gold.empty()) return 0;
  return static_cast<double>(CommonCount(predicted, gold)) / static_cast<double>(gold.size());
}

double TokenDice(const std::vector<std::string>& predicted, const std::vector<std::string>& gold) {
  if (predicted.empty() || gold.empty()) return 0;
  return 2.0 * static_cast<double>(CommonCount(predicted, gold)) /
         static_cast<double>(predicted.size() + gold.size());
}

std::string StateMatchKey(std::string_view name) {
  if (auto state = extractors::StateResolver::Default().Resolve(name)) return state->iso3;
  return "?" + extractors::StateKey(name);
}

core::Result<std::vector<EvalReview>> ParseEvalReviews(std::string_view json,
                                                       std::string_view file) {
  const std::string name(file);
  try {
    const nlohmann::json doc = nlohmann::json::parse(json);
    if (!doc.is_object() || StringOr(doc, "schema") != kSchema) {
      return core::Status("not_uprx", name + ": not a uprx/1 document (no \"schema\": \"" +
                                          std::string(kSchema) + "\")");
    }
    std::vector<EvalReview> reviews;
    for (const nlohmann::json& review : ArrayOr(doc, "reviews")) {
      reviews.push_back(ReviewOf(review, file));
    }
    return reviews;
  } catch (const nlohmann::json::exception& e) {
    return core::Status("json_invalid", name + ": " + e.what());
  }
}

core::Result<std::vector<EvalReview>> ReadEvalReviews(const std::string& path) {
  auto bytes = core::ReadWholeFile(path, "a uprx/1 file");
  if (!bytes.ok()) return bytes.status();
  return ParseEvalReviews(bytes.value(), path);
}

std::optional<double> ReviewScore::recall() const {
  if (gold == 0) return std::nullopt;
  return static_cast<double>(matched) / static_cast<double>(gold);
}

std::optional<double> ReviewScore::split_aware_recall() const {
  if (gold == 0) return std::nullopt;
  return static_cast<double>(matched + split_covered) / static_cast<double>(gold);
}

std::optional<double> ReviewScore::precision() const {
  if (predicted == 0 || !has_gold) return std::nullopt;
  return static_cast<double>(matched) / static_cast<double>(predicted);
}

double ReviewScore::f1() const {
  const double r = recall().value_or(0);
  const double p = precision().value_or(0);
  return r + p > 0 ? 2 * r * p / (r + p) : 0;
}

std::optional<double> ReviewScore::mean_matched_dice() const {
  if (matched == 0) return std::nullopt;
  return matched_dice_sum / static_cast<double>(matched);
}

ReviewScore UprInfoScorer::Score(const EvalReview& review) const {
  ReviewScore score;
  score.file = review.file;
  score.sur = review.sur_iso3.empty() ? review.sur_name : review.sur_iso3;
  score.wg_session = review.wg_session;
  score.predicted = review.pairs.size();
  const ReviewGold* gold =
      review.wg_session ? labels_.Find(SurKey(review), *review.wg_session) : nullptr;
  static const ReviewGold kNoGold;
  score.has_gold = gold != nullptr;
  ReviewMatcher matcher(review, score.has_gold ? *gold : kNoGold, threshold_);
  score.gold = score.has_gold ? gold->rows.size() : 0;
  matcher.Assign(score);
  matcher.Unmatched(score);
  return score;
}

EvalSummary Summarize(const std::vector<ReviewScore>& scores, std::size_t worst_count) {
  EvalSummary summary;
  std::vector<const ReviewScore*> scored;
  for (const ReviewScore& s : scores) {
    if (!s.has_gold) {
      summary.without_gold.push_back(&s);
      continue;
    }
    scored.push_back(&s);
    summary.gold += s.gold;
    summary.predicted += s.predicted;
    summary.matched += s.matched;
    summary.split_covered += s.split_covered;
    for (const auto& [stage, a] : s.positions) {
      summary.positions[stage].compared += a.compared;
      summary.positions[stage].agree += a.agree;
    }
    if (s.recall().value_or(0) >= kCompleteRecall) ++summary.complete;
    if (s.split_aware_recall().value_or(0) >= kCompleteRecall) ++summary.complete_split_aware;
  }
  summary.reviews_scored = scored.size();
  double dice_sum = 0;
  for (const ReviewScore* s : scored) dice_sum += s->matched_dice_sum;
  summary.mean_matched_dice =
      summary.matched == 0 ? 0.0 : dice_sum / static_cast<double>(summary.matched);
  auto share = [](std::size_t part, std::size_t whole) {
    return whole == 0 ? 0.0 : static_cast<double>(part) / static_cast<double>(whole);
  };
  summary.micro_recall = share(summary.matched, summary.gold);
  summary.split_aware_recall = share(summary.matched + summary.split_covered, summary.gold);
  summary.micro_precision = share(summary.matched, summary.predicted);
  std::stable_sort(scored.begin(), scored.end(), [](const ReviewScore* a, const ReviewScore* b) {
    if (a->f1() != b->f1()) return a->f1() < b->f1();
    return a->file < b->file;
  });
  scored.resize(std::min(scored.size(), worst_count));
  summary.worst = std::move(scored);
  return summary;
}

}  // namespace uprx::pipeline
