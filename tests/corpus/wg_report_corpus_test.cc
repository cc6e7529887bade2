// The figures the real Working Group reports must produce (issue "uprx extract"; facts from
// DOMAIN.md, the reports themselves and the UPR Info export, not from uprx's output).
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>

#include "pipeline/run/document_processor.h"
#include "tests/corpus/corpus_env.h"
#include "tests/corpus/figures.h"

namespace uprx::pipeline {
namespace {

const DocumentProcessor& Processor() {
  static const DocumentProcessor* const kProcessor = new DocumentProcessor();
  return *kProcessor;
}

ProcessedDocument Extract(const std::string& relative) {
  return Processor().Process(testing::CorporaDir() + "/" + relative);
}

const core::Recommendation* Find(const ProcessedDocument& d, const std::string& number) {
  for (const auto& r : d.recommendations) {
    if (r.number == number) return &r;
  }
  return nullptr;
}

std::size_t Pairs(const ProcessedDocument& d) {
  std::size_t n = 0;
  for (const auto& r : d.recommendations) n += r.recommending_states.size();
  return n;
}

bool HasDiagnostic(const ProcessedDocument& d, const std::string& code) {
  for (const auto& x : d.diagnostics) {
    if (x.code == code) return true;
  }
  return false;
}

TEST(CambodiaCycle2, TwoHundredFiveRecommendationsWithWorkingGroupPositions) {
  CORPUS_OR_SKIP();
  const auto d = Extract("wg-reports/cambodia2014.pdf");
  ASSERT_FALSE(d.error) << d.error->message;
  EXPECT_EQ(d.info.symbol, "A/HRC/26/16");
  EXPECT_EQ(d.info.sur_iso3, "KHM");
  EXPECT_EQ(d.info.wg_session, 18);
  EXPECT_EQ(d.info.cycle, 2);
  ASSERT_EQ(d.recommendations.size(), testing::Exactly("khm.c2.recommendations"));
  for (int i = 1; i <= 171; ++i) {
    const auto* r = Find(d, "118." + std::to_string(i));
    ASSERT_NE(r, nullptr) << "118." << i;
    EXPECT_EQ(r->position.value, core::PositionValue::kSupported) << r->number;
  }
  for (int i = 1; i <= 34; ++i) {
    const auto* r = Find(d, "119." + std::to_string(i));
    ASSERT_NE(r, nullptr) << "119." << i;
    EXPECT_EQ(r->position.value, core::PositionValue::kPending) << r->number;
  }
}

TEST(CambodiaCycle2, MisprintedNumberIsRepaired) {
  CORPUS_OR_SKIP();
  const auto d = Extract("wg-reports/cambodia2014.pdf");
  const auto* r = Find(d, "118.109");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->printed_number, "118.09");
  EXPECT_TRUE(HasDiagnostic(d, "number_repaired"));
}

TEST(CambodiaCycle2, FirstRecommendationReadsAsPrinted) {
  CORPUS_OR_SKIP();
  const auto d = Extract("wg-reports/cambodia2014.pdf");
  const auto* r = Find(d, "118.1");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->text,
            "Ratify the first Optional Protocol to the International Covenant on Civil and "
            "Political Rights and sign and ratify the second Optional Protocol to ICCPR");
  ASSERT_EQ(r->recommending_states.size(), 1u);
  EXPECT_EQ(r->recommending_states[0].iso3, "FRA");
  EXPECT_EQ(r->recommending_states[0].regional_group, "WEOG");
  EXPECT_GT(r->source.page, 1);
}

TEST(CambodiaCycle1, ParagraphEightyTwoIsReadWhole) {
  CORPUS_OR_SKIP();
  const auto d = Extract("wg-reports/cambodia2010.pdf");
  ASSERT_FALSE(d.error) << d.error->message;
  EXPECT_EQ(d.info.symbol, "A/HRC/13/4");
  EXPECT_EQ(d.info.cycle, 1);
  ASSERT_EQ(d.recommendations.size(), testing::Exactly("khm.c1.recommendations"));
  for (int i = 1; i <= 91; ++i) {
    const auto& r = d.recommendations[static_cast<std::size_t>(i - 1)];
    EXPECT_EQ(r.number, "82." + std::to_string(i));
    EXPECT_EQ(r.paragraph, 82);
    // Paragraph 83 says the response will come in the outcome report: pending.
    EXPECT_EQ(r.position.value, core::PositionValue::kPending) << r.number;
  }
  // Items 82-91 collide with the report's paragraphs 83 and 84; 73 and 83 lack their period.
  EXPECT_EQ(Find(d, "82.83")->printed_number, "83");
  EXPECT_EQ(Find(d, "82.73")->printed_number, "73");
  EXPECT_EQ(Find(d, "82.84")->recommending_states.at(0).iso3, "CZE");
  // UPR Info lists 138 rows (recommendation x State) for this review.
  EXPECT_EQ(Pairs(d), testing::Exactly("khm.c1.pairs"));
}

TEST(Slovenia, CycleFourHasTwoHundredFiftyFourPendingInParagraph140) {
  CORPUS_OR_SKIP();
  const auto d = Extract("slovenia/c4/g2502644.pdf");
  EXPECT_EQ(d.info.symbol, "A/HRC/59/15");
  EXPECT_EQ(d.info.cycle, 4);
  EXPECT_EQ(d.info.wg_session, 48);
  ASSERT_EQ(d.recommendations.size(), testing::Exactly("svn.c4.report.recommendations"));
  for (std::size_t i = 0; i < 254; ++i) {
    EXPECT_EQ(d.recommendations[i].number, "140." + std::to_string(i + 1));
    EXPECT_EQ(d.recommendations[i].position.value, core::PositionValue::kPending);
  }
}

TEST(Slovenia, CycleThreeHasASupportedAndAPendingParagraph) {
  CORPUS_OR_SKIP();
  const auto d = Extract("slovenia/c3/g1934994.pdf");
  EXPECT_EQ(d.info.symbol, "A/HRC/43/15");
  std::map<int, std::set<std::string>> positions;
  for (const auto& r : d.recommendations)
    positions[r.paragraph].insert(core::PositionKey(r.position.value));
  EXPECT_EQ(positions,
            (std::map<int, std::set<std::string>>{{121, {"supported"}}, {122, {"pending"}}}));
}

TEST(Slovenia, CountsAgreeWithTheReviewsOtherDocuments) {
  CORPUS_OR_SKIP();
  // c1: the addendum A/HRC/14/15/Add.1 answers items 1-97 of paragraph 111. c2 and c3: the
  // OHCHR thematic lists hold 163 and 215 rows.
  const struct {
    const char* file;
    const char* symbol;
    const char* figure;
  } kCases[] = {{"slovenia/c1/g1012049.pdf", "A/HRC/14/15", "svn.c1.report.recommendations"},
                {"slovenia/c2/g1423930.pdf", "A/HRC/28/15", "svn.c2.report.recommendations"},
                {"slovenia/c3/g1934994.pdf", "A/HRC/43/15", "svn.c3.report.recommendations"}};
  for (const auto& c : kCases) {
    const auto d = Extract(c.file);
    EXPECT_EQ(d.info.symbol, c.symbol);
    EXPECT_EQ(d.recommendations.size(), testing::Exactly(c.figure)) << c.file;
    for (const auto& r : d.recommendations) {
      EXPECT_FALSE(r.recommending_states.empty()) << c.file << " " << r.number;
    }
  }
}

TEST(NotOutcomeDocuments, AreNamedAndProduceNoRecommendations) {
  CORPUS_OR_SKIP();
  const struct {
    const char* file;
    const char* what;
    const char* figure;
  } kCases[] = {
      {"slovenia/c1/g0916919.pdf", "national report", "svn.c1.national_report"},
      {"slovenia/c1/g1014611.pdf", "decision", "svn.c1.hrc_decision"},
      {"slovenia/c1/g1217781.pdf", "session report", "svn.c1.session_report"},
  };
  for (const auto& [file, what, figure] : kCases) {
    const auto d = Extract(file);
    ASSERT_TRUE(d.error) << file;
    EXPECT_EQ(d.error->code, testing::ExactText(figure)) << file;
    EXPECT_NE(d.error->message.find(what), std::string::npos) << d.error->message;
    EXPECT_FALSE(d.failed) << file;
    EXPECT_TRUE(d.recommendations.empty()) << file;
  }
}

}  // namespace
}  // namespace uprx::pipeline
