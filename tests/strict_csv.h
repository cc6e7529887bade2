// A strict RFC 4180 reader for the tests of the CSV writer, shared by the unit and corpus
// tests. Violations are reported as test failures at the call site's test.
#ifndef UPRX_TESTS_STRICT_CSV_H_
#define UPRX_TESTS_STRICT_CSV_H_

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace uprx::testing {

// A strict RFC 4180 reader: a record ends at CRLF only and a quoted field keeps its bytes (CR and
// LF included). pipeline::ParseCsv is lenient on purpose (it reads UPR Info's CR-only files and
// turns line breaks into LF), so it cannot show that the writer's bytes round-trip exactly.
inline std::vector<std::vector<std::string>> ReadRfc4180(std::string_view text) {
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> record;
  std::string field;
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char ch = text[i];
    const bool next_is = i + 1 < text.size();
    if (quoted && ch == '"' && next_is && text[i + 1] == '"') {
      field += '"';
      ++i;
    } else if (ch == '"') {
      EXPECT_TRUE(quoted || field.empty()) << "quote inside an unquoted field at byte " << i;
      quoted = !quoted;
    } else if (!quoted && ch == ',') {
      record.push_back(std::exchange(field, {}));
    } else if (!quoted && ch == '\r' && next_is && text[i + 1] == '\n') {
      record.push_back(std::exchange(field, {}));
      records.push_back(std::exchange(record, {}));
      ++i;
    } else {
      field += ch;
    }
  }
  EXPECT_FALSE(quoted) << "unterminated quote";
  EXPECT_TRUE(field.empty() && record.empty()) << "the last record does not end with CRLF";
  return records;
}

}  // namespace uprx::testing

#endif  // UPRX_TESTS_STRICT_CSV_H_
