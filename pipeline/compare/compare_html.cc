// The HTML report of a comparison (compare_writer.h): one self-contained page, styles inline,
// no script, no network, no external asset; the chart is inline SVG.
#include <algorithm>
#include <cstdlib>

#include "pipeline/compare/compare_writer.h"
#include "pipeline/formats/report_data.h"
#include "pipeline/formats/svg_chart.h"

namespace uprx::pipeline {
namespace {

using compare_report::LinkingWords;
using compare_report::Score;
using compare_report::States;

constexpr std::size_t kChartBars = 15;

std::string Escaped(const std::string& text) { return XmlEscape(text); }

constexpr const char* kStyle =
    "body{font-family:sans-serif;max-width:72em;margin:2em auto;padding:0 1em;color:#222}"
    "table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #ccc;"
    "padding:.25em .5em;vertical-align:top}td.n{text-align:right}.up{color:#1a7f37}"
    ".down{color:#b3261e}.old{color:#555}details{margin:.3em 0}summary{cursor:pointer}";

// The thematic breakdown's largest changes as a diverging bar chart (svg_chart.h).
void WriteChart(std::ostream& out, const Breakdown& b) {
  std::vector<std::pair<std::string, int>> changes;
  for (const CountRow& r : b.rows) {
    if (r.change() != 0 && changes.size() < kChartBars)
      changes.emplace_back(r.name.empty() ? r.key : r.name, r.change());
  }
  if (changes.empty()) {
    out << "<p>No change in the counts.</p>\n";
    return;
  }
  out << ChangeBarChart(b.id == "themes" ? "Change in recommendations per theme"
                                         : "Change in recommendations naming each term",
                        changes)
      << "\n";
}

void WriteBreakdown(std::ostream& out, const Breakdown& b, const Comparison& c) {
  out << "<h3>" << Escaped(compare_report::BreakdownTitle(b.id)) << "</h3>\n";
  if (!b.classified) {
    out << "<p>" << Escaped(compare_report::NotClassifiedHint(b.id)) << "</p>\n";
    return;
  }
  out << "<table><tr><th></th><th>old</th><th>new</th><th>change</th></tr>\n";
  for (const CountRow& r : b.rows) {
    const std::string label = b.id == "recommending_states" ? compare_report::StateName(c, r.key)
                                                            : compare_report::RowLabel(r);
    const char* css = r.change() > 0 ? "n up" : r.change() < 0 ? "n down" : "n";
    out << "<tr><td>" << Escaped(label) << "</td><td class=\"n\">" << r.old_count
        << "</td><td class=\"n\">" << r.new_count << "</td><td class=\"" << css << "\">"
        << (r.change() > 0 ? "+" : "") << r.change() << "</td></tr>\n";
  }
  out << "</table>\n";
}

void WriteRecommendation(std::ostream& out, const core::Recommendation& r, const char* css) {
  out << "<div class=\"" << css << "\"><b>" << Escaped(r.id) << "</b> ("
      << Escaped(core::PositionLabel(r.position.value)) << "; " << Escaped(States(r))
      << "): " << Escaped(r.text) << "</div>\n";
}

void WriteLinks(std::ostream& out, const ComparedReviews& in, const Comparison& c,
                const std::vector<Match>& links) {
  std::size_t shown = 0;
  for (std::size_t i = 0; i < links.size(); ++i) {
    const Match& m = links[i];
    if (i == 0 || links[i - 1].new_index != m.new_index) {
      if (i > 0) out << "</details>\n";
      shown = 0;
      out << "<details><summary>";
      WriteRecommendation(out, in.new_review.recommendations[m.new_index], "new");
      out << "</summary>\n";
    }
    if (c.options.max_matches > 0 && ++shown > c.options.max_matches) continue;
    out << "<p>score " << Score(m.pair.score) << (m.primary ? " (primary)" : "") << "; linked by "
        << Escaped(LinkingWords(m.pair.evidence)) << "</p>";
    WriteRecommendation(out, in.old_review.recommendations[m.old_index], "old");
  }
  if (!links.empty()) out << "</details>\n";
}

void WriteNotRaisedAgain(std::ostream& out, const ComparedReviews& in, const Comparison& c) {
  out << "<h2>Not raised again (" << c.dropped.size() << ")</h2>\n";
  for (std::size_t i = 0; i < c.dropped.size(); ++i) {
    WriteRecommendation(out, in.old_review.recommendations[c.dropped[i]], "rec");
    const Closest& closest = c.dropped_closest[i];
    if (!closest.new_index) continue;
    const core::Recommendation& n = in.new_review.recommendations[*closest.new_index];
    out << "<p class=\"old\">closest new: <b>" << Escaped(n.id) << "</b> (score "
        << Score(closest.score) << "): " << Escaped(n.text) << "</p>\n";
  }
}

void WriteList(std::ostream& out, const char* title, const core::Review& review,
               const std::vector<std::size_t>& indices) {
  out << "<h2>" << title << " (" << indices.size() << ")</h2>\n";
  for (std::size_t i : indices) WriteRecommendation(out, review.recommendations[i], "rec");
}

void WriteSummary(std::ostream& out, const ComparedReviews& in, const Comparison& c) {
  for (const std::string& sentence : compare_report::CommitteeAnswer(in, c)) {
    out << "<p>" << Escaped(sentence) << "</p>\n";
  }
  out << "<table>"
      << "<tr><td>old recommendations</td><td class=\"n\">" << in.old_review.recommendations.size()
      << "</td></tr>"
      << "<tr><td>new recommendations</td><td class=\"n\">" << in.new_review.recommendations.size()
      << "</td></tr>"
      << "<tr><td>repeated</td><td class=\"n\">" << c.repeated.size() << "</td></tr>"
      << "<tr><td>new</td><td class=\"n\">" << c.new_only.size() << "</td></tr>"
      << "<tr><td>not raised again</td><td class=\"n\">" << c.dropped.size() << "</td></tr>"
      << "<tr><td>partial links (not counted as repeats)</td><td class=\"n\">"
      << c.partial_links.size() << "</td></tr>"
      << "<tr><td>position changes</td><td class=\"n\">" << c.position_changes.size()
      << "</td></tr></table>\n";
}

void WritePositionChanges(std::ostream& out, const ComparedReviews& in, const Comparison& c) {
  out << "<h2>Position changes (" << c.position_changes.size() << ")</h2>\n";
  if (c.position_changes.empty()) {
    out << "<p>None.</p>\n";
    return;
  }
  out << "<table>\n<tr><th>change</th><th>old recommendation</th><th>old text</th>"
         "<th>new recommendation</th><th>new text</th></tr>\n";
  for (const PositionChange& p : c.position_changes) {
    const core::Recommendation& o = in.old_review.recommendations[p.old_index];
    const core::Recommendation& n = in.new_review.recommendations[p.new_index];
    out << "<tr><td>" << Escaped(core::PositionLabel(p.from)) << " → "
        << Escaped(core::PositionLabel(p.to)) << "</td><td>" << Escaped(o.id) << "</td><td>"
        << Escaped(o.text) << "</td><td>" << Escaped(n.id) << "</td><td>" << Escaped(n.text)
        << "</td></tr>\n";
  }
  out << "</table>\n";
}

}  // namespace

void WriteCompareHtml(std::ostream& out, const ComparedReviews& in, const Comparison& c) {
  const std::string title = ReviewTitle(in.old_review) + " → " + ReviewTitle(in.new_review);
  out << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
      << Escaped(title) << "</title><style>" << kStyle << "</style></head><body>\n<h1>"
      << Escaped(title) << "</h1>\n";
  WriteSummary(out, in, c);
  const Breakdown& thematic = compare_report::ThematicBreakdown(c);
  out << "<h2>Biggest shifts (" << (thematic.id == "themes" ? "themes" : "terms named")
      << ")</h2>\n";
  WriteChart(out, thematic);
  WritePositionChanges(out, in, c);
  out << "<h2>Repeated recommendations (" << c.repeated.size() << ")</h2>\n";
  WriteLinks(out, in, c, c.matches);
  out << "<h2>Partial links: part of the same ask, not counted as repeats ("
      << c.partial_links.size() << ")</h2>\n";
  WriteLinks(out, in, c, c.partial_links);
  WriteNotRaisedAgain(out, in, c);
  WriteList(out, "New recommendations", in.new_review, c.new_only);
  out << "<h2>Counts per cycle</h2>\n";
  for (const Breakdown& b : c.breakdowns) WriteBreakdown(out, b, c);
  out << "<h3>States that recommended in one cycle only</h3>\n<p>old only: ";
  for (const std::string& s : c.states_old_only)
    out << Escaped(compare_report::StateName(c, s)) << "; ";
  out << "</p><p>new only: ";
  for (const std::string& s : c.states_new_only)
    out << Escaped(compare_report::StateName(c, s)) << "; ";
  out << "</p>\n";
  out << "</body></html>\n";
}

}  // namespace uprx::pipeline
