#include "pipeline/eval/uprinfo_eval.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace uprx::pipeline {
namespace {

constexpr std::string_view kHeader =
    "To,To-Rgrp,To-Org,Text,From,From-Rgrp,From-Org,Response,Action,Issue,Session";

// One export row with the columns the evaluation does not read filled in.
std::string Row(std::string_view to, std::string_view text, std::string_view from, int session) {
  return std::string(to) + ",Asia,OIC,\"" + std::string(text) + "\"," + std::string(from) +
         ",WEOG,EU,Accepted,5,General," + std::to_string(session);
}

std::string Csv(const std::vector<std::string>& rows, std::string_view eol = "\n") {
  std::string csv(kHeader);
  for (const std::string& row : rows) csv += std::string(eol) + row;
  return csv;
}

UprInfoLabels Labels(const std::vector<LabelFile>& files) {
  auto labels = UprInfoLabels::FromFiles(files);
  EXPECT_TRUE(labels.ok()) << labels.status().ToString();
  return labels.ok() ? std::move(labels).value() : UprInfoLabels();
}

// A uprx/1 document with one review; `recommendations` is the JSON array's content.
std::string ReviewJson(std::string_view recommendations, std::string_view sur = "Cambodia",
                       std::string_view session = "18") {
  return std::string(R"({"schema":"uprx/1","generator":{},"reviews":[{"state_under_review":)") +
         R"({"name":")" + std::string(sur) + R"(","iso3":null},"cycle":2,"wg_session":)" +
         std::string(session) + R"(,"year":2014,"documents":[],"recommendations":[)" +
         std::string(recommendations) + R"(],"diagnostics":[]}],"errors":[]})";
}

std::string Rec(std::string_view id, std::string_view text, std::string_view states) {
  return R"({"id":")" + std::string(id) + R"(","text":")" + std::string(text) +
         R"(","recommending_states":[)" + std::string(states) + "]}";
}

std::string State(std::string_view name, std::string_view iso3 = "",
                  std::string_view segment = "") {
  auto quoted = [](std::string_view v) {
    return v.empty() ? std::string("null") : "\"" + std::string(v) + "\"";
  };
  return R"({"name":")" + std::string(name) + R"(","iso3":)" + quoted(iso3) + R"(,"as_written":")" +
         std::string(name) + R"(","segment":)" + quoted(segment) + "}";
}

EvalReview OneReview(const std::string& json) {
  auto reviews = ParseEvalReviews(json, "test.json");
  EXPECT_TRUE(reviews.ok()) << reviews.status().ToString();
  if (!reviews.ok() || reviews.value().size() != 1) return EvalReview();
  return reviews.value().front();
}

// ---- CSV -------------------------------------------------------------------------------------

TEST(UprInfoCsv, ReadsQuotedCommasDoubledQuotesAndEmbeddedLineBreaks) {
  auto rows = ParseCsv("a,\"b, c\",\"say \"\"hi\"\"\"\n\"two\r\nlines\",,x\n", "t.csv");
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows.value().size(), 2u);
  EXPECT_EQ(rows.value()[0].fields, (std::vector<std::string>{"a", "b, c", "say \"hi\""}));
  EXPECT_EQ(rows.value()[1].fields, (std::vector<std::string>{"two\nlines", "", "x"}));
  EXPECT_EQ(rows.value()[1].line, 2);
}

TEST(UprInfoCsv, EndsRecordsAtCrLfOrCrlfAndCountsLinesOnce) {
  for (std::string_view eol : {"\r", "\n", "\r\n"}) {
    const std::string text = "h1,h2" + std::string(eol) + "a,b" + std::string(eol) +
                             std::string(eol) + "c,\"d" + std::string(eol) + "e\"" +
                             std::string(eol) + "f,g";
    auto rows = ParseCsv(text, "t.csv");
    ASSERT_TRUE(rows.ok()) << rows.status().ToString();
    ASSERT_EQ(rows.value().size(), 4u) << "eol " << eol.size();
    EXPECT_EQ(rows.value()[2].fields[1], "d\ne");
    EXPECT_EQ(rows.value()[2].line, 4);  // the blank line 3 is no record
    EXPECT_EQ(rows.value()[3].line, 6);
    EXPECT_EQ(rows.value()[3].fields[1], "g");
  }
}

TEST(UprInfoCsv, KeepsEmptyTrailingFieldAndQuotedEmptyField) {
  auto rows = ParseCsv("a,\n\"\"\n", "t.csv");
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows.value().size(), 2u);
  EXPECT_EQ(rows.value()[0].fields, (std::vector<std::string>{"a", ""}));
  EXPECT_EQ(rows.value()[1].fields, (std::vector<std::string>{""}));
}

TEST(UprInfoCsv, NamesFileAndLineOfAnUnterminatedQuote) {
  auto rows = ParseCsv("a,b\nc,\"never closed\nmore", "broken.csv");
  ASSERT_FALSE(rows.ok());
  EXPECT_EQ(rows.status().code(), "csv_invalid");
  EXPECT_NE(rows.status().message().find("broken.csv:2"), std::string::npos);
}

TEST(UprInfoCsv, RejectsTextAfterAClosingQuote) {
  auto rows = ParseCsv("\"a\"b,c\n", "t.csv");
  ASSERT_FALSE(rows.ok());
  EXPECT_NE(rows.status().message().find("t.csv:1"), std::string::npos);
}

TEST(UprInfoCsv, DecodesMacRomanAndKeepsUtf8) {
  auto mac = LabelTextToUtf8("Equit\x8e", "m.csv");  // 0x8E is é in Mac Roman
  ASSERT_TRUE(mac.ok()) << mac.status().ToString();
  EXPECT_EQ(mac.value(), "Equit\xC3\xA9");
  auto utf8 = LabelTextToUtf8("\xEF\xBB\xBFS\xC3\xA9l\xC3\xA9ka", "u.csv");
  ASSERT_TRUE(utf8.ok());
  EXPECT_EQ(utf8.value(), "S\xC3\xA9l\xC3\xA9ka");
}

// ---- Tokens ----------------------------------------------------------------------------------

TEST(UprInfoTokens, NormaliseCaseQuotesPunctuationSpacesAndInfinitive) {
  const struct {
    std::string_view text;
    std::vector<std::string> tokens;
  } kCases[] = {
      {"To  Ratify the \xE2\x80\x9C"
       "CRC\xE2\x80\x9D;",
       {"ratify", "the", "crc"}},
      {"women\xE2\x80\x99s rights", {"women", "s", "rights"}},
      {"women's rights", {"women", "s", "rights"}},
      {"HIV/AIDS, 2012-2016.", {"hiv", "aids", "2012", "2016"}},
      {"Cote d\xE2\x80\x99Ivoire", {"cote", "d", "ivoire"}},
      {"Continue to work", {"continue", "to", "work"}},  // only a leading "to" goes
      {"", {}},
      // former bugs
      {"Se\xCC\x81le\xCC\x81ka", {"s\xC3\xA9l\xC3\xA9ka"}},  // decomposed accents -> NFC
  };
  for (const auto& c : kCases) EXPECT_EQ(MatchTokens(c.text), c.tokens) << c.text;
}

TEST(UprInfoTokens, CoverageIsTheShareOfGoldWordsFound) {
  const std::vector<std::string> pred = {"a", "b", "c", "c", "d"};
  EXPECT_DOUBLE_EQ(GoldCoverage(pred, {"a", "b"}), 1.0);
  EXPECT_DOUBLE_EQ(GoldCoverage(pred, {"a", "x", "y", "z"}), 0.25);
  EXPECT_DOUBLE_EQ(GoldCoverage(pred, {"c", "c", "c"}), 2.0 / 3.0);  // a multiset
  EXPECT_DOUBLE_EQ(TokenDice(pred, {"a", "b"}), 4.0 / 7.0);
  EXPECT_DOUBLE_EQ(GoldCoverage({}, {"a"}), 0.0);
}

// ---- Labels ----------------------------------------------------------------------------------

TEST(UprInfoLabels, GroupsRowsBySurAndSessionAndResolvesNames) {
  const UprInfoLabels labels = Labels({{"a.csv", Csv({
                                                     Row("Cambodia", "Ratify CAT", "France", 18),
                                                     Row("Cambodia", "Ratify CED", "Chile", 18),
                                                     Row("Cambodia", "Ratify CAT", "France", 6),
                                                 })}});
  EXPECT_EQ(labels.rows(), 3u);
  const ReviewGold* gold = labels.Find(StateMatchKey("Cambodia"), 18);
  ASSERT_NE(gold, nullptr);
  EXPECT_EQ(gold->rows.size(), 2u);
  EXPECT_EQ(gold->rows[0].origin, "a.csv:2");
  EXPECT_EQ(gold->by_state.count(StateMatchKey("France")), 1u);
  EXPECT_EQ(labels.Find(StateMatchKey("Cambodia"), 19), nullptr);
}

TEST(UprInfoLabels, ReadsCrLineEndingsAndMacRoman) {
  const UprInfoLabels labels =
      Labels({{"cr.csv", Csv({Row("Rwanda", "Disarm the Forces d\x8emocratiques", "France", 19),
                              Row("Rwanda", "Second row", "Chile", 19)},
                             "\r")}});
  const ReviewGold* gold = labels.Find(StateMatchKey("Rwanda"), 19);
  ASSERT_NE(gold, nullptr);
  ASSERT_EQ(gold->rows.size(), 2u);
  EXPECT_EQ(gold->rows[0].text, "Disarm the Forces d\xC3\xA9mocratiques");
  EXPECT_EQ(gold->rows[1].origin, "cr.csv:3");
}

TEST(UprInfoLabels, SkipsVoluntaryPledges) {
  const UprInfoLabels labels = Labels(
      {{"voluntary.csv", Csv({Row("Albania", "The Government is committed to ...", "Albania", 6)})},
       {"a.csv", Csv({Row("Albania", "Adopt anti-discrimination laws", "Egypt", 6)})}});
  EXPECT_EQ(labels.pledges_skipped(), 1u);
  EXPECT_EQ(labels.rows(), 1u);
}

TEST(UprInfoLabels, TakesAReviewPresentInTwoFilesFromOneFileOnly) {
  // The session-17 overlap: both downloads hold Chad 17, the second with one row edited.
  const std::string first = Csv({Row("Chad", "Abolish the death penalty", "France", 17),
                                 Row("Chad", "Ratify OP-CAT", "Chile", 17),
                                 Row("Chad", "Ratify OP-CAT", "Chile", 17)});  // kept: same file
  const std::string second = Csv({Row("Chad", "Abolish the death penalty.", "France", 17),
                                  Row("Chad", "Ratify OP-CAT", "Chile", 17),
                                  Row("Chad", "Protect journalists", "Spain", 18)});
  const UprInfoLabels labels = Labels({{"14-17.csv", first}, {"17-20.csv", second}});
  const ReviewGold* gold = labels.Find(StateMatchKey("Chad"), 17);
  ASSERT_NE(gold, nullptr);
  EXPECT_EQ(gold->rows.size(), 3u);
  EXPECT_EQ(gold->rows[0].text, "Abolish the death penalty");
  EXPECT_EQ(labels.overlap_rows_dropped(), 2u);
  EXPECT_NE(labels.Find(StateMatchKey("Chad"), 18), nullptr);
}

TEST(UprInfoLabels, OnATieTheFirstFileWins) {
  const UprInfoLabels labels =
      Labels({{"14-17.csv", Csv({Row("Chad", "Version one", "France", 17)})},
              {"17-20.csv", Csv({Row("Chad", "Version two", "France", 17)})}});
  ASSERT_NE(labels.Find(StateMatchKey("Chad"), 17), nullptr);
  EXPECT_EQ(labels.Find(StateMatchKey("Chad"), 17)->rows[0].text, "Version one");
}

TEST(UprInfoLabels, NamesTheLineOfABadRow) {
  auto labels = UprInfoLabels::FromFiles(
      {{"bad.csv", Csv({Row("Chad", "x", "France", 17), "Chad,only,three"})}});
  ASSERT_FALSE(labels.ok());
  EXPECT_NE(labels.status().message().find("bad.csv:3"), std::string::npos);
}

// ---- Reviews ---------------------------------------------------------------------------------

TEST(UprInfoReviews, ReportsInvalidJsonAndOtherSchemasNamingTheFile) {
  auto broken = ParseEvalReviews("{\"schema\": ", "broken.json");
  ASSERT_FALSE(broken.ok());
  EXPECT_EQ(broken.status().code(), "json_invalid");
  EXPECT_NE(broken.status().message().find("broken.json"), std::string::npos);
  auto other = ParseEvalReviews(R"({"schema":"other/2"})", "other.json");
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.status().code(), "not_uprx");
  auto missing = ReadEvalReviews("/nonexistent/review.json");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), "unreadable");
}

TEST(UprInfoReviews, TakesTheSegmentAsTheTextOfAStateThatMadeOneClause) {
  const EvalReview review =
      OneReview(ReviewJson(Rec("1", "Ratify X (Ukraine); Increase efforts towards Y (Slovakia)",
                               State("Ukraine", "UKR", "Ratify X") + "," +
                                   State("Slovakia", "SVK", "Increase efforts towards Y"))));
  ASSERT_EQ(review.pairs.size(), 2u);
  EXPECT_EQ(review.pairs[0].text, "Ratify X");
  EXPECT_EQ(review.pairs[1].text, "Increase efforts towards Y");
}

TEST(UprInfoReviews, ExpandsOnePairPerRecommendingState) {
  const EvalReview review = OneReview(
      ReviewJson(Rec("KHM-c2-118.1", "Ratify CAT", State("France", "FRA") + "," + State("Chile")) +
                 "," + Rec("KHM-c2-118.2", "Adopt a law", "")));
  ASSERT_EQ(review.pairs.size(), 3u);
  EXPECT_EQ(review.pairs[0].state_key, "FRA");
  EXPECT_EQ(review.pairs[1].state_key, StateMatchKey("Chile"));  // iso3 null: as_written
  EXPECT_EQ(review.pairs[2].state_key, "");  // no State: shows up, never matches
  EXPECT_EQ(review.pairs[0].text, "Ratify CAT");
  EXPECT_EQ(review.wg_session, 18);
}

// ---- Matching --------------------------------------------------------------------------------

class UprInfoMatch : public ::testing::Test {
 protected:
  ReviewScore ScoreOf(const std::vector<std::string>& rows, const std::string& recommendations,
                      double threshold = kDefaultMatchThreshold) {
    labels_ = Labels({{"gold.csv", Csv(rows)}});
    UprInfoScorer scorer(labels_, threshold);
    return scorer.Score(OneReview(ReviewJson(recommendations)));
  }
  UprInfoLabels labels_;
};

TEST_F(UprInfoMatch, MatchesTheSameStateDespiteLightEdits) {
  const ReviewScore s =
      ScoreOf({Row("Cambodia", "To ratify the Convention against Torture.", "France", 18)},
              Rec("1",
                  "Ratify the \xE2\x80\x9C"
                  "Convention against Torture\xE2\x80\x9D",
                  State("France")));
  EXPECT_TRUE(s.has_gold);
  EXPECT_EQ(s.matched, 1u);
  EXPECT_EQ(s.recall(), 1.0);
  EXPECT_EQ(s.precision(), 1.0);
}

TEST_F(UprInfoMatch, AcceptsAGoldTextThatUprInfoShortened) {
  const ReviewScore s = ScoreOf({Row("Cambodia", "Ratify ICRMW", "France", 18)},
                                Rec("1",
                                    "Ratify ICRMW, and ensure that the rights of migrant "
                                    "workers are respected",
                                    State("France")));
  EXPECT_EQ(s.matched, 1u);
}

TEST_F(UprInfoMatch, SplitAwareRecallCountsRowsUprInfoCutFromOneRecommendation) {
  const ReviewScore s = ScoreOf(
      {Row("Cambodia", "Ratify the Optional Protocol to CAT", "Uruguay", 18),
       Row("Cambodia", "Ratify CED", "Uruguay", 18), Row("Cambodia", "Ratify CED", "Chile", 18)},
      Rec("1", "Ratify the Optional Protocol to CAT and CED", State("Uruguay")));
  EXPECT_EQ(s.matched, 1u);
  EXPECT_EQ(s.split_covered, 1u);  // Uruguay's second row; Chile's row is a real miss
  EXPECT_NEAR(*s.recall(), 1.0 / 3.0, 1e-9);
  EXPECT_NEAR(*s.split_aware_recall(), 2.0 / 3.0, 1e-9);
}

TEST_F(UprInfoMatch, SplitAwareRecallNeedsTheCoveringPairToHaveMatched) {
  const ReviewScore s = ScoreOf({Row("Cambodia", "Ratify CED", "Uruguay", 18)},
                                Rec("1", "Abolish the death penalty", State("Uruguay")));
  EXPECT_EQ(s.split_covered, 0u);
}

TEST_F(UprInfoMatch, RejectsATruncatedExtraction) {
  const ReviewScore s =
      ScoreOf({Row("Cambodia", "Sign and ratify the Optional Protocol to CAT", "France", 18)},
              Rec("1", "Sign", State("France")));
  EXPECT_EQ(s.matched, 0u);
  ASSERT_EQ(s.unmatched_gold.size(), 1u);
  EXPECT_NEAR(s.unmatched_gold[0].best_similarity, 1.0 / 8.0, 1e-9);
  EXPECT_EQ(s.unmatched_gold[0].best_text, "Sign");
}

TEST_F(UprInfoMatch, RequiresTheSameState) {
  const ReviewScore s = ScoreOf({Row("Cambodia", "Ratify CAT", "France", 18)},
                                Rec("1", "Ratify CAT", State("Spain")));
  EXPECT_EQ(s.matched, 0u);
  ASSERT_EQ(s.unmatched_predicted.size(), 1u);
  // No gold row of Spain: the nearest of any State is shown, which points at the name.
  EXPECT_EQ(s.unmatched_predicted[0].best_state, "France");
  EXPECT_DOUBLE_EQ(s.unmatched_predicted[0].best_similarity, 1.0);
}

TEST_F(UprInfoMatch, PairsTwoIdenticalTextsFromDifferentStatesOneToOne) {
  const ReviewScore s = ScoreOf(
      {Row("Cambodia", "Ratify CAT", "France", 18), Row("Cambodia", "Ratify CAT", "Chile", 18)},
      Rec("1", "Ratify CAT", State("Chile") + "," + State("France")));
  EXPECT_EQ(s.gold, 2u);
  EXPECT_EQ(s.predicted, 2u);
  EXPECT_EQ(s.matched, 2u);
}

TEST_F(UprInfoMatch, MatchesTheSameStateTwiceOnlyAsOftenAsUprInfoListsIt) {
  // France made two recommendations; UPR Info lists one of them. The closer text wins.
  const ReviewScore s = ScoreOf({Row("Cambodia", "Ratify CAT", "France", 18)},
                                Rec("1", "Ratify CAT and its Optional Protocol", State("France")) +
                                    "," + Rec("2", "Ratify CAT", State("France")));
  EXPECT_EQ(s.matched, 1u);
  ASSERT_EQ(s.unmatched_predicted.size(), 1u);
  EXPECT_EQ(s.unmatched_predicted[0].id, "1");
  EXPECT_DOUBLE_EQ(*s.precision(), 0.5);
}

TEST_F(UprInfoMatch, ComparesTheSegmentRatherThanTheWholeItem) {
  const std::string item = "Ratify CED (Ukraine); Increase efforts towards gender equality";
  const ReviewScore s =
      ScoreOf({Row("Cambodia", "Ratify CED", "Ukraine", 18),
               Row("Cambodia", "Increase efforts towards gender equality", "Slovakia", 18)},
              Rec("1", item,
                  State("Ukraine", "UKR", "Ratify CED") + "," +
                      State("Slovakia", "SVK", "Increase efforts towards gender equality")));
  EXPECT_EQ(s.matched, 2u);
}

TEST_F(UprInfoMatch, DoesNotCreditAStateWithAnotherStatesClause) {
  // The whole item contains Slovakia's clause, Ukraine's segment does not.
  const ReviewScore s =
      ScoreOf({Row("Cambodia", "Increase efforts towards gender equality", "Ukraine", 18)},
              Rec("1", "Ratify CED (Ukraine); Increase efforts towards gender equality (Slovakia)",
                  State("Ukraine", "UKR", "Ratify CED") + "," +
                      State("Slovakia", "SVK", "Increase efforts towards gender equality")));
  EXPECT_EQ(s.matched, 0u);
  ASSERT_EQ(s.unmatched_predicted.size(), 2u);
  EXPECT_EQ(s.unmatched_predicted[0].text, "Ratify CED");
}

TEST_F(UprInfoMatch, CountsACoverageEqualToTheThresholdAsAMatch) {
  // 3 of the 4 gold words: coverage 0.75.
  const std::vector<std::string> gold = {Row("Cambodia", "Ratify the Rome Statute", "France", 18)};
  const std::string rec = Rec("1", "Ratify a Rome Statute", State("France"));
  EXPECT_EQ(ScoreOf(gold, rec, 0.75).matched, 1u);
  EXPECT_EQ(ScoreOf(gold, rec, 0.76).matched, 0u);
}

TEST_F(UprInfoMatch, ReportsAReviewWithoutGold) {
  const ReviewScore s = ScoreOf({Row("Slovenia", "Ratify CAT", "France", 20)},
                                Rec("1", "Ratify CAT", State("France")));
  EXPECT_FALSE(s.has_gold);
  EXPECT_EQ(s.gold, 0u);
  EXPECT_EQ(s.predicted, 1u);
  EXPECT_FALSE(s.recall().has_value());
  EXPECT_FALSE(s.precision().has_value());  // nothing to score against, not 0
  EXPECT_EQ(s.unmatched_predicted.size(), 1u);
}

TEST(UprInfoSummary, ScoresOnlyReviewsWithGoldAndListsTheOthers) {
  ReviewScore full, half, none;
  full.has_gold = half.has_gold = true;
  full.file = "full.json";
  full.gold = full.predicted = full.matched = 50;
  half.file = "half.json";
  half.gold = 50;
  half.predicted = 25;
  half.matched = 25;
  none.file = "none.json";
  none.predicted = 7;
  const std::vector<ReviewScore> scores = {full, half, none};
  const EvalSummary m = Summarize(scores, 1);
  EXPECT_EQ(m.reviews_scored, 2u);
  EXPECT_EQ(m.gold, 100u);
  EXPECT_EQ(m.predicted, 75u);
  EXPECT_DOUBLE_EQ(m.micro_recall, 0.75);
  EXPECT_DOUBLE_EQ(m.micro_precision, 1.0);
  EXPECT_EQ(m.complete, 1u);
  ASSERT_EQ(m.worst.size(), 1u);
  EXPECT_EQ(m.worst[0]->file, "half.json");
  ASSERT_EQ(m.without_gold.size(), 1u);
  EXPECT_EQ(m.without_gold[0]->file, "none.json");
}

}  // namespace
}  // namespace uprx::pipeline
