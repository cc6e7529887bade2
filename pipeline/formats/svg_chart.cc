#include "pipeline/formats/svg_chart.h"

#include <algorithm>
#include <cstddef>
#include <string>
#include <vector>

namespace uprx::pipeline {
namespace {

// Geometry in SVG user units (px at 100%); integers only, so the bytes never depend on
// floating-point formatting.
constexpr int kWidth = 720;
constexpr int kLabelWidth = 270;  // label column; labels start at its left edge
constexpr int kBarArea = 370;     // longest bar; the rest of the width holds the value
constexpr int kRowHeight = 22;    // a row with a one-line label
constexpr int kLineHeight = 13;   // each further line of a label adds this
constexpr int kBarHeight = 16;
constexpr int kTitleHeight = 30;
constexpr int kBottom = 8;
// A label line fits the label column at 12px sans-serif (about 7px a character at most).
constexpr std::size_t kLineChars = 36;
constexpr std::size_t kMaxLabelLines = 2;

// Colours of the series of a stacked chart, in order, then again; one colour for simple bars.
constexpr const char* kBarColour = "#2b6cb0";
constexpr const char* kUpColour = "#1a7f37";
constexpr const char* kDownColour = "#b3261e";
constexpr const char* kSeriesColours[] = {"#2f855a", "#c05621", "#6b46c1", "#718096", "#b7791f"};

// Code points of UTF-8 `text` (continuation bytes are not counted).
std::size_t CodePoints(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

// `text` cut to at most `max` code points, with an ellipsis when cut; never splits a character.
std::string Shortened(std::string_view text, std::size_t max) {
  if (CodePoints(text) <= max) return std::string(text);
  std::size_t seen = 0, i = 0;
  for (; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && seen++ == max - 1) break;
  }
  return std::string(text.substr(0, i)) + "\xE2\x80\xA6";  // U+2026
}

// `text` on at most kMaxLabelLines lines of at most kLineChars code points, broken at spaces
// (a word longer than a line is cut); the last line ends with an ellipsis when text is left.
std::vector<std::string> LabelLines(std::string_view text) {
  std::vector<std::string> lines;
  std::size_t at = 0;
  while (at < text.size() && lines.size() < kMaxLabelLines) {
    while (at < text.size() && text[at] == ' ') ++at;
    std::string_view rest = text.substr(at);
    if (rest.empty()) break;
    if (CodePoints(rest) <= kLineChars) {
      lines.emplace_back(rest);
      at = text.size();
      break;
    }
    // The longest prefix of whole words that fits, else the word cut.
    std::size_t chars = 0, end = 0, last_space = std::string_view::npos;
    for (std::size_t i = 0; i < rest.size(); ++i) {
      if ((static_cast<unsigned char>(rest[i]) & 0xC0) == 0x80) continue;
      if (chars == kLineChars) break;
      if (rest[i] == ' ') last_space = i;
      ++chars;
      end = i + 1;
    }
    while (end < rest.size() && (static_cast<unsigned char>(rest[end]) & 0xC0) == 0x80) ++end;
    const bool at_word_end = end < rest.size() && rest[end] == ' ';
    if (!at_word_end && last_space != std::string_view::npos && last_space > 0) end = last_space;
    lines.emplace_back(rest.substr(0, end));
    at += end;
  }
  while (at < text.size() && text[at] == ' ') ++at;
  if (at < text.size() && !lines.empty()) {
    std::string& last = lines.back();
    last = CodePoints(last) < kLineChars ? last + "\xE2\x80\xA6" : Shortened(last, kLineChars - 1);
  }
  return lines;
}

// Height of the row of `label`: one more line height per wrapped line.
int RowHeight(std::string_view label) {
  const int lines = std::max<int>(1, static_cast<int>(LabelLines(label).size()));
  return kRowHeight + (lines - 1) * kLineHeight;
}

std::string Open(std::string_view title, int height) {
  const std::string t = XmlEscape(title);
  std::string out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"uprx-chart\" role=\"img\"";
  out += " aria-label=\"" + t + "\" width=\"" + std::to_string(kWidth) + "\" height=\"" +
         std::to_string(height) + "\" viewBox=\"0 0 " + std::to_string(kWidth) + " " +
         std::to_string(height) + "\" font-family=\"sans-serif\" font-size=\"12\">";
  out += "<title>" + t + "</title>";
  out += "<text x=\"0\" y=\"18\" font-size=\"14\" font-weight=\"bold\">" + t + "</text>";
  return out;
}

std::string Rect(int x, int y, int width, const char* colour) {
  return "<rect x=\"" + std::to_string(x) + "\" y=\"" + std::to_string(y) + "\" width=\"" +
         std::to_string(width) + "\" height=\"" + std::to_string(kBarHeight) + "\" fill=\"" +
         colour + "\"/>";
}

// The label of a row (wrapped, left-aligned so no edge cuts it, whole in the tooltip with
// `detail`) and the value after its bar; a value left of its bar (`value_before`) ends 6 units
// before `bar_end`.
std::string RowText(const std::string& label, const std::string& value, const std::string& detail,
                    int y, int bar_end, bool value_before = false) {
  const int baseline = y + kBarHeight - 4;
  std::string out = "<title>" + XmlEscape(label) + ": " + XmlEscape(detail) + "</title>";
  int line_y = baseline;
  for (const std::string& line : LabelLines(label)) {
    out += "<text class=\"label\" x=\"0\" y=\"" + std::to_string(line_y) + "\">" + XmlEscape(line) +
           "</text>";
    line_y += kLineHeight;
  }
  out += "<text x=\"" + std::to_string(value_before ? bar_end - 6 : bar_end + 6) + "\" y=\"" +
         std::to_string(baseline) + "\"" + (value_before ? " text-anchor=\"end\"" : "") + ">" +
         XmlEscape(value) + "</text>";
  return out;
}

// Length of a bar for `value` when `max` fills kBarArea; at least 1 for a positive value.
int BarLength(int value, int max) {
  if (value <= 0 || max <= 0) return 0;
  const long long scaled = static_cast<long long>(value) * kBarArea / max;
  return std::max(1, static_cast<int>(scaled));
}

std::string NoData(int y) {
  return "<text x=\"0\" y=\"" + std::to_string(y + kBarHeight - 4) + "\">No data</text>";
}

}  // namespace

std::string XmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string HorizontalBarChart(std::string_view title,
                               const std::vector<std::pair<std::string, int>>& bars) {
  int height = kTitleHeight + kBottom + (bars.empty() ? kRowHeight : 0);
  for (const auto& bar : bars) height += RowHeight(bar.first);
  std::string out = Open(title, height);
  if (bars.empty()) return out + NoData(kTitleHeight) + "</svg>";
  int max = 0;
  for (const auto& [label, value] : bars) max = std::max(max, value);
  int y = kTitleHeight;
  for (const auto& [label, value] : bars) {
    const int length = BarLength(value, max);
    out += "<g class=\"bar\">" + Rect(kLabelWidth, y, length, kBarColour);
    const std::string shown = std::to_string(std::max(0, value));
    out += RowText(label, shown, shown, y, kLabelWidth + length) + "</g>";
    y += RowHeight(label);
  }
  return out + "</svg>";
}

std::string ChangeBarChart(std::string_view title,
                           const std::vector<std::pair<std::string, int>>& changes) {
  int height = kTitleHeight + kBottom + (changes.empty() ? kRowHeight : 0);
  for (const auto& change : changes) height += RowHeight(change.first);
  std::string out = Open(title, height);
  if (changes.empty()) return out + NoData(kTitleHeight) + "</svg>";
  int max = 0;
  for (const auto& [label, change] : changes) max = std::max(max, std::abs(change));
  // The bar area halved: room for a value beside the longest bar on either side.
  constexpr int kHalf = kBarArea / 2;
  constexpr int kAxis = kLabelWidth + 30 + kHalf;
  int y = kTitleHeight;
  for (const auto& [label, change] : changes) {
    const long long scaled = max > 0 ? static_cast<long long>(std::abs(change)) * kHalf / max : 0;
    const int length = change == 0 ? 0 : std::max(1, static_cast<int>(scaled));
    const std::string shown = (change > 0 ? "+" : "") + std::to_string(change);
    out += "<g class=\"bar\">";
    if (change < 0) {
      out += Rect(kAxis - length, y, length, kDownColour);
      out += RowText(label, shown, shown, y, kAxis - length, true);
    } else {
      out += Rect(kAxis, y, length, kUpColour);
      out += RowText(label, shown, shown, y, kAxis + length);
    }
    out += "</g>";
    y += RowHeight(label);
  }
  out += "<line x1=\"" + std::to_string(kAxis) + "\" y1=\"" + std::to_string(kTitleHeight - 4) +
         "\" x2=\"" + std::to_string(kAxis) + "\" y2=\"" + std::to_string(y) +
         "\" stroke=\"#444\"/>";
  return out + "</svg>";
}

std::string StackedBarChart(std::string_view title, const std::vector<std::string>& series,
                            const std::vector<std::pair<std::string, std::vector<int>>>& rows) {
  constexpr std::size_t kColours = std::size(kSeriesColours);
  int height = kTitleHeight + kRowHeight + kBottom + (rows.empty() ? kRowHeight : 0);
  for (const auto& row : rows) height += RowHeight(row.first);
  std::string out = Open(title, height);
  int x = kLabelWidth;  // the legend, one square and name per series
  for (std::size_t k = 0; k < series.size(); ++k) {
    out += "<g class=\"legend\">" + Rect(x, kTitleHeight, kBarHeight, kSeriesColours[k % kColours]);
    out += "<text x=\"" + std::to_string(x + kBarHeight + 4) + "\" y=\"" +
           std::to_string(kTitleHeight + kBarHeight - 4) + "\">" + XmlEscape(series[k]) +
           "</text></g>";
    x += kBarHeight + 12 + 7 * static_cast<int>(CodePoints(series[k]));
  }
  const int top = kTitleHeight + kRowHeight;
  if (rows.empty()) return out + NoData(top) + "</svg>";
  int max = 0;
  for (const auto& [label, values] : rows) {
    int total = 0;
    for (std::size_t k = 0; k < series.size() && k < values.size(); ++k)
      total += std::max(0, values[k]);
    max = std::max(max, total);
  }
  int y = top;
  for (const auto& [label, values] : rows) {
    out += "<g class=\"bar\">";
    int cumulative = 0, start = kLabelWidth;
    std::string detail;
    for (std::size_t k = 0; k < series.size(); ++k) {
      const int v = k < values.size() ? std::max(0, values[k]) : 0;
      cumulative += v;
      // Segment ends come from the running total, so rounding never drifts along the bar.
      const int end = kLabelWidth + BarLength(cumulative, max);
      if (end > start) out += Rect(start, y, end - start, kSeriesColours[k % kColours]);
      start = std::max(start, end);
      detail += (k ? ", " : "") + series[k] + " " + std::to_string(v);
    }
    const std::string total = std::to_string(cumulative);
    out += RowText(label, total, total + " (" + detail + ")", y, start) + "</g>";
    y += RowHeight(label);
  }
  return out + "</svg>";
}

}  // namespace uprx::pipeline
