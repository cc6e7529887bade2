#include "pipeline/formats/impact_writer.h"

#include <map>

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
  if (p.value == core::PositionValue::kSupportedInPart) out = "Supported in part.";
  if (p.value == core::PositionValue::kPending) out = "Pending: no answer from the State yet.";
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

// Adds `title` to the comma-separated `list` once; "" is not a link.
void AddLink(std::string& list, const std::string& title) {
  if (title.empty() || ("," + list + ",").find("," + title + ",") != std::string::npos) return;
  list += (list.empty() ? "" : ",") + title;
}

void AddLabels(std::string& list, const ImpactCategories& categories, std::string_view kind,
               const std::optional<std::vector<core::AssignedLabel>>& labels) {
  if (!labels) return;
  for (const core::AssignedLabel& l : *labels) AddLink(list, categories.Find(kind, l.id));
}

std::string ReviewKey(const core::Review& review) {
  return (review.sur_iso3.empty() ? std::string("UNK") : review.sur_iso3) + "-c" +
         std::to_string(review.cycle.value_or(0));
}

}  // namespace

std::vector<std::string> ImpactColumns(const ImpactOptions& options) {
  // Clients before July 2025 cannot link categories and send every column to the server as
  // an attribute: legacy files hold the attributes only.
  if (options.legacy) {
    return {"Reference [database:reference]",    "Title [database:title]",
            "Framework [database:framework_id]", "Accepted [database:accepted]",
            "Response [database:response]",      "Description [database:description]"};
  }
  return {
      "Reference [database:reference]",
      "Title [database:title]",
      "Framework [database:framework_id]",
      options.legacy ? "Accepted [database:accepted]" : "Support level [database:support_level]",
      "Response [database:response]",
      "Description [database:description]",
      "Recommending State [rel:category-short-title]",
      "Human rights body [rel:category-short-title]",
      "Cycle [rel:category-short-title]",
      "Human rights issues [rel:category-short-title]",
      "Affected persons [rel:category-short-title]",
      "SDGs [rel:category-short-title]"};
}

std::string ImpactSupportLevel(core::PositionValue value) {
  switch (value) {
    case core::PositionValue::kSupported:
      return "2";
    case core::PositionValue::kSupportedInPart:
      return "1";
    case core::PositionValue::kNoted:
      return "0";
    case core::PositionValue::kPending:
    case core::PositionValue::kUnknown:
      break;
  }
  return "";
}

std::string ImpactAccepted(core::PositionValue value) {
  if (!core::IsFinalPosition(value)) return "";
  return value == core::PositionValue::kSupported ? "true" : "false";
}

ImpactLinks ImpactLinksOf(const core::Review& review, const core::Recommendation& r,
                          const ImpactCategories& categories) {
  ImpactLinks links;
  for (const core::StateRef& s : r.recommending_states) {
    if (s.iso3.empty()) continue;  // unresolved: named in the description only
    const std::string title = categories.State(s.iso3);
    if (links.state.empty()) {
      links.state = title;
    } else if (title != links.state) {
      links.states_not_linked.push_back(s.iso3);
    }
  }
  links.body = categories.Find("body", "upr");
  links.cycle = categories.Find("cycle", ReviewKey(review));
  AddLabels(links.issues, categories, "theme", r.labels.themes);
  AddLabels(links.persons, categories, "persons", r.labels.groups);
  AddLabels(links.sdgs, categories, "sdg", r.labels.sdgs);
  return links;
}

std::string ImpactDescription(const core::Review& review, const core::Recommendation& r,
                              const ImpactLinks* links) {
  std::string states;
  for (const auto& s : r.recommending_states) {
    states += (states.empty() ? "" : "; ") + s.name;
    if (!s.iso3.empty()) states += " (" + s.iso3 + ")";
  }
  std::string out;
  Item(out, "Recommending States", states);
  if (links && !links->states_not_linked.empty()) {
    Item(out, "Linked recommending State",
         links->state + " only: IMPACT's Recommending state taxonomy takes one category per " +
             "recommendation; not linked: " + Joined(links->states_not_linked));
  }
  Item(out, "Review", ReviewText(review));
  const std::string source = PositionSource(r.position);
  Item(out, "Position",
       core::PositionLabel(r.position.value) + (source.empty() ? "" : " (" + source + ")"));
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

void WriteImpactHeader(std::ostream& out, const ImpactOptions& options) {
  if (options.bom) out << "\xEF\xBB\xBF";
  WriteRecord(out, ImpactColumns(options));
}

void WriteImpactRows(std::ostream& out, const core::Review& review, const ImpactOptions& options) {
  const std::string framework = std::to_string(options.framework);
  std::map<std::string, int> seen;  // uprx id -> rows written with it
  for (const core::Recommendation& r : review.recommendations) {
    // IMPACT refuses a second row with a reference it has; a number the extraction read twice
    // (a diagnostic in the JSON) still gets its own row.
    const int n = ++seen[r.id];
    const std::string reference = n == 1 ? r.id : r.id + " (" + std::to_string(n) + ")";
    const std::string answer =
        options.legacy ? ImpactAccepted(r.position.value) : ImpactSupportLevel(r.position.value);
    ImpactLinks links;
    if (options.categories && !options.legacy)
      links = ImpactLinksOf(review, r, *options.categories);
    std::vector<std::string> fields = {reference,
                                       r.text,
                                       framework,
                                       answer,
                                       Response(r.position),
                                       ImpactDescription(review, r, &links)};
    if (!options.legacy) {
      fields.insert(fields.end(), {links.state, links.body, links.cycle, links.issues,
                                   links.persons, links.sdgs});
    }
    WriteRecord(out, fields);
  }
}

void WriteImpactCsv(std::ostream& out, const std::vector<core::Review>& reviews,
                    const ImpactOptions& options) {
  WriteImpactHeader(out, options);
  for (const core::Review& review : reviews) WriteImpactRows(out, review, options);
}

}  // namespace uprx::pipeline
