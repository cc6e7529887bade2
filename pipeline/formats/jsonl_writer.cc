#include "pipeline/formats/jsonl_writer.h"

#include <nlohmann/json.hpp>

#include "pipeline/formats/json_writer.h"

namespace uprx::pipeline {
namespace {

using Json = nlohmann::ordered_json;

constexpr const char* kReviewKeys[] = {"state_under_review", "cycle", "wg_session", "year"};

// One line. Built from ReviewToJson's output rather than from the structs so that JSONL and JSON
// cannot drift apart: a field added to the JSON writer appears here without a change.
Json LineFor(const Json& review, const Json& recommendation) {
  Json line;
  for (const char* key : kReviewKeys) line[key] = review.at(key);
  for (const auto& [key, value] : recommendation.items()) line[key] = value;
  return line;
}

}  // namespace

void WriteJsonl(std::ostream& out, const core::Review& review) {
  const Json json = ReviewToJson(review);
  for (const Json& recommendation : json.at("recommendations")) {
    // Text is UTF-8 after normalisation; `replace` keeps one bad byte from aborting a stream.
    out << LineFor(json, recommendation).dump(-1, ' ', false, Json::error_handler_t::replace)
        << '\n';
  }
}

void WriteJsonl(std::ostream& out, const std::vector<core::Review>& reviews) {
  for (const core::Review& review : reviews) WriteJsonl(out, review);
}

}  // namespace uprx::pipeline
