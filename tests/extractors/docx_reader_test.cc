#include "extractors/docx_reader.h"

#include <gtest/gtest.h>
#include <zip.h>

#include <cstdio>
#include <map>
#include <string>

#include "extractors/document_reader.h"
#include "tests/support/made_documents.h"

namespace uprx::extractors {
namespace {

using testing::DeclareUncompressedSize;
using testing::MakeZip;

constexpr char kNamespaces[] =
    "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
    "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\"";

std::string Part(const std::string& root, const std::string& inner) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:" + root + " " +
         kNamespaces + ">" + inner + "</w:" + root + ">";
}

std::string Docx(const std::string& body, const std::string& numbering = "",
                 const std::string& styles = "") {
  std::map<std::string, std::string> parts = {
      {"[Content_Types].xml", "<Types/>"},
      {"word/document.xml", Part("document", "<w:body>" + body + "</w:body>")}};
  if (!numbering.empty()) parts["word/numbering.xml"] = Part("numbering", numbering);
  if (!styles.empty()) parts["word/styles.xml"] = Part("styles", styles);
  return MakeZip(parts);
}

std::string P(const std::string& text, const std::string& properties = "") {
  return "<w:p><w:pPr>" + properties + "</w:pPr><w:r><w:t xml:space=\"preserve\">" + text +
         "</w:t></w:r></w:p>";
}

std::string Numbered(int num_id, int level, const std::string& text) {
  return P(text, "<w:numPr><w:ilvl w:val=\"" + std::to_string(level) + "\"/><w:numId w:val=\"" +
                     std::to_string(num_id) + "\"/></w:numPr>");
}

std::string Level(int level, int start, const std::string& format, const std::string& text) {
  return "<w:lvl w:ilvl=\"" + std::to_string(level) + "\"><w:start w:val=\"" +
         std::to_string(start) + "\"/><w:numFmt w:val=\"" + format + "\"/><w:lvlText w:val=\"" +
         text + "\"/></w:lvl>";
}

std::string Num(int num_id, int abstract_id, const std::string& overrides = "") {
  return "<w:num w:numId=\"" + std::to_string(num_id) + "\"><w:abstractNumId w:val=\"" +
         std::to_string(abstract_id) + "\"/>" + overrides + "</w:num>";
}

std::string Cell(const std::string& paragraphs) { return "<w:tc>" + paragraphs + "</w:tc>"; }

std::string Text(const std::string& docx) {
  auto doc = ReadDocument("list.docx", docx);
  EXPECT_TRUE(doc.ok()) << doc.status().ToString();
  if (!doc.ok()) return "";
  EXPECT_EQ(doc.value().format, core::Format::kDocx);
  EXPECT_EQ(doc.value().pages.size(), 1u);
  return doc.value().pages[0].text;
}

TEST(DocxReader, ParagraphsAreLines) {
  EXPECT_EQ(Text(Docx(P("Universal periodic review") + P("") + P("  Slovenia  "))),
            "Universal periodic review\nSlovenia");
}

TEST(DocxReader, TableRowsAreTabSeparatedLines) {
  const std::string table =
      "<w:tbl><w:tr>" + Cell(P("Recommendation")) + Cell(P("Position")) + "</w:tr><w:tr>" +
      Cell(P("28.1 Ratify ICCPR (Chile);") + P("Source of position: A/HRC/40/6/Add.1")) +
      Cell(P("Supported")) + "</w:tr><w:tr>" + Cell(P("")) + Cell(P("")) + "</w:tr></w:tbl>";
  EXPECT_EQ(Text(Docx(P("Theme: A12") + table + P("After"))),
            "Theme: A12\nRecommendation\tPosition\n"
            "28.1 Ratify ICCPR (Chile); Source of position: A/HRC/40/6/Add.1\tSupported\nAfter");
}

TEST(DocxReader, EmptyCellsKeepTheirColumn) {
  const std::string table = "<w:tbl><w:tr>" + Cell(P("")) + Cell(P("Noted")) + Cell(P("")) +
                            Cell(P("x")) + "</w:tr></w:tbl>";
  EXPECT_EQ(Text(Docx(table)), "\tNoted\t\tx");
}

TEST(DocxReader, NestedTableCellsJoinTheOuterCell) {
  const std::string inner = "<w:tbl><w:tr>" + Cell(P("a")) + Cell(P("b")) + "</w:tr><w:tr>" +
                            Cell(P("c")) + "</w:tr></w:tbl>";
  const std::string table =
      "<w:tbl><w:tr>" + Cell(P("outer") + inner) + Cell(P("z")) + "</w:tr></w:tbl>";
  EXPECT_EQ(Text(Docx(table)), "outer a b c\tz");
}

TEST(DocxReader, RunContents) {
  const std::string body =
      "<w:p><w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t></w:r>"
      "<w:del><w:r><w:delText>deleted</w:delText></w:r></w:del>"
      "<w:ins><w:r><w:t xml:space=\"preserve\"> inserted</w:t></w:r></w:ins>"
      "<w:r><w:t xml:space=\"preserve\"> </w:t></w:r>"
      "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>"
      "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
      "<w:hyperlink><w:r><w:t>link</w:t></w:r></w:hyperlink>"
      "<w:r><w:t>non</w:t><w:noBreakHyphen/><w:t>State</w:t></w:r>"
      "<w:r><mc:AlternateContent><mc:Choice><w:t>choice</w:t></mc:Choice>"
      "<mc:Fallback><w:t>fallback</w:t></mc:Fallback></mc:AlternateContent></w:r></w:p>";
  EXPECT_EQ(Text(Docx(body)), "a b\nc inserted linknon-Statechoice");
}

TEST(DocxReader, LineBreakInACellIsASpace) {
  const std::string cell =
      "<w:p><w:r><w:t>Chile</w:t><w:br/><w:t>Estonia</w:t><w:br/><w:t>Slovenia</w:t></w:r></w:p>";
  EXPECT_EQ(Text(Docx("<w:tbl><w:tr>" + Cell(cell) + Cell(P("Noted")) + "</w:tr></w:tbl>")),
            "Chile Estonia Slovenia\tNoted");
}

TEST(DocxReader, ContentControlsAreLookedThrough) {
  const std::string body = "<w:sdt><w:sdtContent>" + P("inside control") +
                           "</w:sdtContent></w:sdt><w:customXml>" + P("custom") + "</w:customXml>";
  EXPECT_EQ(Text(Docx(body)), "inside control\ncustom");
}

TEST(DocxReaderNumbering, MultiLevelListsResetDeeperLevels) {
  const std::string numbering = "<w:abstractNum w:abstractNumId=\"0\">" +
                                Level(0, 1, "decimal", "%1.") + Level(1, 1, "lowerLetter", "(%2)") +
                                Level(2, 1, "lowerRoman", "%3)") + "</w:abstractNum>" + Num(1, 0);
  const std::string body = Numbered(1, 0, "First") + Numbered(1, 1, "Sub") +
                           Numbered(1, 1, "Sub two") + Numbered(1, 2, "Deep") +
                           Numbered(1, 0, "Second") + Numbered(1, 1, "Sub again") + P("Plain");
  EXPECT_EQ(Text(Docx(body, numbering)),
            "1. First\n(a) Sub\n(b) Sub two\ni) Deep\n2. Second\n(a) Sub again\nPlain");
}

TEST(DocxReaderNumbering, RecommendationNumbersFromTwoLevels) {
  // How a list of recommendations "28.1 ... 28.3" can be numbered by Word.
  const std::string numbering = "<w:abstractNum w:abstractNumId=\"0\">" +
                                Level(0, 28, "decimal", "%1.") + Level(1, 1, "decimal", "%1.%2") +
                                "</w:abstractNum>" + Num(7, 0);
  const std::string table = "<w:tbl><w:tr>" + Cell(Numbered(7, 1, "Ratify ICCPR (Chile);")) +
                            Cell(P("Supported")) + "</w:tr><w:tr>" +
                            Cell(Numbered(7, 1, "Abolish (Spain);")) + Cell(P("Noted")) +
                            "</w:tr></w:tbl>";
  EXPECT_EQ(Text(Docx(table + Numbered(7, 1, "Third"), numbering)),
            "28.1 Ratify ICCPR (Chile);\tSupported\n28.2 Abolish (Spain);\tNoted\n28.3 Third");
}

TEST(DocxReaderNumbering, ListNumberingPrintsParagraphDotItem) {
  // Namibia's draft list (WG session 52): one level whose text is "6.%1", so the numbers are
  // 6.1, 6.2, ... as the final report will print them, though the text holds none.
  const std::string numbering = "<w:abstractNum w:abstractNumId=\"4\">" +
                                Level(0, 1, "decimal", "6.%1") + "</w:abstractNum>" + Num(10, 4);
  const std::string body = Numbered(10, 0, "Ratify OPCAT (Ukraine);") +
                           Numbered(10, 0, "Ratify ICPPED (Belgium); (France);");
  EXPECT_EQ(Text(Docx(body, numbering)),
            "6.1 Ratify OPCAT (Ukraine);\n6.2 Ratify ICPPED (Belgium); (France);");
}

TEST(DocxReaderNumbering, InstancesOfOneDefinitionShareCounters) {
  const std::string numbering =
      "<w:abstractNum w:abstractNumId=\"0\">" + Level(0, 1, "decimal", "%1.") + "</w:abstractNum>" +
      Num(1, 0) + Num(2, 0) +
      Num(3, 0, "<w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride>") +
      Num(4, 0, "<w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"166\"/></w:lvlOverride>");
  const std::string body = Numbered(1, 0, "a") + Numbered(1, 0, "b") + Numbered(2, 0, "c") +
                           Numbered(3, 0, "restart") + Numbered(3, 0, "next") +
                           Numbered(1, 0, "shared") + Numbered(4, 0, "override") +
                           Numbered(4, 0, "more");
  EXPECT_EQ(Text(Docx(body, numbering)),
            "1. a\n2. b\n3. c\n1. restart\n2. next\n3. shared\n166. override\n167. more");
}

TEST(DocxReaderNumbering, FormatsBulletsAndNone) {
  const std::string numbering =
      "<w:abstractNum w:abstractNumId=\"0\">" + Level(0, 1, "bullet", "\xEF\x82\xB7") +
      Level(1, 1, "bullet", "-") + Level(2, 1, "none", "") + "</w:abstractNum>" + Num(1, 0) +
      "<w:abstractNum w:abstractNumId=\"1\">" + Level(0, 27, "upperLetter", "%1.") +
      Level(1, 4, "upperRoman", "%2.") + Level(2, 9, "decimalZero", "%3") + "</w:abstractNum>" +
      Num(2, 1);
  const std::string body = Numbered(1, 0, "symbol") + Numbered(1, 1, "dash") +
                           Numbered(1, 2, "none") + Numbered(2, 0, "AA") + Numbered(2, 1, "IV") +
                           Numbered(2, 2, "zero") + Numbered(2, 2, "ten") +
                           Numbered(0, 0, "numId 0 is off") + Numbered(99, 0, "unknown instance");
  EXPECT_EQ(Text(Docx(body, numbering)),
            "\xE2\x80\xA2 symbol\n- dash\nnone\nAA. AA\nIV. IV\n09 zero\n10 ten\n"
            "numId 0 is off\nunknown instance");
}

TEST(DocxReaderNumbering, LegalNumberingShowsDecimals) {
  const std::string numbering =
      "<w:abstractNum w:abstractNumId=\"0\">" + Level(0, 1, "upperRoman", "%1.") +
      "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:isLgl/><w:numFmt w:val=\"decimal\"/>"
      "<w:lvlText w:val=\"%1.%2\"/></w:lvl></w:abstractNum>" +
      Num(1, 0);
  EXPECT_EQ(Text(Docx(Numbered(1, 0, "Part") + Numbered(1, 1, "Item"), numbering)),
            "I. Part\n1.1 Item");
}

TEST(DocxReaderNumbering, ParagraphStylesCarryNumbering) {
  const std::string numbering = "<w:abstractNum w:abstractNumId=\"0\">" +
                                Level(0, 1, "decimal", "%1)") + "</w:abstractNum>" + Num(5, 0);
  const std::string styles =
      "<w:style w:type=\"paragraph\" w:styleId=\"ListNum\"><w:pPr><w:numPr><w:numId "
      "w:val=\"5\"/></w:numPr></w:pPr></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"ListNumBold\"><w:basedOn w:val=\"ListNum\"/>"
      "</w:style>";
  const std::string body = P("one", "<w:pStyle w:val=\"ListNum\"/>") +
                           P("two", "<w:pStyle w:val=\"ListNumBold\"/>") +
                           P("off",
                             "<w:pStyle w:val=\"ListNum\"/><w:numPr><w:numId w:val=\"0\"/>"
                             "</w:numPr>");
  EXPECT_EQ(Text(Docx(body, numbering, styles)), "1) one\n2) two\noff");
}

TEST(DocxReader, ZipWithoutWordPartsIsUnknown) {
  auto doc = ReadDocument("archive.zip", MakeZip({{"notes.txt", "hello"}}));
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), "unknown_format");
  EXPECT_EQ(doc.status().message(), "archive.zip: zip archive without a Word document");
}

TEST(DocxReader, WordPackageWithoutDocumentPartIsUnreadable) {
  const std::string zip = MakeZip({{"word/styles.xml", Part("styles", "")}});
  EXPECT_EQ(DetectFormat(zip), core::Format::kDocx);
  auto doc = ReadDocument("broken.docx", zip);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), "docx_unreadable");
  EXPECT_EQ(doc.status().message(), "broken.docx: no word/document.xml part");
  auto direct = ReadDocxPages("other.zip", MakeZip({{"notes.txt", "hello"}}));
  ASSERT_FALSE(direct.ok());
  EXPECT_EQ(direct.status().message(), "other.zip: no word/document.xml part");
}

TEST(DocxReader, TruncatedDocxIsUnreadable) {
  std::string docx = Docx(P("text"));
  docx.resize(docx.size() - 30);  // loses the end of the central directory
  EXPECT_EQ(DetectFormat(docx), core::Format::kDocx);
  auto doc = ReadDocument("cut.docx", docx);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), "docx_unreadable");
  EXPECT_EQ(doc.status().message(), "cut.docx: cannot open DOCX (damaged or truncated zip)");
}

TEST(DocxReader, RefusesAZipBombBody) {
  std::string docx = Docx(P("small"));
  DeclareUncompressedSize(docx, 300u << 20);
  auto doc = ReadDocument("bomb.docx", docx);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), "docx_unreadable");
  EXPECT_EQ(doc.status().message(),
            "bomb.docx: word/document.xml is larger than 200 MiB uncompressed; refusing it as a "
            "possible zip bomb");
}

TEST(DocxReader, MalformedXmlIsUnreadable) {
  auto doc = ReadDocument("bad.docx", MakeZip({{"word/document.xml", "<w:document><w:body>"}}));
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), "docx_unreadable");
  EXPECT_EQ(doc.status().message().rfind("bad.docx: word/document.xml is not well-formed XML (", 0),
            0u)
      << doc.status().message();
}

TEST(DocxReader, OtherNamespacePrefixesAreUnderstood) {
  const std::string xml =
      "<ns0:document xmlns:ns0=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
      "<ns0:body><ns0:p><ns0:r><ns0:t>prefixed</ns0:t></ns0:r></ns0:p></ns0:body></ns0:document>";
  EXPECT_EQ(Text(MakeZip({{"word/document.xml", xml}})), "prefixed");
}

// Former bugs.

TEST(DocxReader, CellParagraphsAreTrimmedBeforeJoining) {
  // UPR20 Slovenia thematic list: "...(Croatia); " + "Source of position" gave two spaces.
  const std::string table =
      "<w:tbl><w:tr>" +
      Cell(P("115.1 Take steps (Croatia); ") + P(" Source of position: A/HRC/28/15/Add.1")) +
      "</w:tr></w:tbl>";
  EXPECT_EQ(Text(Docx(table)), "115.1 Take steps (Croatia); Source of position: A/HRC/28/15/Add.1");
}

}  // namespace
}  // namespace uprx::extractors
