// `uprx compare` and the review reader on the real documents: Slovenia's four cycles, Cambodia's
// first two WG reports and China's 2013 and 2018 matrices (uprx run), made once per test binary
// run.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

#include "pipeline/compare/compare.h"
#include "pipeline/eval/compare_eval.h"
#include "pipeline/formats/json_writer.h"
#include "pipeline/formats/review_reader.h"
#include "tests/corpus/corpus_env.h"
#include "tests/corpus/figures.h"

namespace uprx::pipeline {
namespace {

namespace fs = std::filesystem;

// The outputs of `uprx run` over Slovenia and `uprx extract` over Cambodia 2010 and 2014.
// Removes the outputs when the test binary exits.
struct TemporaryDirectory {
  fs::path path;
  ~TemporaryDirectory() {
    std::error_code ignored;
    fs::remove_all(path, ignored);
  }
};

const fs::path& Outputs() {
  static const TemporaryDirectory dir{[] {
    const fs::path out = fs::temp_directory_path() / ("uprx-compare-" + std::to_string(::getpid()));
    fs::create_directories(out);
    const std::string bin = UPRX_BINARY, corpora = testing::CorporaDir();
    // Slovenia's folders hold a PDF broken on purpose (c1/g0917123.pdf): exit 1, the rest
    // written. Cambodia's reports and China's matrices read whole: exit 0.
    const std::pair<std::string, int> commands[] = {
        {bin + " run " + corpora + "/slovenia --out " + (out / "svn").string() + " -q -j 2", 1},
        {bin + " run " + corpora + "/wg-reports/cambodia2010.pdf -o " +
             (out / "khm-c1.json").string() + " -q",
         0},
        {bin + " run " + corpora + "/wg-reports/cambodia2014.pdf -o " +
             (out / "khm-c2.json").string() + " -q",
         0},
        {bin + " run " + corpora + "/matrices/Matrix_recommendations_2013.docx -o " +
             (out / "chn-c2.json").string() + " -q",
         0},
        {bin + " run " + corpora + "/matrices/Matrix_recommendations_2018.docx -o " +
             (out / "chn-c3.json").string() + " -q",
         0}};
    for (const auto& [c, expected] : commands) {
      const int status = std::system((c + " 2>/dev/null").c_str());
      EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == expected)
          << c << " exited " << status << ", expected " << expected;
    }
    return out;
  }()};
  return dir.path;
}

core::Review Read(const std::string& name) {
  core::Result<ReviewFile> file = ReadReviewsJson((Outputs() / name).string());
  EXPECT_TRUE(file.ok()) << file.status().ToString();
  if (!file.ok() || file.value().reviews.size() != 1) return {};
  return std::move(file.value().reviews.front());
}

const CompareTerms& Terms() {
  static const CompareTerms terms = CompareTerms::LoadDefault().value();
  return terms;
}

const CompareModel& Model() {
  static const CompareModel model = CompareModel::LoadDefault().value();
  return model;
}

bool Matched(const Comparison& c, const core::Review& o, const core::Review& n,
             const std::string& old_id, const std::string& new_id) {
  for (const Match& m : c.matches) {
    if (o.recommendations[m.old_index].id == old_id && n.recommendations[m.new_index].id == new_id)
      return true;
  }
  return false;
}

TEST(ReviewReaderCorpus, SloveniaCycle4RoundTripsByteForByte) {
  CORPUS_OR_SKIP();
  std::ifstream in(Outputs() / "svn/SVN-c4.json", std::ios::binary);
  std::stringstream original;
  original << in.rdbuf();
  ASSERT_FALSE(original.str().empty());
  const core::Result<ReviewFile> read = ParseReviewsJson(original.str(), "SVN-c4.json");
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  std::ostringstream again;
  WriteJson(again, read.value().reviews, read.value().errors);
  EXPECT_TRUE(again.str() == original.str()) << "re-written SVN-c4.json differs";
}

TEST(CompareCorpus, SloveniaCycle4ComparedWithItselfShowsNoChange) {
  CORPUS_OR_SKIP();
  const core::Review review = Read("svn/SVN-c4.json");
  ASSERT_GT(review.recommendations.size(), 200u);
  const core::Result<Comparison> c = Comparer(Terms(), Model()).Compare(review, review);
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c.value().repeated.size(), review.recommendations.size());
  EXPECT_TRUE(c.value().new_only.empty());
  EXPECT_TRUE(c.value().dropped.empty());
  EXPECT_TRUE(c.value().position_changes.empty());
  std::set<std::size_t> primary_to_itself;
  for (const Match& m : c.value().matches) {
    if (m.primary && m.old_index == m.new_index) primary_to_itself.insert(m.new_index);
  }
  EXPECT_EQ(primary_to_itself.size(), review.recommendations.size());
  for (const Breakdown& b : c.value().breakdowns) {
    for (const CountRow& row : b.rows) EXPECT_EQ(row.change(), 0) << b.id << " " << row.key;
  }
}

// Recommendations printed in both cycles (identical or reworded) are repeats; asks for different
// instruments are not, though they share the verb.
TEST(CompareCorpus, KnownRepeatsMatchAndDifferentInstrumentsDoNot) {
  CORPUS_OR_SKIP();
  const core::Review s3 = Read("svn/SVN-c3.json"), s4 = Read("svn/SVN-c4.json");
  const core::Review k1 = Read("khm-c1.json"), k2 = Read("khm-c2.json");
  const core::Result<Comparison> svn = Comparer(Terms(), Model()).Compare(s3, s4);
  const core::Result<Comparison> khm = Comparer(Terms(), Model()).Compare(k1, k2);
  ASSERT_TRUE(svn.ok() && khm.ok());
  EXPECT_TRUE(Matched(svn.value(), s3, s4, "SVN-c3-122.2", "SVN-c4-140.1"));    // ICRMW
  EXPECT_TRUE(Matched(svn.value(), s3, s4, "SVN-c3-122.77", "SVN-c4-140.70"));  // defamation
  EXPECT_TRUE(Matched(khm.value(), k1, k2, "KHM-c1-82.8", "KHM-c2-119.9"));     // NPM, OP-CAT
  EXPECT_TRUE(Matched(khm.value(), k1, k2, "KHM-c1-82.18", "KHM-c2-119.14"));   // invitation
  EXPECT_FALSE(Matched(svn.value(), s3, s4, "SVN-c3-122.1", "SVN-c4-140.1"));   // OP-ICESCR
  EXPECT_FALSE(Matched(khm.value(), k1, k2, "KHM-c1-82.4", "KHM-c2-118.9"));    // OP-CEDAW
  // Every new recommendation is repeated or new; every old one repeated by some or dropped.
  EXPECT_EQ(svn.value().repeated.size() + svn.value().new_only.size(), s4.recommendations.size());
  EXPECT_LT(svn.value().dropped.size(), s3.recommendations.size());
}

// The gold set is judged by hand (COMPARE.md). The shipped model is trained on all of it, so its
// own figures are in-sample; the leave-one-review-pair-out figures are the honest ones, with
// their floors in corpora/figures.tsv.
TEST(CompareCorpus, GoldSetFiguresInSampleAndLeavingOneReviewPairOut) {
  CORPUS_OR_SKIP();
  const auto gold = ReadCompareGold(std::string(UPRX_SOURCE_DIR) + "/corpora/compare_gold.tsv");
  ASSERT_TRUE(gold.ok()) << gold.status().ToString();
  ASSERT_GE(gold.value().size(), 600u);
  const core::Review s1 = Read("svn/SVN-c1.json"), s2 = Read("svn/SVN-c2.json");
  const core::Review s3 = Read("svn/SVN-c3.json"), s4 = Read("svn/SVN-c4.json");
  const core::Review k1 = Read("khm-c1.json"), k2 = Read("khm-c2.json");
  const core::Review c2 = Read("chn-c2.json"), c3 = Read("chn-c3.json");
  const auto data = CollectGold(gold.value(),
                                {{&s1, &s2, "SVN c1-c2"},
                                 {&s2, &s3, "SVN c2-c3"},
                                 {&s3, &s4, "SVN c3-c4"},
                                 {&k1, &k2, "KHM c1-c2"},
                                 {&c2, &c3, "CHN c2-c3"}},
                                Terms());
  ASSERT_TRUE(data.ok()) << data.status().ToString();
  EXPECT_TRUE(data.value().unscored.empty()) << "gold ids no longer in the outputs";
  const CompareEvaluation e = Evaluate(data.value(), Model(), {});
  EXPECT_EQ(e.scored, gold.value().size());
  EXPECT_GE(e.at_model.repeats.precision().value_or(0), 0.90);
  EXPECT_GE(e.at_model.repeats.recall().value_or(0), 0.70);
  const CrossValidation cv = CrossValidate(data.value(), std::vector<bool>(kPairFeatures, true));
  EXPECT_EQ(cv.per_pair.size(), 5u);
  std::cout << "left out one pair of reviews at a time: repeat precision "
            << cv.pooled.repeats.precision().value_or(0) << ", recall "
            << cv.pooled.repeats.recall().value_or(0) << ", recommendations right "
            << cv.pooled.rec_accuracy_loose().value_or(0) << " (loose), "
            << cv.pooled.rec_accuracy_clear().value_or(0) << " (clear)\n";
  EXPECT_GE(cv.pooled.repeats.precision().value_or(0), testing::Floor("compare.precision"));
  EXPECT_GE(cv.pooled.repeats.recall().value_or(0), testing::Floor("compare.recall"));
  EXPECT_GE(cv.pooled.rec_accuracy_loose().value_or(0), testing::Floor("compare.rec_accuracy"));
  EXPECT_GE(cv.pooled.rec_accuracy_clear().value_or(0), testing::Floor("compare.rec_clear"));
  EXPECT_GE(cv.pooled.sampled.precision().value_or(0), testing::Floor("compare.sampled_precision"));
  // The 100 new recommendations of Slovenia c3 -> c4 in corpora/compare_round6.txt, left out
  // half at a time: the figure most like a new review's (issue 14's bar is on such a one).
  const auto round = ReadIdList(std::string(UPRX_SOURCE_DIR) + "/corpora/compare_round6.txt");
  ASSERT_TRUE(round.ok()) << round.status().ToString();
  ASSERT_EQ(round.value().size(), 100u);
  const CompareFigures unseen = LeaveRoundOut(data.value(), round.value()).figures;
  std::cout << "round 6 left out: repeat precision " << unseen.repeats.precision().value_or(0)
            << ", recall " << unseen.repeats.recall().value_or(0) << ", clear recommendations "
            << unseen.rec_accuracy_clear().value_or(0) << "\n";
  EXPECT_EQ(unseen.recs, 100u);
  EXPECT_GE(unseen.repeats.precision().value_or(0), testing::Floor("compare.unseen_precision"));
  EXPECT_GE(unseen.repeats.recall().value_or(0), testing::Floor("compare.unseen_recall"));
  EXPECT_GE(unseen.rec_accuracy_clear().value_or(0), testing::Floor("compare.unseen_rec_clear"));
}

}  // namespace
}  // namespace uprx::pipeline
