// Write: reviews -> one self-contained HTML report that a committee member opens in a browser or
// prints. No network and no external asset: the style sheet, the scripts and the charts (inline
// SVG, svg_chart.h) are in the file, and a Content-Security-Policy forbids loading anything else.
//
//   WriteHtmlReport(out, reviews);
//
// The page, top to bottom: the review summary (State, cycle, session, documents, counts by
// position), charts (recommendations by theme, positions by regional group, workload per lead
// institution), then a table of every recommendation with its number, text, recommending
// States, position, labels ("not classified" when the classify stage did not run) and the
// evidence behind them, with a search box and filters (position, theme, lead institution,
// regional group). Extraction diagnostics close the page.
//
// Positions are in words ("supported in part"), each with the stage and document it was read
// from; a review whose positions may not be final opens with a banner saying so
// (report_data.h PositionBanner).
//
// Edit mode (html_report_edit.js): with `options.institutions` (the run had a profile), the
// page embeds each review's institutions as JSON (<script type="application/json"
// id="uprx-institutions">) and lets a committee change each recommendation's lead and
// supporting institutions and add a note. Edits stay in the browser (localStorage, keyed by the
// reviews) and are exported as the overrides CSV of pipeline/run/ministry_overrides.h
// (id,lead,supporting,note), which `uprx run --overrides` applies on the next run. The export
// also repeats the decisions an earlier overrides file made (labels with method "manual"), so
// the new file replaces the old one. Without institutions the edit button says why it is
// unavailable, and without the ministries stage the Institutions column is left out.
//
// For tests and headless checks the page reports on itself: a first script records uncaught
// errors and console.error calls in data-uprx-errors on <html>; the last one sets
// data-uprx-ready="1", data-uprx-charts (number of svg.uprx-chart) and data-uprx-rows.
// Text from documents is HTML-escaped everywhere. The same reviews give the same bytes.
#ifndef UPRX_PIPELINE_FORMATS_HTML_REPORT_WRITER_H_
#define UPRX_PIPELINE_FORMATS_HTML_REPORT_WRITER_H_

#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "pipeline/core/document.h"

namespace uprx::pipeline {

// One institution a committee may choose, as the overrides file names it.
struct InstitutionChoice {
  std::string id;    // the profile's id ("MOJ"); a function id with the generic profile
  std::string name;  // "Ministry of Justice"
};

struct HtmlReportOptions {
  // The institutions of a review's profile, in profile order; unset or empty: no edit mode.
  std::function<std::vector<InstitutionChoice>(const core::Review&)> institutions;
};

// "KHM-c2": the key of a review in the page (rows' data-review, the institutions JSON).
std::string ReviewKey(const core::Review& review);

void WriteHtmlReport(std::ostream& out, const std::vector<core::Review>& reviews,
                     const HtmlReportOptions& options = {});

}  // namespace uprx::pipeline

#endif  // UPRX_PIPELINE_FORMATS_HTML_REPORT_WRITER_H_
