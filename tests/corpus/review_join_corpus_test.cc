// Issue "Final positions": the documents of one review agree with each other, and joining them
// gives the final figures the documents declare, whatever order they come in.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <map>

#include "pipeline/formats/json_writer.h"
#include "pipeline/run/review_join.h"
#include "pipeline/run/runner.h"
#include "tests/corpus/corpus_env.h"
#include "tests/corpus/figures.h"

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

std::vector<ProcessedDocument> ProcessAll(const std::vector<std::string>& files) {
  std::vector<std::string> paths;
  for (const auto& f : files) paths.push_back(testing::CorporaDir() + "/slovenia/" + f);
  return RunDocuments(Processor(), paths, {2, false});
}

std::map<std::string, int> CountPositions(const core::Review& r) {
  std::map<std::string, int> out;
  for (const auto& rec : r.recommendations) ++out[core::PositionKey(rec.position.value)];
  return out;
}

bool HasDiagnostic(const core::Review& r, const std::string& code) {
  return std::any_of(r.diagnostics.begin(), r.diagnostics.end(),
                     [&](const core::Diagnostic& d) { return d.code == code; });
}

// The counts each review must give, the totals its addendum declares, are figures of
// corpora/figures.tsv.
struct Cycle {
  const char* name;
  std::vector<std::string> files;  // report, addendum, thematic list (when there is one)
  const char *recommendations, *supported, *noted;
};

const Cycle kSlovenia[] = {
    {"c4",
     {"c4/g2502644.pdf", "c4/g2505828.pdf",
      "c4/upr48-slovenia-thematic-list-of-recommendatio.docx"},
     "svn.c4.recommendations",
     "svn.c4.supported",
     "svn.c4.noted"},
    {"c3",
     {"c3/g1934994.pdf", "c3/g2004192.pdf",
      "c3/UPR34_Slovenia_Thematic_list_of_Recommendations.docx"},
     "svn.c3.recommendations",
     "svn.c3.supported",
     "svn.c3.noted"},
    {"c2",
     {"c2/g1423930.pdf", "c2/g1504261.pdf",
      "c2/UPR20__Slovenia_ThematicListRecommendations_E.docx"},
     "svn.c2.recommendations",
     "svn.c2.supported",
     "svn.c2.noted"},
};

TEST(SloveniaReviews, FinalPositionsEqualTheAddendumsDeclaredTotals) {
  CORPUS_OR_SKIP();
  for (const Cycle& c : kSlovenia) {
    const auto reviews = JoinReviews(ProcessAll(c.files));
    ASSERT_EQ(reviews.size(), 1u) << c.name;
    const core::Review& r = reviews[0];
    EXPECT_EQ(r.documents.size(), 3u) << c.name;
    EXPECT_EQ(r.recommendations.size(), testing::Exactly(c.recommendations)) << c.name;
    const auto counts = CountPositions(r);
    EXPECT_EQ(static_cast<std::size_t>(counts.at("supported")), testing::Exactly(c.supported))
        << c.name;
    EXPECT_EQ(static_cast<std::size_t>(counts.at("noted")), testing::Exactly(c.noted)) << c.name;
    EXPECT_EQ(counts.count("pending"), 0u) << c.name;
    EXPECT_FALSE(HasDiagnostic(r, "declared_total_mismatch")) << c.name;
    EXPECT_FALSE(HasDiagnostic(r, "no_final_position")) << c.name;
  }
}

TEST(SloveniaReviews, EveryFinalPositionAgreesWithTheThematicList) {
  CORPUS_OR_SKIP();
  for (const Cycle& c : kSlovenia) {
    const auto list = Processor().Process(testing::CorporaDir() + "/slovenia/" + c.files[2]);
    std::map<std::string, std::string> listed;
    for (const auto& rec : list.recommendations)
      listed[rec.number] = core::PositionKey(rec.position.value);
    const auto reviews = JoinReviews(ProcessAll({c.files[0], c.files[1]}));
    std::vector<std::string> differ;
    for (const auto& rec : reviews.at(0).recommendations) {
      if (listed[rec.number] != core::PositionKey(rec.position.value)) differ.push_back(rec.number);
    }
    EXPECT_TRUE(differ.empty()) << c.name << ": " << differ.size() << " differ, first "
                                << differ.front();
  }
}

TEST(SloveniaReviews, CycleOneLeavesOnlyTheItemTheAddendumGivesNoPositionFor) {
  CORPUS_OR_SKIP();
  const auto reviews = JoinReviews(ProcessAll({"c1/g1012049.pdf", "c1/g1012465.pdf"}));
  ASSERT_EQ(reviews.size(), 1u);
  std::vector<std::string> open;
  for (const auto& rec : reviews[0].recommendations) {
    if (rec.position.value == core::PositionValue::kUnknown ||
        rec.position.value == core::PositionValue::kPending) {
      open.push_back(rec.number);
    }
  }
  // A/HRC/14/15/Add.1 on item 15: "agrees with the importance of the 1995 Programme", no answer.
  EXPECT_EQ(open, std::vector<std::string>{"111.15"});
  EXPECT_TRUE(HasDiagnostic(reviews[0], "no_final_position"));
}

TEST(SloveniaReviews, TheOrderOfTheDocumentsDoesNotChangeABit) {
  CORPUS_OR_SKIP();
  const auto& files = kSlovenia[0].files;
  const std::vector<std::string> reversed(files.rbegin(), files.rend());
  const std::string a = OutputToJson(JoinReviews(ProcessAll(files)), {}).dump(2);
  const std::string b = OutputToJson(JoinReviews(ProcessAll(reversed)), {}).dump(2);
  EXPECT_EQ(a, b);
}

}  // namespace
}  // namespace uprx::pipeline
