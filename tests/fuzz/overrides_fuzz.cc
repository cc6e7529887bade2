// Fuzz target: a committee's overrides CSV (pipeline/run/ministry_overrides.h, read through
// pipeline/formats/csv_reader.h) over any bytes, then applied to a small Cambodian review with
// the KHM profile. A refusal must be a Status naming the file; every problem an accepted file
// causes names it, and the reviews it changed still write as JSON.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <utility>
#include <vector>

#include "classifiers/ministry_assigner.h"
#include "pipeline/formats/json_writer.h"
#include "pipeline/run/ministry_overrides.h"
#include "tests/fuzz/fuzz_input.h"

namespace core = uprx::core;
namespace pipeline = uprx::pipeline;

namespace {

// Two recommendations of Cambodia's second review, labelled by the KHM profile.
std::vector<core::Review> Reviews(const uprx::classifiers::MinistryStage& stage) {
  core::Review review;
  review.sur_iso3 = "KHM";
  review.cycle = 2;
  const std::pair<const char*, const char*> kRecs[] = {
      {"KHM-c2-118.1", "Ratify the Second Optional Protocol to the ICCPR"},
      {"KHM-c2-118.2", "Improve the quality of schools and train teachers"}};
  for (const auto& [id, text] : kRecs) {
    core::Recommendation rec;
    rec.id = id;
    rec.text = text;
    review.recommendations.push_back(std::move(rec));
  }
  stage.Assign(review);
  return {std::move(review)};
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const uprx::classifiers::MinistryStage stage = [] {
    auto s = uprx::classifiers::MinistryStage::Create("KHM");
    if (!s.ok()) std::abort();
    return std::move(s).value();
  }();
  static const std::vector<core::Review> labelled = Reviews(stage);
  const auto overrides =
      pipeline::ParseMinistryOverrides(uprx::fuzz::AsText(data, size), "fuzz.csv");
  if (!overrides.ok()) {
    if (overrides.status().message().rfind("fuzz.csv", 0) != 0) std::abort();
    return 0;
  }
  std::vector<core::Review> reviews = labelled;
  const pipeline::OverrideReport report =
      pipeline::ApplyMinistryOverrides(overrides.value(), reviews, stage);
  for (const std::string& problem : report.problems) {
    if (problem.rfind("fuzz.csv:", 0) != 0) std::abort();
  }
  // What an accepted file put into the reviews (ids, notes as evidence) must write as JSON.
  std::ostringstream out;
  pipeline::WriteJson(out, reviews, {});
  return 0;
}
