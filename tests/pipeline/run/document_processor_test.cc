// The document boundary: whatever a stage throws becomes that document's error, naming the
// file, the stage it was in and the reason, and nothing escapes to the batch.
#include "pipeline/run/document_processor.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <string_view>

namespace uprx::pipeline {
namespace {

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
