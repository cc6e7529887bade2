// The batch loop of `uprx run` and `uprx extract`: read every input, spool each finished
// document, plan the reviews, join, classify, apply the committee's overrides and write through
// the sink. The CLI only parses flags into BatchOptions and maps the result to an exit code.
//
//   BatchOptions o;
//   o.inputs = {"../shared/corpora/slovenia"};
//   o.sink = {.format = "json", .out_dir = "out/slovenia"};
//   auto result = RunBatch(o, std::cerr);   // each unreadable input named on `log`
//   if (!result.ok()) ...                    // the output could not be written
#ifndef UPRX_PIPELINE_RUN_BATCH_H_
#define UPRX_PIPELINE_RUN_BATCH_H_

#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "classifiers/review_classifier.h"
#include "extractors/read_limits.h"
#include "pipeline/core/document.h"
#include "pipeline/core/status.h"
#include "pipeline/run/document_processor.h"
#include "pipeline/run/output_report.h"
#include "pipeline/run/review_sink.h"

namespace uprx::pipeline {

struct BatchOptions {
  std::vector<std::string> inputs;  // files, directories (recursed) or "-"
  SinkOptions sink;
  int jobs = 1;
  bool progress = false;  // a progress line on `log` (a terminal)
  extractors::ReadLimits limits;
  ReviewHint hint;  // --state/--cycle/--session: the review of inputs that do not name it
  // Labels every review when set (uprx run); built by the caller so a bad model stops early.
  const std::optional<classifiers::ReviewClassifier>* classifier = nullptr;
  std::string overrides, summary;  // with a ministries stage: decisions CSV, summary file
};

struct BatchResult {
  std::size_t inputs = 0, reviews = 0, recommendations = 0;
  std::size_t unreadable = 0, not_outcome = 0;  // inputs that gave no review, by cause
  std::vector<core::FileError> errors;          // every input named with its reason
  bool failed = false;                          // an input could not be read (exit 1)
  std::vector<WrittenFile> written;             // every file written, in order (output_report.h)
};

// Runs the whole batch. Every input that fails is named on `log` and in `errors`, and the other
// reviews are still written. Fails only when the output (or the overrides/summary) cannot be
// read or written; then nothing partial is left behind.
[[nodiscard]] core::Result<BatchResult> RunBatch(const BatchOptions& options, std::ostream& log);

}  // namespace uprx::pipeline

#endif  // UPRX_PIPELINE_RUN_BATCH_H_
