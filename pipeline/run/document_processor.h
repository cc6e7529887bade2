// One document through read -> normalise -> identify -> extract. The processor is built once
// (it owns the immutable stages) and Process() may be called from many threads at once.
//
//   DocumentProcessor p;
//   ProcessedDocument d = p.Process("cambodia2014.pdf");
//   if (!d.error) use(d.info, d.recommendations);
#ifndef UPRX_PIPELINE_RUN_DOCUMENT_PROCESSOR_H_
#define UPRX_PIPELINE_RUN_DOCUMENT_PROCESSOR_H_

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/addendum_extractor.h"
#include "extractors/identifier.h"
#include "extractors/normalizer.h"
#include "extractors/read_limits.h"
#include "extractors/thematic_list_extractor.h"
#include "extractors/wg_report_extractor.h"
#include "pipeline/core/document.h"

namespace uprx::pipeline {

// What one input produced. Pages are not kept: only what the review needs, so memory stays
// flat over any number of documents.
struct ProcessedDocument {
  std::string path;
  core::DocumentInfo info;
  std::vector<core::Recommendation> recommendations;  // WG report, thematic list
  std::vector<core::PositionStatement> statements;    // addendum
  std::vector<core::Diagnostic> diagnostics;
  std::optional<core::FileError> error;  // set when the input produced nothing
  bool failed = false;                   // the input could not be read (exit code 1)
  bool operator==(const ProcessedDocument&) const = default;
};

// The review the user names (`--state ISO3 --cycle N [--session N]`) for documents that do not
// say it themselves: bare recommendation lists cut from a report. Empty: nothing named.
struct ReviewHint {
  std::string iso3;
  std::optional<int> cycle, wg_session;
  bool empty() const { return iso3.empty() && !cycle && !wg_session; }
};

// The document boundary: runs `stages`, which set `stage` to what they are doing ("normalising
// its text"), and turns anything they throw into the document's error "internal_error":
// "<path>: failed while <stage>: <what()>", so that one document that trips a bug costs only
// itself and the batch goes on. DocumentProcessor runs every document through it.
ProcessedDocument WithinDocumentBoundary(
    const std::string& path, const std::function<ProcessedDocument(std::string_view&)>& stages);

class DocumentProcessor {
 public:
  // `limits` apply to each document on its own: its clock starts when its reading starts. A
  // document over a limit fails with the limit's error and the batch goes on. `hint` fills the
  // State under review, cycle and session a document leaves unsaid; with it, a document that
  // no title identifies is read as a bare recommendation list. Without it, such a document
  // that still holds numbered recommendations with their States fails with
  // "recommendation_list_needs_review", naming the options to give. Process() is the document
  // boundary: whatever a stage throws becomes the document's error "internal_error" naming the
  // file, the stage and the reason (never an exception out of here).
  explicit DocumentProcessor(extractors::ReadLimits limits = {}, ReviewHint hint = {});
  ProcessedDocument Process(const std::string& path) const;
  // The same, for bytes already in memory (tests, stdin).
  ProcessedDocument ProcessBytes(const std::string& path, const std::string& bytes) const;

 private:
  // `stage` names what runs, for the error of a document that throws (the boundary).
  ProcessedDocument FromSource(core::SourceDocument source, const extractors::ReadLimits& limits,
                               std::string_view& stage) const;
  ProcessedDocument Extract(const core::SourceDocument& source, const core::NormalizedText& text,
                            std::string_view& stage) const;

  // A document that no title identifies: read as a list when the review is named.
  void ExtractBareList(const core::NormalizedText& text, ProcessedDocument& d) const;
  void ApplyHint(core::DocumentInfo& info) const;

  extractors::ReadLimits limits_;
  ReviewHint hint_;
  extractors::Normalizer normalizer_;
  extractors::Identifier identifier_;
  extractors::WgReportExtractor wg_report_;
  extractors::ThematicListExtractor thematic_list_;
  extractors::AddendumExtractor addendum_;
};

}  // namespace uprx::pipeline

#endif  // UPRX_PIPELINE_RUN_DOCUMENT_PROCESSOR_H_
