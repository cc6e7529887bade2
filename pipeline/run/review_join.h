// Join: the documents of one review (same State under review and cycle) become one Review.
// Reviews come out sorted by ISO3 and cycle, documents by symbol then file, recommendations in
// document order, so the output does not depend on the order the inputs were given in.
// Documents whose State or cycle is unknown form their own review rather than being dropped.
#ifndef UPRX_PIPELINE_RUN_REVIEW_JOIN_H_
#define UPRX_PIPELINE_RUN_REVIEW_JOIN_H_

#include <cstddef>
#include <vector>

#include "pipeline/core/document.h"
#include "pipeline/run/document_processor.h"

namespace uprx::pipeline {

std::vector<core::Review> JoinReviews(std::vector<ProcessedDocument> documents);

// The two halves of JoinReviews, for a batch that keeps its documents on disk until their
// review is joined (DocumentSpool). PlanReviews needs only each document's path, info and
// error: it returns the reviews in output order, each as the indices (into `documents`) of its
// documents in join order; documents with an error belong to none.
std::vector<std::vector<std::size_t>> PlanReviews(
    const std::vector<const ProcessedDocument*>& documents);
// One review from its documents, in the order PlanReviews gave.
core::Review JoinReview(const std::vector<const ProcessedDocument*>& documents);

}  // namespace uprx::pipeline

#endif  // UPRX_PIPELINE_RUN_REVIEW_JOIN_H_
