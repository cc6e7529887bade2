#include "extractors/wg_report_extractor.h"

#include <gtest/gtest.h>

#include "extractors/normalizer.h"

namespace uprx::extractors {
namespace {

// Fixtures are short pieces written for these tests in the layout of the real reports.
ExtractionResult ExtractText(const std::string& page_text) {
  core::SourceDocument doc;
  doc.format = core::Format::kText;
  doc.pages.push_back({1, page_text});
  core::DocumentInfo info;
  info.symbol = "A/HRC/99/9";
  info.sur_iso3 = "KHM";
  info.cycle = 2;
  return WgReportExtractor(StateResolver::Default()).Extract(Normalizer().Normalize(doc), info);
}

std::vector<std::string> Numbers(const ExtractionResult& r) {
  std::vector<std::string> out;
  for (const auto& rec : r.recommendations) out.push_back(rec.number);
  return out;
}

bool HasDiagnostic(const ExtractionResult& r, const std::string& code) {
  for (const auto& d : r.diagnostics) {
    if (d.code == code) return true;
  }
  return false;
}

constexpr const char* kCycle2 = R"(II. Conclusions and/or recommendations**
118. The recommendations formulated during the interactive dialogue and listed
below enjoy the support of Cambodia:
118.1 Ratify the first Optional Protocol to the International Covenant on
Civil and Political Rights (France);
118.2 Ratify Optional Protocols 1 and 2 to ICCPR (Austria) (Chile);
118.8 Implement Security Council resolution
1325 (2000) on women, peace and security (Norway);
118.4 Protect defenders (Ukraine); Increase efforts towards the protection of
**
Conclusions and recommendations have not been edited.
defenders (Slovakia);
119. The following recommendations will be examined by Cambodia which will provide
responses in due time:
119.1 Consider ratifying the Rome Statute (Peru);
119.2 Abolish the death penalty (Iran (Islamic Republic of));
120. All conclusions and/or recommendations contained in the present report reflect
the position of the submitting State(s) and/or the State under review.
Annex
Composition of the delegation
)";

TEST(WgReportExtractor, ReadsDottedItemsWithPositionsFromLeadIns) {
  const auto r = ExtractText(kCycle2);
  EXPECT_EQ(Numbers(r),
            (std::vector<std::string>{"118.1", "118.2", "118.3", "118.4", "119.1", "119.2"}));
  EXPECT_EQ(r.recommendations[0].position.value, core::PositionValue::kSupported);
  EXPECT_EQ(r.recommendations[0].position.paragraph, 118);
  EXPECT_EQ(r.recommendations[4].position.value, core::PositionValue::kPending);
  EXPECT_EQ(r.recommendations[0].id, "KHM-c2-118.1");
  EXPECT_EQ(r.recommendations[0].text,
            "Ratify the first Optional Protocol to the International Covenant on Civil and "
            "Political Rights");
}

TEST(WgReportExtractor, RepairsAMisprintedNumberBetweenTwoGoodOnes) {
  const auto r = ExtractText(kCycle2);
  EXPECT_EQ(r.recommendations[2].number, "118.3");
  EXPECT_EQ(r.recommendations[2].printed_number, "118.8");
  EXPECT_TRUE(HasDiagnostic(r, "number_repaired"));
}

TEST(WgReportExtractor, AWrappedLineStartingWithANumberStaysText) {
  const auto r = ExtractText(kCycle2);
  EXPECT_EQ(r.recommendations[2].text,
            "Implement Security Council resolution 1325 (2000) on women, peace and security");
}

TEST(WgReportExtractor, KeepsEveryStateAndItsClause) {
  const auto r = ExtractText(kCycle2);
  ASSERT_EQ(r.recommendations[1].recommending_states.size(), 2u);
  EXPECT_EQ(r.recommendations[1].recommending_states[1].iso3, "CHL");
  EXPECT_EQ(r.recommendations[1].recommending_states[1].segment, "");
  const auto& two = r.recommendations[3].recommending_states;
  ASSERT_EQ(two.size(), 2u);
  EXPECT_EQ(two[0].segment, "Protect defenders");
  EXPECT_EQ(two[1].iso3, "SVK");
  EXPECT_EQ(two[1].segment, "Increase efforts towards the protection of defenders");
  EXPECT_EQ(r.recommendations[5].recommending_states[0].iso3, "IRN");
}

// Cycle 1: items numbered 1., 2., ... inside a paragraph, running past the report's own
// paragraph numbers, as in A/HRC/13/4 (items 82-91 of paragraph 82, then paragraphs 83, 84).
constexpr const char* kCycle1 = R"(Conclusions and/or recommendations
4. In the course of the discussion, the following recommendations were made to Cambodia:
1. Consider ratifying CED (Brazil);
2. Continue legal reforms (Morocco);
3. Widen its consultation process (United Kingdom);
4. Expedite the national human rights institution (Pakistan); accelerate the steps
towards it (Egypt);
5. Continue to seek technical assistance (Slovenia);
6
Strengthen its policy on the rights of the child (Brazil);
5. The response of Cambodia to these recommendations will be included in the
outcome report adopted by the Human Rights Council at its thirteenth session.
6. All conclusions and/or recommendations contained in the present report reflect
the position of the submitting State(s).
)";

TEST(WgReportExtractor, CycleOneItemsRunPastParagraphNumbers) {
  const auto r = ExtractText(kCycle1);
  EXPECT_EQ(Numbers(r), (std::vector<std::string>{"4.1", "4.2", "4.3", "4.4", "4.5", "4.6"}));
  EXPECT_EQ(r.recommendations[4].printed_number, "5.");
  EXPECT_EQ(r.recommendations[5].printed_number, "6");
  EXPECT_TRUE(HasDiagnostic(r, "label_without_period"));
}

TEST(WgReportExtractor, ALaterParagraphGivesThePositionOfTheItemsBefore) {
  const auto r = ExtractText(kCycle1);
  for (const auto& rec : r.recommendations) {
    EXPECT_EQ(rec.position.value, core::PositionValue::kPending) << rec.number;
    EXPECT_EQ(rec.position.paragraph, 5) << rec.number;
  }
}

TEST(WgReportExtractor, NotedParagraphs) {
  const auto r = ExtractText(R"(II. CONCLUSIONS AND/OR RECOMMENDATIONS
60. The following recommendations did not enjoy the support of Testland:
1. Abolish the death penalty (Sweden).
2. Extend a standing invitation to special procedures (Latvia).
61. Testland considers that the recommendations below are already implemented:
1. Continue human rights training of police forces (Italy).
)");
  ASSERT_EQ(Numbers(r), (std::vector<std::string>{"60.1", "60.2", "61.1"}));
  EXPECT_EQ(r.recommendations[0].position.value, core::PositionValue::kNoted);
  EXPECT_EQ(r.recommendations[0].position.as_written, "did not enjoy the support");
  EXPECT_EQ(r.recommendations[2].position.value, core::PositionValue::kSupported);
}

TEST(WgReportExtractor, AFootnoteRunsToTheEndOfItsPage) {
  // A/HRC/15/14 (Guyana 2010): the footnote giving the wording as read must not join the item.
  core::SourceDocument doc;
  doc.format = core::Format::kText;
  doc.pages.push_back({1,
                       "Conclusions and/or recommendations\n"
                       "69. The following recommendations enjoy the support of Guyana:\n"
                       "69.1 Ratify CED (France);\n69.2 Expedite adoption of the bill (Uruguay);1\n"
                       "1\nThe recommendation as read during the interactive dialogue: "
                       "\"Expedite adoption\" (Uruguay).\n"});
  doc.pages.push_back({2, "69.3 Abolish corporal punishment (Sweden);\n"});
  core::DocumentInfo info;
  info.symbol = "A/HRC/15/14";
  const auto r =
      WgReportExtractor(StateResolver::Default()).Extract(Normalizer().Normalize(doc), info);
  ASSERT_EQ(Numbers(r), (std::vector<std::string>{"69.1", "69.2", "69.3"}));
  EXPECT_EQ(r.recommendations[1].text, "Expedite adoption of the bill");
  ASSERT_EQ(r.recommendations[1].recommending_states.size(), 1u);
}

TEST(WgReportExtractor, CommentsOnCitedRecommendationsAreNotRecommendations) {
  // A/HRC/10/71 (Burundi 2009), paragraph 83: the cited dialogue recommendations are read;
  // the State's numbered comments on them are not.
  const auto r = ExtractText(R"(1. The Working Group held its session.
2. Germany welcomed the report. It recommended that Testland criminalize rape.
3. Chile recommended that Testland (a) establish a fund for victims; (b) train judges.
Conclusions and/or recommendations
4. Testland takes note of the recommendations reflected in paragraphs 2 and 3 (b), and offers
the following comments:
1. With regard to recommendations in paragraphs 2 (Germany) and 3 (b) (Chile), Testland
clarified that these acts are already criminalized;
5. All conclusions and/or recommendations contained in the present report reflect the position.
)");
  ASSERT_EQ(Numbers(r), (std::vector<std::string>{"4.1", "4.2"}));
  EXPECT_EQ(r.recommendations[0].printed_number, "paragraph 2");
  EXPECT_EQ(r.recommendations[0].text, "Testland criminalize rape");
  EXPECT_EQ(r.recommendations[0].recommending_states.at(0).iso3, "DEU");
  EXPECT_EQ(r.recommendations[1].text, "Train judges");
  EXPECT_EQ(r.recommendations[1].position.value, core::PositionValue::kNoted);
  EXPECT_TRUE(HasDiagnostic(r, "comment_not_recommendation"));
}

TEST(WgReportExtractor, ALabelMayTouchItsText) {
  // A/HRC/15/8 (Kenya 2010): "101.100.Continue to put in place ...".
  const auto r = ExtractText(R"(Conclusions and/or recommendations
101. The recommendations listed below enjoy the support of Kenya:
101.1 Ratify CED (France);
101.2.Continue to put in place effective policies (Azerbaijan);
101.3.Pursue its efforts (Cuba);
)");
  ASSERT_EQ(Numbers(r), (std::vector<std::string>{"101.1", "101.2", "101.3"}));
  EXPECT_EQ(r.recommendations[1].text, "Continue to put in place effective policies");
}

TEST(WgReportExtractor, AParagraphCitingParagraphsOfTheSectionGivesThemItsPosition) {
  // A/HRC/18/16 (Sudan 2011), paragraph 86.
  const auto r = ExtractText(R"(Conclusions and/or recommendations
84. At the request of the State under review, recommendations have been clustered as follows:
84.1. Complete its transition (Norway);
85. Recommendations put forward to the new State have been clustered as follows:
85.1. Build institutions (Brazil);
86. The response of the State under review to the recommendations in paragraphs
84 and 85 will be provided in due course.
)");
  ASSERT_EQ(Numbers(r), (std::vector<std::string>{"84.1", "85.1"}));
  EXPECT_EQ(r.recommendations[0].position.value, core::PositionValue::kPending);
  EXPECT_EQ(r.recommendations[1].position.value, core::PositionValue::kPending);
  EXPECT_EQ(r.recommendations[1].position.paragraph, 86);
}

// A draft as circulated in 2026 (Somalia's draft of A/HRC/63/12): section I still a
// placeholder, lead-ins "have been examined by ... and enjoy the support of", merged States
// "(Côte d'Ivoire); (France);" and 2026 names, then the delegation annex.
constexpr const char* kDraft = R"(I. Summary of the proceedings of the review process
[To be completed by 22 May 2026]
II. Conclusions and/or recommendations
6. The recommendations formulated during the interactive dialogue/listed below have been
examined by Somalia and enjoy the support of Somalia:
6.1 Ratify the Convention (Côte d’Ivoire); (Türkiye); (Netherlands (Kingdom of the));
[To be completed by 22 May 2026]
6.2 Protect journalists (Venezuela (Bolivarian Republic of)); (State of Palestine);
7. The following recommendations will be examined by Somalia, which will provide responses
in due time, but no later than the sixty-third session of the Human Rights Council:
7.1 Criminalize marital rape (Iceland).
8. The recommendations formulated during the interactive dialogue/listed below have been
examined by Somalia and have been noted by Somalia:
8.1 Abolish the death penalty (Cyprus); (Czechia);
9. Somalia notes the relevant recommendations as follows: (i) on the death penalty, Somalia
is not in a position to act.
Annex
Composition of the delegation
Mr. Abdi Example, Director General, Ministry of Justice;
)";

std::vector<std::string> Iso3s(const core::Recommendation& r) {
  std::vector<std::string> out;
  for (const auto& s : r.recommending_states) out.push_back(s.iso3);
  return out;
}

TEST(WgReportExtractor, ReadsADraftWithMergedStatesAnd2026Names) {
  const auto r = ExtractText(kDraft);
  ASSERT_EQ(Numbers(r), (std::vector<std::string>{"6.1", "6.2", "7.1", "8.1"}));
  EXPECT_EQ(Iso3s(r.recommendations[0]), (std::vector<std::string>{"CIV", "TUR", "NLD"}));
  EXPECT_EQ(Iso3s(r.recommendations[1]), (std::vector<std::string>{"VEN", "PSE"}));
  EXPECT_EQ(Iso3s(r.recommendations[3]), (std::vector<std::string>{"CYP", "CZE"}));
  EXPECT_EQ(r.recommendations[0].text, "Ratify the Convention");
  EXPECT_EQ(r.recommendations[1].text, "Protect journalists");
  EXPECT_EQ(r.recommendations[0].position.value, core::PositionValue::kSupported);
  EXPECT_EQ(r.recommendations[2].position.value, core::PositionValue::kPending);
  EXPECT_EQ(r.recommendations[3].position.value, core::PositionValue::kNoted);
  EXPECT_FALSE(HasDiagnostic(r, "unknown_state"));
}

TEST(WgReportExtractor, PlaceholderIsNoRecommendationText) {
  for (const auto& rec : ExtractText(kDraft).recommendations) {
    EXPECT_EQ(rec.text.find("To be completed"), std::string::npos) << rec.number;
    EXPECT_EQ(rec.text.find("Director General"), std::string::npos) << rec.number;
  }
}

ExtractionResult ExtractList(const std::string& page_text) {
  core::SourceDocument doc;
  doc.format = core::Format::kText;
  doc.pages.push_back({1, page_text});
  core::DocumentInfo info;
  info.sur_iso3 = "BEL";
  info.cycle = 4;
  return WgReportExtractor(StateResolver::Default()).ExtractList(Normalizer().Normalize(doc), info);
}

TEST(WgReportExtractor, ReadsABareListWithPositionsUnknown) {
  // Lines cut from a draft (Belgium's, typed 6.1-8.31), without heading or lead-ins.
  const auto r = ExtractList(
      "6.1 Step up efforts to ratify OPCAT (Greece);\n"
      "6.2 Accede to OPCAT (Mauritius); (Senegal);\n"
      "7.1 Consider a national plan (Chile);\n"
      "8.1 Guarantee family unity (Democratic People’s Republic of Korea).\n");
  ASSERT_EQ(Numbers(r), (std::vector<std::string>{"6.1", "6.2", "7.1", "8.1"}));
  EXPECT_EQ(Iso3s(r.recommendations[1]), (std::vector<std::string>{"MUS", "SEN"}));
  EXPECT_EQ(Iso3s(r.recommendations[3]), (std::vector<std::string>{"PRK"}));
  for (const auto& rec : r.recommendations)
    EXPECT_EQ(rec.position.value, core::PositionValue::kUnknown);
  EXPECT_EQ(r.recommendations[0].id, "BEL-c4-6.1");
}

TEST(WgReportExtractor, BareListLinesStatingAPositionKeepIt) {
  const auto r = ExtractList(
      "6. The following recommendations have been noted by Niger:\n"
      "6.1 Abolish the death penalty (Portugal);\n");
  ASSERT_EQ(Numbers(r), (std::vector<std::string>{"6.1"}));
  EXPECT_EQ(r.recommendations[0].position.value, core::PositionValue::kNoted);
}

TEST(WgReportExtractor, AStateNamedOnlyInProseIsRead) {
  // A/HRC/8/19 Bahrain 2008, paragraph 60: items that name their State in the sentence.
  const auto r = ExtractText(R"(IV. Conclusions and/or recommendations
60. The following recommendations enjoy the support of Bahrain:
1. With regard to the recommendation of Switzerland reflected in paragraph 35 above, Bahrain
can conduct wide consultations with a view to adopting a family law.
2. With regard to the recommendation of the Netherlands reflected in paragraph 40, Bahrain
would inform the Council of new legislation on female domestic workers.
3. Follow the recommendations of the Committee on the Rights of the Child.
)");
  ASSERT_EQ(r.recommendations.size(), 3u);
  EXPECT_EQ(Iso3s(r.recommendations[0]), (std::vector<std::string>{"CHE"}));
  EXPECT_EQ(Iso3s(r.recommendations[1]), (std::vector<std::string>{"NLD"}));
  EXPECT_TRUE(r.recommendations[2].recommending_states.empty());
  EXPECT_TRUE(HasDiagnostic(r, "state_from_prose"));
}

TEST(WgReportExtractor, NoSectionIsAnError) {
  const auto r = ExtractText("1. Just a national report.\n2. Nothing to see.\n");
  EXPECT_TRUE(r.recommendations.empty());
  EXPECT_TRUE(HasDiagnostic(r, "no_recommendations_section"));
}

}  // namespace
}  // namespace uprx::extractors
