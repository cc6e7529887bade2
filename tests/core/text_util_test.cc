#include "pipeline/core/text_util.h"

#include <gtest/gtest.h>

#include <limits>

namespace uprx::core {
namespace {

struct BoundedCase {
  const char* text;
  int min, max;
  std::optional<int> expected;
};

TEST(ParseBoundedInt, AcceptsWholeNumbersInRangeOnly) {
  constexpr int kMax = std::numeric_limits<int>::max();
  const BoundedCase cases[] = {
      {"15", 0, 100, 15},
      {"0", 0, 100, 0},
      {"-3", -10, 10, -3},
      {"100", 0, 100, 100},
      {"101", 0, 100, std::nullopt},
      {"", 0, 100, std::nullopt},
      {"12a", 0, 100, std::nullopt},
      {" 12", 0, 100, std::nullopt},
      {"+12", 0, 100, std::nullopt},
      // Former crashes: std::stoi threw out_of_range on these (a crafted "A/HRC/99999999999/15").
      {"99999999999", 0, kMax, std::nullopt},
      {"123456789012345678901234567890", 0, kMax, std::nullopt},
  };
  for (const BoundedCase& c : cases) {
    EXPECT_EQ(ParseBoundedInt(c.text, c.min, c.max), c.expected) << '"' << c.text << '"';
  }
}

}  // namespace
}  // namespace uprx::core
