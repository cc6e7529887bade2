// Issue "Final positions": the documents of one review agree with each other, and joining them
// gives the final figures the documents declare, whatever order they come in.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <map>

#include "pipeline/json_writer.h"
#include "pipeline/review_join.h"
#include "pipeline/runner.h"
#include "tests/corpus/corpus_env.h"

namespace uprx::pipeline {
namespace {

const DocumentProcessor& Processor() {
  static const DocumentProcessor* const kProcessor = new DocumentProcessor();
  return *kProcessor;
}

// Texts compared without spaces and case: the DOCX lists split words into runs with spaces
// around hyphens and apostrophes ("non - discrimination", "Slovenia' s") or drop spaces
// ("toarticle8"); neither is a difference in what the recommendation says.
std::string Squeezed(const std::string& s) {
  std::string out;
  for (char ch : s) {
    if (!std::isspace(static_cast<unsigned char>(ch))) {
      out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(ch))));
    }
  }
  return out;
}

std::vector<std::string> Iso3s(const core::Recommendation& r) {
  std::vector<std::string> out;
  for (const auto& s : r.recommending_states) out.push_back(s.iso3);
  return out;
}

TEST(ThematicListAlone, GivesTheReportsRecommendations) {
  CORPUS_OR_SKIP();
  const std::string dir = testing::CorporaDir() + "/slovenia/";
  const struct {
    const char* report;
    const char* list;
    std::vector<std::string> texts_differ;  // real differences between the two documents
  } kCases[] = {
      // The WG report prints "childre" in 115.104; the list has "children".
      {"c2/g1423930.pdf", "c2/UPR20__Slovenia_ThematicListRecommendations_E.docx", {"115.104"}},
      {"c3/g1934994.pdf", "c3/UPR34_Slovenia_Thematic_list_of_Recommendations.docx", {}},
      {"c4/g2502644.pdf", "c4/upr48-slovenia-thematic-list-of-recommendatio.docx", {}},
  };
  for (const auto& c : kCases) {
    const auto report = Processor().Process(dir + c.report);
    const auto list = Processor().Process(dir + c.list);
    ASSERT_EQ(list.info.kind, core::DocumentKind::kThematicList) << c.list;
    EXPECT_EQ(list.info.symbol, report.info.symbol) << c.list;
    ASSERT_EQ(list.recommendations.size(), report.recommendations.size()) << c.list;
    // The list groups recommendations by theme; compare them by number.
    std::map<std::string, const core::Recommendation*> by_number;
    for (const auto& b : list.recommendations) by_number[b.number] = &b;
    std::vector<std::string> differ;
    for (const auto& a : report.recommendations) {
      auto it = by_number.find(a.number);
      ASSERT_NE(it, by_number.end()) << c.list << " lacks " << a.number;
      EXPECT_EQ(Iso3s(a), Iso3s(*it->second)) << c.list << " " << a.number;
      if (Squeezed(a.text) != Squeezed(it->second->text)) differ.push_back(a.number);
    }
    EXPECT_EQ(differ, c.texts_differ) << c.list;
  }
}

}  // namespace
}  // namespace uprx::pipeline
