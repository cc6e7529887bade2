// Write a comparison: the `uprx.compare/1` JSON object
// (pipeline/formats/schema/uprx-compare-1.schema.json) for tools, and Markdown or self-contained
// HTML (no network, no external assets; an inline SVG bar chart of the changes per theme, or per
// named term when the reviews are not classified) for people.
//
//   ComparedReviews in{old_review, new_review, "SVN-c3.json", "SVN-c4.json"};
//   std::string json = CompareToJson(in, comparison).dump(2);
//   WriteCompareMarkdown(std::cout, in, comparison);
//
// Every output is byte-identical for the same inputs (no timestamps); the reviews must outlive
// the call. JSON keys are snake_case, absent facts null, arrays in the order of Comparison.
#ifndef UPRX_PIPELINE_COMPARE_COMPARE_WRITER_H_
#define UPRX_PIPELINE_COMPARE_COMPARE_WRITER_H_

#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "pipeline/compare/compare.h"
#include "pipeline/core/document.h"

namespace uprx::pipeline {

struct ComparedReviews {
  const core::Review& old_review;
  const core::Review& new_review;
  std::string old_file, new_file;  // as given on the command line
};

nlohmann::ordered_json CompareToJson(const ComparedReviews& in, const Comparison& c);
void WriteCompareMarkdown(std::ostream& out, const ComparedReviews& in, const Comparison& c);
void WriteCompareHtml(std::ostream& out, const ComparedReviews& in, const Comparison& c);

// "Slovenia (SVN) cycle 3 (2019)": how reports name a review.
std::string ReviewTitle(const core::Review& review);

// Helpers the three writers share.
namespace compare_report {
// The breakdown with this id (one of Comparison::breakdowns), or nullptr.
const Breakdown* FindBreakdown(const Comparison& c, const std::string& id);
// The breakdown a chart of thematic shifts uses: themes when classified, else terms.
const Breakdown& ThematicBreakdown(const Comparison& c);
// "0.73"
std::string Score(double value);
// The recommending States of a recommendation by name, "France, Chile".
std::string States(const core::Recommendation& r);
// "Themes (UHRI)" for "themes": a breakdown's heading.
std::string BreakdownTitle(const std::string& id);
// What to run when a breakdown is not classified (ministries need --profile).
std::string NotClassifiedHint(const std::string& id);
// A count row as people read it: its name, else its key.
std::string RowLabel(const CountRow& row);
// A recommending State's name for its key (ISO3), as the reviews write it.
std::string StateName(const Comparison& c, const std::string& key);
// The words that linked a pair: the terms both name, then the strongest shared words.
std::string LinkingWords(const MatchEvidence& evidence);
// The committee's answer, one sentence group per review: how many old recommendations were
// made again (and what was answered then), how many were not raised again, how many are new.
std::vector<std::string> CommitteeAnswer(const ComparedReviews& in, const Comparison& c);
}  // namespace compare_report

}  // namespace uprx::pipeline

#endif  // UPRX_PIPELINE_COMPARE_COMPARE_WRITER_H_
