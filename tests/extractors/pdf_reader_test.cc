#include "extractors/pdf_reader.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <vector>

#include "extractors/document_reader.h"

namespace uprx::extractors {
namespace {

// A PDF written here: one page per content stream, the base-14 Helvetica font in
// WinAnsiEncoding, a correct cross-reference table, and optional extra objects and trailer keys.
std::string MakePdf(const std::vector<std::string>& contents, const std::string& trailer_extra = "",
                    const std::vector<std::string>& extra_objects = {}) {
  const std::size_t first_page = 4;
  std::string kids;
  for (std::size_t i = 0; i < contents.size(); ++i) {
    kids += std::to_string(first_page + 2 * i) + " 0 R ";
  }
  std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(contents.size()) + " >>",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"};
  for (std::size_t i = 0; i < contents.size(); ++i) {
    objects.push_back(
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R "
        ">> >> /Contents " +
        std::to_string(first_page + 2 * i + 1) + " 0 R >>");
    objects.push_back("<< /Length " + std::to_string(contents[i].size()) + " >>\nstream\n" +
                      contents[i] + "\nendstream");
  }
  objects.insert(objects.end(), extra_objects.begin(), extra_objects.end());
  std::string pdf = "%PDF-1.4\n";
  std::string xref = "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (std::size_t i = 0; i < objects.size(); ++i) {
    char entry[21];
    std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", pdf.size());
    xref += entry;
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const std::size_t xref_offset = pdf.size();
  return pdf + xref + "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R " +
         trailer_extra + " >>\nstartxref\n" + std::to_string(xref_offset) + "\n%%EOF\n";
}

std::string TextObject(const std::vector<std::string>& lines) {
  std::string content = "BT /F1 11 Tf 72 720 Td 14 TL";
  for (const std::string& line : lines) content += " (" + line + ") '";
  return content + " ET";
}

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
