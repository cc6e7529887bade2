#include "extractors/pdf_reader.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <vector>

#include "extractors/document_reader.h"
#include "tests/support/made_documents.h"

namespace uprx::extractors {
namespace {

using testing::MakePdf;
using testing::TextObject;

TEST(PdfReader, ReadsLinesOfEachPage) {
  const std::string pdf = MakePdf(
      {TextObject({"115.1 Take further steps", "(Croatia);"}), TextObject({"Second page"})});
  auto doc = ReadDocument("report.pdf", pdf);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc.value().format, core::Format::kPdf);
  ASSERT_EQ(doc.value().pages.size(), 2u);
  EXPECT_EQ(doc.value().pages[0].number, 1);
  EXPECT_EQ(doc.value().pages[0].text, "115.1 Take further steps\n(Croatia);");
  EXPECT_EQ(doc.value().pages[1].number, 2);
  EXPECT_EQ(doc.value().pages[1].text, "Second page");
}

TEST(PdfReader, KeepsAHangingNumberOnItsLine) {
  // The number and the text are separate text objects, as in UN reports: one line all the same.
  const std::string pdf =
      MakePdf({"BT /F1 11 Tf 72 720 Td (115.2) Tj ET BT /F1 11 Tf 126 720 Td (Expedite the "
               "process) Tj ET BT /F1 11 Tf 126 706 Td (of ratification) Tj ET"});
  auto pages = ReadPdfPages("r.pdf", pdf);
  ASSERT_TRUE(pages.ok()) << pages.status().ToString();
  EXPECT_EQ(pages.value()[0].text, "115.2 Expedite the process\nof ratification");
}

TEST(PdfReader, ConvertsTextToUtf8) {
  // \351 is e-acute in WinAnsiEncoding, \226 an en dash.
  auto pages = ReadPdfPages("r.pdf", MakePdf({TextObject({"Caf\\351 1\\2264"})}));
  ASSERT_TRUE(pages.ok()) << pages.status().ToString();
  EXPECT_EQ(pages.value()[0].text,
            "Caf\xC3\xA9 1\xE2\x80\x93"
            "4");
}

TEST(PdfReader, AcceptsJunkBeforeTheHeader) {
  const std::string pdf = "HTTP/1.1 200 OK\r\n\r\n" + MakePdf({TextObject({"After junk"})});
  EXPECT_EQ(DetectFormat(pdf), core::Format::kPdf);
  auto doc = ReadDocument("download.pdf", pdf);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc.value().pages[0].text, "After junk");
}

TEST(PdfReader, KeepsEmptyPagesBetweenPagesWithText) {
  auto pages = ReadPdfPages("r.pdf", MakePdf({TextObject({"One"}), "", TextObject({"Three"})}));
  ASSERT_TRUE(pages.ok()) << pages.status().ToString();
  ASSERT_EQ(pages.value().size(), 3u);
  EXPECT_EQ(pages.value()[1].text, "");
  EXPECT_EQ(pages.value()[2].number, 3);
}

TEST(PdfReader, ScannedPagesNeedOcr) {
  const std::string pdf = MakePdf({"0 0 m 100 100 l S", "72 72 200 200 re f"});
  auto doc = ReadDocument("scan.pdf", pdf);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), "no_text_layer");
  EXPECT_EQ(doc.status().message(),
            "scan.pdf: 2 page(s) but no text layer, OCR needed (e.g. ocrmypdf)");
}

TEST(PdfReader, PasswordProtectedIsEncrypted) {
  // A Standard security handler whose /U does not match the empty user password.
  const std::string pdf = MakePdf(
      {TextObject({"Secret"})},
      "/Encrypt 6 0 R /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>]",
      {"<< /Filter /Standard /V 1 /R 2 /O <" + std::string(64, 'a') + "> /U <" +
       std::string(64, 'b') + "> /P -4 >>"});
  auto doc = ReadDocument("locked.pdf", pdf);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), "pdf_encrypted");
  EXPECT_EQ(doc.status().message().rfind("locked.pdf: PDF is password-protected", 0), 0u);
}

TEST(PdfReader, GarbageAfterTheHeaderIsUnreadable) {
  auto doc = ReadDocument("bad.pdf", "%PDF-1.4\nthis is not a PDF body\n");
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), "pdf_unreadable");
  EXPECT_EQ(doc.status().message().rfind("bad.pdf: cannot open PDF (", 0), 0u);
}

TEST(PdfReader, PagesTreeLostWithTheXrefIsUnreadable) {
  // Like g0917123.pdf: the xref points nowhere useful and the catalog has no pages.
  std::string pdf = MakePdf({TextObject({"Lost"})});
  pdf.replace(pdf.find("/Pages 2 0 R"), 12, "/Pages 9 0 R");
  pdf.replace(pdf.find("startxref\n") + 10, 1, "9");
  auto doc = ReadDocument("g0917123.pdf", pdf);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), "pdf_unreadable");
  EXPECT_EQ(doc.status().message(),
            "g0917123.pdf: cannot open PDF (damaged cross-reference table?)");
}

TEST(PdfReader, ErrorMessagesAreOneLine) {
  for (const std::string& bytes : {std::string("%PDF-1.7\n%%EOF"), MakePdf({"0 0 m S"})}) {
    auto doc = ReadDocument("x.pdf", bytes);
    ASSERT_FALSE(doc.ok());
    EXPECT_EQ(doc.status().message().find('\n'), std::string::npos) << doc.status().message();
  }
}

// Former bugs.

TEST(PdfReader, PagesDoNotEndWithPopplersFormFeed) {
  // poppler's raw_order_layout text ends every page with "\n\f".
  auto pages = ReadPdfPages("r.pdf", MakePdf({TextObject({"Only line"})}));
  ASSERT_TRUE(pages.ok()) << pages.status().ToString();
  EXPECT_EQ(pages.value()[0].text, "Only line");
}

}  // namespace
}  // namespace uprx::extractors
