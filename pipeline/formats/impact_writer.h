// Write: reviews -> a recommendations import file for IMPACT OSS, the open-source national
// recommendation tracker (impactoss.org) several governments run, so a committee loads its
// reviews into its tracker in one step (Recommendations > Import > select file; docs/impact.md).
//
//   auto categories = ImpactCategories::LoadDefault();
//   WriteImpactCsv(out, reviews, {.categories = &categories.value()});
//
// What IMPACT's client reads (impactoss-client, app/containers/RecommendationImport and
// app/themes/config.js ENTITY_FIELDS.recommendations, read in 2026): a UTF-8 CSV with a header
// row and ',' as delimiter, parsed by papaparse with header and skipEmptyLines; one malformed
// row rejects the file. A column "<Label> [database:<attribute>]" fills that attribute, and only
// framework_id, reference, title, description, response and support_level are kept; a column
// "<Label> [rel:category-short-title]" links the recommendation to existing categories whose
// short title is one of the cell's comma-separated values. Categories are never created.
//
// Rows: one per recommendation (IMPACT's unit, not UPR Info's recommendation x State), in review
// then document order.
//   reference      the uprx id ("KHM-c2-118.1"): IMPACT requires it unique in the instance,
//                  and a bare "118.1" would clash with the next cycle's 118.1; an id the
//                  extraction gave twice in a review gets " (2)" on its second row
//   framework_id   options.framework (1 = "Human Rights Obligations" in IMPACT's seeds)
//   support_level  2 supported, 1 supported in part, 0 noted, empty while pending or unknown;
//                  with options.legacy instead "accepted" (true / false / empty) for instances
//                  older than August 2024 (no partial answer: supported in part is false),
//                  and no link columns (those clients send every column as an attribute)
//   response       the State's explanation, and the exact position for in-part and pending
//   description    markdown: recommending States, review, source, uprx id, labels
//   links          recommending State, body (UPR), cycle, issues (themes), affected persons and
//                  SDGs through ImpactCategories; "Recommending state" takes one category per
//                  recommendation, so a joint recommendation links the first State named and the
//                  description says which State was kept and which were not linked.
// RFC 4180 as csv_writer.h (CRLF, quoting), UTF-8.
#ifndef UPRX_PIPELINE_FORMATS_IMPACT_WRITER_H_
#define UPRX_PIPELINE_FORMATS_IMPACT_WRITER_H_

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/core/document.h"
#include "pipeline/formats/csv_writer.h"
#include "pipeline/formats/impact_categories.h"

namespace uprx::pipeline {

struct ImpactOptions {
  bool bom = false;
  bool legacy = false;  // "accepted" instead of "support_level"
  int framework = 1;
  // The links; nullptr writes the link columns empty.
  const ImpactCategories* categories = nullptr;
};

// The header row, in column order ("Reference [database:reference]", ...).
std::vector<std::string> ImpactColumns(const ImpactOptions& options = {});

// Writes the header then one row per recommendation; the same reviews give the same bytes.
void WriteImpactCsv(std::ostream& out, const std::vector<core::Review>& reviews,
                    const ImpactOptions& options = {});
// Its two halves, for writing one review at a time.
void WriteImpactHeader(std::ostream& out, const ImpactOptions& options = {});
void WriteImpactRows(std::ostream& out, const core::Review& review,
                     const ImpactOptions& options = {});

// IMPACT's support_level for a position value: "2", "1", "0", or "" (pending, unknown).
std::string ImpactSupportLevel(core::PositionValue value);
// The legacy "accepted": "true", "false", or "" (pending, unknown).
std::string ImpactAccepted(core::PositionValue value);

// The category links of one recommendation, each a comma-separated list of short titles.
struct ImpactLinks {
  std::string state, body, cycle, issues, persons, sdgs;
  std::vector<std::string> states_not_linked;  // a joint recommendation's other States
};
ImpactLinks ImpactLinksOf(const core::Review& review, const core::Recommendation& r,
                          const ImpactCategories& categories);

// The markdown description of one recommendation: recommending States, review, source, uprx id
// and the labels that were computed; with `links`, which State was linked when there were several.
std::string ImpactDescription(const core::Review& review, const core::Recommendation& r,
                              const ImpactLinks* links = nullptr);

}  // namespace uprx::pipeline

#endif  // UPRX_PIPELINE_FORMATS_IMPACT_WRITER_H_
