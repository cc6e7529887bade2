// Write: reviews -> a recommendations import file for IMPACT OSS, the open-source national
// recommendation tracker (impactoss.org) several governments run, so a committee loads a review
// into its tracker in one step (Recommendations > Import > select file).
//
//   WriteImpactCsv(out, reviews);   // uprx run ... --format impact-csv -o khm-impact.csv
//
// IMPACT's import convention (impactoss-client, app/utils/import.js and the recommendations
// table of impactoss-server): one CSV row per entity; each column title is "<Label>
// [database:<attribute>]" and the importer keeps the attribute between "[database:" and "]".
// A recommendation has a required title (its text) and reference, "accepted" (true / false) and
// the government's "response" comment; "description" (markdown) is optional. Links to taxonomy
// categories (recommending State, cycle, human rights body, issues, agencies) are not importable
// by file: IMPACT assigns them afterwards (batch edit), so this file carries them in the
// description, with the source and the labels, so nothing is lost.
//
// Rows: one per recommendation (IMPACT's unit, not UPR Info's recommendation x State), in review
// then document order. reference = the number ("118.1"); accepted = true for supported, false
// for noted and supported in part (IMPACT has no partial answer), empty while pending or
// unknown; response = the State's explanation when it gave one, and the exact position for
// "supported in part" and pending. RFC 4180 as csv_writer.h (CRLF, quoting), UTF-8.
#ifndef UPRX_PIPELINE_FORMATS_IMPACT_WRITER_H_
#define UPRX_PIPELINE_FORMATS_IMPACT_WRITER_H_

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/core/document.h"
#include "pipeline/formats/csv_writer.h"

namespace uprx::pipeline {

// The header row, in column order ("Reference [database:reference]", ...).
const std::vector<std::string>& ImpactColumns();

// Writes the header then one row per recommendation; the same reviews give the same bytes.
void WriteImpactCsv(std::ostream& out, const std::vector<core::Review>& reviews,
                    const CsvOptions& options = {});
// Its two halves, for writing one review at a time.
void WriteImpactHeader(std::ostream& out, const CsvOptions& options = {});
void WriteImpactRows(std::ostream& out, const core::Review& review);

// IMPACT's "accepted" for a position value: "true", "false", or "" (pending, unknown).
std::string ImpactAccepted(std::string_view position_value);

// The markdown description of one recommendation: recommending States, review, source, uprx id
// and the labels that were computed.
std::string ImpactDescription(const core::Review& review, const core::Recommendation& r);

}  // namespace uprx::pipeline

#endif  // UPRX_PIPELINE_FORMATS_IMPACT_WRITER_H_
