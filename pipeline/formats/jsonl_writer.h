// Write: reviews -> JSON Lines, one recommendation per line, for streaming into other tools.
// Each line is one object: the review's keys (state_under_review, cycle, wg_session, year) then
// the recommendation's fields exactly as the uprx/1 JSON writes them (json_writer.h), so a line
// validates against pipeline/formats/schema/uprx-1.schema.json's recommendation plus those four
// keys.
//
//   WriteJsonl(std::cout, reviews);   // '\n' after every line, none when there is nothing
//
// Inputs that produced nothing are not lines: the caller reports them (stderr, errors.json).
#ifndef UPRX_PIPELINE_FORMATS_JSONL_WRITER_H_
#define UPRX_PIPELINE_FORMATS_JSONL_WRITER_H_

#include <ostream>
#include <vector>

#include "pipeline/core/document.h"

namespace uprx::pipeline {

// Writes every recommendation of every review, in review then document order, one compact JSON
// object per line. The same reviews give the same bytes.
void WriteJsonl(std::ostream& out, const std::vector<core::Review>& reviews);
// One review's lines.
void WriteJsonl(std::ostream& out, const core::Review& review);

}  // namespace uprx::pipeline

#endif  // UPRX_PIPELINE_FORMATS_JSONL_WRITER_H_
