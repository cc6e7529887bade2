// A small review written here for the tests of the human-facing writers (CSV, XLSX, HTML, IMPACT):
// one recommendation with every kind of label, one classified with no theme and no institution
// (and a text that needs quoting and escaping), one not classified at all and without a State.
#ifndef UPRX_TESTS_PIPELINE_FORMATS_OUTPUT_FIXTURES_H_
#define UPRX_TESTS_PIPELINE_FORMATS_OUTPUT_FIXTURES_H_

#include <string>
#include <utility>
#include <vector>

#include "pipeline/core/document.h"

namespace uprx::testing {

inline core::AssignedLabel Label(std::string taxonomy, std::string id, std::string name,
                                 std::vector<std::string> evidence, std::string role = "") {
  return {std::move(taxonomy), std::move(id),  std::move(name), 0.9, "rules",
          std::move(evidence), std::move(role)};
}

inline core::Recommendation FixtureRec(const std::string& number, const std::string& text,
                                       std::vector<core::StateRef> states,
                                       core::PositionValue position) {
  core::Recommendation r;
  r.id = "KHM-c2-" + number;
  r.number = number;
  r.paragraph = std::stoi(number);
  r.printed_number = number;
  r.text = text;
  r.recommending_states = std::move(states);
  r.position.value = position;
  r.position.as_written =
      position == core::PositionValue::kPending ? "will be examined" : "enjoy the support";
  r.position.stage = "working_group";
  r.position.document = "A/HRC/26/16";
  r.source = {"A/HRC/26/16", 20, 100, 200};
  return r;
}

// 118.1: fully labelled, France, supported. 118.2: Chile and Ghana, noted, themes and ministries
// classified but empty, the rest not classified. 119.1: no State, pending, not classified.
inline core::Review LabelledReview() {
  core::Recommendation full =
      FixtureRec("118.1", "Ratify the Optional Protocol to the Convention against Torture",
                 {{"France", "FRA", "WEOG", "France", ""}}, core::PositionValue::kSupported);
  core::Labels& l = full.labels;
  l.themes = {{Label("uhri", "D25", "Prohibition of torture", {"torture"})}};
  l.issues = {{Label("uprinfo", "torture", "Torture and other CID", {"Torture"})}};
  l.action = Label("action", "5", "Specific action", {"Ratify"});
  l.sdgs = {{Label("sdg", "16", "Peace, justice and strong institutions", {"torture"})}};
  l.groups = {{Label("groups", "liberty", "Persons deprived of their liberty", {"detention"})}};
  l.ministries = {{Label("ministries", "MOJ", "Ministry of Justice", {"ratify"}, "lead"),
                   Label("ministries", "MOI", "Ministry of Interior", {"torture"}, "supporting")}};
  core::Recommendation partial = FixtureRec(
      "118.2", "Say \"no\" to <violence>, & protect \"defenders\"",
      {{"Chile", "CHL", "GRULAC", "Chile", ""}, {"Ghana", "GHA", "African", "Ghana", ""}},
      core::PositionValue::kNoted);
  partial.labels.themes = std::vector<core::AssignedLabel>{};
  partial.labels.ministries = std::vector<core::AssignedLabel>{};
  partial.position.explanation = "The Constitution already provides for it.";
  core::Recommendation bare =
      FixtureRec("119.1", "Consider a moratorium", {}, core::PositionValue::kPending);
  core::Review review;
  review.sur_name = "Cambodia";
  review.sur_iso3 = "KHM";
  review.cycle = 2;
  review.wg_session = 18;
  review.year = 2014;
  core::DocumentInfo doc;
  doc.file = "cambodia2014.pdf";
  doc.symbol = "A/HRC/26/16";
  doc.kind = core::DocumentKind::kWgReport;
  review.documents = {doc};
  review.recommendations = {full, partial, bare};
  return review;
}

}  // namespace uprx::testing

#endif  // UPRX_TESTS_PIPELINE_FORMATS_OUTPUT_FIXTURES_H_
