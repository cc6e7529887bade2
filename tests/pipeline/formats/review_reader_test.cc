#include "pipeline/formats/review_reader.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "pipeline/formats/json_writer.h"

namespace uprx::pipeline {
namespace {

core::AssignedLabel Label(std::string taxonomy, std::string id, std::string role = "") {
  return {std::move(taxonomy), std::move(id),  "Name of " + id, 0.8125, "rules",
          {"ratify", "CAT"},   std::move(role)};
}

// A review using every field the writer knows, with values that differ from the defaults.
core::Review FullReview() {
  core::Review r;
  r.sur_name = "Testland";
  r.sur_iso3 = "TST";
  r.cycle = 3;
  r.wg_session = 34;
  r.year = 2019;
  r.taxonomies = {{"uhri", "2024-01"}, {"action", "1"}};
  core::DocumentInfo d;
  d.file = "report.pdf";
  d.sha256 = "ab12";
  d.format = core::Format::kPdf;
  d.pages = 27;
  d.language = "en";
  d.symbol = "A/HRC/42/1";
  d.kind = core::DocumentKind::kWgReport;
  d.date = "2019-07-01";
  d.declared.received = 190;
  d.declared.noted = 7;
  d.draft = true;  // written as "status": "draft"
  r.documents.push_back(d);
  core::Recommendation rec;
  rec.id = "TST-c3-118.1";
  rec.number = "118.1";
  rec.paragraph = 118;
  rec.printed_number = "118.01";
  rec.text = "Ratify OP-CAT \"now\" \u2013 caf\u00e9";
  rec.recommending_states.push_back({"France", "FRA", "WEOG", "France", ""});
  rec.recommending_states.push_back({"Chile", "CHL", "GRULAC", "Chile", "the clause"});
  rec.position = {core::PositionValue::kSupported,
                  "enjoy the support",
                  "addendum",
                  "A/HRC/42/1/Add.1",
                  5,
                  "because"};
  rec.position_history.push_back({core::PositionValue::kPending, "will examine", "working_group",
                                  "A/HRC/42/1", 118, std::nullopt});
  rec.source = {"A/HRC/42/1", 14, 40211, 40398};
  rec.given_labels.themes = {"A12 Acceptance of international norms"};
  rec.given_labels.sdgs = {"16"};
  rec.labels.themes = std::vector<core::AssignedLabel>{Label("uhri", "A12")};
  rec.labels.issues = std::vector<core::AssignedLabel>{};  // classified, no label
  rec.labels.action = Label("action", "5");
  rec.labels.sdgs = std::vector<core::AssignedLabel>{Label("sdg", "16")};
  rec.labels.ministries = std::vector<core::AssignedLabel>{Label("ministries", "MOJ", "lead")};
  r.recommendations.push_back(rec);
  core::Recommendation bare;  // every optional fact absent
  bare.id = "TST-c3-118.2";
  bare.number = "118.2";
  r.recommendations.push_back(bare);
  r.diagnostics.push_back({"warning", "number_repaired", "A/HRC/42/1", 3, "printed 118.09"});
  r.diagnostics.push_back({"info", "no_page", "", 0, "x"});
  return r;
}

std::string Written(const std::vector<core::Review>& reviews,
                    const std::vector<core::FileError>& errors) {
  std::ostringstream out;
  WriteJson(out, reviews, errors);
  return out.str();
}

TEST(ReviewReader, RoundTripReproducesTheBytes) {
  const std::string first =
      Written({FullReview(), core::Review{}}, {{"x.pdf", "pdf_unreadable", "x.pdf: broken"}});
  const core::Result<ReviewFile> read = ParseReviewsJson(first, "fixture");
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  EXPECT_EQ(Written(read.value().reviews, read.value().errors), first);
}

TEST(ReviewReader, RestoresTheModelFieldsThatMatterDownstream) {
  const core::Result<ReviewFile> read = ParseReviewsJson(Written({FullReview()}, {}), "fixture");
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  const core::Review& r = read.value().reviews.at(0);
  EXPECT_EQ(r.taxonomies.at("uhri"), "2024-01");
  const core::Recommendation& rec = r.recommendations.at(0);
  ASSERT_TRUE(rec.labels.action.has_value());
  EXPECT_EQ(rec.labels.action->id, "5");
  EXPECT_EQ(rec.labels.action->taxonomy, "action");
  ASSERT_TRUE(rec.labels.issues.has_value());
  EXPECT_TRUE(rec.labels.issues->empty());
  EXPECT_FALSE(rec.labels.groups.has_value());
  EXPECT_EQ(rec.labels.ministries->at(0).role, "lead");
  EXPECT_EQ(rec.recommending_states.at(1).segment, "the clause");
  EXPECT_TRUE(r.recommendations.at(1).labels.empty());
  EXPECT_EQ(r.recommendations.at(1).position.value, core::PositionValue::kUnknown);
}

TEST(ReviewReader, TaxonomiesOfTheGeneratorGoToEveryReview) {
  const std::string text =
      R"({"schema":"uprx/1","generator":{"taxonomies":{"uhri":"v2"}},"reviews":[{},{}]})";
  const core::Result<ReviewFile> read = ParseReviewsJson(text, "t");
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  ASSERT_EQ(read.value().reviews.size(), 2u);
  EXPECT_EQ(read.value().reviews[1].taxonomies.at("uhri"), "v2");
}

struct BadInput {
  const char* name;
  const char* text;
  const char* message_part;
};

TEST(ReviewReader, BadInputIsJsonInvalidWithTheReason) {
  const BadInput cases[] = {
      {"not json", "{\"schema\": ", "byte"},
      {"empty", "", "byte"},
      {"array", "[1,2]", "not a uprx/1 document"},
      {"other schema", R"({"schema":"uprx/2","reviews":[]})", "not a uprx/1 document"},
      {"no reviews", R"({"schema":"uprx/1"})", "reviews"},
      {"text a number", R"({"schema":"uprx/1","reviews":[{"recommendations":[{"text":5}]}]})",
       "reviews[0].recommendations[0].text: expected a string"},
      {"cycle a float", R"({"schema":"uprx/1","reviews":[{"cycle":1e300}]})",
       "reviews[0].cycle: expected an integer"},
      {"cycle too big", R"({"schema":"uprx/1","reviews":[{"cycle":99999999999}]})", "out of range"},
      {"negative span",
       R"({"schema":"uprx/1","reviews":[{"recommendations":[{"source":{"span":[-1,2]}}]}]})",
       "span[0]"},
      {"review not an object", R"({"schema":"uprx/1","reviews":[3]})", "expected an object"},
      {"position not one of SCHEMA.md's",
       R"({"schema":"uprx/1","reviews":[{"recommendations":[{"position":{"value":"Accepted"}}]}]})",
       "position.value: unknown position \"Accepted\""},
      {"evidence not strings",
       R"({"schema":"uprx/1","reviews":[{"recommendations":[{"labels":{"themes":[{"evidence":[1]}]}}]}]})",
       "evidence[0]"},
  };
  for (const BadInput& c : cases) {
    const core::Result<ReviewFile> read = ParseReviewsJson(c.text, "in.json");
    ASSERT_FALSE(read.ok()) << c.name;
    EXPECT_EQ(read.status().code(), "json_invalid") << c.name;
    EXPECT_NE(read.status().message().find("in.json"), std::string::npos) << c.name;
    EXPECT_NE(read.status().message().find(c.message_part), std::string::npos)
        << c.name << ": " << read.status().message();
  }
}

TEST(ReviewReader, MissingFileIsUnreadable) {
  const core::Result<ReviewFile> read = ReadReviewsJson("/nonexistent-dir/x.json");
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.status().code(), "unreadable");
  EXPECT_EQ(ReadReviewsJson("/tmp").status().code(), "unreadable");
}

TEST(ReviewReader, ReadsAFileFromDisk) {
  const std::string path = ::testing::TempDir() + "review_reader_test.json";
  const std::string text = Written({FullReview()}, {});
  std::ofstream(path, std::ios::binary) << text;
  const core::Result<ReviewFile> read = ReadReviewsJson(path);
  std::remove(path.c_str());
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  EXPECT_EQ(Written(read.value().reviews, {}), text);
}

}  // namespace
}  // namespace uprx::pipeline
