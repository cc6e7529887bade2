// What a run wrote, in words for the person who ran it: every run of `uprx run` and `uprx
// extract` ends with the files it wrote, each with the reviews it holds, their recommendations
// and their positions with the stage they come from (a committee must see at once that
// positions are the Working Group's when the addendum was not given).
//
//   ReviewSink sink(...);  ...  sink.Finish(errors);
//   ReportWritten(sink.written(), std::cerr);
//   // uprx: wrote out/KHM-c2.json: Cambodia, cycle 2 (2014): 205 recommendations (171
//   //       supported, 34 pending); positions from the Working Group report A/HRC/26/16; ...
#ifndef UPRX_PIPELINE_RUN_OUTPUT_REPORT_H_
#define UPRX_PIPELINE_RUN_OUTPUT_REPORT_H_

#include <cstddef>
#include <ostream>
#include <string>
#include <vector>

#include "pipeline/core/document.h"

namespace uprx::pipeline {

// One file a run wrote ("-" for standard output) and what it holds.
struct WrittenFile {
  std::string path;
  std::vector<std::string> reviews;  // DescribeReview() of each review in it
  std::size_t recommendations = 0;
  std::string note;  // for files that hold no review ("inputs that produced nothing")
};

// "Cambodia, cycle 2 (2014): 205 recommendations (171 supported, 34 pending); positions from
// the Working Group report A/HRC/26/16; no addendum given: add it for the State's final answer
// to the 34 pending".
std::string DescribeReview(const core::Review& review);

// Most files listed one line each (with their reviews); this many or more are summed up as a
// count and the directories they are in.
inline constexpr std::size_t kListedFiles = 10;

// Writes "uprx: wrote ..." lines for `files` to `out`; nothing when `files` is empty.
void ReportWritten(const std::vector<WrittenFile>& files, std::ostream& out);

}  // namespace uprx::pipeline

#endif  // UPRX_PIPELINE_RUN_OUTPUT_REPORT_H_
