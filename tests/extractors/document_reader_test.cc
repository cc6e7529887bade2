#include "extractors/document_reader.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <string>

#include "extractors/sha256.h"

namespace uprx::extractors {
namespace {

using core::Format;

struct DetectCase {
  std::string name;
  std::string bytes;
  Format expected;
};

TEST(DetectFormat, JudgesByContentAlone) {
  const DetectCase cases[] = {
      {"pdf", "%PDF-1.7\n...", Format::kPdf},
      {"pdf after whitespace", "\r\n  %PDF-1.4\n", Format::kPdf},
      {"pdf header beyond 1 KiB", std::string(1100, ' ') + "%PDF-1.4\n", Format::kText},
      {"ole compound file", std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0", 10), Format::kDoc},
      {"utf-8 text", "Universal periodic review\n", Format::kText},
      {"utf-8 text with bom", "\xEF\xBB\xBFReview", Format::kText},
      {"utf-16le with bom", std::string("\xFF\xFEO\0K\0", 6), Format::kText},
      {"utf-16be with bom", std::string("\xFE\xFF\0O\0K", 6), Format::kText},
      {"html doctype", "<!DOCTYPE html>\n<html><body>x</body></html>", Format::kHtml},
      {"html after xml declaration and comment",
       "<?xml version=\"1.0\"?>\n<!-- saved -->\n<HTML><BODY>x</BODY></HTML>", Format::kHtml},
      {"utf-16 html", std::string("\xFF\xFE<\0h\0t\0m\0l\0>\0", 14), Format::kHtml},
      {"xml is text", "<?xml version=\"1.0\"?><root/>", Format::kText},
      {"latin-1 text is text (to be reported)", "Klemen\xE8i\xE8 said\n", Format::kText},
      {"nul bytes are binary", std::string("abc\0def", 7), Format::kUnknown},
      {"mostly non-ascii bytes are binary", "ab\xC0\xAF\x90\x91", Format::kUnknown},
      {"empty", "", Format::kUnknown},
  };
  for (const DetectCase& c : cases) EXPECT_EQ(DetectFormat(c.bytes), c.expected) << c.name;
}

TEST(DocumentReader, EmptyFileIsAnError) {
  auto doc = ReadDocument("empty.txt", "");
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), "empty_file");
  EXPECT_EQ(doc.status().message(), "empty.txt: file is empty");
}

TEST(DocumentReader, StandardInputIsNamedInMessages) {
  auto doc = ReadDocument("-", "");
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().message(), "<stdin>: file is empty");
}

TEST(DocumentReader, BinaryNoiseIsUnknown) {
  std::string noise;
  for (unsigned i = 0; i < 512; ++i) noise.push_back(static_cast<char>((i * 7919u + 13u) % 256u));
  auto doc = ReadDocument("noise.bin", noise);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), "unknown_format");
  EXPECT_EQ(doc.status().message(), "noise.bin: binary data, not a PDF, Word or text document");
}

TEST(DocumentReader, LegacyWordIsUnsupportedWithAWayOut) {
  std::string ole("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  ole.append(504, '\0');
  auto doc = ReadDocument("AdvancedQuestionsSlovenia.doc", ole);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), "doc_unsupported");
  EXPECT_EQ(doc.status().message(),
            "AdvancedQuestionsSlovenia.doc: legacy Word 97-2003 (.doc) files are not supported; "
            "convert it to DOCX or PDF, e.g. libreoffice --headless --convert-to docx FILE");
}

TEST(DocumentReader, FillsPathHashAndFormat) {
  const std::string bytes = "A/HRC/26/16\n";
  auto doc = ReadDocument("cambodia2014.txt", bytes);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc.value().path, "cambodia2014.txt");
  EXPECT_EQ(doc.value().sha256, Sha256Hex(bytes));
  EXPECT_EQ(doc.value().format, Format::kText);
}

struct TextCase {
  std::string name;
  std::string bytes;
  std::vector<std::string> pages;
};

TEST(TextReader, ReadsPagesOfText) {
  const TextCase cases[] = {
      {"plain", "line one\nline two", {"line one\nline two"}},
      {"bom stripped", "\xEF\xBB\xBFtext", {"text"}},
      {"crlf and cr become lf", "a\r\nb\rc\n", {"a\nb\nc\n"}},
      {"form feed splits pages", "one\ftwo\fthree", {"one", "two", "three"}},
      {"final form feed opens no page", "one\ftwo\f", {"one", "two"}},
      {"empty page kept", "one\f\fthree", {"one", "", "three"}},
      {"utf-16le",
       std::string("\xFF\xFE"
                   "1\0"
                   "4\0"
                   "0\0.\0"
                   "7\0\x0A\0\x0C\0\xE9\0",
                   18),
       {"140.7\n", "\xC3\xA9"}},
      {"utf-16be surrogate pair", std::string("\xFE\xFF\xD8\x3D\xDE\x00", 6), {"\xF0\x9F\x98\x80"}},
      {"utf-8 multibyte", "Klemen\xC4\x8Di\xC4\x8D", {"Klemen\xC4\x8Di\xC4\x8D"}},
  };
  for (const TextCase& c : cases) {
    auto doc = ReadDocument("t.txt", c.bytes);
    ASSERT_TRUE(doc.ok()) << c.name << ": " << doc.status().ToString();
    std::vector<std::string> pages;
    for (const core::Page& page : doc.value().pages) {
      EXPECT_EQ(page.number, static_cast<int>(pages.size()) + 1) << c.name;
      pages.push_back(page.text);
    }
    EXPECT_EQ(pages, c.pages) << c.name;
  }
}

struct EncodingCase {
  std::string name;
  std::string bytes;
  std::string message;
};

TEST(TextReader, NamesTheOffsetOfBadEncoding) {
  const EncodingCase cases[] = {
      {"latin-1 byte", "Klemen\xE8i\xE8",
       "t.txt: not valid UTF-8 at byte 6; convert the file to UTF-8 (e.g. iconv -t UTF-8)"},
      {"overlong slash", "path ab\xC0\xAF etc",
       "t.txt: not valid UTF-8 at byte 7; convert the file to UTF-8 (e.g. iconv -t UTF-8)"},
      {"utf-8 surrogate", "x \xED\xA0\x80 surrogate",
       "t.txt: not valid UTF-8 at byte 2; convert the file to UTF-8 (e.g. iconv -t UTF-8)"},
      {"lone utf-16 surrogate", std::string("\xFF\xFEO\0\x00\xD8K\0", 8),
       "t.txt: malformed UTF-16 at byte 4; convert the file to UTF-8 (e.g. iconv -t UTF-8)"},
      {"odd utf-16 length", std::string("\xFF\xFEO\0K", 5),
       "t.txt: truncated UTF-16 (odd byte count) at byte 4; convert the file to UTF-8 (e.g. "
       "iconv -t UTF-8)"},
  };
  for (const EncodingCase& c : cases) {
    auto doc = ReadDocument("t.txt", c.bytes);
    ASSERT_FALSE(doc.ok()) << c.name;
    EXPECT_EQ(doc.status().code(), "text_encoding") << c.name;
    EXPECT_EQ(doc.status().message(), c.message) << c.name;
  }
}

struct HtmlCase {
  std::string name;
  std::string html;
  std::string text;
};

TEST(HtmlReader, StripsTagsIntoLines) {
  const HtmlCase cases[] = {
      {"blocks end lines",
       "<html><head><title>UPR</title></head><body><h1>Slovenia</h1><p>First <b>bold</b> "
       "para</p><div>Second</div></body></html>",
       "UPR\nSlovenia\nFirst bold para\nSecond"},
      {"whitespace collapses", "<html><p>  a \n\t b  </p></html>", "a b"},
      {"br breaks lines", "<html><p>one<br>two<br/>three</p></html>", "one\ntwo\nthree"},
      {"entities decode",
       "<html><p>A&amp;B &lt;x&gt; &quot;q&quot; &#233;&#x2013;&nbsp;&rsquo; &bogus; & x</p>",
       "A&B <x> \"q\" \xC3\xA9\xE2\x80\x93\xC2\xA0\xE2\x80\x99 &bogus; & x"},
      {"scripts styles and comments vanish",
       "<html><script>var a = '<p>no</p>';</script><style>p{}</style><!-- <p>no</p> -->"
       "<p>yes</p></html>",
       "yes"},
      {"table rows are lines of tab-separated cells",
       "<html><table><tr><th>Recommendation</th><th>Position</th></tr>"
       "<tr><td>140.7 Ratify</td><td>Supported</td></tr></table></html>",
       "Recommendation\tPosition\n140.7 Ratify\tSupported"},
      {"pre keeps its lines", "<html><pre>a  b\n c</pre></html>", "a  b\n c"},
      {"attributes with > in quotes", "<html><p title=\"a>b\">text</p></html>", "text"},
      {"a lone < is text", "<html><p>1 < 2</p></html>", "1 < 2"},
  };
  for (const HtmlCase& c : cases) {
    auto doc = ReadDocument("page.html", c.html);
    ASSERT_TRUE(doc.ok()) << c.name << ": " << doc.status().ToString();
    EXPECT_EQ(doc.value().format, Format::kHtml) << c.name;
    ASSERT_EQ(doc.value().pages.size(), 1u) << c.name;
    EXPECT_EQ(doc.value().pages[0].text, c.text) << c.name;
  }
}

class DocumentReaderFile : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = ::testing::TempDir() + "uprx_reader_test_" + std::to_string(getpid()) + ".txt";
  }
  void TearDown() override { std::remove(path_.c_str()); }
  void Write(const std::string& bytes) { std::ofstream(path_, std::ios::binary) << bytes; }
  std::string path_;
};

TEST_F(DocumentReaderFile, ReadsAFileAndHashesItsBytes) {
  Write("Universal periodic review");
  auto doc = ReadDocumentFile(path_);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc.value().path, path_);
  EXPECT_EQ(doc.value().sha256, Sha256Hex("Universal periodic review"));
  EXPECT_EQ(doc.value().pages[0].text, "Universal periodic review");
}

TEST_F(DocumentReaderFile, RefusesFilesOverTheCap) {
  Write(std::string(2048, 'a'));
  auto doc = ReadDocumentFile(path_, {.max_bytes = 1024});
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), "file_too_large");
  EXPECT_EQ(doc.status().message(), path_ + ": file is larger than the 1024 bytes limit");
}

TEST(DocumentReaderFileErrors, NamesMissingPathsAndDirectories) {
  auto missing = ReadDocumentFile("/nonexistent/uprx/file.pdf");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), "file_unreadable");
  EXPECT_EQ(missing.status().message(),
            "/nonexistent/uprx/file.pdf: cannot read file (No such file or directory)");
  auto directory = ReadDocumentFile("/");
  ASSERT_FALSE(directory.ok());
  EXPECT_EQ(directory.status().code(), "file_unreadable");
  EXPECT_EQ(directory.status().message(), "/: cannot read file (Is a directory)");
}

}  // namespace
}  // namespace uprx::extractors
