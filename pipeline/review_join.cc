#include "pipeline/review_join.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace uprx::pipeline {
namespace {

// Reviews are keyed by State and cycle; a document with neither keeps its own key (its file).
std::tuple<std::string, int, std::string> ReviewKey(const ProcessedDocument& d) {
  if (d.info.sur_iso3.empty() || !d.info.cycle) return {"~", 0, d.path};
  return {d.info.sur_iso3, *d.info.cycle, ""};
}

}  // namespace

std::vector<core::Review> JoinReviews(std::vector<ProcessedDocument> documents) {
  std::sort(documents.begin(), documents.end(), [](const auto& a, const auto& b) {
    return std::tie(a.info.symbol, a.path) < std::tie(b.info.symbol, b.path);
  });
  std::map<std::tuple<std::string, int, std::string>, core::Review> reviews;
  for (ProcessedDocument& d : documents) {
    if (d.error) continue;
    core::Review& r = reviews[ReviewKey(d)];
    if (r.documents.empty()) {
      r.sur_name = d.info.sur_name;
      r.sur_iso3 = d.info.sur_iso3;
      r.cycle = d.info.cycle;
    }
    if (!r.wg_session) r.wg_session = d.info.wg_session;
    if (!r.year) r.year = d.info.year;
    r.documents.push_back(d.info);
    for (auto& rec : d.recommendations) r.recommendations.push_back(std::move(rec));
    for (auto& diag : d.diagnostics) r.diagnostics.push_back(std::move(diag));
  }
  std::vector<core::Review> out;
  for (auto& [key, review] : reviews) out.push_back(std::move(review));
  return out;
}

}  // namespace uprx::pipeline
