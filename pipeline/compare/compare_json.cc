// The uprx.compare/1 object (compare_writer.h); the schema file documents every key.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>

#include "pipeline/compare/compare_writer.h"
#include "pipeline/formats/json_writer.h"

namespace uprx::pipeline {
namespace {

using Json = nlohmann::ordered_json;

// Scores are rounded to 4 decimals: they are read by people and compared by tools, and the
// last bits of a double would make outputs differ between compilers for nothing.
double Rounded(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.4f", v);
  return std::strtod(buffer, nullptr);
}

Json RecommendationRef(const core::Recommendation& r) {
  Json states = Json::array();
  for (const core::StateRef& s : r.recommending_states) states.push_back(StateKey(s));
  return {{"id", r.id},
          {"number", r.number},
          {"text", r.text},
          {"position", core::PositionKey(r.position.value)},
          {"recommending_states", std::move(states)}};
}

Json SideToJson(const core::Review& review, const std::string& file) {
  return {{"file", file},
          {"state_under_review",
           {{"name", StringOrNull(review.sur_name)}, {"iso3", StringOrNull(review.sur_iso3)}}},
          {"cycle", OrNull(review.cycle)},
          {"wg_session", OrNull(review.wg_session)},
          {"year", OrNull(review.year)},
          {"recommendations", review.recommendations.size()},
          {"positions", PositionCountsToJson(review)}};
}

// The most repeats shown for one new recommendation: the display cap, or when there is none
// the largest number any new recommendation has (at least 1).
std::size_t ShownMatches(const Comparison& c) {
  if (c.options.max_matches > 0) return c.options.max_matches;
  std::map<std::size_t, std::size_t> per_new;
  std::size_t most = 1;
  for (const Match& m : c.matches) most = std::max(most, ++per_new[m.new_index]);
  return most;
}

Json MethodToJson(const Comparison& c) {
  const FeatureVector& w = c.model_weights;
  const auto weight = [&](const char* name) {
    for (std::size_t j = 0; j < kPairFeatures; ++j) {
      if (std::string(kPairFeatureNames[j]) == name) return Rounded(w[j]);
    }
    return 0.0;
  };
  Json features = Json::object();
  for (std::size_t j = 0; j < kPairFeatures; ++j) features[kPairFeatureNames[j]] = Rounded(w[j]);
  return {{"repeat_threshold", c.repeat_threshold},
          {"max_matches", ShownMatches(c)},
          {"weights",
           {{"words", weight("words")},
            {"cover", weight("cover")},
            {"phrases", weight("phrases")},
            {"terms", weight("terms")},
            {"themes", weight("themes")}}},
          {"weak_word_weight", kWeakWeight},
          {"term_weight", kTermWeight},
          {"same_state_bonus", 0.0},
          {"instrument_conflict_factor", 1.0},
          {"partial_threshold", c.partial_threshold},
          {"model", {{"kind", "logistic_regression"}, {"weights", std::move(features)}}}};
}

Json FeaturesToJson(const FeatureVector& f) {
  Json out = Json::object();
  for (std::size_t j = 0; j < kPairFeatures; ++j) out[kPairFeatureNames[j]] = Rounded(f[j]);
  return out;
}

Json EvidenceToJson(const MatchEvidence& e) {
  return {{"words", e.words},   {"phrases", e.phrases},
          {"terms", e.terms},   {"themes", e.themes},
          {"states", e.states}, {"conflicting_instruments", e.conflicting_instruments}};
}

Json MatchToJson(const ComparedReviews& in, const Match& m) {
  const PairScore& p = m.pair;
  const auto optional_score = [](const std::optional<double>& v) {
    return v ? Json(Rounded(*v)) : Json(nullptr);
  };
  return {{"old_id", in.old_review.recommendations[m.old_index].id},
          {"new_id", in.new_review.recommendations[m.new_index].id},
          {"score", Rounded(p.score)},
          {"primary", m.primary},
          {"features",
           {{"words", Rounded(p.words)},
            {"cover", Rounded(p.cover)},
            {"phrases", Rounded(p.phrases)},
            {"terms", optional_score(p.terms)},
            {"themes", optional_score(p.themes)},
            {"same_state", p.same_state},
            {"instrument_conflict", p.instrument_conflict},
            {"issues", optional_score(p.issues)},
            {"all", FeaturesToJson(p.features)}}},
          {"evidence", EvidenceToJson(p.evidence)}};
}

Json RepeatedToJson(const ComparedReviews& in, const Comparison& c) {
  Json out = Json::array();
  for (std::size_t n : c.repeated) {
    Json old_side = Json::array();
    for (const Match& m : c.matches) {
      if (m.new_index != n) continue;
      old_side.push_back({{"old", RecommendationRef(in.old_review.recommendations[m.old_index])},
                          {"score", Rounded(m.pair.score)},
                          {"primary", m.primary}});
    }
    out.push_back(
        {{"new", RecommendationRef(in.new_review.recommendations[n])}, {"matches", old_side}});
  }
  return out;
}

Json NotRaisedAgainToJson(const ComparedReviews& in, const Comparison& c) {
  Json out = Json::array();
  for (std::size_t i = 0; i < c.dropped.size(); ++i) {
    const Closest& closest = c.dropped_closest[i];
    out.push_back(
        {{"old", RecommendationRef(in.old_review.recommendations[c.dropped[i]])},
         {"closest_new", closest.new_index
                             ? RecommendationRef(in.new_review.recommendations[*closest.new_index])
                             : Json(nullptr)},
         {"score", Rounded(closest.score)},
         {"evidence", EvidenceToJson(closest.evidence)}});
  }
  return out;
}

Json RefsToJson(const core::Review& review, const std::vector<std::size_t>& indices) {
  Json out = Json::array();
  for (std::size_t i : indices) out.push_back(RecommendationRef(review.recommendations[i]));
  return out;
}

Json PositionChangesToJson(const ComparedReviews& in, const Comparison& c) {
  Json out = Json::array();
  for (const PositionChange& p : c.position_changes) {
    out.push_back({{"kind", p.kind},
                   {"from", core::PositionKey(p.from)},
                   {"to", core::PositionKey(p.to)},
                   {"old", RecommendationRef(in.old_review.recommendations[p.old_index])},
                   {"new", RecommendationRef(in.new_review.recommendations[p.new_index])}});
  }
  return out;
}

Json BreakdownsToJson(const Comparison& c) {
  Json out = Json::object();
  for (const Breakdown& b : c.breakdowns) {
    Json rows = Json::array();
    for (const CountRow& r : b.rows) {
      rows.push_back({{"key", r.key},
                      {"name", r.name},
                      {"old", r.old_count},
                      {"new", r.new_count},
                      {"change", r.change()}});
    }
    out[b.id] = {{"classified", b.classified}, {"rows", std::move(rows)}};
  }
  return out;
}

std::size_t RaisedAgain(const Comparison& c) {
  std::set<std::size_t> old;
  for (const Match& m : c.matches) old.insert(m.old_index);
  return old.size();
}

Json SummaryToJson(const ComparedReviews& in, const Comparison& c) {
  std::map<std::string, int> changes = {
      {"noted_to_supported", 0}, {"supported_to_noted", 0}, {"other", 0}};
  for (const PositionChange& p : c.position_changes) ++changes[p.kind];
  return {{"old_recommendations", in.old_review.recommendations.size()},
          {"new_recommendations", in.new_review.recommendations.size()},
          {"repeated", c.repeated.size()},
          {"new", c.new_only.size()},
          {"dropped", c.dropped.size()},
          {"matches", c.matches.size()},
          {"raised_again", RaisedAgain(c)},
          {"partial_links", c.partial_links.size()},
          {"position_changes",
           {{"noted_to_supported", changes["noted_to_supported"]},
            {"supported_to_noted", changes["supported_to_noted"]},
            {"other", changes["other"]}}}};
}

}  // namespace

nlohmann::ordered_json CompareToJson(const ComparedReviews& in, const Comparison& c) {
  Json j;
  j["schema"] = kCompareSchemaName;
  j["generator"] = {{"name", "uprx"}, {"version", kVersion}};
  j["method"] = MethodToJson(c);
  j["old"] = SideToJson(in.old_review, in.old_file);
  j["new"] = SideToJson(in.new_review, in.new_file);
  j["summary"] = SummaryToJson(in, c);
  j["matches"] = Json::array();
  for (const Match& m : c.matches) j["matches"].push_back(MatchToJson(in, m));
  j["repeated"] = RepeatedToJson(in, c);
  j["new_only"] = RefsToJson(in.new_review, c.new_only);
  j["dropped"] = RefsToJson(in.old_review, c.dropped);
  j["position_changes"] = PositionChangesToJson(in, c);
  j["breakdowns"] = BreakdownsToJson(c);
  j["states_in_one_cycle"] = {{"old_only", c.states_old_only}, {"new_only", c.states_new_only}};
  j["partial_links"] = Json::array();
  for (const Match& m : c.partial_links) j["partial_links"].push_back(MatchToJson(in, m));
  j["not_raised_again"] = NotRaisedAgainToJson(in, c);
  return j;
}

}  // namespace uprx::pipeline
