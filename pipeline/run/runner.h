// Runs many documents through a DocumentProcessor on several threads, with progress on a
// terminal. Results come back in input order whatever the thread timing.
//
//   auto inputs = ExpandInputs({"../shared/corpora/wg-reports"}, errors);
//   auto docs = RunDocuments(processor, inputs, {.jobs = 2, .progress = true});
#ifndef UPRX_PIPELINE_RUN_RUNNER_H_
#define UPRX_PIPELINE_RUN_RUNNER_H_

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/core/document.h"
#include "pipeline/run/document_processor.h"

namespace uprx::pipeline {

struct RunOptions {
  int jobs = 1;
  bool progress = false;  // a one-line counter on stderr
};

// Files named, and every regular file below directories named (sorted, hidden files skipped;
// with `extension`, e.g. ".json", only files so named); "-" is kept as stdin. Paths that do not
// exist or cannot be listed go to `errors`. The one input expander of every command.
std::vector<std::string> ExpandInputs(const std::vector<std::string>& inputs,
                                      std::vector<core::FileError>& errors,
                                      std::string_view extension = "");

std::vector<ProcessedDocument> RunDocuments(const DocumentProcessor& processor,
                                            const std::vector<std::string>& paths,
                                            const RunOptions& options);

// The same, handing each document to `done(index in paths, document)` as soon as it is
// finished, from the thread that read it (calls for different indices may run at once), so
// that the caller decides what stays in memory.
void RunDocuments(const DocumentProcessor& processor, const std::vector<std::string>& paths,
                  const RunOptions& options,
                  const std::function<void(std::size_t, ProcessedDocument)>& done);

}  // namespace uprx::pipeline

#endif  // UPRX_PIPELINE_RUN_RUNNER_H_
