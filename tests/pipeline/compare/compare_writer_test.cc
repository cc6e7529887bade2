#include "pipeline/compare/compare_writer.h"

#include <gtest/gtest.h>

#include <sstream>

#include "pipeline/eval/compare_eval.h"

namespace uprx::pipeline {
namespace {

core::Recommendation Rec(const std::string& id, const std::string& text,
                         const std::string& position) {
  core::Recommendation r;
  r.id = id;
  r.number = id.substr(id.rfind('-') + 1);
  r.text = text;
  r.position.value = position;
  r.recommending_states.push_back({"France", "FRA", "WEOG", "France", ""});
  return r;
}

struct Fixture {
  core::Review old_review, new_review;
  CompareTerms terms = CompareTerms::LoadDefault().value();
  Comparison comparison;
  Fixture() {
    old_review.sur_iso3 = new_review.sur_iso3 = "TST";
    old_review.recommendations = {Rec("TST-c1-1.1", "Ratify OP-CAT", "noted"),
                                  Rec("TST-c1-1.2", "Abolish the death penalty <now>", "noted")};
    new_review.recommendations = {
        Rec("TST-c2-2.1", "Ratify the Optional Protocol to the Convention against Torture",
            "supported"),
        Rec("TST-c2-2.2", "Protect journalists & bloggers", "supported")};
    comparison = Comparer(terms).Compare(old_review, new_review).value();
  }
  ComparedReviews In() const { return {old_review, new_review, "old.json", "new.json"}; }
};

TEST(CompareWriter, JsonNamesBothSidesAndTheEvidence) {
  const Fixture f;
  const nlohmann::ordered_json j = CompareToJson(f.In(), f.comparison);
  EXPECT_EQ(j["schema"], "uprx.compare/1");
  ASSERT_EQ(j["matches"].size(), 1u);
  EXPECT_EQ(j["matches"][0]["old_id"], "TST-c1-1.1");
  EXPECT_EQ(j["matches"][0]["new_id"], "TST-c2-2.1");
  EXPECT_EQ(j["matches"][0]["evidence"]["terms"][0], "OPCAT");
  EXPECT_EQ(j["summary"]["position_changes"]["noted_to_supported"], 1);
  EXPECT_EQ(j["new_only"][0]["id"], "TST-c2-2.2");
  EXPECT_EQ(j["dropped"][0]["id"], "TST-c1-1.2");
  EXPECT_FALSE(j["breakdowns"]["themes"]["classified"]);
  EXPECT_EQ(j.dump(), CompareToJson(f.In(), f.comparison).dump());  // deterministic
}

TEST(CompareWriter, MarkdownSaysWhatWasNotClassified) {
  const Fixture f;
  std::ostringstream out;
  WriteCompareMarkdown(out, f.In(), f.comparison);
  EXPECT_NE(out.str().find("Not classified"), std::string::npos);
  EXPECT_NE(out.str().find("noted → supported"), std::string::npos);
}

TEST(CompareWriter, PositionsAreWordsInMarkdownAndHtml) {
  Fixture f;
  f.new_review.recommendations[1].position.value = "supported_in_part";
  f.comparison = Comparer(f.terms).Compare(f.old_review, f.new_review).value();
  std::ostringstream md, html;
  WriteCompareMarkdown(md, f.In(), f.comparison);
  WriteCompareHtml(html, f.In(), f.comparison);
  for (const std::string& out : {md.str(), html.str()}) {
    EXPECT_NE(out.find("(supported in part; FRA)"), std::string::npos) << out;
    EXPECT_EQ(out.find("supported_in_part"), std::string::npos);
  }
}

TEST(CompareWriter, HtmlIsSelfContainedAndEscaped) {
  const Fixture f;
  std::ostringstream out;
  WriteCompareHtml(out, f.In(), f.comparison);
  const std::string html = out.str();
  EXPECT_NE(html.find("<svg"), std::string::npos);
  for (const char* external : {"http:", "https:", "src=", "href=", "<script", "@import"}) {
    EXPECT_EQ(html.find(external), std::string::npos) << external;
  }
  EXPECT_NE(html.find("&lt;now&gt;"), std::string::npos);
  EXPECT_NE(html.find("journalists &amp; bloggers"), std::string::npos);
}

TEST(CompareGold, BadLinesNameTheLine) {
  EXPECT_TRUE(ParseCompareGold("# c\nold_id\tnew_id\tlabel\treason\na\tb\tsame\twhy\n", "g").ok());
  const struct {
    const char* tsv;
    const char* part;
  } cases[] = {{"a\tb\tsame\twhy\n", "g:1: expected the header"},
               {"old_id\tnew_id\tlabel\treason\na\tb\tmaybe\twhy\n", "g:2: unknown label"},
               {"old_id\tnew_id\tlabel\treason\na\tb\tsame\n", "g:2: expected 4"},
               {"old_id\tnew_id\tlabel\treason\na\tb\tsame\tx\na\tb\tpartial\ty\n", "g:3: pair"}};
  for (const auto& c : cases) {
    const auto parsed = ParseCompareGold(c.tsv, "g");
    ASSERT_FALSE(parsed.ok()) << c.tsv;
    EXPECT_NE(parsed.status().message().find(c.part), std::string::npos)
        << parsed.status().message();
  }
}

TEST(CompareGold, PrecisionAndRecallCountTheMatches) {
  const Fixture f;
  const std::vector<GoldPair> gold = {{"TST-c1-1.1", "TST-c2-2.1", "same", "", 1},
                                      {"TST-c1-1.2", "TST-c2-2.2", "partial", "", 2},
                                      {"TST-c1-1.2", "TST-c2-2.1", "different", "", 3},
                                      {"XXX-c1-1", "XXX-c2-1", "same", "", 4}};
  const auto e = EvaluateCompare(gold, {{&f.old_review, &f.new_review}}, f.terms, {0.35},
                                 kDefaultRepeatThreshold);
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e.value().scored, 3u);
  EXPECT_EQ(e.value().unscored.size(), 1u);
  EXPECT_EQ(e.value().at_threshold.true_positives, 1u);
  EXPECT_EQ(e.value().at_threshold.false_negatives, 1u);
  EXPECT_EQ(e.value().at_threshold.true_negatives, 1u);
  EXPECT_DOUBLE_EQ(e.value().at_threshold.precision().value(), 1.0);
  EXPECT_DOUBLE_EQ(e.value().at_threshold.recall().value(), 0.5);
}

}  // namespace
}  // namespace uprx::pipeline
