#include "pipeline/run/document_processor.h"

#include <exception>
#include <string_view>

#include "extractors/document_reader.h"
#include "extractors/state_resolver.h"

namespace uprx::pipeline {
namespace {

ProcessedDocument Failed(const std::string& path, const core::Status& status) {
  ProcessedDocument d;
  d.path = path;
  d.error = core::FileError{path, status.code(), status.message()};
  d.failed = true;
  return d;
}

std::string Describe(const core::DocumentInfo& info) {
  std::string what = info.kind_detail.empty() ? std::string("this document") : info.kind_detail;
  if (!info.symbol.empty()) what += " (" + info.symbol + ")";
  return what;
}

core::FileError NotOutcome(const ProcessedDocument& d) {
  return {d.path, "not_outcome_document",
          d.path + ": " + Describe(d.info) +
              " is not a UPR outcome document (WG report, addendum or thematic list); "
              "no recommendations read from it"};
}

}  // namespace

ProcessedDocument WithinDocumentBoundary(
    const std::string& path, const std::function<ProcessedDocument(std::string_view&)>& stages) {
  std::string_view stage = "reading it";
  try {
    return stages(stage);
  } catch (const std::exception& e) {
    return Failed(path, core::Status("internal_error", path + ": failed while " +
                                                           std::string(stage) + ": " + e.what()));
  } catch (...) {
    return Failed(path,
                  core::Status("internal_error", path + ": failed while " + std::string(stage) +
                                                     ": an unknown exception"));
  }
}

DocumentProcessor::DocumentProcessor(extractors::ReadLimits limits)
    : limits_(limits),
      identifier_(extractors::StateResolver::Default()),
      wg_report_(extractors::StateResolver::Default()),
      thematic_list_(extractors::StateResolver::Default()) {}

ProcessedDocument DocumentProcessor::Process(const std::string& path) const {
  return WithinDocumentBoundary(path, [&](std::string_view& stage) {
    const extractors::ReadLimits limits = limits_.Restarted();
    auto source = extractors::ReadDocumentFile(path, limits);
    if (!source.ok()) return Failed(path, source.status());
    return FromSource(std::move(source).value(), limits, stage);
  });
}

ProcessedDocument DocumentProcessor::ProcessBytes(const std::string& path,
                                                  const std::string& bytes) const {
  return WithinDocumentBoundary(path, [&](std::string_view& stage) {
    const extractors::ReadLimits limits = limits_.Restarted();
    auto source = extractors::ReadDocument(path, bytes, limits);
    if (!source.ok()) return Failed(path, source.status());
    return FromSource(std::move(source).value(), limits, stage);
  });
}

// The stages after reading cannot stop half-way; the clock is checked between them, so a
// document over its time is reported as such instead of finishing unnoticed.
ProcessedDocument DocumentProcessor::FromSource(core::SourceDocument source,
                                                const extractors::ReadLimits& limits,
                                                std::string_view& stage) const {
  stage = "normalising its text";
  const core::NormalizedText text = normalizer_.Normalize(source);
  if (core::Status s = limits.CheckTime(source.path, "normalising its text"); !s.ok()) {
    return Failed(source.path, s);
  }
  ProcessedDocument d = Extract(source, text, stage);
  if (core::Status s = limits.CheckTime(source.path, "extracting recommendations"); !s.ok()) {
    return Failed(source.path, s);
  }
  return d;
}

ProcessedDocument DocumentProcessor::Extract(const core::SourceDocument& source,
                                             const core::NormalizedText& text,
                                             std::string_view& stage) const {
  ProcessedDocument d;
  d.path = source.path;
  stage = "identifying it";
  d.info = identifier_.Identify(source, text);
  // OHCHR matrices are Word tables whose title the cover-page rules may miss; the thematic-list
  // extractor recognises their shape and fills State, cycle and the report's symbol.
  if (source.format == core::Format::kDocx || d.info.kind == core::DocumentKind::kThematicList) {
    thematic_list_.Identify(text, d.info);
  }
  stage = "extracting recommendations";
  switch (d.info.kind) {
    case core::DocumentKind::kWgReport: {
      auto r = wg_report_.Extract(text, d.info);
      d.recommendations = std::move(r.recommendations);
      d.diagnostics = std::move(r.diagnostics);
      if (d.info.sur_iso3.empty()) {
        d.diagnostics.push_back({"warning", "state_under_review_unknown", d.info.symbol, 1,
                                 "State under review not found on the first page"});
      }
      break;
    }
    case core::DocumentKind::kThematicList: {
      auto r = thematic_list_.Extract(text, d.info);
      if (!r.refused.empty()) {
        return Failed(d.path, core::Status("thematic_list_invalid", d.path + ": " + r.refused));
      }
      if (r.recommendations.empty()) {
        // Names the thematic list but holds no table of it (infographic-slovenia.pdf).
        d.info.kind = core::DocumentKind::kOther;
        d.info.kind_detail = "a document about a thematic list, without its table,";
        d.error = NotOutcome(d);
        break;
      }
      d.recommendations = std::move(r.recommendations);
      d.diagnostics = std::move(r.diagnostics);
      break;
    }
    case core::DocumentKind::kAddendum: {
      auto r = addendum_.Extract(text, d.info);
      d.statements = std::move(r.statements);
      d.info.declared = r.declared;
      d.diagnostics = std::move(r.diagnostics);
      break;
    }
    case core::DocumentKind::kOther:
    case core::DocumentKind::kUnknown:
      d.error = NotOutcome(d);
      break;
  }
  return d;
}

}  // namespace uprx::pipeline
