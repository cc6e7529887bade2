// The one table of position names: every value has a key that reads back to it and a label; a
// key outside SCHEMA.md's five reads as nothing, so a reader can refuse it.
#include "pipeline/core/position_value.h"

#include <gtest/gtest.h>

#include <set>
#include <sstream>
#include <string>

namespace uprx::core {
namespace {

TEST(PositionValue, EveryValueHasAKeyThatReadsBackToIt) {
  std::set<std::string> keys;
  for (const PositionValue v : kPositionValues) {
    const std::string key = PositionKey(v);
    EXPECT_TRUE(keys.insert(key).second) << key << " twice";
    EXPECT_EQ(ParsePositionKey(key), v) << key;
  }
  // SCHEMA.md names exactly these five.
  EXPECT_EQ(keys, (std::set<std::string>{"supported", "noted", "pending", "supported_in_part",
                                         "unknown"}));
}

TEST(PositionValue, LabelsAreWordsAndOnlyTheSchemasKeysParse) {
  EXPECT_STREQ(PositionLabel(PositionValue::kSupportedInPart), "supported in part");
  EXPECT_STREQ(PositionLabel(PositionValue::kNoted), "noted");
  for (const char* other : {"", "Supported", "supported in part", "accepted", "noted "}) {
    EXPECT_FALSE(ParsePositionKey(other).has_value()) << "'" << other << "'";
  }
}

TEST(PositionValue, OnlyAnAnswerIsFinal) {
  EXPECT_TRUE(IsFinalPosition(PositionValue::kSupported));
  EXPECT_TRUE(IsFinalPosition(PositionValue::kSupportedInPart));
  EXPECT_TRUE(IsFinalPosition(PositionValue::kNoted));
  EXPECT_FALSE(IsFinalPosition(PositionValue::kPending));
  EXPECT_FALSE(IsFinalPosition(PositionValue::kUnknown));
}

TEST(PositionValue, PrintsAsItsKey) {
  std::ostringstream out;
  out << PositionValue::kSupportedInPart;
  EXPECT_EQ(out.str(), "supported_in_part");
}

}  // namespace
}  // namespace uprx::core
