// The document processor: bare recommendation lists read when the review is named, and the
// document boundary (whatever a stage throws becomes that document's error, naming the file,
// the stage it was in and the reason; nothing escapes to the batch).
#include "pipeline/run/document_processor.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <string_view>

namespace uprx::pipeline {
namespace {

// A bare list as people cut it from a draft (the layout of the 2026 lists of WG session 52):
// only recommendation lines, each ending with its States, nothing saying whose review it is.
constexpr const char* kList =
    "6.1 Ratify the Optional Protocol to the Convention against Torture (Greece);\n"
    "6.2 Accede to the Optional Protocol (Mauritius); (Senegal);\n"
    "6.3 Establish a national preventive mechanism (Tunisia);\n"
    "7.1 Consider abolishing the death penalty (France).\n";

TEST(DocumentProcessor, ReadsABareListWhenTheReviewIsNamed) {
  const DocumentProcessor processor({}, ReviewHint{"SOM", 4, 52});
  const ProcessedDocument d =
      processor.ProcessBytes("Somalia - Draft report circulated on 12 May 2026.txt", kList);
  ASSERT_FALSE(d.error) << d.error->message;
  EXPECT_EQ(d.info.kind, core::DocumentKind::kWgReport);
  EXPECT_EQ(d.info.sur_iso3, "SOM");
  EXPECT_EQ(d.info.sur_name, "Somalia");
  EXPECT_EQ(d.info.cycle, 4);
  EXPECT_EQ(d.info.wg_session, 52);
  EXPECT_TRUE(d.info.draft);
  ASSERT_EQ(d.recommendations.size(), 4u);
  EXPECT_EQ(d.recommendations[0].id, "SOM-c4-6.1");
  EXPECT_EQ(d.recommendations[3].number, "7.1");
  for (const auto& r : d.recommendations)
    EXPECT_EQ(r.position.value, core::PositionValue::kUnknown);
}

TEST(DocumentProcessor, ABareListWithoutTheReviewNamesTheOptions) {
  const ProcessedDocument d = DocumentProcessor().ProcessBytes("list.txt", kList);
  ASSERT_TRUE(d.error);
  EXPECT_TRUE(d.failed);
  EXPECT_EQ(d.error->code, "recommendation_list_needs_review");
  EXPECT_NE(d.error->message.find("list.txt"), std::string::npos);
  EXPECT_NE(d.error->message.find("--state ISO3 --cycle N"), std::string::npos);
}

TEST(DocumentProcessor, ANamedReviewDoesNotMakeOtherTextsALists) {
  const DocumentProcessor processor({}, ReviewHint{"SOM", 4, std::nullopt});
  const ProcessedDocument d = processor.ProcessBytes(
      "notes.txt", "Meeting notes\n1. The committee met.\n2. It will meet again.\n");
  ASSERT_TRUE(d.error);
  EXPECT_EQ(d.error->code, "not_outcome_document");
}

TEST(DocumentProcessor, ANationalReportStaysOneWhateverItsBodyHolds) {
  const ProcessedDocument d = DocumentProcessor().ProcessBytes(
      "national.txt",
      "A/HRC/WG.6/52/SOM/1\nNational report submitted in accordance with paragraph 5 of the "
      "annex to Human Rights Council resolution 16/21\nSomalia\nIntroduction\n"
      "1. The report of the Working Group on the Universal Periodic Review of 2021 made these "
      "recommendations:\n6.1 Ratify CEDAW (France);\n6.2 Ratify CRPD (Chile);\n"
      "6.3 Ratify ICCPR (Spain);\n");
  ASSERT_TRUE(d.error);
  EXPECT_EQ(d.error->code, "not_outcome_document");
  EXPECT_NE(d.error->message.find("national report"), std::string::npos);
}

TEST(DocumentBoundary, AStandardExceptionNamesFileStageAndReason) {
  const ProcessedDocument d =
      WithinDocumentBoundary("list.docx", [](std::string_view& stage) -> ProcessedDocument {
        stage = "extracting recommendations";
        throw std::out_of_range("stoi");
      });
  EXPECT_TRUE(d.failed);
  EXPECT_EQ(d.path, "list.docx");
  ASSERT_TRUE(d.error.has_value());
  EXPECT_EQ(d.error->file, "list.docx");
  EXPECT_EQ(d.error->code, "internal_error");
  EXPECT_EQ(d.error->message, "list.docx: failed while extracting recommendations: stoi");
}

TEST(DocumentBoundary, AnythingElseThrownIsCaughtToo) {
  const ProcessedDocument d =
      WithinDocumentBoundary("a.pdf", [](std::string_view&) -> ProcessedDocument { throw 42; });
  ASSERT_TRUE(d.error.has_value());
  EXPECT_TRUE(d.failed);
  EXPECT_EQ(d.error->message, "a.pdf: failed while reading it: an unknown exception");
}

TEST(DocumentBoundary, WhatTheStagesReturnPassesThrough) {
  const ProcessedDocument d = WithinDocumentBoundary("a.pdf", [](std::string_view& stage) {
    stage = "identifying it";
    ProcessedDocument done;
    done.path = "a.pdf";
    done.info.symbol = "A/HRC/13/4";
    return done;
  });
  EXPECT_FALSE(d.failed);
  EXPECT_FALSE(d.error.has_value());
  EXPECT_EQ(d.info.symbol, "A/HRC/13/4");
}

}  // namespace
}  // namespace uprx::pipeline
