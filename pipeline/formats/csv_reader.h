// The one CSV reader of uprx: RFC 4180 records with the line each starts on, for every CSV a
// user gives (UPR Info exports, ministry overrides, labelled training files).
//
//   auto records = ParseCsv(text, "overrides.csv");
//   if (!records.ok()) return records.status();   // "overrides.csv:12: quoted field never closed"
#ifndef UPRX_PIPELINE_FORMATS_CSV_READER_H_
#define UPRX_PIPELINE_FORMATS_CSV_READER_H_

#include <string>
#include <string_view>
#include <vector>

#include "pipeline/core/status.h"

namespace uprx::pipeline {

struct CsvRecord {
  int line = 0;  // 1-based line on which the record starts
  std::vector<std::string> fields;
};

// RFC 4180: fields separated by ',', a quoted field may hold ',', '""' (one quote) and line
// breaks; a record ends at CR, LF or CRLF (files differ, some mix them). An empty line is not a
// record. Fails on an unterminated quote or on text after a closing quote, naming `source:line`.
[[nodiscard]] core::Result<std::vector<CsvRecord>> ParseCsv(std::string_view text,
                                                            std::string_view source);

}  // namespace uprx::pipeline

#endif  // UPRX_PIPELINE_FORMATS_CSV_READER_H_
