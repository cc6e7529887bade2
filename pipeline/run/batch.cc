#include "pipeline/run/batch.h"

#include <functional>
#include <utility>

#include "pipeline/run/document_spool.h"
#include "pipeline/run/ministry_overrides.h"
#include "pipeline/run/review_join.h"
#include "pipeline/run/runner.h"

namespace uprx::pipeline {
namespace {

// What the report's edit mode offers for a review: its profile's institutions, or the
// government functions when the profile has none (generic.json), as overrides name them.
std::function<std::vector<InstitutionChoice>(const core::Review&)> InstitutionChoices(
    const classifiers::MinistryStage& stage) {
  return [&stage](const core::Review& review) {
    const auto assigner = stage.AssignerFor(review);
    std::vector<InstitutionChoice> out;
    for (const auto& in : assigner->profile().institutions()) out.push_back({in.id, in.name});
    if (assigner->profile().functions_only()) {
      for (const auto& f : assigner->functions().taxonomy().labels()) out.push_back({f.id, f.name});
    }
    return out;
  };
}

}  // namespace

core::Result<BatchResult> RunBatch(const BatchOptions& options, std::ostream& log) {
  static const std::optional<classifiers::ReviewClassifier> kNoClassifier;
  const std::optional<classifiers::ReviewClassifier>& classifier =
      options.classifier ? *options.classifier : kNoClassifier;
  BatchResult result;
  const std::vector<std::string> paths = ExpandInputs(options.inputs, result.errors);
  result.inputs = paths.size() + result.errors.size();
  result.failed = !result.errors.empty();
  result.unreadable = result.errors.size();
  for (const auto& e : result.errors) log << "uprx: " << e.message << "\n";

  // Each finished document waits in the spool, so memory holds one review at a time (plus
  // whatever the output format needs; review_sink.h), however many documents the batch has.
  const DocumentProcessor processor(options.limits, options.hint);
  DocumentSpool spool(paths.size());
  RunDocuments(processor, paths, {options.jobs, options.progress},
               [&](std::size_t i, ProcessedDocument d) { spool.Put(i, std::move(d)); });
  std::vector<const ProcessedDocument*> headers;
  for (std::size_t i = 0; i < spool.size(); ++i) {
    const ProcessedDocument& d = spool.Header(i);
    headers.push_back(&d);
    if (!d.error) continue;
    result.failed |= d.failed;
    (d.failed ? result.unreadable : result.not_outcome) += 1;
    log << "uprx: " << d.error->message << "\n";
    result.errors.push_back(*d.error);
  }

  SinkOptions sink_options = options.sink;
  if (classifier && classifier->ministries() != nullptr) {
    sink_options.html.institutions = InstitutionChoices(*classifier->ministries());
  }
  ReviewSink sink(std::move(sink_options));
  if (core::Status s = sink.Open(); !s.ok()) return s;
  // The committee steps (overrides, per-institution summary) look across every review.
  const bool hold = !options.overrides.empty() || !options.summary.empty();
  std::vector<core::Review> held;
  for (const std::vector<std::size_t>& members : PlanReviews(headers)) {
    std::vector<ProcessedDocument> docs;
    for (std::size_t i : members) docs.push_back(spool.Take(i));
    std::vector<const ProcessedDocument*> parts;
    for (const ProcessedDocument& d : docs) {
      if (!d.error) {
        parts.push_back(&d);
        continue;
      }
      // Lost from the spool after it was read (someone removed the file): named, not dropped.
      result.failed = true;
      ++result.unreadable;
      log << "uprx: " << d.error->message << "\n";
      result.errors.push_back(*d.error);
    }
    if (parts.empty()) continue;
    core::Review review = JoinReview(parts);
    docs.clear();
    if (classifier) classifier->Classify(review);
    ++result.reviews;
    result.recommendations += review.recommendations.size();
    if (hold) {
      held.push_back(std::move(review));
    } else if (core::Status s = sink.Add(std::move(review)); !s.ok()) {
      return s;
    }
  }
  if (hold) {
    if (core::Status s = ApplyMinistryOptions(options.overrides, options.summary, classifier, held);
        !s.ok()) {
      return s;
    }
    for (core::Review& r : held) {
      if (core::Status s = sink.Add(std::move(r)); !s.ok()) return s;
    }
  }
  if (core::Status s = sink.Finish(result.errors); !s.ok()) return s;
  if (!options.summary.empty())
    result.written.push_back({options.summary, {}, 0, "per institution"});
  result.written.insert(result.written.end(), sink.written().begin(), sink.written().end());
  return result;
}

}  // namespace uprx::pipeline
