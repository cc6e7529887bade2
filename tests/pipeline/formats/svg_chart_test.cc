#include "pipeline/formats/svg_chart.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace uprx::pipeline {
namespace {

int Count(const std::string& text, const std::string& what) {
  int n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// Every lead byte is followed by as many continuation bytes as it announces.
bool ValidUtf8(const std::string& s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    const std::size_t n = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (std::size_t k = 1; k < n; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    }
    i += n;
  }
  return true;
}

// An attribute (" x", " width") of the n-th <rect> (0-based), or -1.
int RectAttribute(const std::string& svg, int n, const std::string& name) {
  std::size_t at = 0;
  for (int i = 0; i <= n; ++i) {
    at = svg.find("<rect", at + (i ? 1 : 0));
    if (at == std::string::npos) return -1;
  }
  const std::size_t v = svg.find(name + "=\"", at) + name.size() + 2;
  return std::stoi(svg.substr(v, svg.find('"', v) - v));
}

int RectWidth(const std::string& svg, int n) { return RectAttribute(svg, n, " width"); }
int RectX(const std::string& svg, int n) { return RectAttribute(svg, n, " x"); }

TEST(XmlEscape, EscapesTheFiveXmlCharacters) {
  const struct {
    const char* in;
    const char* out;
  } kCases[] = {
      {"", ""},
      {"plain", "plain"},
      {"a & b", "a &amp; b"},
      {"<script>", "&lt;script&gt;"},
      {"say \"no\"", "say &quot;no&quot;"},
      {"Côte d'Ivoire", "Côte d&#39;Ivoire"},
  };
  for (const auto& c : kCases) EXPECT_EQ(XmlEscape(c.in), c.out) << c.in;
}

TEST(HorizontalBarChart, IsOneSvgElementWithOneBarPerValue) {
  const std::string svg = HorizontalBarChart("By theme", {{"Torture", 10}, {"Women", 5}});
  EXPECT_EQ(svg.rfind("<svg ", 0), 0u);
  EXPECT_EQ(svg.substr(svg.size() - 6), "</svg>");
  EXPECT_EQ(Count(svg, "<svg"), 1);
  EXPECT_EQ(Count(svg, "<rect"), 2);
  EXPECT_NE(svg.find("class=\"uprx-chart\""), std::string::npos);
  EXPECT_NE(svg.find("aria-label=\"By theme\""), std::string::npos);
  EXPECT_NE(svg.find(">Torture</text>"), std::string::npos);
  EXPECT_NE(svg.find(">10</text>"), std::string::npos);
  EXPECT_EQ(svg.find("<script"), std::string::npos);
  EXPECT_EQ(svg.find("href"), std::string::npos);  // nothing external
}

TEST(HorizontalBarChart, BarLengthsAreProportionalToTheLargest) {
  const std::string svg = HorizontalBarChart("t", {{"a", 10}, {"b", 5}, {"c", 1}});
  const int full = RectWidth(svg, 0);
  ASSERT_GT(full, 100);
  EXPECT_EQ(RectWidth(svg, 1), full / 2);
  EXPECT_EQ(RectWidth(svg, 2), full / 10);
}

TEST(HorizontalBarChart, KeepsTheOrderGiven) {
  const std::string svg = HorizontalBarChart("t", {{"small", 1}, {"large", 9}});
  EXPECT_LT(svg.find(">small<"), svg.find(">large<"));
}

TEST(HorizontalBarChart, EscapesTitleAndLabels) {
  const std::string svg = HorizontalBarChart("<b>&", {{"A \"quoted\" <label>", 1}});
  EXPECT_EQ(svg.find("<b>"), std::string::npos);
  EXPECT_EQ(svg.find("<label>"), std::string::npos);
  EXPECT_NE(svg.find("&lt;b&gt;&amp;"), std::string::npos);
  EXPECT_NE(svg.find("A &quot;quoted&quot; &lt;label&gt;"), std::string::npos);
}

// The text of every label line (<text class="label">) of `svg`, in order.
std::vector<std::string> LabelTexts(const std::string& svg) {
  std::vector<std::string> out;
  const std::string open = "<text class=\"label\" x=\"0\"";
  for (std::size_t at = svg.find(open); at != std::string::npos; at = svg.find(open, at + 1)) {
    const std::size_t begin = svg.find('>', at) + 1;
    out.push_back(svg.substr(begin, svg.find("</text>", begin) - begin));
  }
  return out;
}

TEST(HorizontalBarChart, ShortensLongLabelsWithoutSplittingCharactersAndKeepsThemInTheTooltip) {
  const std::string label =
      "Ministère de l'Éducation, de la Jeunesse et des Sports et de la Formation professionnelle";
  const std::string svg = HorizontalBarChart("t", {{label, 3}});
  EXPECT_NE(svg.find("<title>" + XmlEscape(label) + ": 3</title>"), std::string::npos);
  const auto lines = LabelTexts(svg);
  ASSERT_EQ(lines.size(), 2u) << svg;
  EXPECT_EQ(lines[0], "Ministère de l&#39;Éducation, de la");
  const std::string& last = lines[1];
  EXPECT_EQ(last.substr(last.size() - 3), "\xE2\x80\xA6");
  for (const auto& line : lines) EXPECT_TRUE(ValidUtf8(line)) << line;
}

TEST(HorizontalBarChart, WrapsLabelsFromTheLeftEdgeSoNoneIsCut) {
  // Former bug: right-aligned labels of 40 characters ran past the left edge of the chart and
  // read "ooperation with human rights mechanism..." and "inistry of Land Management...".
  const std::string label = "Cooperation with human rights mechanisms and institutions";
  const std::string svg = HorizontalBarChart("t", {{label, 3}, {"Torture", 1}});
  EXPECT_EQ(svg.find("text-anchor=\"end\""), std::string::npos);
  const auto lines = LabelTexts(svg);
  ASSERT_EQ(lines.size(), 3u) << svg;
  EXPECT_EQ(lines[0], "Cooperation with human rights");
  EXPECT_EQ(lines[1], "mechanisms and institutions");
  EXPECT_EQ(lines[2], "Torture");
  // The wrapped row is taller: the chart is one line height taller than two one-line rows.
  const std::string two_short = HorizontalBarChart("t", {{"Short", 3}, {"Torture", 1}});
  const auto height = [](const std::string& s) {
    const std::size_t h = s.find("height=\"") + 8;
    return std::stoi(s.substr(h, s.find('"', h) - h));
  };
  EXPECT_EQ(height(svg), height(two_short) + 13);
}

TEST(HorizontalBarChart, SaysNoDataWhenEmptyAndDrawsZeroAndNegativeAsNothing) {
  EXPECT_NE(HorizontalBarChart("t", {}).find("No data"), std::string::npos);
  const std::string svg = HorizontalBarChart("t", {{"zero", 0}, {"minus", -4}});
  EXPECT_EQ(RectWidth(svg, 0), 0);
  EXPECT_EQ(RectWidth(svg, 1), 0);
  EXPECT_NE(svg.find(">0</text>"), std::string::npos);
}

TEST(HorizontalBarChart, SameInputSameBytes) {
  const std::vector<std::pair<std::string, int>> bars = {{"a", 3}, {"b", 7}};
  EXPECT_EQ(HorizontalBarChart("t", bars), HorizontalBarChart("t", bars));
}

TEST(StackedBarChart, DrawsOneSegmentPerNonZeroValueAndALegend) {
  const std::string svg =
      StackedBarChart("Positions", {"supported", "noted"}, {{"WEOG", {6, 2}}, {"GRULAC", {3, 0}}});
  // 2 legend squares + 2 segments for WEOG + 1 for GRULAC.
  EXPECT_EQ(Count(svg, "<rect"), 5);
  EXPECT_EQ(Count(svg, "class=\"legend\""), 2);
  EXPECT_NE(svg.find("WEOG: 8 (supported 6, noted 2)"), std::string::npos);
  // The longest bar (8) fills the area; GRULAC's 3 is 3/8 of it.
  const int weog = RectWidth(svg, 2) + RectWidth(svg, 3);
  EXPECT_EQ(RectWidth(svg, 4), weog * 3 / 8);
}

TEST(StackedBarChart, MissingValuesCountAsZero) {
  const std::string svg = StackedBarChart("t", {"a", "b"}, {{"row", {4}}});
  EXPECT_NE(svg.find("row: 4 (a 4, b 0)"), std::string::npos);
  EXPECT_NE(StackedBarChart("t", {"a"}, {}).find("No data"), std::string::npos);
}

TEST(ChangeBarChart, DrawsDecreasesLeftAndIncreasesRightOfOneAxis) {
  const std::string svg = ChangeBarChart(
      "Shifts", {{"Right to education", 19}, {"Racial discrimination", -13}, {"Migrants", 0}});
  ASSERT_EQ(Count(svg, "<rect"), 3);
  // The increase starts at the axis; the decrease ends there.
  const int axis = RectX(svg, 0);
  EXPECT_EQ(RectX(svg, 1) + RectWidth(svg, 1), axis);
  EXPECT_EQ(RectWidth(svg, 2), 0);
  EXPECT_GT(RectWidth(svg, 0), RectWidth(svg, 1));  // 19 against 13
  EXPECT_NE(svg.find(">+19<"), std::string::npos);
  EXPECT_NE(svg.find(">-13<"), std::string::npos);
  EXPECT_NE(svg.find("#b3261e"), std::string::npos);  // the decrease in red
  EXPECT_NE(svg.find("x1=\"" + std::to_string(axis) + "\""), std::string::npos);
}

TEST(ChangeBarChart, WrapsLongThemeNamesInsteadOfCuttingThem) {
  // A UHRI theme name of 47 characters, cut to 48 bytes by the chart this one replaced.
  const std::string name = "Human trafficking & contemporary forms of slavery";
  const std::string svg = ChangeBarChart("Shifts", {{name, 12}});
  EXPECT_NE(svg.find(">Human trafficking &amp; contemporary<"), std::string::npos) << svg;
  EXPECT_NE(svg.find(">forms of slavery<"), std::string::npos) << svg;
  EXPECT_NE(svg.find("<title>Human trafficking &amp; contemporary forms of slavery: +12</title>"),
            std::string::npos);
  EXPECT_TRUE(
      ValidUtf8(ChangeBarChart("Shifts", {{std::string(40, 'a') + "\xC3\xA9t\xC3\xA9 x", -3}})));
  EXPECT_NE(ChangeBarChart("Shifts", {}).find("No data"), std::string::npos);
}

}  // namespace
}  // namespace uprx::pipeline
