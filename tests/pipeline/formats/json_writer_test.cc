#include "pipeline/formats/json_writer.h"

#include <gtest/gtest.h>

#include <sstream>

namespace uprx::pipeline {
namespace {

core::Review SampleReview(const std::string& iso3, int items) {
  core::Review r;
  r.sur_name = "Testland";
  r.sur_iso3 = iso3;
  r.cycle = 2;
  for (int i = 1; i <= items; ++i) {
    core::Recommendation rec;
    rec.number = "118." + std::to_string(i);
    rec.text = "Ratify \"the\" Convention";
    rec.recommending_states.push_back({"France", "FRA", "WEOG", "France", ""});
    r.recommendations.push_back(rec);
  }
  r.diagnostics.push_back({"warning", "number_repaired", "A/HRC/1/1", 3, "printed 118.09"});
  return r;
}

std::string Streamed(const std::vector<core::Review>& reviews,
                     const std::vector<core::FileError>& errors) {
  std::ostringstream out;
  WriteJson(out, reviews, errors);
  return out.str();
}

TEST(JsonWriter, StreamedOutputEqualsTheWholeDocumentDump) {
  const std::vector<core::Review> reviews = {SampleReview("AAA", 2), SampleReview("BBB", 0)};
  const std::vector<core::FileError> errors = {{"x.pdf", "pdf_unreadable", "x.pdf: broken"}};
  EXPECT_EQ(Streamed(reviews, errors), OutputToJson(reviews, errors).dump(2) + "\n");
  EXPECT_EQ(Streamed({}, {}), OutputToJson({}, {}).dump(2) + "\n");
  EXPECT_EQ(Streamed(reviews, {}), OutputToJson(reviews, {}).dump(2) + "\n");
}

TEST(JsonWriter, AbsentFactsAreNullAndLabelsAreNotClassified) {
  const auto j = OutputToJson({SampleReview("AAA", 1)}, {});
  EXPECT_EQ(j["schema"], "uprx/1");
  const auto& rec = j["reviews"][0]["recommendations"][0];
  EXPECT_TRUE(rec["labels"].is_null());
  EXPECT_TRUE(rec["recommending_states"][0]["segment"].is_null());
  EXPECT_TRUE(j["reviews"][0]["year"].is_null());
  EXPECT_EQ(j["reviews"][0]["summary"]["positions"]["unknown"], 1);
}

TEST(JsonWriter, UnwritablePathIsAnErrorNamingIt) {
  const core::Status s = WriteFileAtomically("/nonexistent-dir/out.json", "{}");
  EXPECT_EQ(s.code(), "output_unwritable");
  EXPECT_NE(s.message().find("/nonexistent-dir/out.json"), std::string::npos);
}

}  // namespace
}  // namespace uprx::pipeline
