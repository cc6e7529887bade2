#include "pipeline/formats/html_report_writer.h"

#include <algorithm>
#include <string>
#include <string_view>

#include "pipeline/core/embedded_data.h"
#include "pipeline/formats/json_writer.h"
#include "pipeline/formats/report_data.h"
#include "pipeline/formats/svg_chart.h"

namespace uprx::pipeline {
namespace {

constexpr std::size_t kMaxThemeBars = 25;  // a longer theme chart stops being readable

std::string Esc(std::string_view text) { return XmlEscape(text); }

std::string Asset(std::string_view name) { return EmbeddedData(name).value_or(""); }

std::string ReviewName(const core::Review& r) {
  std::string out = r.sur_name.empty() ? "Unknown State" : r.sur_name;
  if (r.cycle) out += ", UPR cycle " + std::to_string(*r.cycle);
  if (r.year) out += " (" + std::to_string(*r.year) + ")";
  return out;
}

std::string PageTitle(const std::vector<core::Review>& reviews) {
  if (reviews.size() == 1) return "UPR recommendations: " + ReviewName(reviews[0]);
  return "UPR recommendations: " + std::to_string(reviews.size()) + " reviews";
}

// A value as the filters compare it: '|' separates values, so it cannot be part of one.
std::string FilterKey(std::string value) {
  std::replace(value.begin(), value.end(), '|', '/');
  return value;
}

// "|a|b|" for the filter attributes of a row.
std::string FilterValue(const std::vector<std::string>& values) {
  std::string out = "|";
  for (const std::string& v : values) out += FilterKey(v) + "|";
  return out;
}

void WriteHead(std::ostream& out, const std::string& title) {
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
         "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<meta name=\"generator\" content=\"uprx " << kVersion << "\">\n"
      << "<title>" << Esc(title) << "</title>\n"
      << "<script>\n"
      << Asset("html_report_errors.js") << "</script>\n"
      << "<style>\n"
      << Asset("html_report.css") << "</style>\n</head>\n<body>\n";
}

void WriteCountsTable(std::ostream& out, const char* what, const Tally& tally) {
  out << "<table class=\"counts\"><thead><tr><th>" << what
      << "</th><th>Recommendations</th></tr></thead><tbody>\n";
  for (const auto& [name, count] : tally) {
    out << "<tr><td>" << Esc(name) << "</td><td class=\"n\">" << count << "</td></tr>\n";
  }
  out << "</tbody></table>\n";
}

void WriteSummary(std::ostream& out, const std::vector<core::Review>& reviews) {
  out << "<header><h1>" << Esc(PageTitle(reviews)) << "</h1>\n";
  for (const auto& r : reviews) {
    out << "<p class=\"lead\">" << Esc(ReviewName(r));
    if (r.wg_session) out << ", Working Group session " << *r.wg_session;
    out << ": " << r.recommendations.size() << " recommendations. Documents:";
    for (const auto& d : r.documents) {
      out << " " << Esc(d.symbol.empty() ? d.file : d.symbol) << " ("
          << core::DocumentKindName(d.kind) << ")";
    }
    out << ".</p>\n";
  }
  out << "</header>\n<section id=\"summary\"><h2>Summary</h2>\n";
  WriteCountsTable(out, "Position", CountByPosition(reviews));
  out << "</section>\n";
}

void WriteCharts(std::ostream& out, const std::vector<core::Review>& reviews) {
  Tally themes = CountByTheme(reviews);
  if (themes.size() > kMaxThemeBars) themes.resize(kMaxThemeBars);
  std::vector<std::string> series;
  std::vector<std::pair<std::string, std::vector<int>>> by_group;
  for (const auto& [value, count] : CountByPosition(reviews)) {
    if (count > 0) series.push_back(value);
  }
  const auto& values = PositionValues();
  for (const auto& [group, counts] : PositionsByRegionalGroup(reviews)) {
    std::vector<int> kept;
    for (std::size_t k = 0; k < values.size(); ++k) {
      if (std::find(series.begin(), series.end(), values[k]) != series.end())
        kept.push_back(counts[k]);
    }
    by_group.emplace_back(group, std::move(kept));
  }
  out << "<section id=\"charts\"><h2>Charts</h2><div class=\"charts\">\n<figure>"
      << HorizontalBarChart("Recommendations by theme", themes) << "</figure>\n<figure>"
      << StackedBarChart("Positions by regional group (recommendation x State)", series, by_group)
      << "</figure>\n<figure>"
      << HorizontalBarChart("Workload per lead institution", CountByLeadInstitution(reviews))
      << "</figure>\n</div></section>\n";
}

void WriteSelect(std::ostream& out, const char* filter, const char* all, const Tally& options) {
  out << "<select data-filter=\"" << filter << "\" aria-label=\"" << all << "\"><option value=\"\">"
      << all << "</option>";
  for (const auto& [name, count] : options) {
    out << "<option value=\"" << Esc(FilterKey(name)) << "\">" << Esc(name) << " (" << count
        << ")</option>";
  }
  out << "</select>\n";
}

void WriteFilters(std::ostream& out, const std::vector<core::Review>& reviews) {
  Tally positions;
  for (const auto& p : CountByPosition(reviews)) {
    if (p.second > 0) positions.push_back(p);
  }
  out << "<div class=\"filters\"><input type=\"search\" id=\"search\" placeholder=\"Search text, "
         "State, label...\" aria-label=\"Search\">\n";
  WriteSelect(out, "position", "All positions", positions);
  WriteSelect(out, "themes", "All themes", CountByTheme(reviews));
  WriteSelect(out, "institution", "All lead institutions", CountByLeadInstitution(reviews));
  WriteSelect(out, "groups", "All regional groups", CountByRegionalGroup(reviews));
  out << "<button type=\"button\" id=\"reset\">Reset</button><span id=\"shown\"></span></div>\n";
}

void Definition(std::string& out, const char* term, const std::string& text) {
  if (!text.empty()) out += "<dt>" + std::string(term) + "</dt><dd>" + Esc(text) + "</dd>";
}

std::string LabelsCell(const core::Recommendation& r) {
  const core::Labels& l = r.labels;
  std::string dl;
  if (l.action) Definition(dl, "Action", ActionCategory(l) + " " + ActionName(l));
  Definition(dl, "Issues", LabelNames(l.issues));
  Definition(dl, "Themes", LabelNames(l.themes));
  Definition(dl, "SDGs", SdgGoals(l.sdgs));
  Definition(dl, "Groups", LabelNames(l.groups));
  Definition(dl, "Lead", LeadInstitution(r));
  Definition(dl, "Supporting", Joined(Institutions(r, "supporting")));
  Definition(dl, "OHCHR themes", Joined(r.given_labels.themes));
  std::string out = l.empty() ? "<span class=\"unclassified\">not classified</span>" : "";
  if (!dl.empty()) out += "<dl class=\"labels\">" + dl + "</dl>";
  const std::string evidence = EvidenceText(l);
  if (!evidence.empty()) {
    out += "<details><summary>evidence</summary><div style=\"white-space:pre-line\">" +
           Esc(evidence) + "</div></details>";
  }
  return out;
}

std::string RowAttributes(const core::Recommendation& r) {
  std::vector<std::string> themes, groups;
  if (!r.labels.themes) themes.push_back(kNotClassified);
  if (r.labels.themes && r.labels.themes->empty()) themes.push_back(kNoTheme);
  if (r.labels.themes) {
    for (const auto& t : *r.labels.themes) themes.push_back(t.name);
  }
  for (const auto& s : r.recommending_states) {
    groups.push_back(s.regional_group.empty() ? "unknown" : s.regional_group);
  }
  const std::string lead = LeadInstitution(r);
  return " data-position=\"" + Esc(FilterValue({r.position.value})) + "\" data-themes=\"" +
         Esc(FilterValue(themes)) + "\" data-institution=\"" +
         Esc(FilterValue({lead.empty() ? kNoLeadInstitution : lead})) + "\" data-groups=\"" +
         Esc(FilterValue(groups)) + "\"";
}

void WriteRow(std::ostream& out, const core::Recommendation& r, bool several_reviews) {
  const core::Position& p = r.position;
  std::string states;
  for (const auto& s : r.recommending_states) {
    states += (states.empty() ? "" : "<br>") + Esc(s.name) +
              (s.regional_group.empty() ? "" : " <small>(" + Esc(s.regional_group) + ")</small>");
  }
  out << "<tr id=\"" << Esc(r.id) << "\"" << RowAttributes(r) << "><td class=\"num\">"
      << Esc(several_reviews ? r.id : r.number) << "</td><td class=\"text\">" << Esc(r.text)
      << "</td><td>" << states << "</td><td><span class=\"pos pos-" << Esc(p.value) << "\" title=\""
      << Esc(p.as_written + (p.document.empty() ? "" : " (" + p.document + ")")) << "\">"
      << Esc(p.value) << "</span></td><td>" << LabelsCell(r) << "</td><td class=\"num\">"
      << Esc(r.source.document) << " p. " << r.source.page << "</td></tr>\n";
}

void WriteTable(std::ostream& out, const std::vector<core::Review>& reviews) {
  out << "<section id=\"recommendations\"><h2>Recommendations</h2>\n";
  WriteFilters(out, reviews);
  out << "<table id=\"recs\"><thead><tr><th>No.</th><th>Recommendation</th><th>Recommending "
         "States</th><th>Position</th><th>Labels</th><th>Source</th></tr></thead><tbody>\n";
  for (const auto& review : reviews) {
    for (const auto& r : review.recommendations) WriteRow(out, r, reviews.size() > 1);
  }
  out << "</tbody></table></section>\n";
}

void WriteDiagnostics(std::ostream& out, const std::vector<core::Review>& reviews) {
  std::size_t n = 0;
  for (const auto& r : reviews) n += r.diagnostics.size();
  out << "<section id=\"diagnostics\"><h2>Notes from the extraction</h2>\n<details><summary>" << n
      << " notes (repairs, gaps, disagreements between documents)</summary><ul>\n";
  for (const auto& r : reviews) {
    for (const auto& d : r.diagnostics) {
      out << "<li>" << Esc(d.severity) << " <code>" << Esc(d.code) << "</code> " << Esc(d.document);
      if (d.page > 0) out << " p. " << d.page;
      out << ": " << Esc(d.message) << "</li>\n";
    }
  }
  out << "</ul></details></section>\n";
}

}  // namespace

void WriteHtmlReport(std::ostream& out, const std::vector<core::Review>& reviews) {
  WriteHead(out, PageTitle(reviews));
  WriteSummary(out, reviews);
  WriteCharts(out, reviews);
  WriteTable(out, reviews);
  WriteDiagnostics(out, reviews);
  out << "<footer>Written by uprx " << kVersion << " (schema " << kSchemaName
      << ") from the documents listed above; labels show the words that decided them.</footer>\n"
      << "<script>\n"
      << Asset("html_report.js") << "</script>\n</body>\n</html>\n";
}

}  // namespace uprx::pipeline
