// What a State answered to a recommendation, as one enum with one string table. The key
// ("supported_in_part") is what uprx/1 JSON, CSV, SQLite and uprx.compare/1 write and read; the
// label ("supported in part") is what a person reads. Anything else spelling a position (UPR
// Info's "Accepted", IMPACT's support_level) maps from the enum in its own writer.
#ifndef UPRX_PIPELINE_CORE_POSITION_VALUE_H_
#define UPRX_PIPELINE_CORE_POSITION_VALUE_H_

#include <array>
#include <iosfwd>
#include <optional>
#include <string_view>

namespace uprx::core {

enum class PositionValue { kUnknown, kSupported, kSupportedInPart, kNoted, kPending };

// Every value, in the order uprx/1's summary and uprx.compare/1 list them.
inline constexpr std::array<PositionValue, 5> kPositionValues = {
    PositionValue::kSupported, PositionValue::kNoted, PositionValue::kPending,
    PositionValue::kSupportedInPart, PositionValue::kUnknown};

// C strings, so that they join std::string with + and stream as they are.
const char* PositionKey(PositionValue v);    // "supported_in_part"
const char* PositionLabel(PositionValue v);  // "supported in part"

// The value a key names; nullopt for anything else (an empty key is not "unknown": a reader
// decides what a missing value means).
std::optional<PositionValue> ParsePositionKey(std::string_view key);

// Supported, supported in part or noted: the State has answered.
bool IsFinalPosition(PositionValue v);

// Prints the key, so that test failures and logs read "noted", not a number.
std::ostream& operator<<(std::ostream& out, PositionValue v);

}  // namespace uprx::core

#endif  // UPRX_PIPELINE_CORE_POSITION_VALUE_H_
