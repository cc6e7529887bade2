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
// For tests and headless checks the page reports on itself: a first script records uncaught
// errors and console.error calls in data-uprx-errors on <html>; the last one sets
// data-uprx-ready="1", data-uprx-charts (number of svg.uprx-chart) and data-uprx-rows.
// Text from documents is HTML-escaped everywhere. The same reviews give the same bytes.
#ifndef UPRX_PIPELINE_FORMATS_HTML_REPORT_WRITER_H_
#define UPRX_PIPELINE_FORMATS_HTML_REPORT_WRITER_H_

#include <ostream>
#include <vector>

#include "pipeline/core/document.h"

namespace uprx::pipeline {

void WriteHtmlReport(std::ostream& out, const std::vector<core::Review>& reviews);

}  // namespace uprx::pipeline

#endif  // UPRX_PIPELINE_FORMATS_HTML_REPORT_WRITER_H_
