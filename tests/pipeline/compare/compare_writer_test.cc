#include "pipeline/compare/compare_writer.h"

#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "pipeline/compare/compare_model.h"
#include "pipeline/eval/compare_eval.h"

namespace uprx::pipeline {
namespace {

core::Recommendation Rec(const std::string& id, const std::string& text,
                         core::PositionValue position) {
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
  CompareModel model = CompareModel::LoadDefault().value();
  Comparison comparison;
  Fixture() {
    old_review.sur_iso3 = new_review.sur_iso3 = "TST";
    old_review.recommendations = {
        Rec("TST-c1-1.1", "Ratify OP-CAT", core::PositionValue::kNoted),
        Rec("TST-c1-1.2", "Abolish the death penalty <now>", core::PositionValue::kNoted)};
    new_review.recommendations = {
        Rec("TST-c2-2.1", "Ratify the Optional Protocol to the Convention against Torture",
            core::PositionValue::kSupported),
        Rec("TST-c2-2.2", "Protect journalists & bloggers", core::PositionValue::kSupported)};
    comparison = Comparer(terms, model).Compare(old_review, new_review).value();
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
  f.new_review.recommendations[1].position.value = core::PositionValue::kSupportedInPart;
  f.comparison = Comparer(f.terms, f.model).Compare(f.old_review, f.new_review).value();
  std::ostringstream md, html;
  WriteCompareMarkdown(md, f.In(), f.comparison);
  WriteCompareHtml(html, f.In(), f.comparison);
  for (const std::string& out : {md.str(), html.str()}) {
    EXPECT_NE(out.find("(supported in part; France)"), std::string::npos) << out;
    EXPECT_EQ(out.find("supported_in_part"), std::string::npos);
  }
}

TEST(CompareWriter, ReportsOpenWithTheCommitteesAnswerAndCheckEveryDrop) {
  const Fixture f;
  std::ostringstream md;
  WriteCompareMarkdown(md, f.In(), f.comparison);
  const std::string text = md.str();
  // 1.1 is made again (noted then), 1.2 is not.
  EXPECT_NE(text.find("Of the earlier review's 2 recommendations, 1 were made again in the later "
                      "review; of those you supported 0 then and noted 1. 1 were not raised again"),
            std::string::npos)
      << text;
  EXPECT_LT(text.find("were made again"), text.find("## "));  // before any section
  EXPECT_NE(text.find("closest new: **TST-c2-"), std::string::npos);
  EXPECT_NE(text.find("linked by OPCAT"), std::string::npos);
  EXPECT_NE(text.find("France"), std::string::npos);  // States by name, not FRA
}

TEST(CompareWriter, HtmlNamesItsSectionsAndPositionChangeColumns) {
  const Fixture f;
  std::ostringstream out;
  WriteCompareHtml(out, f.In(), f.comparison);
  const std::string html = out.str();
  EXPECT_NE(html.find("<th>old text</th>"), std::string::npos);
  // The old id sits beside the old text: 1.1's text follows its id in the changes table.
  const std::size_t row = html.find("<td>TST-c1-1.1</td><td>Ratify OP-CAT</td>");
  EXPECT_NE(row, std::string::npos);
  for (const char* raw :
       {"<h3>action</h3>", "<h3>ministries</h3>", "<h3>recommending_states</h3>"}) {
    EXPECT_EQ(html.find(raw), std::string::npos) << raw;
  }
  EXPECT_NE(html.find("<h3>Recommending States</h3>"), std::string::npos);
  EXPECT_NE(html.find("--profile"), std::string::npos);
  EXPECT_EQ(html.find("uprx classify</code>"), std::string::npos);
}

TEST(CompareWriter, HtmlIsSelfContainedAndEscaped) {
  const Fixture f;
  std::ostringstream out;
  WriteCompareHtml(out, f.In(), f.comparison);
  std::string html = out.str();
  EXPECT_NE(html.find("<svg"), std::string::npos);
  // The SVG namespace is a name, not a download: the one URL a self-contained page may hold.
  for (std::size_t at;
       (at = html.find(" xmlns=\"http://www.w3.org/2000/svg\"")) != std::string::npos;)
    html.erase(at, 35);
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
               {"old_id\tnew_id\tlabel\treason\na\tb\tsame\tx\na\tb\tpartial\ty\n", "g:3: pair"},
               {"old_id\tnew_id\tlabel\treason\tscope\na\tb\tsame\tx\n", "g:2: expected 5"},
               {"old_id\tnew_id\tlabel\treason\tscope\na\tb\tsame\tx\tall\n", "unknown scope"},
               {"old_id\tnew_id\tlabel\treason\tround\n", "g:1: expected the header"}};
  for (const auto& c : cases) {
    const auto parsed = ParseCompareGold(c.tsv, "g");
    ASSERT_FALSE(parsed.ok()) << c.tsv;
    EXPECT_NE(parsed.status().message().find(c.part), std::string::npos)
        << parsed.status().message();
  }
}

TEST(CompareGold, TheScopeColumnSaysWhichPairsJudgeTheirNewRecommendationWhole) {
  const auto parsed = ParseCompareGold(
      "old_id\tnew_id\tlabel\treason\tscope\na\tb\tsame\tx\trec\nc\td\tsame\ty\tpair\n", "g");
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  ASSERT_EQ(parsed.value().size(), 2u);
  EXPECT_TRUE(parsed.value()[0].whole_rec);
  EXPECT_FALSE(parsed.value()[1].whole_rec);
  const auto unscoped = ParseCompareGold("old_id\tnew_id\tlabel\treason\na\tb\tsame\tx\n", "g");
  ASSERT_TRUE(unscoped.ok());
  EXPECT_TRUE(unscoped.value()[0].whole_rec);
}

// The judged pairs kept in the repository read as `uprx eval --compare-gold` reads them: the gold
// set (every scope rec or pair) and the held-out sample of Denmark and Estonia (all scope pair).
TEST(CompareGold, TheRepositorysJudgedPairsParse) {
  const auto gold = ReadCompareGold(std::string(UPRX_SOURCE_DIR) + "/corpora/compare_gold.tsv");
  ASSERT_TRUE(gold.ok()) << gold.status().ToString();
  std::size_t sampled = 0;
  for (const GoldPair& g : gold.value()) sampled += !g.whole_rec;
  EXPECT_EQ(sampled, 260u);  // round 4 of compare_gold_first.tsv
  // Round 6 (corpora/compare_round6.txt): 100 new recommendations of Slovenia c3 -> c4, each
  // judged against every old one it might repeat.
  const auto ids = ReadIdList(std::string(UPRX_SOURCE_DIR) + "/corpora/compare_round6.txt");
  ASSERT_TRUE(ids.ok()) << ids.status().ToString();
  const std::set<std::string> round(ids.value().begin(), ids.value().end());
  EXPECT_EQ(round.size(), 100u);
  std::set<std::string> judged;
  for (const GoldPair& g : gold.value()) {
    if (round.count(g.new_id)) {
      EXPECT_TRUE(g.whole_rec) << g.new_id;
      judged.insert(g.new_id);
    }
  }
  EXPECT_EQ(judged, round);
  for (const std::string& id : round) EXPECT_EQ(id.rfind("SVN-c4-", 0), 0u) << id;
  // The Slovenian recommendations kept aside (corpora/compare_heldout_svn.tsv): judged whole,
  // and none of them has a pair in the gold set a model learns from.
  std::set<std::string> gold_new;
  for (const GoldPair& g : gold.value()) gold_new.insert(g.new_id);
  const auto svn =
      ReadCompareGold(std::string(UPRX_SOURCE_DIR) + "/corpora/compare_heldout_svn.tsv");
  ASSERT_TRUE(svn.ok()) << svn.status().ToString();
  EXPECT_EQ(svn.value().size(), 179u);
  for (const GoldPair& g : svn.value()) {
    EXPECT_TRUE(g.whole_rec) << g.new_id;
    EXPECT_EQ(g.new_id.rfind("SVN-c4-", 0), 0u) << g.new_id;
    EXPECT_EQ(gold_new.count(g.new_id), 0u) << g.new_id;
  }
  const auto heldout =
      ReadCompareGold(std::string(UPRX_SOURCE_DIR) + "/corpora/compare_heldout.tsv");
  ASSERT_TRUE(heldout.ok()) << heldout.status().ToString();
  EXPECT_EQ(heldout.value().size(), 60u);
  for (const GoldPair& g : heldout.value()) {
    EXPECT_FALSE(g.whole_rec) << g.old_id << " " << g.new_id;
    EXPECT_TRUE(g.old_id.rfind("DNK-c1-", 0) == 0 || g.old_id.rfind("EST-c1-", 0) == 0) << g.old_id;
  }
  // Two States' 2026 drafts against their 2011 reviews, 30 new recommendations of each judged
  // whole: `pairs` pairs whose new ids are cycle 4 of `a` or `b`, their old ids cycle 1 of the
  // same State, none a new recommendation of the pair sample of compare_heldout.tsv.
  std::set<std::string> sampled_new;
  for (const GoldPair& g : heldout.value()) sampled_new.insert(g.new_id);
  const auto check_whole = [&](const char* file, std::size_t pairs, const std::string& a,
                               const std::string& b) {
    const auto file_pairs = ReadCompareGold(std::string(UPRX_SOURCE_DIR) + "/corpora/" + file);
    ASSERT_TRUE(file_pairs.ok()) << file_pairs.status().ToString();
    EXPECT_EQ(file_pairs.value().size(), pairs) << file;
    std::set<std::string> news;
    for (const GoldPair& g : file_pairs.value()) {
      EXPECT_TRUE(g.whole_rec) << g.new_id;
      const std::string state = g.new_id.substr(0, 4);
      EXPECT_TRUE(state == a + "-" || state == b + "-") << g.new_id;
      EXPECT_EQ(g.new_id.substr(4, 3), "c4-") << g.new_id;
      EXPECT_EQ(g.old_id.substr(0, 7), state + "c1-") << g.old_id;
      EXPECT_EQ(sampled_new.count(g.new_id), 0u) << g.new_id;
      news.insert(g.new_id);
    }
    EXPECT_EQ(news.size(), 60u) << file;
  };
  check_whole("compare_heldout_bel_nam.tsv", 372, "BEL", "NAM");
  check_whole("compare_heldout_dnk_est.tsv", 308, "DNK", "EST");
  // No model learns from any of them.
  for (const GoldPair& g : gold.value()) {
    for (const char* state : {"BEL-", "NAM-", "DNK-", "EST-"}) {
      EXPECT_NE(g.new_id.rfind(state, 0), 0u) << g.new_id;
    }
  }
}

TEST(CompareGold, FiguresCountRepeatsPartialsAndRecommendations) {
  const Fixture f;
  const std::vector<GoldPair> gold = {{"TST-c1-1.1", "TST-c2-2.1", "same", "", 1},
                                      {"TST-c1-1.2", "TST-c2-2.2", "partial", "", 2},
                                      {"TST-c1-1.2", "TST-c2-2.1", "different", "", 3},
                                      {"XXX-c1-1", "XXX-c2-1", "same", "", 4}};
  const auto data = CollectGold(gold, {{&f.old_review, &f.new_review, "TST"}}, f.terms);
  ASSERT_TRUE(data.ok()) << data.status().ToString();
  EXPECT_EQ(data.value().unscored.size(), 1u);
  // Nothing reaches these thresholds: nothing is claimed, every judged link is missed.
  const CompareEvaluation none =
      Evaluate(data.value(), f.model.WithThresholds(0.999999, 0.999999), {});
  EXPECT_EQ(none.scored, 3u);
  EXPECT_EQ(none.at_model.repeats.predicted, 0u);
  EXPECT_EQ(none.at_model.repeats.relevant, 1u);
  EXPECT_EQ(none.at_model.partials.relevant, 1u);
  EXPECT_EQ(none.at_model.recs, 2u);
  EXPECT_EQ(none.at_model.recs_right_strict, 1u);  // 2.2 has no same pair: rightly "new"
  EXPECT_EQ(none.at_model.recs_right_loose, 0u);
  // Everything reaches these: three claimed repeats, two judged same or partial.
  const CompareEvaluation all = Evaluate(data.value(), f.model.WithThresholds(1e-9, 1e-9), {0.5});
  EXPECT_EQ(all.at_model.repeats.predicted, 3u);
  EXPECT_EQ(all.at_model.repeats.right, 2u);
  EXPECT_DOUBLE_EQ(all.at_model.repeats.recall().value(), 1.0);
  EXPECT_EQ(all.at_model.recs_right_strict, 1u);  // 2.2 wrongly "repeated"
  EXPECT_EQ(all.at_model.recs_right_loose, 2u);
  ASSERT_EQ(all.curve.size(), 1u);
  // 2.2's one pair sampled on its own (scope "pair"): it counts for the pairs, not as a
  // recommendation.
  std::vector<GoldPair> sampled = gold;
  sampled[1].whole_rec = false;
  const auto partly = CollectGold(sampled, {{&f.old_review, &f.new_review, "TST"}}, f.terms);
  ASSERT_TRUE(partly.ok());
  const CompareEvaluation some = Evaluate(partly.value(), f.model.WithThresholds(1e-9, 1e-9), {});
  EXPECT_EQ(some.at_model.repeats.predicted, 3u);
  EXPECT_EQ(some.at_model.recs, 1u);
  EXPECT_EQ(some.at_model.recs_right_strict, 1u);
}

// An id list names its file when it cannot be read or holds no id; comments and blanks are not ids.
TEST(CompareGold, AnIdListSaysWhatIsWrongWithIt) {
  const std::string dir = ::testing::TempDir();
  const auto missing = ReadIdList(dir + "/no-such-list.txt");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().ToString().find("no-such-list.txt"), std::string::npos);
  std::ofstream(dir + "/comments-only.txt", std::ios::binary) << "# a comment\n\n";
  const auto empty = ReadIdList(dir + "/comments-only.txt");
  ASSERT_FALSE(empty.ok());
  EXPECT_NE(empty.status().ToString().find("no ids"), std::string::npos);
  std::ofstream(dir + "/two.txt", std::ios::binary) << "# round\nSVN-c4-140.1\r\n\nSVN-c4-140.2 \n";
  const auto two = ReadIdList(dir + "/two.txt");
  ASSERT_TRUE(two.ok()) << two.status().ToString();
  EXPECT_EQ(two.value(), (std::vector<std::string>{"SVN-c4-140.1", "SVN-c4-140.2"}));
}

// Leaving a round of new recommendations out scores only their judged pairs, each by a model
// that did not see them; a round no judged pair belongs to scores nothing.
TEST(CompareGold, LeavingARoundOutScoresOnlyItsNewRecommendations) {
  const Fixture f;
  const std::vector<GoldPair> gold = {{"TST-c1-1.1", "TST-c2-2.1", "same", "", 1},
                                      {"TST-c1-1.2", "TST-c2-2.1", "different", "", 2},
                                      {"TST-c1-1.2", "TST-c2-2.2", "different", "", 3}};
  const auto data = CollectGold(gold, {{&f.old_review, &f.new_review, "TST"}}, f.terms);
  ASSERT_TRUE(data.ok()) << data.status().ToString();
  const LeftOutRound left = LeaveRoundOut(data.value(), {"TST-c2-2.1"}, {0.0, 1.0});
  const CompareFigures& one = left.figures;
  EXPECT_EQ(one.recs, 1u);              // 2.1 alone
  EXPECT_EQ(one.repeats.relevant, 1u);  // its one same pair
  EXPECT_EQ(one.partials.relevant, 0u);
  // The curve counts the same two pairs: from 0 both are claimed, from 1 neither.
  ASSERT_EQ(left.curve.size(), 2u);
  EXPECT_EQ(left.curve[0].repeats.predicted, 2u);
  EXPECT_EQ(left.curve[0].repeats.relevant, 1u);
  EXPECT_EQ(left.curve[1].repeats.predicted, 0u);
  const CompareFigures both = LeaveRoundOut(data.value(), {"TST-c2-2.2", "TST-c2-2.1"}).figures;
  EXPECT_EQ(both.recs, 2u);
  const CompareFigures none = LeaveRoundOut(data.value(), {"TST-c2-9.9"}).figures;
  EXPECT_EQ(none.recs, 0u);
  EXPECT_EQ(none.repeats.predicted + none.repeats.relevant, 0u);
}

}  // namespace
}  // namespace uprx::pipeline
