#include "pipeline/core/position_value.h"

#include <ostream>

namespace uprx::core {
namespace {

struct Names {
  PositionValue value;
  const char* key;
  const char* label;
};

// The one table of position names.
constexpr std::array<Names, 5> kNames = {{
    {PositionValue::kUnknown, "unknown", "unknown"},
    {PositionValue::kSupported, "supported", "supported"},
    {PositionValue::kSupportedInPart, "supported_in_part", "supported in part"},
    {PositionValue::kNoted, "noted", "noted"},
    {PositionValue::kPending, "pending", "pending"},
}};

const Names& Find(PositionValue v) {
  for (const Names& n : kNames) {
    if (n.value == v) return n;
  }
  return kNames[0];  // unreachable for a valid enum value
}

}  // namespace

const char* PositionKey(PositionValue v) { return Find(v).key; }
const char* PositionLabel(PositionValue v) { return Find(v).label; }

std::optional<PositionValue> ParsePositionKey(std::string_view key) {
  for (const Names& n : kNames) {
    if (key == n.key) return n.value;
  }
  return std::nullopt;
}

bool IsFinalPosition(PositionValue v) {
  return v == PositionValue::kSupported || v == PositionValue::kSupportedInPart ||
         v == PositionValue::kNoted;
}

std::ostream& operator<<(std::ostream& out, PositionValue v) { return out << PositionKey(v); }

}  // namespace uprx::core
