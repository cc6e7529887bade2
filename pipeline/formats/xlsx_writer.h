// Write: reviews -> an Excel workbook (.xlsx, through libxlsxwriter) for the committee that shares
// recommendations out to ministries and plans their implementation.
//
//   core::Result<std::string> bytes = XlsxBytes(reviews);
//   if (bytes.ok()) WriteFileAtomically("KHM-c2.xlsx", bytes.value());
//
// Sheets, in order:
// - "Overview": first, for each review whose positions may not be final (report_data.h
//   PositionBanner), a shaded banner saying so; one line per review (State, cycle, session,
//   year, documents with their kind, recommendations), then five tables, each under a bold title
//   in column A and a header row, ending at a blank row: "Recommendations by position", "Where
//   the positions come from" (stage and document), "Recommendations by theme",
//   "Recommendations by lead institution" (with the sheet each went to) and "Rows by regional
//   group" (recommendation x recommending State, with one column per position).
// The committee's decisions (run --overrides) show in the lead and supporting columns and in a
//   "Committee's decision" column with their note.
// Positions are in words ("supported in part"), each with the stage and document it was read
//   from ("Working Group report A/HRC/26/16") on every sheet.
// - "Recommendations": one row per recommendation (all reviews), header frozen, autofilter on,
//   text wrapped, widths set; labels in their own columns, "not classified" when the classify
//   stage did not compute that kind, and the evidence of every label.
// - One sheet per lead institution (report_data.h ByLeadInstitution order), "No lead
//   institution" for recommendations without one, so every recommendation is on exactly one
//   institution sheet: its recommendations and an empty "Planned action / Indicator / Status"
//   block for the committee to fill in (Status offers a list). Sheet names are the institution
//   names made valid for Excel (at most 31 characters, no []:*?/\, unique).
//
// Not byte-deterministic: the XLSX container records the time it was written.
#ifndef UPRX_PIPELINE_FORMATS_XLSX_WRITER_H_
#define UPRX_PIPELINE_FORMATS_XLSX_WRITER_H_

#include <string>
#include <vector>

#include "pipeline/core/document.h"
#include "pipeline/core/status.h"

namespace uprx::pipeline {

inline constexpr const char* kOverviewSheet = "Overview";
inline constexpr const char* kRecommendationsSheet = "Recommendations";

// Writes the workbook to `path` (replaced if it exists). Error code "xlsx_unwritable" with the
// path and libxlsxwriter's reason.
[[nodiscard]] core::Status WriteXlsxFile(const std::string& path,
                                         const std::vector<core::Review>& reviews);

// The workbook's bytes, written through a temporary file (libxlsxwriter writes files only), so
// callers can stream or write them atomically like any other format.
[[nodiscard]] core::Result<std::string> XlsxBytes(const std::vector<core::Review>& reviews);

// The names the institution sheets get, in order, for `institutions` (ByLeadInstitution names):
// characters Excel forbids become spaces, names are cut to 31 characters, and a name that
// repeats another (ignoring ASCII case) gets " (2)", " (3)" ... within the 31.
std::vector<std::string> InstitutionSheetNames(const std::vector<std::string>& institutions);

}  // namespace uprx::pipeline

#endif  // UPRX_PIPELINE_FORMATS_XLSX_WRITER_H_
