// Issue 13: what a committee is handed in the fourth cycle (drafts-2026/, WG session 52). The
// complete draft of Somalia's report is read as a draft WG report; the six recommendation lists
// cut from drafts are read when the review is named (--state, --cycle), with the counts the
// corpus README gives, and without it fail with a message naming the options.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "pipeline/run/document_processor.h"
#include "pipeline/run/review_join.h"
#include "tests/corpus/corpus_env.h"
#include "tests/corpus/figures.h"

namespace uprx::pipeline {
namespace {

std::string Draft(const std::string& name) {
  return testing::CorporaDir() + "/drafts-2026/" + name;
}

std::map<std::string, int> Positions(const ProcessedDocument& d) {
  std::map<std::string, int> out;
  for (const auto& r : d.recommendations) ++out[core::PositionKey(r.position.value)];
  return out;
}

int WithoutResolvedState(const ProcessedDocument& d) {
  int n = 0;
  for (const auto& r : d.recommendations) {
    bool resolved = false;
    for (const auto& s : r.recommending_states) resolved = resolved || !s.iso3.empty();
    n += !resolved;
  }
  return n;
}

int UnresolvedStates(const ProcessedDocument& d) {
  int n = 0;
  for (const auto& r : d.recommendations) {
    for (const auto& s : r.recommending_states) n += s.iso3.empty();
  }
  return n;
}

TEST(DraftReport, SomaliaCompleteDraft) {
  CORPUS_OR_SKIP();
  const DocumentProcessor processor;
  const auto d =
      processor.Process(Draft("Somalia - Draft report circulated on 12 May 2026_original.docx"));
  ASSERT_FALSE(d.error) << d.error->message;
  EXPECT_EQ(d.info.kind, core::DocumentKind::kWgReport);
  EXPECT_TRUE(d.info.draft);
  EXPECT_EQ(d.info.symbol, "A/HRC/63/12");
  EXPECT_EQ(d.info.sur_iso3, "SOM");
  EXPECT_EQ(d.info.cycle, 4);
  EXPECT_EQ(d.info.wg_session, 52);
  EXPECT_EQ(d.recommendations.size(), testing::Exactly("drafts.somalia.recommendations"));
  const auto count = [](std::string_view id) { return static_cast<int>(testing::Exactly(id)); };
  EXPECT_EQ(Positions(d),
            (std::map<std::string, int>{{"supported", count("drafts.somalia.supported")},
                                        {"pending", count("drafts.somalia.pending")},
                                        {"noted", count("drafts.somalia.noted")}}));
  EXPECT_EQ(UnresolvedStates(d), 0);
  EXPECT_EQ(WithoutResolvedState(d), 0);
  for (const auto& r : d.recommendations) {
    EXPECT_EQ(r.text.find("To be completed"), std::string::npos) << r.number;
    EXPECT_EQ(r.text.find("Ministry of Family"), std::string::npos) << r.number;
  }
}

struct ListCase {
  const char* file;
  const char* iso3;
  std::size_t count;
  const char* first;
  const char* last;
};

const ListCase kLists[] = {
    {"Belgium - Draft report after adoption.docx", "BEL", 300, "6.1", "8.31"},
    {"Denmark - Draft report circulated on 11 May 2026.docx", "DNK", 265, "6.1", "6.265"},
    {"Estonia - Draft report after adoption.docx", "EST", 273, "6.1", "6.273"},
    {"Estonia - Draft report circulated on 8 May 2026.docx", "EST", 273, "6.1", "6.273"},
    {"Niger - Draft report circulated on 7 May 2026.docx", "NER", 265, "6.1", "6.265"},
    {"Somalia - Draft report circulated on 12 May 2026.docx", "SOM", 288, "6.1", "8.26"},
    // Word list numbering "6.%1": the numbers are not in the text.
    {"Namibia - Draft report circulated on 6 May 2026.docx", "NAM", 290, "6.1", "6.290"},
};

TEST(RecommendationList, ReadWhenTheReviewIsNamed) {
  CORPUS_OR_SKIP();
  for (const ListCase& c : kLists) {
    const DocumentProcessor processor({}, ReviewHint{c.iso3, 4, std::nullopt});
    const auto d = processor.Process(Draft(c.file));
    ASSERT_FALSE(d.error) << c.file << ": " << d.error->message;
    EXPECT_EQ(d.info.sur_iso3, c.iso3) << c.file;
    EXPECT_EQ(d.info.cycle, 4) << c.file;
    EXPECT_TRUE(d.info.draft) << c.file;
    ASSERT_EQ(d.recommendations.size(), c.count) << c.file;
    EXPECT_EQ(d.recommendations.front().number, c.first) << c.file;
    EXPECT_EQ(d.recommendations.back().number, c.last) << c.file;
    EXPECT_EQ(WithoutResolvedState(d), 0) << c.file;
    EXPECT_EQ(Positions(d), (std::map<std::string, int>{{"unknown", static_cast<int>(c.count)}}))
        << c.file;
  }
}

TEST(RecommendationList, NamibiaNumbersFollowItsListNumbering) {
  CORPUS_OR_SKIP();
  const DocumentProcessor processor({}, ReviewHint{"NAM", 4, 52});
  const auto d = processor.Process(Draft("Namibia - Draft report circulated on 6 May 2026.docx"));
  ASSERT_EQ(d.recommendations.size(), 290u);
  for (std::size_t i = 0; i < d.recommendations.size(); ++i) {
    EXPECT_EQ(d.recommendations[i].number, "6." + std::to_string(i + 1));
  }
  EXPECT_EQ(d.info.wg_session, 52);
}

TEST(RecommendationList, WithoutTheReviewTheErrorNamesTheOptions) {
  CORPUS_OR_SKIP();
  const DocumentProcessor processor;
  const std::string path = Draft("Niger - Draft report circulated on 7 May 2026.docx");
  const auto d = processor.Process(path);
  ASSERT_TRUE(d.error);
  EXPECT_EQ(d.error->code, "recommendation_list_needs_review");
  EXPECT_NE(d.error->message.find(path), std::string::npos);
  EXPECT_NE(d.error->message.find("--state ISO3 --cycle N"), std::string::npos);
}

TEST(RecommendationList, DraftAndListOfOneReviewGiveOneBase) {
  CORPUS_OR_SKIP();
  const DocumentProcessor processor({}, ReviewHint{"SOM", 4, std::nullopt});
  std::vector<ProcessedDocument> docs;
  docs.push_back(processor.Process(Draft("Somalia - Draft report circulated on 12 May 2026.docx")));
  docs.push_back(
      processor.Process(Draft("Somalia - Draft report circulated on 12 May 2026_original.docx")));
  const auto reviews = JoinReviews(std::move(docs));
  ASSERT_EQ(reviews.size(), 1u);
  EXPECT_EQ(reviews[0].recommendations.size(), 288u);
}

}  // namespace
}  // namespace uprx::pipeline
