#include "pipeline/formats/html_report_writer.h"

#include <algorithm>
#include <nlohmann/json.hpp>
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

// JSON that can sit inside <script>: no "</script>" or "<!--" can end or open anything.
std::string ScriptJson(const nlohmann::json& value) {
  std::string out;
  for (char c : value.dump()) {
    if (c == '<') {
      out += "\\u003c";
    } else {
      out += c;
    }
  }
  return out;
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
    const std::string banner = PositionBanner(r);
    if (banner.empty()) continue;
    out << "<p class=\"banner\" role=\"note\">"
        << Esc((reviews.size() > 1 ? ReviewName(r) + ": " : std::string()) + banner) << "</p>\n";
  }
  for (const auto& r : reviews) {
    out << "<p class=\"lead\">" << Esc(ReviewName(r));
    if (r.wg_session) out << ", Working Group session " << *r.wg_session;
    out << ": " << r.recommendations.size() << " recommendations. Documents:";
    for (std::size_t i = 0; i < r.documents.size(); ++i) {
      const auto& d = r.documents[i];
      out << (i ? "; " : " ") << DocumentKindLabel(d.kind) << " "
          << Esc(d.symbol.empty() ? d.file : d.symbol);
    }
    out << ".</p>\n";
  }
  out << "</header>\n<section id=\"summary\"><h2>Summary</h2><div class=\"charts\">\n";
  Tally positions;
  for (const auto& [value, count] : CountByPosition(reviews)) {
    positions.emplace_back(core::PositionLabel(value), count);
  }
  WriteCountsTable(out, "Position", positions);
  WriteCountsTable(out, "Position given in", CountByPositionSource(reviews));
  out << "</div></section>\n";
}

void WriteCharts(std::ostream& out, const std::vector<core::Review>& reviews) {
  Tally themes = CountByTheme(reviews);
  if (themes.size() > kMaxThemeBars) themes.resize(kMaxThemeBars);
  std::vector<core::PositionValue> series;
  std::vector<std::pair<std::string, std::vector<int>>> by_group;
  std::vector<std::string> series_names;
  for (const auto& [value, count] : CountByPosition(reviews)) {
    if (count > 0) series.push_back(value);
    if (count > 0) series_names.push_back(core::PositionLabel(value));
  }
  const auto& values = kReportPositionOrder;
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
      << StackedBarChart("Positions by regional group (recommendation x State)", series_names,
                         by_group)
      << "</figure>\n<figure>"
      << HorizontalBarChart("Workload per lead institution", CountByLeadInstitution(reviews))
      << "</figure>\n</div></section>\n";
}

// The words for a position filter's value ("supported_in_part" -> "supported in part").
std::string KeyLabel(std::string_view key) {
  const auto value = core::ParsePositionKey(key);
  return value ? core::PositionLabel(*value) : std::string(key);
}

// One filter; `shown` gives an option's words for its value (the value itself by default).
void WriteSelect(std::ostream& out, const char* filter, const char* all, const Tally& options,
                 std::string (*shown)(std::string_view) = nullptr) {
  out << "<select data-filter=\"" << filter << "\" aria-label=\"" << all << "\"><option value=\"\">"
      << all << "</option>";
  for (const auto& [name, count] : options) {
    out << "<option value=\"" << Esc(FilterKey(name)) << "\">" << Esc(shown ? shown(name) : name)
        << " (" << count << ")</option>";
  }
  out << "</select>\n";
}

// The edit mode's switch, export and discard (html_report_edit.js), in the sticky filter bar.
void WriteEditButtons(std::ostream& out, const std::string& file) {
  out << "<span class=\"editbar\" id=\"editbar\" data-file=\"" << Esc(file)
      << "\"><button type=\"button\" id=\"edit-toggle\" aria-pressed=\"false\">Correct "
         "institutions</button><button type=\"button\" id=\"edit-export\" hidden>Export "
         "corrections (CSV)</button><button type=\"button\" id=\"edit-discard\" hidden>Discard "
         "corrections</button><span id=\"edit-status\"></span></span>";
}

// What to do with the exported file, shown in edit mode under the filter bar.
void WriteEditHelp(std::ostream& out, const std::string& file) {
  out << "<div id=\"edit-help\" hidden><p>Change the lead and supporting institutions of any "
         "recommendation and add a note. Corrections are kept in this browser only, until you "
         "export them. The file holds every decision of the committee, those of earlier overrides "
         "files "
         "included, so it replaces them. Give it to the next run: <code>uprx run DOCUMENTS "
         "--profile PROFILE --overrides "
      << Esc(file)
      << "</code>; the JSON, the workbook and this report then carry the committee's decisions."
         "</p><textarea id=\"edit-csv\" readonly rows=\"4\" aria-label=\"Exported "
         "corrections\"></textarea></div>\n";
}

void WriteFilters(std::ostream& out, const std::vector<core::Review>& reviews) {
  Tally positions;  // keyed as the rows' data-position
  for (const auto& [value, count] : CountByPosition(reviews)) {
    if (count > 0) positions.emplace_back(core::PositionKey(value), count);
  }
  const std::string file =
      reviews.size() == 1 ? ReviewKey(reviews[0]) + "-overrides.csv" : "overrides.csv";
  out << "<div class=\"filters\"><input type=\"search\" id=\"search\" placeholder=\"Search text, "
         "State, label...\" aria-label=\"Search\">\n";
  WriteSelect(out, "position", "All positions", positions, KeyLabel);
  WriteSelect(out, "themes", "All themes", CountByTheme(reviews));
  WriteSelect(out, "institution", "All lead institutions", CountByLeadInstitution(reviews));
  WriteSelect(out, "groups", "All regional groups", CountByRegionalGroup(reviews));
  out << "<button type=\"button\" id=\"reset\">Reset</button><span id=\"shown\"></span>";
  WriteEditButtons(out, file);
  out << "</div>\n";
  WriteEditHelp(out, file);
}

void Definition(std::string& out, const char* term, const std::string& text) {
  if (!text.empty()) out += "<dt>" + std::string(term) + "</dt><dd>" + Esc(text) + "</dd>";
}

// The ids of the institutions with `role`, as the overrides file names them.
std::vector<std::string> InstitutionIds(const core::Recommendation& r, std::string_view role) {
  std::vector<std::string> out;
  for (const auto& l : r.labels.ministries.value_or(std::vector<core::AssignedLabel>{})) {
    if (l.role == role) out.push_back(l.id);
  }
  return out;
}

// Lead and supporting institutions, which edit mode replaces with its controls.
std::string InstitutionsCell(const core::Recommendation& r, const std::string& review_key) {
  std::string out = "<td class=\"inst\" data-review=\"" + Esc(review_key) + "\" data-lead=\"" +
                    Esc(Joined(InstitutionIds(r, "lead"), ";")) + "\" data-supporting=\"" +
                    Esc(Joined(InstitutionIds(r, "supporting"), ";")) + "\" data-note=\"" +
                    Esc(CommitteeNote(r)) + "\"" +
                    (DecidedByCommittee(r) ? " data-decided=\"1\"" : "") +
                    "><div class=\"inst-view\">";
  if (!r.labels.ministries)
    return out + "<span class=\"unclassified\">not classified</span></div></td>";
  const std::string lead = LeadInstitution(r);
  const std::string supporting = Joined(Institutions(r, "supporting"));
  out += "<div><b>Lead:</b> " + (lead.empty() ? std::string("no clear institution") : Esc(lead)) +
         "</div>";
  if (!supporting.empty()) out += "<div><b>Supporting:</b> " + Esc(supporting) + "</div>";
  if (DecidedByCommittee(r)) out += "<div class=\"decided\">decided by the committee</div>";
  const std::string note = CommitteeNote(r);
  if (!note.empty()) out += "<div class=\"note\">Note: " + Esc(note) + "</div>";
  return out + "</div></td>";
}

std::string LabelsCell(const core::Recommendation& r) {
  const core::Labels& l = r.labels;
  std::string dl;
  if (l.action) Definition(dl, "Action", ActionCategory(l) + " " + ActionName(l));
  Definition(dl, "Issues", LabelNames(l.issues));
  Definition(dl, "Themes", LabelNames(l.themes));
  Definition(dl, "SDGs", SdgGoals(l.sdgs));
  Definition(dl, "Groups", LabelNames(l.groups));
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
  return " data-position=\"" + Esc(FilterValue({core::PositionKey(r.position.value)})) +
         "\" data-themes=\"" + Esc(FilterValue(themes)) + "\" data-institution=\"" +
         Esc(FilterValue({lead.empty() ? kNoLeadInstitution : lead})) + "\" data-groups=\"" +
         Esc(FilterValue(groups)) + "\"";
}

bool MinistriesClassified(const core::Review& review) {
  return std::any_of(review.recommendations.begin(), review.recommendations.end(),
                     [](const auto& r) { return r.labels.ministries.has_value(); });
}

// One row; `institutions`: the page has the Institutions column (some review has ministries).
void WriteRow(std::ostream& out, const core::Recommendation& r, const std::string& review_key,
              bool several_reviews, bool institutions) {
  const core::Position& p = r.position;
  std::string states;
  for (const auto& s : r.recommending_states) {
    states += (states.empty() ? "" : ", ") + Esc(s.name) +
              (s.regional_group.empty() ? "" : " <small>(" + Esc(s.regional_group) + ")</small>");
  }
  out << "<tr id=\"" << Esc(r.id) << "\"" << RowAttributes(r) << "><td class=\"num\">"
      << Esc(several_reviews ? r.id : r.number) << "</td><td class=\"text\">" << Esc(r.text)
      << "</td><td class=\"states\">" << states << "</td><td><span class=\"pos pos-"
      << Esc(core::PositionKey(p.value)) << "\" title=\"" << Esc("as written: " + p.as_written)
      << "\">" << Esc(core::PositionLabel(p.value)) << "</span><div class=\"stage\">"
      << Esc(PositionSource(p)) << "</div></td><td class=\"labels-cell\">" << LabelsCell(r)
      << "</td>" << (institutions ? InstitutionsCell(r, review_key) : std::string())
      << "<td class=\"source\">" << Esc(r.source.document) << " p. " << r.source.page
      << "</td></tr>\n";
}

// Each review's institutions for edit mode, {"KHM-c2": [{"id": .., "name": ..}, ..]}.
void WriteInstitutions(std::ostream& out, const std::vector<core::Review>& reviews,
                       const HtmlReportOptions& options) {
  nlohmann::json all = nlohmann::json::object();
  for (const auto& review : reviews) {
    if (!options.institutions || !MinistriesClassified(review)) continue;
    nlohmann::json list = nlohmann::json::array();
    for (const auto& c : options.institutions(review))
      list.push_back({{"id", c.id}, {"name", c.name}});
    if (!list.empty()) all[ReviewKey(review)] = std::move(list);
  }
  out << "<script type=\"application/json\" id=\"uprx-institutions\">" << ScriptJson(all)
      << "</script>\n";
}

void WriteTable(std::ostream& out, const std::vector<core::Review>& reviews,
                const HtmlReportOptions& options) {
  out << "<section id=\"recommendations\"><h2>Recommendations</h2>\n";
  WriteInstitutions(out, reviews, options);
  WriteFilters(out, reviews);
  // Without the ministries stage the column would say "not classified" on every row.
  const bool institutions = std::any_of(reviews.begin(), reviews.end(), MinistriesClassified);
  out << "<table id=\"recs\"><thead><tr><th>No.</th><th>Recommendation</th><th>Recommending "
         "States</th><th>Position</th><th>Labels</th>"
      << (institutions ? "<th>Institutions</th>" : "") << "<th>Source</th></tr></thead><tbody>\n";
  for (const auto& review : reviews) {
    const std::string key = ReviewKey(review);
    for (const auto& r : review.recommendations) {
      WriteRow(out, r, key, reviews.size() > 1, institutions);
    }
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

std::string ReviewKey(const core::Review& review) {
  return (review.sur_iso3.empty() ? std::string("UNK") : review.sur_iso3) + "-c" +
         std::to_string(review.cycle.value_or(0));
}

void WriteHtmlReport(std::ostream& out, const std::vector<core::Review>& reviews,
                     const HtmlReportOptions& options) {
  WriteHead(out, PageTitle(reviews));
  WriteSummary(out, reviews);
  WriteCharts(out, reviews);
  WriteTable(out, reviews, options);
  WriteDiagnostics(out, reviews);
  out << "<footer>Written by uprx " << kVersion << " (schema " << kSchemaName
      << ") from the documents listed above; labels show the words that decided them.</footer>\n"
      << "<script>\n"
      << Asset("html_report_edit.js") << "</script>\n<script>\n"
      << Asset("html_report.js") << "</script>\n</body>\n</html>\n";
}

}  // namespace uprx::pipeline
