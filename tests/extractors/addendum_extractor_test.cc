#include "extractors/addendum_extractor.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extractors/normalizer.h"

namespace uprx::extractors {
namespace {

// Fixtures are short pieces written for these tests in the layout of the real addenda.
AddendumResult ExtractText(const std::string& page_text,
                           core::Format format = core::Format::kText) {
  core::SourceDocument doc;
  doc.format = format;
  doc.pages.push_back({1, page_text});
  core::DocumentInfo info;
  info.symbol = "A/HRC/99/9/Add.1";
  info.kind = core::DocumentKind::kAddendum;
  return AddendumExtractor().Extract(Normalizer().Normalize(doc), info);
}

std::vector<std::string> Numbers(const AddendumResult& r) {
  std::vector<std::string> out;
  for (const auto& s : r.statements) out.push_back(s.number);
  return out;
}

const core::PositionStatement* Find(const AddendumResult& r, const std::string& number) {
  for (const auto& s : r.statements) {
    if (s.number == number) return &s;
  }
  return nullptr;
}

// The statement of `number`; a failure (and an empty statement) when there is none, so one
// missing number does not end the run.
const core::PositionStatement& Get(const AddendumResult& r, const std::string& number) {
  static const core::PositionStatement kNone;
  const auto* s = Find(r, number);
  if (s == nullptr) ADD_FAILURE() << "no statement for " << number;
  return s ? *s : kNone;
}

std::string ValueOf(const AddendumResult& r, const std::string& number) {
  const auto* s = Find(r, number);
  return s ? core::PositionKey(s->position.value) : "(none)";
}

bool HasDiagnostic(const AddendumResult& r, const std::string& code) {
  for (const auto& d : r.diagnostics) {
    if (d.code == code) return true;
  }
  return false;
}

constexpr const char* kCycle4 =
    R"(1. This document contains the response of the Government to the recommendations made
during the 4th Universal Periodic Review on 28 January 2025.
2. Slovenia received 12 recommendations from UN member states. With this
document, Slovenia sets out its position on all recommendations, of which 9
are supported and 3 noted. The response is clustered into three categories: I. Accepted
recommendations; II. Accepted recommendations considered implemented; III. Noted recommendations.
I. Accepted recommendations
3. The Government accepts the following recommendations: 140.4, 140.5. 140.6,
140.7,
140.8.
II. Accepted recommendations that Slovenia considers already
implemented or in the process of implementation
4. The Government accepts the following recommendations and provides some
additional information about the implementation: 140.9-11, 140.12.
140.9-11
The 1961 Convention on the Reduction of Statelessness was ratified on 30 January
2025.
140.12
Slovenia has introduced gender quotas in its electoral law.
III. Noted recommendations
5. The Government takes note of recommendations 140.1, 140.2, 140.3
and wishes to provide the following information:
140.1-3
Ratification of the Convention is not a priority for Slovenia.
)";

TEST(AddendumExtractor, ReadsListsAfterALeadSentence) {
  const auto r = ExtractText(kCycle4);
  EXPECT_EQ(Numbers(r),
            (std::vector<std::string>{"140.4", "140.5", "140.6", "140.7", "140.8", "140.9",
                                      "140.10", "140.11", "140.12", "140.1", "140.2", "140.3"}));
  const auto* s = Find(r, "140.4");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->position.value, core::PositionValue::kSupported);
  EXPECT_EQ(s->position.as_written, "accepts");
  EXPECT_EQ(s->position.stage, "addendum");
  EXPECT_EQ(s->position.document, "A/HRC/99/9/Add.1");
  EXPECT_EQ(s->position.paragraph, 3);
  EXPECT_EQ(s->source.document, "A/HRC/99/9/Add.1");
  EXPECT_EQ(s->source.page, 1);
  EXPECT_EQ(ValueOf(r, "140.1"), "noted");
  EXPECT_EQ(Get(r, "140.1").position.as_written, "takes note of");
}

TEST(AddendumExtractor, SpanPointsAtTheNumberAsPrinted) {
  const std::string text = kCycle4;
  const auto r = ExtractText(text);
  const auto* s = Find(r, "140.7");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(text.substr(s->source.span_begin, s->source.span_end - s->source.span_begin), "140.7");
}

TEST(AddendumExtractor, ReadsAPeriodBetweenTwoNumbersAsAComma) {
  const auto r = ExtractText(kCycle4);
  const auto* s = Find(r, "140.5");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->printed, "140.5.");
  EXPECT_EQ(ValueOf(r, "140.6"), "supported");
  EXPECT_TRUE(HasDiagnostic(r, "addendum_separator_repaired"));
}

TEST(AddendumExtractor, ReadsDeclaredTotals) {
  const auto r = ExtractText(kCycle4);
  EXPECT_EQ(r.declared.received, 12);
  EXPECT_EQ(r.declared.supported, 9);
  EXPECT_EQ(r.declared.noted, 3);
  EXPECT_FALSE(HasDiagnostic(r, "declared_mismatch"));
}

TEST(AddendumExtractor, AttachesExplanationsToTheNumbersThatHeadThem) {
  const auto r = ExtractText(kCycle4);
  const auto* s = Find(r, "140.10");
  ASSERT_NE(s, nullptr);
  ASSERT_TRUE(s->position.explanation.has_value());
  EXPECT_EQ(*s->position.explanation,
            "The 1961 Convention on the Reduction of Statelessness was ratified on 30 January "
            "2025.");
  EXPECT_EQ(Get(r, "140.3").position.explanation.value_or("(none)"),
            "Ratification of the Convention is not a priority for Slovenia.");
  EXPECT_FALSE(Get(r, "140.4").position.explanation.has_value());
}

TEST(AddendumExtractor, ExpandsRangesWithHyphenEnDashAndTo) {
  const auto r = ExtractText(
      "1. Slovenia supports recommendations 110.3–110.6, 110.8-10 and 110.12 to 110.13.\n");
  EXPECT_EQ(Numbers(r), (std::vector<std::string>{"110.3", "110.4", "110.5", "110.6", "110.8",
                                                  "110.9", "110.10", "110.12", "110.13"}));
  EXPECT_EQ(Get(r, "110.4").printed, "110.3-110.6");
  EXPECT_EQ(Get(r, "110.9").printed, "110.8-10");
  EXPECT_EQ(ValueOf(r, "110.13"), "supported");
}

TEST(AddendumExtractor, ReadsPassiveListsAndPositionsAfterTheList) {
  const auto r = ExtractText(
      "1. The following recommendations are noted: 110.1, 110.2.\n"
      "2. Recommendations 110.3 and 110.4 are supported.\n"
      "3. The Government rejects recommendation 110.5.\n"
      "4. Recommendation 110.6 is accepted in principle.\n");
  EXPECT_EQ(ValueOf(r, "110.1"), "noted");
  EXPECT_EQ(ValueOf(r, "110.3"), "supported");
  EXPECT_EQ(ValueOf(r, "110.5"), "noted");
  EXPECT_EQ(Get(r, "110.5").position.as_written, "rejects");
  EXPECT_EQ(ValueOf(r, "110.6"), "noted");
  EXPECT_EQ(Get(r, "110.6").position.as_written, "accepted in principle");
}

TEST(AddendumExtractor, ReadsSupportInPart) {
  const auto r = ExtractText(
      "1. The Government partially accepts recommendations 110.7 and 110.8.\n"
      "2. Recommendation 110.9 is supported in part.\n");
  EXPECT_EQ(ValueOf(r, "110.7"), "supported_in_part");
  EXPECT_EQ(Get(r, "110.7").position.as_written, "partially accepts");
  EXPECT_EQ(ValueOf(r, "110.9"), "supported_in_part");
}

TEST(AddendumExtractor, TakesExceptionsOutOfTheListBefore) {
  const auto r = ExtractText(
      "1. The Government accepts recommendations 110.1-110.5 except 110.3, which it notes.\n");
  EXPECT_EQ(Numbers(r), (std::vector<std::string>{"110.1", "110.2", "110.4", "110.5", "110.3"}));
  EXPECT_EQ(ValueOf(r, "110.3"), "noted");
}

TEST(AddendumExtractor, UsesTheHeadingWhenTheListStatesNoPosition) {
  const auto r = ExtractText("Noted recommendations\n110.1, 110.2, 110.3\n");
  EXPECT_EQ(Numbers(r), (std::vector<std::string>{"110.1", "110.2", "110.3"}));
  EXPECT_EQ(ValueOf(r, "110.2"), "noted");
  EXPECT_EQ(Get(r, "110.2").position.as_written, "Noted recommendations");
}

TEST(AddendumExtractor, AListWithoutAPositionIsReported) {
  const auto r = ExtractText(
      "1. Slovenia accepts recommendation 110.1.\n"
      "2. As regards recommendations 110.2 and 110.3, consultations continue.\n");
  EXPECT_EQ(ValueOf(r, "110.2"), "unknown");
  EXPECT_TRUE(HasDiagnostic(r, "addendum_unread_statement"));
}

TEST(AddendumExtractor, KeepsBothStatementsOfAConflict) {
  const auto r = ExtractText(
      "1. The Government accepts the following recommendations: 110.1, 110.2.\n"
      "2. The Government takes note of recommendations 110.2, 110.3.\n");
  EXPECT_EQ(Numbers(r), (std::vector<std::string>{"110.1", "110.2", "110.2", "110.3"}));
  EXPECT_TRUE(HasDiagnostic(r, "position_conflict"));
}

TEST(AddendumExtractor, ARepeatWithTheSamePositionIsStatedOnce) {
  const auto r = ExtractText(
      "1. Slovenia accepts recommendations 110.1 and 110.2.\n"
      "2. Slovenia also accepts recommendation 110.2.\n");
  EXPECT_EQ(Numbers(r), (std::vector<std::string>{"110.1", "110.2"}));
  EXPECT_TRUE(HasDiagnostic(r, "addendum_repeated_number"));
}

constexpr const char* kCycle1 =
    R"(Slovenia welcomes the recommendations. After evaluating the recommendations, its
answers are as follows:
1. Slovenia cannot, at this point in time, make a definitive statement.
Slovenia already guarantees most of the rights contained in the Convention.
2. Slovenia accepts the recommendation.
3. The Slovenian Government accepts the recommendations on ratifying the 1993
Convention (No. 174). However, it cannot make a definitive statement regarding the
1962 Convention (No. 118).
4., 5. Slovenia accepts these recommendations and notes that they have
already been implemented.
6., 7., 8., Slovenia accepts these recommendations and already acts accordingly.
9., 11.
10. Slovenia does not accept this recommendation, as it is incomprehensible.
12. Slovenia agrees with the importance of the Programme.
)";

TEST(AddendumExtractor, ReadsAnswersItemByItem) {
  const auto r = ExtractText(kCycle1);
  EXPECT_EQ(Numbers(r), (std::vector<std::string>{"?.1", "?.2", "?.3", "?.4", "?.5", "?.6", "?.7",
                                                  "?.8", "?.9", "?.11", "?.10", "?.12"}));
  EXPECT_EQ(Get(r, "?.2").printed, "2.");
  EXPECT_EQ(ValueOf(r, "?.2"), "supported");
  EXPECT_FALSE(Get(r, "?.2").position.explanation.has_value());
  EXPECT_EQ(ValueOf(r, "?.5"), "supported");
  EXPECT_EQ(ValueOf(r, "?.10"), "noted");
  EXPECT_EQ(Get(r, "?.10").position.as_written, "does not accept");
  EXPECT_TRUE(HasDiagnostic(r, "addendum_paragraph_unknown"));
}

TEST(AddendumExtractor, ItemAnswersKeepTheirTextAsExplanation) {
  const auto r = ExtractText(kCycle1);
  ASSERT_TRUE(Get(r, "?.4").position.explanation.has_value());
  EXPECT_EQ(Get(r, "?.4").position.explanation.value_or("(none)"),
            "Slovenia accepts these recommendations and notes that they have already been "
            "implemented.");
}

TEST(AddendumExtractor, AnItemThatAcceptsOnePartAndNotAnotherIsSupportedInPart) {
  const auto r = ExtractText(kCycle1);
  EXPECT_EQ(ValueOf(r, "?.3"), "supported_in_part");
  EXPECT_EQ(ValueOf(r, "?.1"), "noted");
}

TEST(AddendumExtractor, AnAnswerWithoutAPositionIsUnknownAndReported) {
  const auto r = ExtractText(kCycle1);
  EXPECT_EQ(ValueOf(r, "?.12"), "unknown");
  EXPECT_TRUE(HasDiagnostic(r, "addendum_unread_statement"));
}

TEST(AddendumExtractor, PlainNumbersTakeTheParagraphTheAddendumNames) {
  const auto r = ExtractText(
      "1. The Government accepts the recommendations 1-3, 5.\n"
      "2. For the time being, the Government notes recommendations 4, 6.\n"
      "Rec. 4 The Government is currently not planning to ratify the Convention.\n"
      "Notes\n"
      "1\n"
      "The serial numbers of recommendations follow the list in paragraph 115 of the Report.\n");
  EXPECT_EQ(Numbers(r),
            (std::vector<std::string>{"115.1", "115.2", "115.3", "115.5", "115.4", "115.6"}));
  EXPECT_EQ(Get(r, "115.5").printed, "5");
  EXPECT_EQ(ValueOf(r, "115.6"), "noted");
  EXPECT_EQ(Get(r, "115.4").position.explanation.value_or("(none)"),
            "The Government is currently not planning to ratify the Convention.");
}

TEST(AddendumExtractor, ReadsATableRow) {
  const auto r = ExtractText(
      "Recommendation\tRecommendation text\tPosition\n"
      "118.1\tRatify the Optional Protocol (France)\tAccepted\n"
      "118.2\tAbolish the death penalty (Spain)\tNoted. The Constitution already prohibits it.\n",
      core::Format::kDocx);
  EXPECT_EQ(Numbers(r), (std::vector<std::string>{"118.1", "118.2"}));
  EXPECT_EQ(ValueOf(r, "118.1"), "supported");
  EXPECT_EQ(Get(r, "118.1").position.as_written, "Accepted");
  EXPECT_EQ(ValueOf(r, "118.2"), "noted");
  EXPECT_EQ(Get(r, "118.2").position.explanation.value_or("(none)"),
            "Noted. The Constitution already prohibits it.");
}

TEST(AddendumExtractor, NothingToReadIsAnError) {
  const auto r = ExtractText("1. This document contains the response of the Government.\n");
  EXPECT_TRUE(r.statements.empty());
  EXPECT_TRUE(HasDiagnostic(r, "addendum_no_statements"));
}

// --- former bugs: each quirk of a real addendum -------------------------------------------------

// A/HRC/43/15/Add.1: "1. Accepted recommendations; 2. ..." at a line start inside paragraph 2
// is not paragraph 1, and its "58 were immediately supported" adds to the declared support.
TEST(AddendumExtractor, FormerBugCategoryListInsideAParagraph) {
  const auto r = ExtractText(
      "2. On 12 November, Slovenia received 15 recommendations, of which 5 were immediately\n"
      "supported. Of the remaining 10 recommendations, 7 are now supported and 3 noted. The\n"
      "response is clustered into three categories:\n"
      "1. Accepted recommendations; 2. Accepted recommendations that Slovenia considers\n"
      "already implemented; 3. Noted recommendations.\n"
      "Accepted recommendations\n"
      "3. The Government accepts the following recommendations 122.1, 122.4-\n"
      "9.\n"
      "Noted recommendations\n"
      "4. For the time being, the Government notes recommendations 122.2-3, 122.10.\n");
  EXPECT_EQ(r.declared.received, 15);
  EXPECT_EQ(r.declared.supported, 12);
  EXPECT_EQ(r.declared.noted, 3);
  EXPECT_TRUE(HasDiagnostic(r, "declared_totals_combined"));
  EXPECT_FALSE(HasDiagnostic(r, "declared_mismatch"));
  EXPECT_EQ(Numbers(r).size(), 10u);
  EXPECT_EQ(Get(r, "122.1").position.paragraph, 3);
  EXPECT_EQ(ValueOf(r, "122.9"), "supported");  // "122.4-" + "9." across a line break
  EXPECT_EQ(ValueOf(r, "122.2"), "noted");
}

// A/HRC/59/15/Add.1: "140.136." ends a line inside the list; the line after it continues the
// list and is not an explanation header. A header may span numbers stated in another section
// ("140.72-75" with 140.73 accepted) and numbers stated nowhere.
TEST(AddendumExtractor, FormerBugListLineAfterATypoIsNotAHeader) {
  const auto r = ExtractText(
      "3. The Government accepts the following recommendations: 140.135, 140.136.\n"
      "140.137, 140.138,\n"
      "140.139.\n"
      "4. The Government takes note of recommendations 140.140, 140.142.\n"
      "140.139-142\n"
      "The rights of migrants are protected by existing EU legislation.\n");
  EXPECT_EQ(Numbers(r).size(), 7u);
  EXPECT_EQ(ValueOf(r, "140.138"), "supported");
  EXPECT_EQ(ValueOf(r, "140.142"), "noted");
  EXPECT_FALSE(Get(r, "140.137").position.explanation.has_value());
  EXPECT_EQ(Get(r, "140.139").position.explanation.value_or("(none)"),
            "The rights of migrants are protected by existing EU legislation.");
  EXPECT_TRUE(HasDiagnostic(r, "addendum_explanation_unmatched"));  // 140.141
}

// A/HRC/14/15/Add.1: "15.1 maternal deaths" in an answer is no list; "notes that" is not
// "notes"; the label column "77., 78., 79., 82.," wraps onto "83., 85. decision by ...".
TEST(AddendumExtractor, FormerBugCycleOneProse) {
  const auto r = ExtractText(
      "77., 78., 79., 82., Slovenia accepts these recommendations and refers, in the light of the\n"
      "83., 85. decision by the Constitutional Court in 2003, to the Act.\n"
      "80. Slovenia accepts this recommendation and notes that maternal mortality fell\n"
      "(from 15.1 maternal deaths per 100,000 live births in 2000-2002).\n");
  EXPECT_EQ(Numbers(r),
            (std::vector<std::string>{"?.77", "?.78", "?.79", "?.82", "?.83", "?.85", "?.80"}));
  EXPECT_EQ(ValueOf(r, "?.85"), "supported");
  EXPECT_EQ(ValueOf(r, "?.80"), "supported");
}

// A/HRC/28/15/Add.1: "150 - 152" and "14-\n16" are ranges; the end-note mark "1" is not an
// explanation header for recommendation 1.
TEST(AddendumExtractor, FormerBugSpacedRangesAndEndNotes) {
  const auto r = ExtractText(
      "3. The Government accepts the recommendations 1, 14-\n"
      "16, 150 - 152.\n"
      "Rec. 1 See recommendation 24.\n"
      "Notes\n"
      "1\n"
      "The serial numbers of recommendations follow the list in paragraph 115 of the Report.\n");
  EXPECT_EQ(Numbers(r), (std::vector<std::string>{"115.1", "115.14", "115.15", "115.16", "115.150",
                                                  "115.151", "115.152"}));
  EXPECT_EQ(Get(r, "115.1").position.explanation.value_or("(none)"), "See recommendation 24.");
}

}  // namespace
}  // namespace uprx::extractors
