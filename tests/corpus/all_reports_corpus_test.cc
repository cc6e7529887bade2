// All 212 Working Group reports of ../shared/corpora/wg-reports against wg-reports.tsv (symbol,
// session) and the UPR Info export (recommendation x recommending State pairs).
#include <gtest/gtest.h>

#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include "pipeline/eval/uprinfo_eval.h"
#include "pipeline/formats/json_writer.h"
#include "pipeline/run/review_join.h"
#include "pipeline/run/runner.h"
#include "tests/corpus/corpus_env.h"
#include "tests/corpus/figures.h"

namespace uprx::pipeline {
namespace {

struct ReportRow {
  std::string file, symbol;
  int wg_session = 0;
};

std::vector<ReportRow> ReadManifest() {
  std::ifstream in(testing::CorporaDir() + "/wg-reports.tsv");
  std::vector<ReportRow> rows;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    ReportRow r;
    std::string session;
    std::getline(fields, r.file, '\t');
    std::getline(fields, r.symbol, '\t');
    std::getline(fields, session, '\t');
    r.wg_session = std::stoi(session);
    rows.push_back(r);
  }
  return rows;
}

// Extracted once for every test in this file.
class AllReports : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!testing::CorporaAvailable()) return;
    manifest_ = new std::vector<ReportRow>(ReadManifest());
    std::vector<std::string> paths;
    for (const auto& r : *manifest_)
      paths.push_back(testing::CorporaDir() + "/wg-reports/" + r.file);
    const DocumentProcessor processor;
    docs_ = new std::vector<ProcessedDocument>(RunDocuments(processor, paths, {2, false}));
  }
  static void TearDownTestSuite() {
    delete manifest_;
    delete docs_;
  }
  static std::vector<ReportRow>* manifest_;
  static std::vector<ProcessedDocument>* docs_;
};
std::vector<ReportRow>* AllReports::manifest_ = nullptr;
std::vector<ProcessedDocument>* AllReports::docs_ = nullptr;

TEST_F(AllReports, EveryReportIsIdentified) {
  CORPUS_OR_SKIP();
  ASSERT_EQ(docs_->size(), testing::Exactly("wg.reports"));
  for (std::size_t i = 0; i < docs_->size(); ++i) {
    const auto& d = (*docs_)[i];
    const auto& want = (*manifest_)[i];
    ASSERT_FALSE(d.error) << d.error->message;
    EXPECT_EQ(d.info.kind, core::DocumentKind::kWgReport) << want.file;
    EXPECT_EQ(d.info.symbol, want.symbol) << want.file;
    EXPECT_EQ(d.info.wg_session, want.wg_session) << want.file;
    EXPECT_FALSE(d.info.sur_iso3.empty()) << want.file;
    EXPECT_FALSE(d.recommendations.empty()) << want.file;
  }
}

TEST_F(AllReports, EveryRecommendingStateResolves) {
  CORPUS_OR_SKIP();
  std::vector<std::string> unknown;
  for (const auto& d : *docs_) {
    for (const auto& r : d.recommendations) {
      for (const auto& s : r.recommending_states) {
        if (s.iso3.empty()) unknown.push_back(d.info.symbol + " " + r.number + ": " + s.as_written);
      }
    }
  }
  EXPECT_EQ(unknown.size(), testing::Exactly("wg.unresolved_states"))
      << "first: " << (unknown.empty() ? "" : unknown.front());
}

TEST_F(AllReports, PairsAgreeWithUprInfo) {
  CORPUS_OR_SKIP();
  auto labels = UprInfoLabels::LoadDirectory(testing::CorporaDir() + "/labels/uprinfo");
  ASSERT_TRUE(labels.ok()) << labels.status().message();
  const UprInfoScorer scorer(labels.value());
  std::vector<ReviewScore> scores;
  for (const core::Review& review : JoinReviews(*docs_)) {
    const std::string json = OutputToJson({review}, {}).dump();
    auto parsed = ParseEvalReviews(json, review.sur_iso3);
    ASSERT_TRUE(parsed.ok()) << parsed.status().message();
    for (const auto& r : parsed.value()) scores.push_back(scorer.Score(r));
  }
  const EvalSummary s = Summarize(scores);
  std::cout << "pair recall " << s.micro_recall << ", precision " << s.micro_precision
            << ", split-aware recall " << s.split_aware_recall
            << "; reports with recall >= 0.98: " << s.complete << ", split-aware "
            << s.complete_split_aware << " of " << s.reviews_scored << "\n";
  EXPECT_EQ(s.reviews_scored, testing::Exactly("wg.reports"));
  // The bars of the extraction issue: pair recall and precision >= 0.98, and 95% of the reports
  // (202 of 212) at recall >= 0.98. UPR Info sometimes cuts one printed recommendation into
  // several rows for one State; counting those rows when a matched pair of that State contains
  // them (split-aware) meets the last bar, strict one-to-one does not (corpora/figures.tsv).
  EXPECT_GE(s.micro_recall, testing::Floor("wg.pair_recall"));
  EXPECT_GE(s.micro_precision, testing::Floor("wg.pair_precision"));
  EXPECT_GE(s.split_aware_recall, testing::Floor("wg.split_aware_recall"));
  EXPECT_GE(static_cast<double>(s.complete_split_aware),
            testing::Floor("wg.reports_complete_split_aware"));
  EXPECT_GE(static_cast<double>(s.complete), testing::Floor("wg.reports_complete"));
}

}  // namespace
}  // namespace uprx::pipeline
