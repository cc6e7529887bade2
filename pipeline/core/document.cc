#include "pipeline/core/document.h"

#include <algorithm>

namespace uprx::core {

const char* FormatName(Format f) {
  switch (f) {
    case Format::kPdf:
      return "pdf";
    case Format::kDocx:
      return "docx";
    case Format::kDoc:
      return "doc";
    case Format::kText:
      return "txt";
    case Format::kHtml:
      return "html";
    case Format::kUnknown:
      break;
  }
  return "unknown";
}

const char* DocumentKindName(DocumentKind k) {
  switch (k) {
    case DocumentKind::kWgReport:
      return "wg_report";
    case DocumentKind::kAddendum:
      return "addendum";
    case DocumentKind::kThematicList:
      return "thematic_list";
    case DocumentKind::kOther:
      return "other";
    case DocumentKind::kUnknown:
      break;
  }
  return "other";
}

std::string RecommendationId(const std::string& iso3, std::optional<int> cycle,
                             const std::string& number) {
  return (iso3.empty() ? std::string("UNK") : iso3) + "-c" + std::to_string(cycle.value_or(0)) +
         "-" + number;
}

std::vector<TextLine> SplitLines(std::string_view text) {
  std::vector<TextLine> lines;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    lines.push_back({pos, end, text.substr(pos, end - pos)});
    pos = end + 1;
  }
  return lines;
}

void OffsetMap::Add(std::size_t at, SourceLocation source) {
  if (!anchors_.empty() && anchors_.back().at == at) {
    anchors_.back().source = source;
    return;
  }
  anchors_.push_back({at, source});
}

SourceLocation OffsetMap::Locate(std::size_t offset) const {
  if (anchors_.empty()) return {};
  auto it = std::upper_bound(anchors_.begin(), anchors_.end(), offset,
                             [](std::size_t o, const Anchor& a) { return o < a.at; });
  if (it != anchors_.begin()) --it;
  SourceLocation loc = it->source;
  if (offset >= it->at) loc.page_offset += offset - it->at;
  return loc;
}

std::map<PositionValue, int> CountPositions(const std::vector<Recommendation>& recommendations) {
  std::map<PositionValue, int> out;
  for (const PositionValue v : kPositionValues) out[v] = 0;
  for (const Recommendation& r : recommendations) ++out[r.position.value];
  return out;
}

}  // namespace uprx::core
