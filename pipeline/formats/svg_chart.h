// Inline SVG charts for self-contained reports (the HTML report, `uprx compare`): each call
// returns one <svg> element with no script, no external asset and no font download, so the
// page it goes into opens offline and prints as drawn.
//
//   std::string svg = HorizontalBarChart("Recommendations by theme",
//                                        {{"Women's rights", 12}, {"Torture", 4}});
//   out << "<figure>" << svg << "</figure>";
//
// Contract (stable; other commands rely on it):
// - Text (title, labels) is XML-escaped. Labels start at the chart's left edge (so no edge
//   cuts them) and wrap at spaces onto at most two lines of 36 characters, the row growing to
//   hold them; what is left is replaced by an ellipsis in the drawing and kept whole in a
//   <title> tooltip.
// - Bars keep the order given; lengths are proportional to the largest value; negative values
//   are drawn as 0. An empty list gives a chart that says "No data".
// - The output depends only on the arguments (integer geometry, no ids or clocks): the same
//   input gives the same bytes.
// - The root element has class "uprx-chart" and aria-label = the title, so pages and tests can
//   find every chart.
#ifndef UPRX_PIPELINE_FORMATS_SVG_CHART_H_
#define UPRX_PIPELINE_FORMATS_SVG_CHART_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace uprx::pipeline {

// One bar per (label, value), labels left, value at the end of each bar.
std::string HorizontalBarChart(std::string_view title,
                               const std::vector<std::pair<std::string, int>>& bars);

// One bar per row, cut into one segment per series (e.g. supported / noted per regional
// group), with a legend. `rows[i].second[k]` is the value of series k (missing values are 0).
std::string StackedBarChart(std::string_view title, const std::vector<std::string>& series,
                            const std::vector<std::pair<std::string, std::vector<int>>>& rows);

// One bar per (label, change) around a middle axis: decreases red to its left, increases green
// to its right, each with its signed value ("-13", "+19"); lengths are proportional to the
// largest change either way. The comparison's "biggest shifts" chart.
std::string ChangeBarChart(std::string_view title,
                           const std::vector<std::pair<std::string, int>>& changes);

// `text` with &, <, >, " and ' replaced by entities: safe in XML/HTML text and attributes.
std::string XmlEscape(std::string_view text);

}  // namespace uprx::pipeline

#endif  // UPRX_PIPELINE_FORMATS_SVG_CHART_H_
