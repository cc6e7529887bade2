// Issue "Assign every recommendation to the ministries and institutions that must implement it",
// on Cambodia's two reviews in the corpus: the gold set's figures, every recommendation assigned
// or explicitly unassigned, and overrides that survive a re-run of the binary.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "classifiers/review_classifier.h"
#include "pipeline/eval/ministry_eval.h"
#include "pipeline/run/review_join.h"
#include "pipeline/run/runner.h"
#include "tests/corpus/corpus_env.h"
#include "tests/corpus/figures.h"

namespace uprx::pipeline {
namespace {

std::vector<std::string> CambodiaReports() {
  const std::string dir = testing::CorporaDir() + "/wg-reports/";
  return {dir + "cambodia2010.pdf", dir + "cambodia2014.pdf"};
}

const std::vector<core::Review>& Reviews() {
  static const auto* const kReviews = [] {
    const DocumentProcessor processor;
    auto reviews = new std::vector<core::Review>(
        JoinReviews(RunDocuments(processor, CambodiaReports(), {.jobs = 2})));
    auto c = classifiers::ReviewClassifier::Create({.profile = "KHM"});
    EXPECT_TRUE(c.ok()) << c.status().ToString();
    for (core::Review& r : *reviews) c.value().Classify(r);
    return reviews;
  }();
  return *kReviews;
}

TEST(MinistriesCorpus, GoldSetFigures) {
  CORPUS_OR_SKIP();
  auto gold = ReadMinistryGold(std::string(UPRX_SOURCE_DIR) + "/corpora/ministries_gold.tsv");
  ASSERT_TRUE(gold.ok()) << gold.status().ToString();
  ASSERT_GE(gold.value().size(), 150u);
  const auto scores = ScoreMinistries(gold.value(), Reviews());
  for (const auto& [part, s] : scores) {
    std::cout << part << ": " << s.rows << " rows, lead accuracy " << s.lead_accuracy()
              << ", supporting P " << s.support_precision() << " R " << s.support_recall() << "\n";
    EXPECT_EQ(s.missing, 0) << part << ": gold ids not in the reviews";
  }
  ASSERT_TRUE(scores.count("heldout"));
  EXPECT_GE(scores.at("heldout").rows, 50);
  // Floors a little under the figures measured when the rules were frozen (corpora/figures.tsv).
  EXPECT_GE(scores.at("tuning").lead_accuracy(), testing::Floor("ministries.lead_accuracy.tuning"));
  EXPECT_GE(scores.at("heldout").lead_accuracy(),
            testing::Floor("ministries.lead_accuracy.heldout"));
  EXPECT_GE(scores.at("all").support_precision(), testing::Floor("ministries.support_precision"));
  EXPECT_GE(scores.at("all").support_recall(), testing::Floor("ministries.support_recall"));
}

TEST(MinistriesCorpus, EveryRecommendationHasALeadOrAnExplicitNone) {
  CORPUS_OR_SKIP();
  ASSERT_EQ(Reviews().size(), 2u);
  std::size_t recs = 0;
  for (const core::Review& review : Reviews()) {
    for (const core::Recommendation& r : review.recommendations) {
      ++recs;
      ASSERT_TRUE(r.labels.ministries) << r.id;
      int leads = 0;
      for (const auto& l : *r.labels.ministries) {
        EXPECT_FALSE(l.evidence.empty()) << r.id << " " << l.id;
        if (l.role != "lead") continue;
        ++leads;
        if (l.id == "NONE") {
          EXPECT_NE(l.evidence[0].find("no clear institution"), std::string::npos);
        }
      }
      EXPECT_EQ(leads, 1) << r.id;
      EXPECT_EQ(r.labels.ministries->front().role, "lead") << r.id;
    }
  }
  EXPECT_EQ(recs, 91u + 205u);
}

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(MinistriesCorpus, OverridesSurviveARerunAndUnknownsAreReported) {
  CORPUS_OR_SKIP();
  const auto dir = std::filesystem::temp_directory_path() / "uprx_ministries_corpus";
  std::filesystem::create_directories(dir);
  const std::string csv = (dir / "overrides.csv").string();
  std::ofstream(csv) << "id,lead,supporting\nKHM-c2-118.98,MEF,ECCC\nKHM-c2-500.1,MOJ,\n"
                        "KHM-c2-118.1,MFAIC,NOPE\n";
  std::string outputs[2];
  for (int run = 0; run < 2; ++run) {
    const std::string out = (dir / ("run" + std::to_string(run) + ".json")).string();
    const std::string err = (dir / "stderr.txt").string();
    const std::string cmd = std::string(UPRX_BINARY) + " run " + CambodiaReports()[1] +
                            " --profile KHM --overrides " + csv + " -q -o " + out + " 2> " + err;
    ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
    outputs[run] = Slurp(out);
    const std::string errors = Slurp(err);
    EXPECT_NE(errors.find("no recommendation has the id 'KHM-c2-500.1'"), std::string::npos);
    EXPECT_NE(errors.find("institution 'NOPE' is not in profile KHM"), std::string::npos);
  }
  EXPECT_EQ(outputs[0], outputs[1]);
  const auto j = nlohmann::json::parse(outputs[1]);
  const auto& recs = j["reviews"][0]["recommendations"];
  const auto r = std::find_if(recs.begin(), recs.end(),
                              [](const auto& rec) { return rec["id"] == "KHM-c2-118.98"; });
  ASSERT_NE(r, recs.end()) << "KHM-c2-118.98 is missing from the output";
  const auto& m = (*r)["labels"]["ministries"];
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[0]["id"], "MEF");
  EXPECT_EQ(m[0]["method"], "manual");
  EXPECT_EQ(m[1]["id"], "ECCC");
  EXPECT_EQ(m[1]["role"], "supporting");
  std::size_t unknown = 0;
  for (const auto& d : j["reviews"][0]["diagnostics"]) {
    unknown += d["code"] == "override_unknown_id" || d["code"] == "override_unknown_institution";
  }
  EXPECT_EQ(unknown, 2u);
}

}  // namespace
}  // namespace uprx::pipeline
