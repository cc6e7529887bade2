// Issue "Outputs": the CSV of a real review, read back with an RFC 4180 reader, has the same
// rows and values as the reviews it was written from: one row per recommendation x recommending
// State (one for a recommendation without State), in order, with ids, texts, States and
// responses unchanged (quotes, commas and line breaks in texts survive the quoting).
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <sstream>
#include <string_view>
#include <utility>

#include "pipeline/eval/uprinfo_eval.h"
#include "pipeline/formats/csv_writer.h"
#include "pipeline/run/review_join.h"
#include "pipeline/run/runner.h"
#include "tests/corpus/corpus_env.h"
#include "tests/strict_csv.h"

namespace uprx::pipeline {
namespace {

std::vector<core::Review> Reviews(const std::vector<std::string>& files) {
  static const DocumentProcessor* const kProcessor = new DocumentProcessor();
  std::vector<std::string> paths;
  for (const auto& f : files) paths.push_back(testing::CorporaDir() + "/" + f);
  return JoinReviews(RunDocuments(*kProcessor, paths, {2, false}));
}

using uprx::testing::ReadRfc4180;

// The CSV's rows as column name -> value, header checked and dropped.
std::vector<std::map<std::string, std::string>> ReadBack(const std::string& csv) {
  const auto records = ReadRfc4180(csv);
  // The evaluation's lenient reader (the one UPR Info's export goes through) agrees on the count.
  const auto lenient = ParseCsv(csv, "roundtrip.csv");
  EXPECT_TRUE(lenient.ok()) << lenient.status().ToString();
  if (lenient.ok()) {
    EXPECT_EQ(lenient.value().size(), records.size());
  }
  std::vector<std::map<std::string, std::string>> rows;
  if (records.empty()) return rows;
  EXPECT_EQ(records[0], CsvColumns());
  for (std::size_t i = 1; i < records.size(); ++i) {
    const auto& fields = records[i];
    EXPECT_EQ(fields.size(), CsvColumns().size()) << "record " << i;
    std::map<std::string, std::string> row;
    for (std::size_t c = 0; c < std::min(fields.size(), CsvColumns().size()); ++c) {
      row[CsvColumns()[c]] = fields[c];
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

struct Expected {
  const core::Recommendation* rec;
  const core::StateRef* state;  // null for the row of a recommendation without State
};

std::vector<Expected> ExpectedRows(const std::vector<core::Review>& reviews) {
  std::vector<Expected> out;
  for (const auto& review : reviews) {
    for (const auto& r : review.recommendations) {
      if (r.recommending_states.empty()) out.push_back({&r, nullptr});
      for (const auto& s : r.recommending_states) out.push_back({&r, &s});
    }
  }
  return out;
}

// Writes the CSV of `reviews`, reads it back and compares row by row; returns the row count.
std::size_t ExpectRoundTrip(const std::vector<core::Review>& reviews, const std::string& name) {
  std::ostringstream out;
  WriteCsv(out, reviews);
  const auto rows = ReadBack(out.str());
  const auto expected = ExpectedRows(reviews);
  EXPECT_EQ(rows.size(), expected.size()) << name;
  for (std::size_t i = 0; i < std::min(rows.size(), expected.size()); ++i) {
    const core::Recommendation& r = *expected[i].rec;
    const core::StateRef none;
    const core::StateRef& s = expected[i].state ? *expected[i].state : none;
    const auto& row = rows[i];
    EXPECT_EQ(row.at("id"), r.id) << name << " row " << i;
    EXPECT_EQ(row.at("number"), r.number) << r.id;
    EXPECT_EQ(row.at("Text"), r.text) << r.id;
    EXPECT_EQ(row.at("From"), s.name) << r.id;
    EXPECT_EQ(row.at("From-Rgrp"), s.regional_group) << r.id;
    EXPECT_EQ(row.at("from_iso3"), s.iso3) << r.id;
    EXPECT_EQ(row.at("segment"), s.segment) << r.id;
    EXPECT_EQ(row.at("position"), core::PositionKey(r.position.value)) << r.id;
    EXPECT_EQ(row.at("Response"), UprInfoResponse(r.position.value)) << r.id;
    EXPECT_EQ(row.at("source_page"), std::to_string(r.source.page)) << r.id;
  }
  return rows.size();
}

std::size_t CountIf(const std::vector<core::Review>& reviews,
                    bool (*pred)(const core::Recommendation&)) {
  std::size_t n = 0;
  for (const auto& review : reviews) {
    n += static_cast<std::size_t>(
        std::count_if(review.recommendations.begin(), review.recommendations.end(), pred));
  }
  return n;
}

TEST(CsvRoundTrip, Cambodia2014GivesTheSameRowsAndValues) {
  CORPUS_OR_SKIP();
  const auto reviews = Reviews({"wg-reports/cambodia2014.pdf"});
  ASSERT_EQ(reviews.size(), 1u);
  ASSERT_EQ(reviews[0].recommendations.size(), 205u);
  // Cycle-2 reports name one State per item: one row each.
  EXPECT_EQ(ExpectRoundTrip(reviews, "cambodia2014"), 205u);
}

TEST(CsvRoundTrip, SloveniaC4ReportAddendumAndListGiveTheSameRowsAndValues) {
  CORPUS_OR_SKIP();
  const auto reviews = Reviews({"slovenia/c4/g2502644.pdf", "slovenia/c4/g2505828.pdf",
                                "slovenia/c4/upr48-slovenia-thematic-list-of-recommendatio.docx"});
  ASSERT_EQ(reviews.size(), 1u);
  ASSERT_EQ(reviews[0].recommendations.size(), 254u);
  // 252 items by one State, 140.1 by eight and one by two: 252 + 8 + 2 rows.
  EXPECT_EQ(ExpectRoundTrip(reviews, "slovenia-c4"), 262u);
  // The join's final positions and the list's labels reach the CSV.
  EXPECT_EQ(CountIf(reviews,
                    [](const core::Recommendation& r) {
                      return r.position.value == core::PositionValue::kNoted;
                    }),
            37u);
  EXPECT_GT(CountIf(reviews, [](const core::Recommendation& r) { return !r.given_labels.empty(); }),
            0u);
}

TEST(CsvRoundTrip, TextsWithQuotesCommasAndLineBreaksSurvive) {
  CORPUS_OR_SKIP();
  const auto reviews = Reviews({"wg-reports/cambodia2014.pdf"});
  ASSERT_EQ(reviews.size(), 1u);
  // The real texts hold commas; make sure quoting is exercised, then add the harder cases.
  EXPECT_GT(
      CountIf(reviews,
              [](const core::Recommendation& r) { return r.text.find(',') != std::string::npos; }),
      50u);
  auto edited = reviews;
  edited[0].recommendations[0].text += " \"quoted\",\r\nnext line\rand\nmore";
  ExpectRoundTrip(edited, "cambodia2014 edited");
}

}  // namespace
}  // namespace uprx::pipeline
