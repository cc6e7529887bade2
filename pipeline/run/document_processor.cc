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

// Recommendations with at least one resolved recommending State.
int WithResolvedState(const std::vector<core::Recommendation>& recs) {
  int n = 0;
  for (const core::Recommendation& r : recs) {
    for (const core::StateRef& s : r.recommending_states) {
      if (!s.iso3.empty()) {
        ++n;
        break;
      }
    }
  }
  return n;
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

DocumentProcessor::DocumentProcessor(extractors::ReadLimits limits, ReviewHint hint)
    : limits_(limits),
      hint_(std::move(hint)),
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
  ApplyHint(d.info);
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
      // kind_detail empty: no title said what the document is (identifier.h).
      if (d.info.kind_detail.empty()) {
        ExtractBareList(text, d);
      } else {
        d.error = NotOutcome(d);
      }
      break;
  }
  return d;
}

void DocumentProcessor::ApplyHint(core::DocumentInfo& info) const {
  if (info.sur_iso3.empty() && !hint_.iso3.empty()) {
    const auto state = extractors::StateResolver::Default().ByIso3(hint_.iso3);
    info.sur_iso3 = hint_.iso3;
    info.sur_name = state ? state->name : hint_.iso3;
  }
  if (!info.wg_session && hint_.wg_session) info.wg_session = hint_.wg_session;
  if (!info.cycle && hint_.cycle) info.cycle = hint_.cycle;
  if (!info.cycle && info.wg_session)
    info.cycle = extractors::Identifier::CycleOfSession(*info.wg_session);
}

void DocumentProcessor::ExtractBareList(const core::NormalizedText& text,
                                        ProcessedDocument& d) const {
  const core::DocumentInfo& info = d.info;
  auto r = wg_report_.ExtractList(text, info);
  const int attributed = WithResolvedState(r.recommendations);
  // Most items of a list end with their States; a few attributed lines in some other document
  // do not make it a list.
  const bool is_list =
      attributed >= 3 && 2 * attributed >= static_cast<int>(r.recommendations.size());
  if (!is_list) {
    d.error = NotOutcome(d);
    return;
  }
  if (hint_.iso3.empty() || !info.cycle) {
    d.error = core::FileError{
        d.path, "recommendation_list_needs_review",
        d.path + ": no title says which review this is, but it holds " +
            std::to_string(r.recommendations.size()) +
            " numbered recommendations with their States; name the review: uprx run \"" + d.path +
            "\" --state ISO3 --cycle N [--session N]"};
    d.failed = true;
    return;
  }
  d.info.kind = core::DocumentKind::kWgReport;
  d.recommendations = std::move(r.recommendations);
  d.diagnostics = std::move(r.diagnostics);
  d.diagnostics.push_back({"info", "bare_recommendation_list", d.info.symbol, 0,
                           "read as a bare recommendation list of " + info.sur_iso3 + " cycle " +
                               std::to_string(*info.cycle) +
                               " (the review named by --state and --cycle)"});
}

}  // namespace uprx::pipeline
