#include "pipeline/formats/impact_writer.h"

#include "pipeline/formats/report_data.h"

namespace uprx::pipeline {
namespace {

void WriteRecord(std::ostream& out, const std::vector<std::string>& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out << ',';
    out << CsvField(fields[i]);
  }
  out << "\r\n";
}

std::string Response(const core::Position& p) {
  std::string out;
  if (p.value == "supported_in_part") out = "Supported in part.";
  if (p.value == "pending") out = "Pending: no answer from the State yet.";
  if (p.explanation && !p.explanation->empty()) out += (out.empty() ? "" : " ") + *p.explanation;
  return out;
}

// "- **Themes:** a; b" when `text` is not empty.
void Item(std::string& out, std::string_view name, const std::string& text) {
  if (!text.empty()) out += "- **" + std::string(name) + ":** " + text + "\n";
}

std::string ReviewText(const core::Review& review) {
  std::string out = review.sur_name;
  if (review.cycle) out += ", UPR cycle " + std::to_string(*review.cycle);
  if (review.wg_session) out += ", Working Group session " + std::to_string(*review.wg_session);
  if (review.year) out += " (" + std::to_string(*review.year) + ")";
  return out;
}

}  // namespace

const std::vector<std::string>& ImpactColumns() {
  static const std::vector<std::string>* const kColumns = new std::vector<std::string>{
      "Reference [database:reference]", "Title [database:title]", "Accepted [database:accepted]",
      "Response [database:response]", "Description [database:description]"};
  return *kColumns;
}

std::string ImpactAccepted(std::string_view position_value) {
  if (position_value == "supported") return "true";
  if (position_value == "noted" || position_value == "supported_in_part") return "false";
  return "";
}

std::string ImpactDescription(const core::Review& review, const core::Recommendation& r) {
  std::string states;
  for (const auto& s : r.recommending_states) {
    states += (states.empty() ? "" : "; ") + s.name;
    if (!s.iso3.empty()) states += " (" + s.iso3 + ")";
  }
  std::string out;
  Item(out, "Recommending States", states);
  Item(out, "Review", ReviewText(review));
  const std::string source = PositionSource(r.position);
  Item(out, "Position",
       PositionName(r.position.value) + (source.empty() ? "" : " (" + source + ")"));
  Item(out, "Source", r.source.document + " p. " + std::to_string(r.source.page));
  Item(out, "uprx id", r.id);
  const core::Labels& l = r.labels;
  if (l.action) Item(out, "Action category", ActionCategory(l) + " " + ActionName(l));
  Item(out, "Issues", LabelNames(l.issues));
  Item(out, "Themes", LabelNames(l.themes));
  Item(out, "SDGs", SdgGoals(l.sdgs));
  Item(out, "Affected persons", LabelNames(l.groups));
  Item(out, "Lead institution", LeadInstitution(r));
  Item(out, "Supporting institutions", Joined(Institutions(r, "supporting")));
  if (!out.empty()) out.pop_back();  // no trailing newline in the cell
  return out;
}

void WriteImpactHeader(std::ostream& out, const CsvOptions& options) {
  if (options.bom) out << "\xEF\xBB\xBF";
  WriteRecord(out, ImpactColumns());
}

void WriteImpactRows(std::ostream& out, const core::Review& review) {
  for (const core::Recommendation& r : review.recommendations) {
    WriteRecord(out, {r.number, r.text, ImpactAccepted(r.position.value), Response(r.position),
                      ImpactDescription(review, r)});
  }
}

void WriteImpactCsv(std::ostream& out, const std::vector<core::Review>& reviews,
                    const CsvOptions& options) {
  WriteImpactHeader(out, options);
  for (const core::Review& review : reviews) WriteImpactRows(out, review);
}

}  // namespace uprx::pipeline
