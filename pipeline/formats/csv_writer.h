// Write: reviews -> CSV, one row per recommendation x recommending State, as UPR Info's export
// lays out its database (a recommendation with no State found still gets one row, with the State
// columns empty, so no recommendation is lost from a spreadsheet).
//
// Columns: first UPR Info's export (To, To-Rgrp, Text, From, From-Rgrp, Response, Action, Issue,
// Session), so sheets and scripts written for it keep working; then uprx's own: the
// recommendation and its State (id, number, paragraph, cycle, sur_iso3, from_iso3, position,
// position_stage, position_document, segment), the classify stage's labels (action_name, issues,
// themes, sdgs, groups, lead_institutions, supporting_institutions), the labels OHCHR's thematic
// list gave as written (given_themes, given_affected_persons, given_sdgs), and where it was read
// (source_document, source_page). Response is UPR Info's word (Accepted, Noted); Action is the
// action category (1-5) and Issue the UPR Info issues joined with ", " as UPR Info writes them.
// Lists in uprx's columns are joined with "; " (sdgs: goal numbers). A label kind the classify
// stage did not compute is an empty cell.
//
// RFC 4180: fields holding a comma, quote, CR or LF are quoted, inner quotes doubled; records end
// with CRLF; UTF-8, with a byte order mark when asked (Excel reads BOM-less CSV as ANSI).
//
// Spreadsheet safety: a spreadsheet reads a cell that begins with '=', '+', '-' or '@' (or a
// tab or CR, which some strip first) as a formula, so a recommendation text written to start
// "=HYPERLINK(...)" would run when the file is opened. Such cells are written with a single
// quote in front ("'=HYPERLINK(...)"), as spreadsheet exports do, and show as text. `raw`
// keeps every cell as it is, for tools that read the CSV as data (`uprx run --csv-raw`).
//
//   WriteCsv(out, reviews, {.bom = true});
#ifndef UPRX_PIPELINE_FORMATS_CSV_WRITER_H_
#define UPRX_PIPELINE_FORMATS_CSV_WRITER_H_

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/core/document.h"

namespace uprx::pipeline {

struct CsvOptions {
  bool bom = false;  // start with EF BB BF so spreadsheets read the file as UTF-8
  bool raw = false;  // keep cells that a spreadsheet would read as formulas as they are
};

// The header row, in column order.
const std::vector<std::string>& CsvColumns();

// Writes the header then every row; the same reviews give the same bytes.
void WriteCsv(std::ostream& out, const std::vector<core::Review>& reviews,
              const CsvOptions& options = {});
// Its two halves, for writing one review at a time: the header (after the BOM when asked),
// then each review's rows.
void WriteCsvHeader(std::ostream& out, const CsvOptions& options = {});
void WriteCsvRows(std::ostream& out, const core::Review& review, const CsvOptions& options = {});

// `value` as one RFC 4180 field: unchanged, or quoted with inner quotes doubled when it holds a
// comma, a quote, CR or LF.
std::string CsvField(std::string_view value);

// `value` with a single quote in front when a spreadsheet would read it as a formula (it begins
// with '=', '+', '-', '@', a tab or CR); unchanged otherwise.
std::string SpreadsheetSafe(std::string_view value);

// UPR Info's Response for a position value: "Accepted" for supported, "Noted" for noted and
// supported_in_part (UPR Info has no partial response), the value itself otherwise (pending,
// unknown), so a position is never hidden.
std::string UprInfoResponse(core::PositionValue value);

}  // namespace uprx::pipeline

#endif  // UPRX_PIPELINE_FORMATS_CSV_WRITER_H_
