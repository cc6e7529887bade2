// The figures the real addenda must produce. Facts come from the documents themselves (their
// declared totals, their lists and answers), not from uprx's output.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>
#include <string>

#include "extractors/addendum_extractor.h"
#include "extractors/document_reader.h"
#include "extractors/identifier.h"
#include "extractors/normalizer.h"
#include "tests/corpus/corpus_env.h"

namespace uprx::extractors {
namespace {

struct Read {
  core::DocumentInfo info;
  AddendumResult result;
  std::string error;
};

Read ReadAddendum(const std::string& relative) {
  Read out;
  auto source = ReadDocumentFile(testing::CorporaDir() + "/" + relative);
  if (!source.ok()) {
    out.error = source.status().message();
    return out;
  }
  const core::NormalizedText text = Normalizer().Normalize(source.value());
  static const Identifier* const kIdentifier = new Identifier(StateResolver::Default());
  out.info = kIdentifier->Identify(source.value(), text);
  out.result = AddendumExtractor().Extract(text, out.info);
  return out;
}

std::map<std::string, int> CountByValue(const AddendumResult& r) {
  std::map<std::string, int> out;
  for (const auto& s : r.statements) ++out[core::PositionKey(s.position.value)];
  return out;
}

const core::PositionStatement* Find(const AddendumResult& r, const std::string& number) {
  for (const auto& s : r.statements) {
    if (s.number == number) return &s;
  }
  return nullptr;
}

bool HasDiagnostic(const AddendumResult& r, const std::string& code) {
  for (const auto& d : r.diagnostics) {
    if (d.code == code) return true;
  }
  return false;
}

// Every number P.1 .. P.last is stated exactly once, and nothing else is.
void ExpectExactlyNumbers(const AddendumResult& r, const std::string& paragraph, int last) {
  std::multiset<std::string> got;
  for (const auto& s : r.statements) got.insert(s.number);
  for (int i = 1; i <= last; ++i) {
    EXPECT_EQ(got.count(paragraph + "." + std::to_string(i)), 1u) << paragraph << "." << i;
  }
  EXPECT_EQ(got.size(), static_cast<std::size_t>(last));
}

std::string ExplanationOf(const AddendumResult& r, const std::string& number) {
  const auto* s = Find(r, number);
  return s && s->position.explanation ? *s->position.explanation : "(none)";
}

// A/HRC/59/15/Add.1: "Slovenia received 254 recommendations ... of which 217 are supported
// and 37 noted"; lists 140.x in paragraphs 3-5.
TEST(AddendumSloveniaCycle4, AllTwoHundredFiftyFourAnswered) {
  CORPUS_OR_SKIP();
  const Read d = ReadAddendum("slovenia/c4/g2505828.pdf");
  ASSERT_TRUE(d.error.empty()) << d.error;
  EXPECT_EQ(d.info.kind, core::DocumentKind::kAddendum);
  EXPECT_EQ(d.info.symbol, "A/HRC/59/15/Add.1");
  EXPECT_EQ(d.result.declared.received, 254);
  EXPECT_EQ(d.result.declared.supported, 217);
  EXPECT_EQ(d.result.declared.noted, 37);
  ExpectExactlyNumbers(d.result, "140", 254);
  const auto counts = CountByValue(d.result);
  EXPECT_EQ(counts.at("supported"), 217);
  EXPECT_EQ(counts.at("noted"), 37);
  EXPECT_FALSE(HasDiagnostic(d.result, "addendum_unread_statement"));
  EXPECT_FALSE(HasDiagnostic(d.result, "declared_mismatch"));
  EXPECT_FALSE(HasDiagnostic(d.result, "position_conflict"));
}

TEST(AddendumSloveniaCycle4, PositionsParagraphsAndExplanationsAsPrinted) {
  CORPUS_OR_SKIP();
  const Read d = ReadAddendum("slovenia/c4/g2505828.pdf");
  const auto* s = Find(d.result, "140.35");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->printed, "140.35.");  // "140.35. 140.36"
  EXPECT_EQ(s->position.paragraph, 3);
  EXPECT_EQ(s->source.page, 2);
  EXPECT_TRUE(HasDiagnostic(d.result, "addendum_separator_repaired"));
  ASSERT_NE(Find(d.result, "140.1"), nullptr);
  EXPECT_EQ(Find(d.result, "140.1")->position.as_written, "takes note of");
  EXPECT_EQ(Find(d.result, "140.1")->position.paragraph, 5);
  EXPECT_EQ(ExplanationOf(d.result, "140.13"),
            "The 1961 Convention on the Reduction of Statelessness was ratified on 30 January "
            "2025.");
  EXPECT_EQ(ExplanationOf(d.result, "140.87").rfind("Slovenia implements anti-trafficking", 0),
            0u);  // header "140.82-85, 87"
  EXPECT_EQ(ExplanationOf(d.result, "140.209").rfind("Slovenia has increased", 0), 0u);
  EXPECT_EQ(ExplanationOf(d.result, "140.253"),
            "There is no specific procedure in Slovenian legislation. Statelessness is "
            "determined on a case-by-case basis.");
}

// A/HRC/43/15/Add.1 answers the pending paragraph 122 (157 recommendations): "of the remaining
// 157 recommendations, 124 are now supported and 33 noted"; the 58 of paragraph 121 were
// supported at the Working Group stage and are not answered again.
TEST(AddendumSloveniaCycle3, AnswersThePendingParagraph) {
  CORPUS_OR_SKIP();
  const Read d = ReadAddendum("slovenia/c3/g2004192.pdf");
  ASSERT_TRUE(d.error.empty()) << d.error;
  EXPECT_EQ(d.info.kind, core::DocumentKind::kAddendum);
  EXPECT_EQ(d.info.symbol, "A/HRC/43/15/Add.1");
  ExpectExactlyNumbers(d.result, "122", 157);
  const auto counts = CountByValue(d.result);
  EXPECT_EQ(counts.at("supported"), 124);
  EXPECT_EQ(counts.at("noted"), 33);
  EXPECT_EQ(d.result.declared.received, 215);
  EXPECT_EQ(d.result.declared.supported, 58 + 124);
  EXPECT_EQ(d.result.declared.noted, 33);
  EXPECT_FALSE(HasDiagnostic(d.result, "declared_mismatch"));
  EXPECT_EQ(ExplanationOf(d.result, "122.21"), "The recommendation is incomprehensible.");
  EXPECT_EQ(ExplanationOf(d.result, "122.115"), "See recommendations 122.95-96.");
}

// A/HRC/28/15/Add.1 numbers recommendations 1-163 "following the list in paragraph 115 of the
// Report": "accepts 142 recommendations ... notes 21 recommendations".
TEST(AddendumSloveniaCycle2, PlainNumbersOfParagraph115) {
  CORPUS_OR_SKIP();
  const Read d = ReadAddendum("slovenia/c2/g1504261.pdf");
  ASSERT_TRUE(d.error.empty()) << d.error;
  EXPECT_EQ(d.info.kind, core::DocumentKind::kAddendum);
  ExpectExactlyNumbers(d.result, "115", 163);
  const auto counts = CountByValue(d.result);
  EXPECT_EQ(counts.at("supported"), 142);
  EXPECT_EQ(counts.at("noted"), 21);
  EXPECT_EQ(d.result.declared.received, 163);
  EXPECT_EQ(d.result.declared.supported, 142);
  EXPECT_EQ(d.result.declared.noted, 21);
  ASSERT_NE(Find(d.result, "115.151"), nullptr);
  EXPECT_EQ(Find(d.result, "115.151")->printed, "150 - 152");
  EXPECT_EQ(ExplanationOf(d.result, "115.30"), "See recommendation 24.");
  EXPECT_EQ(ExplanationOf(d.result, "115.163"), "See information on recommendations 6-13.");
}

// A/HRC/14/15/Add.1 answers items 1-97 (of report paragraph 111, which it does not name) one by
// one: "84. Slovenia cannot accept", "88. ... does not accept", "93. ... cannot accept", item 1
// "cannot ... make a definitive statement"; items 3, 32 and 58 accept one part and not another;
// item 15 "agrees with the importance of" and states no position.
TEST(AddendumSloveniaCycle1, AnswersItemByItem) {
  CORPUS_OR_SKIP();
  const Read d = ReadAddendum("slovenia/c1/g1012465.pdf");
  ASSERT_TRUE(d.error.empty()) << d.error;
  EXPECT_EQ(d.info.kind, core::DocumentKind::kAddendum);
  ExpectExactlyNumbers(d.result, "?", 97);
  ASSERT_NE(Find(d.result, "?.5"), nullptr);
  EXPECT_EQ(Find(d.result, "?.5")->printed, "5.");
  for (const char* n : {"?.1", "?.84", "?.88", "?.93"}) {
    ASSERT_NE(Find(d.result, n), nullptr) << n;
    EXPECT_EQ(Find(d.result, n)->position.value, core::PositionValue::kNoted) << n;
  }
  for (const char* n : {"?.3", "?.32", "?.58"}) {
    EXPECT_EQ(Find(d.result, n)->position.value, core::PositionValue::kSupportedInPart) << n;
  }
  EXPECT_EQ(Find(d.result, "?.15")->position.value, core::PositionValue::kUnknown);
  EXPECT_TRUE(HasDiagnostic(d.result, "addendum_unread_statement"));
  const auto counts = CountByValue(d.result);
  EXPECT_EQ(counts.at("supported"), 97 - 4 - 3 - 1);
  // The label column wraps: "40., 41., 42.," then "43., 44.", and "77., 78., 79., 82.," then
  // "83., 85., 86., 87." continue the answers above them.
  EXPECT_EQ(Find(d.result, "?.44")->position.value, core::PositionValue::kSupported);
  EXPECT_EQ(Find(d.result, "?.87")->position.value, core::PositionValue::kSupported);
}

// Real DOCX table rows ("140.7 Ratify ...<TAB>Supported<TAB>..."): the OHCHR thematic list of
// Slovenia's fourth review gives the positions of A/HRC/59/15/Add.1 in a table.
TEST(AddendumTables, ReadsRowsOfARealDocxTable) {
  CORPUS_OR_SKIP();
  const Read d = ReadAddendum("slovenia/c4/upr48-slovenia-thematic-list-of-recommendatio.docx");
  ASSERT_TRUE(d.error.empty()) << d.error;
  ExpectExactlyNumbers(d.result, "140", 254);
  const auto counts = CountByValue(d.result);
  EXPECT_EQ(counts.at("supported"), 217);
  EXPECT_EQ(counts.at("noted"), 37);
}

// Every document of the Slovenia folders identified as an addendum yields positions and no
// error (the other folders hold no addenda).
TEST(AddendumCorpus, EveryAddendumReadsPositions) {
  CORPUS_OR_SKIP();
  int addenda = 0;
  const std::filesystem::path root = testing::CorporaDir();
  for (const auto& e : std::filesystem::recursive_directory_iterator(root / "slovenia")) {
    if (!e.is_regular_file()) continue;
    const Read d = ReadAddendum(std::filesystem::relative(e.path(), root).string());
    if (!d.error.empty() || d.info.kind != core::DocumentKind::kAddendum) continue;
    ++addenda;
    EXPECT_FALSE(d.result.statements.empty()) << e.path();
    EXPECT_FALSE(HasDiagnostic(d.result, "addendum_no_statements")) << e.path();
  }
  EXPECT_EQ(addenda, 4);
}

}  // namespace
}  // namespace uprx::extractors
