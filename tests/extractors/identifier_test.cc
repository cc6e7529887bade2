#include "extractors/identifier.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extractors/normalizer.h"

namespace uprx::extractors {
namespace {

// Fixtures are short pieces written for these tests in the layout of the real documents' first
// pages: a title block, then "Introduction" and paragraph 1.
core::DocumentInfo IdentifyPages(const std::vector<std::string>& pages, core::Format format,
                                 const std::string& path = "doc") {
  core::SourceDocument doc;
  doc.path = path;
  doc.format = format;
  for (std::size_t i = 0; i < pages.size(); ++i) {
    doc.pages.push_back({static_cast<int>(i + 1), pages[i]});
  }
  static const Identifier* const kIdentifier = new Identifier(StateResolver::Default());
  return kIdentifier->Identify(doc, Normalizer().Normalize(doc));
}

core::DocumentInfo IdentifyText(const std::string& text, const std::string& path = "doc.txt") {
  return IdentifyPages({text}, core::Format::kText, path);
}

struct KindCase {
  const char* name;
  const char* symbol;
  const char* title;  // the title block's lines after the symbol
  core::DocumentKind kind;
  const char* detail;  // kind_detail for kOther
};

const KindCase kKinds[] = {
    {"wg_report", "A/HRC/63/12",
     "Report of the Working Group on the Universal Periodic Review\nSomalia",
     core::DocumentKind::kWgReport, ""},
    {"addendum", "A/HRC/59/15/Add.1",
     "Report of the Working Group on the Universal Periodic Review\nSlovenia\nAddendum\n"
     "Views on conclusions and/or recommendations, voluntary commitments and replies presented "
     "by the State under review",
     core::DocumentKind::kAddendum, ""},
    {"thematic_list", "", "Thematic list of recommendations\nSlovenia",
     core::DocumentKind::kThematicList, ""},
    {"national_report", "A/HRC/WG.6/52/SOM/1",
     "National report submitted in accordance with paragraph 5 of the annex to Human Rights "
     "Council resolution 16/21\nSomalia",
     core::DocumentKind::kOther, "national report (pre-session document)"},
    {"compilation", "A/HRC/WG.6/52/SOM/2",
     "Compilation on Somalia\nReport of the Office of the United Nations High Commissioner",
     core::DocumentKind::kOther, "UN compilation (pre-session document)"},
    {"stakeholders", "A/HRC/WG.6/52/SOM/3",
     "Summary of stakeholders' submissions on Somalia\nReport of the Office",
     core::DocumentKind::kOther, "stakeholder summary (pre-session document)"},
    {"decision", "A/HRC/DEC/59/110",
     "Decision adopted by the Human Rights Council on 2 July 2025\n59/110. Outcome of the "
     "universal periodic review: Slovenia",
     core::DocumentKind::kOther, "Human Rights Council decision"},
    {"session_report", "A/HRC/59/2",
     "Report of the Human Rights Council on its fifty-ninth session", core::DocumentKind::kOther,
     "Human Rights Council session report"},
    {"advance_questions", "", "Advance questions to Slovenia", core::DocumentKind::kOther,
     "advance questions"},
};

// A body that mentions every kind of document by the words of its title.
constexpr const char* kBodyMentioningEveryKind =
    "Introduction\n"
    "1. The Working Group on the Universal Periodic Review held its fifty-second session. "
    "The following documents were issued:\n"
    "(a) A national report submitted in accordance with paragraph 15 (a);\n"
    "(b) A compilation prepared by the Office of the United Nations High Commissioner;\n"
    "(c) A summary of stakeholders' submissions;\n"
    "2. Advance questions were transmitted. The report of the Working Group on the Universal "
    "Periodic Review, the thematic list of recommendations, the decision adopted by the Human "
    "Rights Council and the report of the Human Rights Council on its sixty-third session will "
    "follow.\n";

std::string Document(const KindCase& k) {
  std::string text = "United Nations\n";
  if (*k.symbol != '\0') text += std::string(k.symbol) + "\n";
  return text + "General Assembly\nDistr.: General\n12 May 2026\n" + k.title + "\n" +
         kBodyMentioningEveryKind;
}

TEST(Identifier, BodyMentionsNeverChangeTheKindOfADocumentReadAsOnePage) {
  for (const KindCase& k : kKinds) {
    const core::DocumentInfo info = IdentifyText(Document(k));
    EXPECT_EQ(info.kind, k.kind) << k.name;
    EXPECT_EQ(info.kind_detail, k.detail) << k.name;
  }
}

TEST(Identifier, BodyMentionsNeverChangeTheKindOfAPdfFirstPage) {
  for (const KindCase& k : kKinds) {
    const core::DocumentInfo info =
        IdentifyPages({Document(k), "3. More text.\n"}, core::Format::kPdf, "doc.pdf");
    EXPECT_EQ(info.kind, k.kind) << k.name;
    EXPECT_EQ(info.kind_detail, k.detail) << k.name;
  }
}

TEST(Identifier, BodyAloneIdentifiesNothing) {
  // A document whose title block names no kind: the body's mentions do not stand in for it.
  const core::DocumentInfo info =
      IdentifyText(std::string("Some heading\n") + kBodyMentioningEveryKind);
  EXPECT_EQ(info.kind, core::DocumentKind::kOther);
  EXPECT_EQ(info.kind_detail, "");
}

// The cover of a draft as circulated (Somalia's draft of A/HRC/63/12, WG session 52): the
// title block ends at "Introduction"; paragraph 3 lists "A national report submitted ...".
constexpr const char* kDraftCover =
    "United Nations\nA/HRC/63/12\nGeneral Assembly\nDistr.: General\n12 May 2026\n"
    "Original: English\nHuman Rights Council\nSixty-third session\nAgenda item 6\n"
    "Universal periodic review\n"
    "Report of the Working Group on the Universal Periodic Review\nSomalia\nIntroduction\n"
    "1. The Working Group on the Universal Periodic Review, established in accordance with "
    "Human Rights Council resolution 5/1, held its fifty-second session from 4 to 15 May 2026. "
    "The review of Somalia was held at the 11th meeting on 8 May 2026.\n"
    "3. The following documents were issued for the review of Somalia:\n"
    "(a) A national report submitted/written presentation made in accordance with paragraph 15 "
    "(a);\n"
    "I. Summary of the proceedings of the review process\n"
    "[To be completed by 22 May 2026]\n"
    "II. Conclusions and/or recommendations\n";

TEST(Identifier, DraftWgReportIsAWgReportOfItsSessionAndADraft) {
  const core::DocumentInfo info = IdentifyText(kDraftCover, "draft.docx");
  EXPECT_EQ(info.kind, core::DocumentKind::kWgReport);
  EXPECT_EQ(info.symbol, "A/HRC/63/12");
  EXPECT_EQ(info.sur_iso3, "SOM");
  EXPECT_EQ(info.wg_session, 52);
  EXPECT_EQ(info.cycle, 4);
  EXPECT_TRUE(info.draft);
}

TEST(Identifier, DraftByItsName) {
  const core::DocumentInfo info =
      IdentifyText("6.1 Ratify the Convention (France);\n",
                   "in/Niger - Draft report circulated on 7 May 2026.docx");
  EXPECT_TRUE(info.draft);
}

TEST(Identifier, FinalReportIsNoDraft) {
  const core::DocumentInfo info = IdentifyText(Document(kKinds[0]), "somalia2026.pdf");
  EXPECT_EQ(info.kind, core::DocumentKind::kWgReport);
  EXPECT_FALSE(info.draft);
}

}  // namespace
}  // namespace uprx::extractors
