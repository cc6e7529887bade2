// The figures the real OHCHR thematic lists must produce. Row counts were taken from the
// documents, not from uprx: the w:tr rows of word/document.xml whose first cell's text opens
// with a recommendation number (python zipfile + ElementTree), with positions counted from the
// next cell (the third in the Egypt layout). Every table also has one header row and single-cell
// (w:gridSpan) heading rows: Slovenia 2014 201 rows = 1 + 37 headings + 163; Slovenia 2019
// 269 = 1 + 53 + 215; Slovenia 2025 308 = 1 + 53 + 254; China 2013 304 = 1 + 51 + 252; China
// 2018 411 = 1 + 64 + 346; Egypt 346 = 1 + 45 + 300. Every paragraph's items run from 1 with
// no gap and no repeat. Slovenia 2025 matches its addendum A/HRC/59/15/Add.1 (254: 217
// supported, 37 noted).
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>

#include "extractors/document_reader.h"
#include "extractors/identifier.h"
#include "extractors/normalizer.h"
#include "extractors/thematic_list_extractor.h"
#include "tests/corpus/corpus_env.h"
#include "tests/corpus/figures.h"

namespace uprx::extractors {
namespace {

struct ReadList {
  bool identified = false;
  core::DocumentInfo info;
  ThematicListResult result;
  std::map<std::string, int> positions;
};

ReadList Read(const std::string& relative) {
  ReadList out;
  auto source = ReadDocumentFile(testing::CorporaDir() + "/" + relative);
  EXPECT_TRUE(source.ok()) << relative;
  if (!source.ok()) return out;
  const core::NormalizedText text = Normalizer().Normalize(source.value());
  out.info = Identifier(StateResolver::Default()).Identify(source.value(), text);
  const ThematicListExtractor extractor(StateResolver::Default());
  out.identified = extractor.Identify(text, out.info);
  out.result = extractor.Extract(text, out.info);
  for (const auto& r : out.result.recommendations)
    ++out.positions[core::PositionKey(r.position.value)];
  return out;
}

// Items first..last of each paragraph, in this order, and nothing else.
void ExpectNumbers(const ReadList& list, const std::map<int, int>& last_item) {
  std::set<std::string> want, got;
  for (const auto& [paragraph, last] : last_item) {
    for (int i = 1; i <= last; ++i)
      want.insert(std::to_string(paragraph) + "." + std::to_string(i));
  }
  for (const auto& r : list.result.recommendations) got.insert(r.number);
  EXPECT_EQ(got, want);
  EXPECT_EQ(list.result.recommendations.size(), want.size());
}

// Every recommendation has a recommending State, and every State resolves.
void ExpectResolvedStates(const ReadList& list) {
  for (const auto& r : list.result.recommendations) {
    EXPECT_FALSE(r.recommending_states.empty()) << r.number;
    for (const auto& s : r.recommending_states) {
      EXPECT_FALSE(s.iso3.empty()) << r.number << ": " << s.as_written;
    }
  }
}

void ExpectLabels(const ReadList& list, bool sdgs) {
  for (const auto& r : list.result.recommendations) {
    EXPECT_FALSE(r.given_labels.themes.empty()) << r.number;
  }
  int with_sdgs = 0;
  for (const auto& r : list.result.recommendations) with_sdgs += !r.given_labels.sdgs.empty();
  EXPECT_EQ(with_sdgs > 0, sdgs);
}

void ExpectIdentified(const ReadList& list, const char* iso3, int cycle, const char* symbol) {
  EXPECT_TRUE(list.identified);
  EXPECT_EQ(list.info.kind, core::DocumentKind::kThematicList);
  EXPECT_EQ(list.info.sur_iso3, iso3);
  EXPECT_EQ(list.info.cycle, cycle);
  EXPECT_EQ(list.info.symbol, symbol);
}

TEST(ThematicListCorpus, SloveniaCycle4MatchesItsAddendum) {
  CORPUS_OR_SKIP();
  const auto list = Read("slovenia/c4/upr48-slovenia-thematic-list-of-recommendatio.docx");
  ExpectIdentified(list, "SVN", 4, "A/HRC/59/15");
  ExpectNumbers(list, {{140, 254}});
  EXPECT_EQ(list.positions, (std::map<std::string, int>{{"supported", 217}, {"noted", 37}}));
  EXPECT_EQ(list.result.recommendations[0].id, "SVN-c4-140.7");  // the list is in theme order
  ExpectResolvedStates(list);
  ExpectLabels(list, true);
}

TEST(ThematicListCorpus, SloveniaCycle3) {
  CORPUS_OR_SKIP();
  const auto list = Read("slovenia/c3/UPR34_Slovenia_Thematic_list_of_Recommendations.docx");
  ExpectIdentified(list, "SVN", 3, "A/HRC/43/15");
  ExpectNumbers(list, {{121, 58}, {122, 157}});
  EXPECT_EQ(list.positions, (std::map<std::string, int>{{"supported", 182}, {"noted", 33}}));
  ExpectResolvedStates(list);
  ExpectLabels(list, true);
}

TEST(ThematicListCorpus, SloveniaCycle2) {
  CORPUS_OR_SKIP();
  const auto list = Read("slovenia/c2/UPR20__Slovenia_ThematicListRecommendations_E.docx");
  ExpectIdentified(list, "SVN", 2, "A/HRC/28/15");
  ExpectNumbers(list, {{115, 163}});
  EXPECT_EQ(list.positions, (std::map<std::string, int>{{"supported", 142}, {"noted", 21}}));
  ExpectResolvedStates(list);
  ExpectLabels(list, false);
}

TEST(ThematicListCorpus, ChinaCycle3) {
  CORPUS_OR_SKIP();
  const auto list = Read("matrices/Matrix_recommendations_2018.docx");
  ExpectIdentified(list, "CHN", 3, "A/HRC/40/6");
  ExpectNumbers(list, {{28, static_cast<int>(testing::Exactly("chn.c3.list.recommendations"))}});
  EXPECT_EQ(list.positions, (std::map<std::string, int>{{"supported", 284}, {"noted", 62}}));
  ExpectResolvedStates(list);
  ExpectLabels(list, true);  // coded "S16 SDG 16 - ..." themes
}

TEST(ThematicListCorpus, ChinaCycle2) {
  CORPUS_OR_SKIP();
  const auto list = Read("matrices/Matrix_recommendations_2013.docx");
  ExpectIdentified(list, "CHN", 2, "A/HRC/25/5");
  ExpectNumbers(list, {{186, static_cast<int>(testing::Exactly("chn.c2.list.recommendations"))}});
  EXPECT_EQ(list.positions, (std::map<std::string, int>{{"supported", 204}, {"noted", 48}}));
  ExpectResolvedStates(list);  // 186.198 "(Bolivia (Plurinational S tate of))" included
  ExpectLabels(list, false);
}

TEST(ThematicListCorpus, EgyptCycle2WithItsStatesColumn) {
  CORPUS_OR_SKIP();
  const auto list = Read("matrices/EgyptMatriceRecommendations.docx");
  ExpectIdentified(list, "EGY", 2, "A/HRC/28/16");
  ExpectNumbers(list, {{166, static_cast<int>(testing::Exactly("egy.c2.list.recommendations"))}});
  EXPECT_EQ(list.positions, (std::map<std::string, int>{
                                {"supported", 224}, {"noted", 53}, {"supported_in_part", 23}}));
  ExpectResolvedStates(list);
  ExpectLabels(list, false);
  for (const auto& d : list.result.diagnostics) ADD_FAILURE() << d.code << ": " << d.message;
}

}  // namespace
}  // namespace uprx::extractors
