// Numbers read from documents and users' files: ParseBoundedInt takes digits in a range and
// refuses everything else with nullopt, never an exception.
#include "pipeline/core/text_util.h"

#include <gtest/gtest.h>

#include <limits>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace uprx::core {
namespace {

struct BoundedCase {
  std::string_view text;
  int min, max;
  std::optional<int> expected;
};

TEST(ParseBoundedInt, TakesDigitsInRangeAndRefusesTheRest) {
  constexpr int kBig = std::numeric_limits<int>::max();
  const BoundedCase cases[] = {
      {"28", 1, 999, 28},
      {"1", 1, 5, 1},
      {"5", 1, 5, 5},
      {"007", 0, 999, 7},
      {"-3", -10, 10, -3},
      {"2147483647", 0, kBig, kBig},
      {"0", 1, 5, std::nullopt},    // below the range
      {"6", 1, 5, std::nullopt},    // above it
      {"", 0, 9, std::nullopt},     // nothing
      {"-", -9, 9, std::nullopt},   // a sign alone
      {"+3", 0, 9, std::nullopt},   // from_chars takes no '+'
      {" 3", 0, 9, std::nullopt},   // no space before
      {"3 ", 0, 9, std::nullopt},   // nor after
      {"3a", 0, 9, std::nullopt},   // nor letters
      {"1.5", 0, 9, std::nullopt},  // nor a fraction
      {"٣", 0, 9, std::nullopt},    // ASCII digits only
      {"2147483648", 0, kBig, std::nullopt},
      // Former bugs: std::stoi threw std::out_of_range on these and aborted the batch.
      {"99999999999", 1, 999, std::nullopt},                    // A/HRC/99999999999/15
      {"123456789012345678901234567890", 1, 17, std::nullopt},  // a taxonomy label id
  };
  for (const BoundedCase& c : cases) {
    EXPECT_EQ(ParseBoundedInt(c.text, c.min, c.max), c.expected)
        << "'" << c.text << "' in [" << c.min << ", " << c.max << "]";
  }
}

TEST(ParseBoundedInt, ReadsOnlyTheViewItIsGiven) {
  const std::string_view session = std::string_view("A/HRC/28/15").substr(6, 2);
  EXPECT_EQ(ParseBoundedInt(session, 1, 999), 28);
  EXPECT_EQ(ParseBoundedInt(std::string_view(), 0, 9), std::nullopt);
}

TEST(FindInvalidUtf8, GivesTheOffsetOfTheFirstMalformedByte) {
  const std::pair<std::string_view, std::optional<std::size_t>> cases[] = {
      {"plain ASCII", std::nullopt},
      {"Côte d\u2019Ivoire", std::nullopt},
      {"caf\xe9 au lait", 3},      // Latin-1
      {"ok \xc3", 3},              // a sequence cut short
      {"\xc0\xaf", 0},             // an overlong '/'
      {"\xed\xa0\x80", 0},         // a UTF-16 surrogate
      {"\xf4\x90\x80\x80", 0},     // past U+10FFFF
      {"label\tA\tTh\x9fme", 10},  // former bug: a taxonomy label name the JSON writer threw on
  };
  for (const auto& [bytes, offset] : cases) EXPECT_EQ(FindInvalidUtf8(bytes), offset) << bytes;
}

TEST(LineAt, CountsTheLinesBeforeAnOffset) {
  EXPECT_EQ(LineAt("a\nb\nc", 0), 1);
  EXPECT_EQ(LineAt("a\nb\nc", 2), 2);
  EXPECT_EQ(LineAt("a\nb\nc", 4), 3);
}

// Data files: blank and '#' lines are left out, CRLF ends are cut, numbers count every line.
TEST(DataLines, KeepsTheLinesThatHoldSomethingWithTheirNumbers) {
  const std::vector<DataLine> lines = DataLines("# head\r\nfirst\tA\r\n\n  \nlast");
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0].text, "first\tA");
  EXPECT_EQ(lines[0].number, 2);
  EXPECT_EQ(lines[1].text, "  ");  // spaces are content; a loader decides what they mean
  EXPECT_EQ(lines[1].number, 4);
  EXPECT_EQ(lines[2].text, "last");
  EXPECT_EQ(lines[2].number, 5);
  EXPECT_TRUE(DataLines("").empty());
  EXPECT_TRUE(DataLines("#only\n\r\n").empty());
}

TEST(LineCount, CountsALastLineWithoutItsEnd) {
  EXPECT_EQ(LineCount(""), 0);
  EXPECT_EQ(LineCount("a"), 1);
  EXPECT_EQ(LineCount("a\n"), 1);
  EXPECT_EQ(LineCount("a\nb"), 2);
  EXPECT_EQ(LineCount("\n\n"), 2);
}

}  // namespace
}  // namespace uprx::core
