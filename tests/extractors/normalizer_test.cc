#include "extractors/normalizer.h"

#include <gtest/gtest.h>

namespace uprx::extractors {
namespace {

core::SourceDocument Pages(std::vector<std::string> texts) {
  core::SourceDocument doc;
  doc.format = core::Format::kPdf;
  int n = 1;
  for (auto& t : texts) doc.pages.push_back({n++, std::move(t)});
  return doc;
}

TEST(Normalizer, CharactersAreUnified) {
  const struct {
    const char* in;
    const char* out;
  } kCases[] = {
      {"\xEF\xAC\x81nance", "finance"},                // fi ligature
      {"\xE2\x80\x9CTitle\xE2\x80\x9D", "\"Title\""},  // curly double quotes
      {"children\xE2\x80\x99s", "children's"},         // right single quote
      {"2006\xE2\x80\x93"
       "2012",
       "2006-2012"},  // en dash
      {"a\xC2\xA0"
       "b",
       "a b"},  // no-break space
      {"co\xC2\xAD"
       "operation",
       "cooperation"},  // soft hyphen
      {"two   spaces\t here", "two spaces here"},
      {"recommendations\xE2\x88\x97\xE2\x88\x97", "recommendations**"},  // U+2217
  };
  for (const auto& c : kCases) EXPECT_EQ(Normalizer::NormalizeChars(c.in), c.out) << c.in;
}

TEST(Normalizer, RunningHeadersFootersAndPageNumbersGo) {
  const auto doc = Pages({"A/HRC/99/1\n2\nFirst line of page two\nGE.14-12345\n",
                          "A/HRC/99/1\nSecond page text\n3\nGE.14-12345\n",
                          "A/HRC/99/1\n4\nThird page text\nGE.14-12345\n"});
  EXPECT_EQ(Normalizer().Normalize(doc).text,
            "First line of page two\nSecond page text\nThird page text");
}

TEST(Normalizer, ItemLabelsAtPageTopsAreNotHeaders) {
  // Numbers without letters never count as running headers, even when every page starts
  // with one.
  const auto doc =
      Pages({"118.4\nRatify (Chile);\n", "118.5\nAccede (Peru);\n", "118.6\nSign (Togo);\n"});
  EXPECT_EQ(Normalizer().Normalize(doc).text,
            "118.4\nRatify (Chile);\n118.5\nAccede (Peru);\n118.6\nSign (Togo);");
}

TEST(Normalizer, HyphenatedLineEndsJoinKeepingTheHyphen) {
  const auto doc =
      Pages({"strengthen non-\ngovernmental organizations\nratify OP-\nICCPR now\n"
             "Chapter 2 -\nNext line stays\n"});
  EXPECT_EQ(Normalizer().Normalize(doc).text,
            "strengthen non-governmental organizations\nratify OP-ICCPR now\nChapter 2 -\n"
            "Next line stays");
}

TEST(Normalizer, OffsetsMapBackToPages) {
  const auto doc = Pages({"alpha\nbeta\n", "gamma\n"});
  const auto t = Normalizer().Normalize(doc);
  ASSERT_EQ(t.text, "alpha\nbeta\ngamma");
  EXPECT_EQ(t.map.Locate(0).page, 1);
  EXPECT_EQ(t.map.Locate(t.text.find("beta")).page, 1);
  EXPECT_EQ(t.map.Locate(t.text.find("beta")).page_offset, 6u);
  EXPECT_EQ(t.map.Locate(t.text.find("gamma") + 2).page, 2);
  EXPECT_EQ(t.map.Locate(t.text.find("gamma") + 2).page_offset, 2u);
}

TEST(Normalizer, FootersWithOneAndTwoDigitPageNumbersAreOneShape) {
  // A/HRC/25/4 (Senegal 2013): "GE.13-18935 9" then "GE.13-18935 11" on odd pages.
  const auto doc =
      Pages({"Ratify CED.\nGE.13-18935 9\n", "Abolish the death penalty.\nGE.13-18935 11\n",
             "Protect journalists.\nGE.13-18935 13\n"});
  EXPECT_EQ(Normalizer().Normalize(doc).text,
            "Ratify CED.\nAbolish the death penalty.\nProtect journalists.");
}

// Former bugs.
TEST(Normalizer, BareLabelNearPageEndIsNotAPageNumber) {
  // A/HRC/13/4 prints item "83" without its period a few lines above the page number.
  const auto doc = Pages(
      {"x\n", "82.\nContinue (Slovenia);\n83\nStrengthen policy\n2\n", "Children (Brazil);\n"});
  EXPECT_EQ(Normalizer().Normalize(doc).text,
            "x\n82.\nContinue (Slovenia);\n83\nStrengthen policy\nChildren (Brazil);");
}

}  // namespace
}  // namespace uprx::extractors
