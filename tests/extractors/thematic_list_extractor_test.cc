#include "extractors/thematic_list_extractor.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extractors/normalizer.h"

namespace uprx::extractors {
namespace {

// Fixtures are rows written for these tests as the DOCX reader gives the real lists: a table
// row is one line with its cells separated by '\t', a theme heading is a line without cells.
core::NormalizedText Normalized(const std::string& page_text) {
  core::SourceDocument doc;
  doc.format = core::Format::kDocx;
  doc.pages.push_back({1, page_text});
  return Normalizer().Normalize(doc);
}

core::DocumentInfo ListInfo() {
  core::DocumentInfo info;
  info.file = "list.docx";
  info.sur_iso3 = "SVN";
  info.cycle = 4;
  return info;
}

ThematicListResult Extract(const std::string& text, const core::DocumentInfo& info = ListInfo()) {
  return ThematicListExtractor(StateResolver::Default()).Extract(Normalized(text), info);
}

std::vector<std::string> Iso3s(const core::Recommendation& r) {
  std::vector<std::string> out;
  for (const auto& s : r.recommending_states) out.push_back(s.iso3);
  return out;
}

bool HasDiagnostic(const ThematicListResult& r, const std::string& code) {
  for (const auto& d : r.diagnostics) {
    if (d.code == code) return true;
  }
  return false;
}

using Labels = std::vector<std::string>;

constexpr const char* kCodedHeader =
    "Recommendation\tPosition\tFull list of themes\tAssessment/comments on level of "
    "implementation\n";

constexpr const char* kCoded2014 =
    "Theme: A12 Acceptance of international norms\n"
    "115.3 Ratify the Optional Protocol on a communications procedure (Portugal, Slovakia); "
    "Source of position: A/HRC/28/15/Add.1 - Para. 3\tSupported\tA12 Acceptance of "
    "international norms F31 Children: definition; general principles; protection Affected "
    "persons: - children - general\t\n"
    "Theme: A22 Cooperation with treaty bodies\n"
    "115.43 Submit its overdue report (Chile) (Peru); Source of position: A/HRC/28/15/Add.1 - "
    "Para. 4\tNoted\tA22 Cooperation with treaty bodies Affected persons: - general\t\n";

TEST(ThematicListExtractor, ReadsNumberTextStatesPositionAndCodedThemes) {
  const auto r = Extract(std::string(kCodedHeader) + kCoded2014);
  ASSERT_EQ(r.recommendations.size(), 2u);
  const auto& rec = r.recommendations[0];
  EXPECT_EQ(rec.number, "115.3");
  EXPECT_EQ(rec.paragraph, 115);
  EXPECT_EQ(rec.printed_number, "115.3");
  EXPECT_EQ(rec.id, "SVN-c4-115.3");
  EXPECT_EQ(rec.text, "Ratify the Optional Protocol on a communications procedure");
  EXPECT_EQ(Iso3s(rec), (Labels{"PRT", "SVK"}));
  EXPECT_EQ(rec.position.value, core::PositionValue::kSupported);
  EXPECT_EQ(rec.position.as_written, "Supported");
  EXPECT_EQ(rec.position.stage, "thematic_list");
  EXPECT_EQ(rec.position.document, "A/HRC/28/15");
  EXPECT_EQ(rec.position.explanation, "Source of position: A/HRC/28/15/Add.1 - Para. 3");
  EXPECT_EQ(rec.given_labels.themes,
            (Labels{"A12 Acceptance of international norms",
                    "F31 Children: definition; general principles; protection"}));
  EXPECT_EQ(rec.given_labels.affected_persons, (Labels{"children", "general"}));
  EXPECT_EQ(rec.source.document, "list.docx");
  EXPECT_EQ(rec.source.page, 1);
  for (const auto& d : r.diagnostics) EXPECT_EQ(d.code, "number_gap");  // 115.1, 115.2, ...
}

TEST(ThematicListExtractor, HeadingRowsAreNotRecommendations) {
  const auto r = Extract(std::string(kCodedHeader) + kCoded2014);
  EXPECT_EQ(r.recommendations[1].number, "115.43");
  EXPECT_EQ(r.recommendations[1].position.value, core::PositionValue::kNoted);
}

TEST(ThematicListExtractor, SeveralStatesInParenthesesMadeOneRecommendation) {
  const auto r = Extract(std::string(kCodedHeader) + kCoded2014);
  const auto& rec = r.recommendations[1];
  EXPECT_EQ(Iso3s(rec), (Labels{"CHL", "PER"}));
  EXPECT_EQ(rec.text, "Submit its overdue report");
  EXPECT_TRUE(rec.recommending_states[0].segment.empty());
}

TEST(ThematicListExtractor, ClausesWithTheirOwnStatesKeepTheirSegments) {
  const auto r = Extract(std::string(kCodedHeader) +
                         "121.2 Ratify the Convention (Ukraine); Increase efforts towards "
                         "ratification (Slovakia); Source of Position: A/HRC/43/15 - Para 121\t"
                         "Supported\t- Acceptance of international norms\t\n");
  const auto& states = r.recommendations[0].recommending_states;
  ASSERT_EQ(states.size(), 2u);
  EXPECT_EQ(states[0].segment, "Ratify the Convention");
  EXPECT_EQ(states[1].segment, "Increase efforts towards ratification");
}

TEST(ThematicListExtractor, UncodedThemesSplitAtDashesWithSdgsAndPersons) {
  const auto r = Extract(
      std::string(kCodedHeader) +
      "Theme: Acceptance of international norms\n"
      "121.1 Ratify the Convention (France) (Lithuania); Source of Position: A/HRC/43/15 - Para "
      "121\tSupported\t- Acceptance of international norms - Economic, social & cultural rights "
      "- general measures of implementation SDGs: - 16 - PEACE, JUSTICE AND STRONG "
      "INSTITUTIONS - 8 - DECENT WORK AND ECONOMIC GROWTH Affected persons: - Disappeared "
      "persons - Public officials\t\n");
  const auto& labels = r.recommendations[0].given_labels;
  EXPECT_EQ(labels.themes,
            (Labels{"Acceptance of international norms",
                    "Economic, social & cultural rights - general measures of implementation"}));
  EXPECT_EQ(labels.sdgs, (Labels{"16 - PEACE, JUSTICE AND STRONG INSTITUTIONS",
                                 "8 - DECENT WORK AND ECONOMIC GROWTH"}));
  EXPECT_EQ(labels.affected_persons, (Labels{"Disappeared persons", "Public officials"}));
}

TEST(ThematicListExtractor, ReadsASeparateSdgColumn) {
  const auto r = Extract(
      "Recommendation and recommending State\tPosition of the State under review\tHuman rights "
      "themes and groups of persons\tRelevant SDGs\n"
      "140.7 Ratify the Optional Protocol (Maldives) (Portugal); Source of Position: "
      "A/HRC/59/15/Add.1 - Para.3\tSupported\t- Ratification of & accession to international "
      "instruments Groups of Persons: - Public officials\t- 1 - NO POVERTY - 10 - REDUCED "
      "INEQUALITIES\n");
  const auto& labels = r.recommendations[0].given_labels;
  EXPECT_EQ(labels.themes, (Labels{"Ratification of & accession to international instruments"}));
  EXPECT_EQ(labels.affected_persons, (Labels{"Public officials"}));
  EXPECT_EQ(labels.sdgs, (Labels{"1 - NO POVERTY", "10 - REDUCED INEQUALITIES"}));
  EXPECT_EQ(r.recommendations[0].position.document, "A/HRC/59/15");
}

constexpr const char* kEgypt =
    "Recommendation\tRecommending state/s\tPosition\tFull list of rights/affected persons\n"
    "Right or area: 2.1. Acceptance of international norms\n"
    "166.7. Ratify the OP-CAT; (Chile); (Czech Republic); (Sierra Leone); Source of position: "
    "A/HRC/28/16/Add.1\tChile Czech Republic Sierra Leone\tNoted\t2.1. Acceptance of "
    "international norms 12.5. Prohibition of torture and cruel, inhuman or degrading treatment "
    "Affected persons: - general\n"
    "166.11. Ratify ICPPED (Portugal); Source of position: A/HRC/28/16/Add.1\tSpain\tNoted\t"
    "2.1. Acceptance of international norms\n";

TEST(ThematicListExtractor, ReadsTheStatesColumnOfTheEgyptLayout) {
  const auto r = Extract(kEgypt);
  ASSERT_EQ(r.recommendations.size(), 2u);
  const auto& rec = r.recommendations[0];
  EXPECT_EQ(rec.number, "166.7");
  EXPECT_EQ(rec.printed_number, "166.7.");
  EXPECT_EQ(rec.text, "Ratify the OP-CAT");
  EXPECT_EQ(Iso3s(rec), (Labels{"CHL", "CZE", "SLE"}));
  EXPECT_EQ(rec.recommending_states[1].as_written, "Czech Republic");
  EXPECT_EQ(rec.position.value, core::PositionValue::kNoted);
  EXPECT_EQ(rec.given_labels.themes,
            (Labels{"2.1. Acceptance of international norms",
                    "12.5. Prohibition of torture and cruel, inhuman or degrading treatment"}));
}

TEST(ThematicListExtractor, TheStatesColumnWinsAndADisagreementIsReported) {
  const auto r = Extract(kEgypt);
  EXPECT_EQ(Iso3s(r.recommendations[1]), (Labels{"ESP"}));
  EXPECT_TRUE(HasDiagnostic(r, "states_column_differs"));
}

TEST(ThematicListExtractor, MapsEveryPositionWording) {
  const std::vector<std::pair<std::string, core::PositionValue>> cases = {
      {"Supported", core::PositionValue::kSupported},
      {"Accepted", core::PositionValue::kSupported},
      {"Noted", core::PositionValue::kNoted},
      {"Supported/Noted", core::PositionValue::kSupportedInPart},
      {"Partially supported", core::PositionValue::kSupportedInPart},
      {"Pending", core::PositionValue::kPending},
      {"Rejected", core::PositionValue::kNoted}};
  for (const auto& [cell, value] : cases) {
    const auto r = Extract(std::string(kCodedHeader) + "1.1 Do it (France)\t" + cell + "\t\t\n");
    ASSERT_EQ(r.recommendations.size(), 1u) << cell;
    EXPECT_EQ(r.recommendations[0].position.value, value) << cell;
  }
}

TEST(ThematicListExtractor, AnUnreadablePositionIsUnknownAndReported) {
  const auto r = Extract(std::string(kCodedHeader) + "1.1 Do it (France)\tLater\t\t\n");
  EXPECT_EQ(r.recommendations[0].position.value, core::PositionValue::kUnknown);
  EXPECT_EQ(r.recommendations[0].position.as_written, "Later");
  EXPECT_TRUE(HasDiagnostic(r, "position_unknown"));
}

TEST(ThematicListExtractor, UnknownStatesAreKeptWithoutIso3) {
  const auto r = Extract(
      "Recommendation\tRecommending state/s\tPosition\tThemes\n"
      "1.1 Do it (Atlantis);\tAtlantis\tSupported\t\n");
  ASSERT_EQ(r.recommendations[0].recommending_states.size(), 1u);
  EXPECT_EQ(r.recommendations[0].recommending_states[0].as_written, "Atlantis");
  EXPECT_TRUE(r.recommendations[0].recommending_states[0].iso3.empty());
  EXPECT_TRUE(HasDiagnostic(r, "unknown_state"));
}

TEST(ThematicListExtractor, FindsTheColumnsWithoutAHeaderRow) {
  const auto r = Extract("140.9 Consider acceding (Rwanda);\tNoted\t- Right to health\n");
  ASSERT_EQ(r.recommendations.size(), 1u);
  EXPECT_EQ(r.recommendations[0].position.value, core::PositionValue::kNoted);
  EXPECT_EQ(r.recommendations[0].given_labels.themes, (Labels{"Right to health"}));
  EXPECT_EQ(r.recommendations[0].position.document, "list.docx");
}

TEST(ThematicListExtractor, ARowSplitOverTwoTableRowsIsOneRecommendation) {
  const auto r = Extract(std::string(kCodedHeader) +
                         "1.1 Adopt a law on\tSupported\tA41 Constitutional and legislative "
                         "framework\t\n"
                         "equality (France);\t\tB31 Equality & non-discrimination\t\n");
  ASSERT_EQ(r.recommendations.size(), 1u);
  EXPECT_EQ(r.recommendations[0].text, "Adopt a law on equality");
  EXPECT_EQ(Iso3s(r.recommendations[0]), (Labels{"FRA"}));
  EXPECT_EQ(r.recommendations[0].given_labels.themes.size(), 2u);
}

TEST(ThematicListExtractor, IdsMarkAnUnknownStateAndCycle) {
  // Ids are always present; the join replaces them once the review's State and cycle are known.
  const auto r = Extract(std::string(kCodedHeader) + kCoded2014, core::DocumentInfo{});
  EXPECT_EQ(r.recommendations[0].id, "UNK-c0-" + r.recommendations[0].number);
}

TEST(ThematicListExtractor, ReportsDuplicateNumbersAndGaps) {
  const auto r = Extract(std::string(kCodedHeader) + "1.1 A (France)\tNoted\t\t\n" +
                         "1.1 B (France)\tNoted\t\t\n" + "1.3 C (France)\tNoted\t\t\n");
  EXPECT_TRUE(HasDiagnostic(r, "duplicate_number"));
  EXPECT_TRUE(HasDiagnostic(r, "number_gap"));
}

// Former bug: the session of a cited report went through std::stoi, whose std::out_of_range
// aborted the whole batch. A list citing a session that cannot exist is refused as a whole.
TEST(ThematicListExtractor, AListCitingAnImpossibleSessionIsRefused) {
  const std::string row =
      "115.3 Ratify the Optional Protocol (Portugal); Source of position: "
      "A/HRC/99999999999/15/Add.1 - Para. 3\tSupported\tA12 Acceptance of international norms\t\n";
  const auto r = Extract(std::string(kCodedHeader) + kCoded2014 + row);
  EXPECT_EQ(r.refused,
            "the Source of position of 115.3 cites A/HRC/99999999999/15, but Human Rights Council "
            "sessions are numbered 1 to 999; the list was not read");
  EXPECT_TRUE(r.recommendations.empty());
  // The same rows citing sessions that exist are read.
  const auto sound = Extract(std::string(kCodedHeader) + kCoded2014);
  EXPECT_EQ(sound.refused, "");
  EXPECT_EQ(sound.recommendations.size(), 2u);
}

TEST(ThematicListExtractor, ProseIsNoList) {
  core::DocumentInfo info;
  EXPECT_FALSE(ThematicListExtractor(StateResolver::Default())
                   .Identify(Normalized("118.1 Ratify the Convention (France);\n"), info));
  EXPECT_EQ(info.kind, core::DocumentKind::kUnknown);
  EXPECT_TRUE(HasDiagnostic(Extract("Some prose.\n"), "no_recommendations_table"));
}

constexpr const char* kChinaRows =
    "186.2. Ratify ICCPR, already signed by China (Brazil); Source of position: "
    "A/HRC/25/5/Add.1 - Para. 186.2.\tNoted\tA12 Acceptance of international norms\t\n"
    "186.3. Consider ratifying ICCPR (Cape Verde); Source of position: A/HRC/25/5/Add.1 - "
    "Para. 186.3.\tSupported\tA12 Acceptance of international norms\t\n"
    "186.4. Ensure China's laws protect minorities (Czech Republic); Source of position: "
    "A/HRC/25/5/Add.1 - Para. 186.4.\tSupported\tG1 Members of minorities\t\n";

TEST(ThematicListExtractor, IdentifyFillsReportCycleAndStateUnderReview) {
  core::DocumentInfo info;
  info.symbol = "A/HRC/25/5/Add.1";  // what the generic identifier picks up from the notes
  info.kind = core::DocumentKind::kOther;
  ASSERT_TRUE(ThematicListExtractor(StateResolver::Default())
                  .Identify(Normalized(std::string(kCodedHeader) + kChinaRows), info));
  EXPECT_EQ(info.kind, core::DocumentKind::kThematicList);
  EXPECT_EQ(info.symbol, "A/HRC/25/5");
  EXPECT_EQ(info.cycle, 2);
  EXPECT_EQ(info.sur_iso3, "CHN");
  EXPECT_EQ(info.sur_name, "China");
}

TEST(ThematicListExtractor, IdentifyReadsTheRunningTitleWhenTheTextHasIt) {
  core::DocumentInfo info;
  ASSERT_TRUE(ThematicListExtractor(StateResolver::Default())
                  .Identify(Normalized("UPR of China (2nd Cycle \u2013 17th session) Thematic "
                                       "list of recommendations\n" +
                                       std::string(kCodedHeader) + kChinaRows),
                            info));
  EXPECT_EQ(info.sur_iso3, "CHN");
  EXPECT_EQ(info.wg_session, 17);
  EXPECT_EQ(info.cycle, 2);
}

// --- former bugs: quirks of the real lists ------------------------------------------------

// Matrix_recommendations_2013.docx 186.198 prints "(Bolivia (Plurinational S tate of))".
TEST(ThematicListExtractor, FormerBugAStateNameWithASplitWordResolves) {
  const auto r = Extract(std::string(kCodedHeader) +
                         "186.198. Undertake further efforts (Bolivia (Plurinational S tate of)); "
                         "Source of position: A/HRC/25/5/Add.1 - Para. 186.198.\tSupported\t\t\n");
  EXPECT_EQ(Iso3s(r.recommendations[0]), (Labels{"BOL"}));
  EXPECT_EQ(r.recommendations[0].recommending_states[0].as_written,
            "Bolivia (Plurinational S tate of)");
  EXPECT_EQ(r.recommendations[0].text, "Undertake further efforts");
  EXPECT_TRUE(HasDiagnostic(r, "state_name_repaired"));
}

// Matrix_recommendations_2013.docx: "D26 Conditions of detention E54 technical and vocational
// education" - a coded theme whose name starts in lower case.
TEST(ThematicListExtractor, FormerBugACodedThemeInLowerCaseIsItsOwnLabel) {
  const auto r = Extract(std::string(kCodedHeader) +
                         "1.1 Do it (France)\tSupported\tD26 Conditions of detention E54 technical "
                         "and vocational education Affected persons: - persons deprived of their "
                         "liberty\t\n");
  EXPECT_EQ(r.recommendations[0].given_labels.themes,
            (Labels{"D26 Conditions of detention", "E54 technical and vocational education"}));
}

// Matrix_recommendations_2018.docx: "S16 SDG 16 - ..." themes are SDGs; "S Sustainable
// Development Goal implementation" names no goal and stays a theme. 28.346 ends its State
// with a period: "(Croatia). Source of position: ...".
TEST(ThematicListExtractor, FormerBugCodedSdgThemesAndAPeriodBeforeTheNote) {
  const auto r = Extract(std::string(kCodedHeader) +
                         "28.346 Implement the Convention (Croatia). Source of position: "
                         "A/HRC/40/6/Add.1 - Para. 2\tSupported\tE21 Right to an adequate "
                         "standard of living - general S Sustainable Development Goal "
                         "implementation S16 SDG 16 - peace, justice and strong institutions "
                         "Affected persons: - children\t\n");
  const auto& rec = r.recommendations[0];
  EXPECT_EQ(Iso3s(rec), (Labels{"HRV"}));
  EXPECT_EQ(rec.text, "Implement the Convention");
  EXPECT_EQ(rec.given_labels.themes,
            (Labels{"E21 Right to an adequate standard of living - general",
                    "S Sustainable Development Goal implementation"}));
  EXPECT_EQ(rec.given_labels.sdgs, (Labels{"S16 SDG 16 - peace, justice and strong institutions"}));
}

// EgyptMatriceRecommendations.docx 166.16: "Comments: ..." instead of "Source of position";
// 166.14: "Supported/Noted".
TEST(ThematicListExtractor, FormerBugEgyptCommentsAndSupportedNoted) {
  const auto r = Extract(
      "Recommendation\tRecommending state/s\tPosition\tFull list of rights/affected persons\n"
      "166.16. Consider the withdrawal of reservations to CEDAW Convention (Latvia); Comments: "
      "Information sent in a post Add.1 letter\tLatvia\tSupported/Noted\t2.2. Reservations\n");
  const auto& rec = r.recommendations[0];
  EXPECT_EQ(rec.text, "Consider the withdrawal of reservations to CEDAW Convention");
  EXPECT_EQ(rec.position.value, core::PositionValue::kSupportedInPart);
  EXPECT_EQ(rec.position.explanation, "Comments: Information sent in a post Add.1 letter");
}

// UPR20__Slovenia_ThematicListRecommendations_E.docx: coded lists write persons in lower case,
// "- disappeared persons - general": "general" is a group there, not a continuation.
TEST(ThematicListExtractor, FormerBugGeneralIsAPersonsLabelOfItsOwn) {
  const auto r = Extract(std::string(kCodedHeader) +
                         "1.1 Do it (France)\tSupported\tD32 Enforced disappearances Affected "
                         "persons: - disappeared persons - general\t\n");
  EXPECT_EQ(r.recommendations[0].given_labels.affected_persons,
            (Labels{"disappeared persons", "general"}));
}

}  // namespace
}  // namespace uprx::extractors
