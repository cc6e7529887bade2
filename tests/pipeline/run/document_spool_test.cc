#include "pipeline/run/document_spool.h"

#include <gtest/gtest.h>

#include <thread>

#include "tests/pipeline/formats/output_fixtures.h"

namespace uprx::pipeline {
namespace {

// Every field the spool must keep, set to something other than its default.
ProcessedDocument Filled(const std::string& path) {
  ProcessedDocument d;
  d.path = path;
  d.info.file = path;
  d.info.sha256 = "ab12";
  d.info.format = core::Format::kDocx;
  d.info.pages = 7;
  d.info.language = "en";
  d.info.symbol = "A/HRC/26/16";
  d.info.kind = core::DocumentKind::kThematicList;
  d.info.kind_detail = "thematic list";
  d.info.date = "2014-03-27";
  d.info.sur_name = "Cambodia";
  d.info.sur_iso3 = "KHM";
  d.info.wg_session = 18;
  d.info.cycle = 2;
  d.info.year = 2014;
  d.info.declared = {205, 163, std::nullopt};
  d.info.draft = true;
  d.recommendations = testing::LabelledReview().recommendations;
  core::Recommendation& r = d.recommendations[0];
  r.recommending_states[0].segment = "ratify (France)";
  r.position_history.push_back(r.position);
  r.position.paragraph = 118;
  // Two lists of two strings each: a naive JSON encoding reads these as an object.
  r.given_labels = {{"Prohibition of torture", "Acceptance of international norms"},
                    {"Women", "Children"},
                    {"16 - PEACE", "5 - GENDER"}};
  core::PositionStatement s;
  s.number = "118.1";
  s.printed = "118.1-118.3";
  s.position = r.position;
  s.position.stage = "addendum";
  s.source = {"A/HRC/26/16/Add.1", 2, 5, 9};
  d.statements = {s};
  d.diagnostics = {{"warning", "number_repaired", "A/HRC/26/16", 3, "printed 118.09"}};
  return d;
}

TEST(DocumentSpool, SerializationKeepsEveryField) {
  const ProcessedDocument d = Filled("list.docx");
  auto back = ParseDocument(SerializeDocument(d));
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_TRUE(back.value() == d);
  EXPECT_EQ(back.value().recommendations[0].given_labels.themes[1],
            "Acceptance of international norms");

  ProcessedDocument failed;
  failed.path = "broken.pdf";
  failed.error = core::FileError{"broken.pdf", "pdf_unreadable", "broken.pdf: damaged"};
  failed.failed = true;
  auto back_failed = ParseDocument(SerializeDocument(failed));
  ASSERT_TRUE(back_failed.ok());
  EXPECT_TRUE(back_failed.value() == failed);
}

TEST(DocumentSpool, BytesThatAreNotARecordAreRefused) {
  const auto nothing = ParseDocument({});
  ASSERT_FALSE(nothing.ok());
  EXPECT_EQ(nothing.status().code(), "spool_invalid");
  auto bytes = SerializeDocument(Filled("a.pdf"));
  bytes.resize(bytes.size() / 2);
  EXPECT_EQ(ParseDocument(bytes).status().code(), "spool_invalid");
}

TEST(DocumentSpool, HeadersStayAndDocumentsComeBackWhole) {
  DocumentSpool spool(3);
  // Written from two threads, out of order, as the runner does.
  std::thread other([&] { spool.Put(2, Filled("c.docx")); });
  spool.Put(0, Filled("a.docx"));
  ProcessedDocument error_only;
  error_only.path = "b.pdf";
  error_only.error = core::FileError{"b.pdf", "not_outcome_document", "b.pdf: not a report"};
  spool.Put(1, error_only);
  other.join();
  EXPECT_EQ(spool.in_memory(), 0u);
  ASSERT_EQ(spool.size(), 3u);
  EXPECT_EQ(spool.Header(2).path, "c.docx");
  EXPECT_EQ(spool.Header(2).info.symbol, "A/HRC/26/16");
  EXPECT_TRUE(spool.Header(2).recommendations.empty());
  ASSERT_TRUE(spool.Header(1).error.has_value());
  EXPECT_EQ(spool.Header(1).error->code, "not_outcome_document");
  EXPECT_TRUE(spool.Take(2) == Filled("c.docx"));
  EXPECT_TRUE(spool.Take(0) == Filled("a.docx"));
  EXPECT_TRUE(spool.Take(1) == error_only);
}

TEST(DocumentSpool, WithoutAPlaceToWriteDocumentsStayInMemory) {
  ::testing::internal::CaptureStderr();
  DocumentSpool spool(2, "/nonexistent/uprx-test-dir");
  spool.Put(0, Filled("a.docx"));
  spool.Put(1, Filled("b.docx"));
  const std::string warning = ::testing::internal::GetCapturedStderr();
  EXPECT_NE(warning.find("/nonexistent/uprx-test-dir"), std::string::npos) << warning;
  EXPECT_EQ(warning.find("warning"), warning.rfind("warning")) << "warned more than once";
  EXPECT_EQ(spool.in_memory(), 2u);
  EXPECT_TRUE(spool.Take(1) == Filled("b.docx"));
  EXPECT_TRUE(spool.Take(0) == Filled("a.docx"));
}

}  // namespace
}  // namespace uprx::pipeline
