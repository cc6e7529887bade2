#include "pipeline/formats/jsonl_writer.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "pipeline/formats/json_writer.h"

namespace uprx::pipeline {
namespace {

core::Review Review(const std::string& iso3, int items, int states_each) {
  core::Review r;
  r.sur_name = "Testland";
  r.sur_iso3 = iso3;
  r.cycle = 2;
  r.wg_session = 18;
  for (int i = 1; i <= items; ++i) {
    core::Recommendation rec;
    rec.id = iso3 + "-c2-118." + std::to_string(i);
    rec.number = "118." + std::to_string(i);
    rec.text = "Ratify \"the\" Convention,\nnow";
    for (int s = 0; s < states_each; ++s) {
      rec.recommending_states.push_back({"France", "FRA", "WEOG", "France", ""});
    }
    r.recommendations.push_back(rec);
  }
  return r;
}

std::vector<std::string> Lines(const std::vector<core::Review>& reviews) {
  std::ostringstream out;
  WriteJsonl(out, reviews);
  std::vector<std::string> lines;
  std::istringstream in(out.str());
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  EXPECT_TRUE(out.str().empty() || out.str().back() == '\n');
  return lines;
}

TEST(JsonlWriter, WritesOneLinePerRecommendationNotPerState) {
  const auto lines = Lines({Review("AAA", 2, 3), Review("BBB", 1, 0)});
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(nlohmann::json::parse(lines[0])["id"], "AAA-c2-118.1");
  EXPECT_EQ(nlohmann::json::parse(lines[1])["id"], "AAA-c2-118.2");
  EXPECT_EQ(nlohmann::json::parse(lines[2])["id"], "BBB-c2-118.1");
  EXPECT_EQ(nlohmann::json::parse(lines[0])["recommending_states"].size(), 3u);
}

TEST(JsonlWriter, WritesNothingForNoRecommendations) {
  EXPECT_TRUE(Lines({}).empty());
  EXPECT_TRUE(Lines({Review("AAA", 0, 0)}).empty());
}

TEST(JsonlWriter, KeepsTextLineBreaksEscapedInsideOneLine) {
  const auto lines = Lines({Review("AAA", 1, 1)});
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(nlohmann::json::parse(lines[0])["text"], "Ratify \"the\" Convention,\nnow");
}

TEST(JsonlWriter, LineIsTheReviewsKeysThenTheRecommendationAsInTheJson) {
  const core::Review review = Review("AAA", 1, 1);
  const auto line = nlohmann::ordered_json::parse(Lines({review})[0]);
  const auto json = ReviewToJson(review);
  nlohmann::ordered_json expected;
  for (const char* key : {"state_under_review", "cycle", "wg_session", "year"}) {
    expected[key] = json[key];
  }
  for (const auto& [key, value] : json["recommendations"][0].items()) expected[key] = value;
  EXPECT_EQ(line, expected);  // same keys, same order, same values
  EXPECT_TRUE(line["year"].is_null());
  EXPECT_TRUE(line["labels"].is_null());
  EXPECT_EQ(line["state_under_review"]["iso3"], "AAA");
}

TEST(JsonlWriter, IsDeterministic) {
  const std::vector<core::Review> reviews = {Review("AAA", 3, 2)};
  EXPECT_EQ(Lines(reviews), Lines(reviews));
}

}  // namespace
}  // namespace uprx::pipeline
