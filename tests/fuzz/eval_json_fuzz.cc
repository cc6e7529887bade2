// Fuzz target: the JSON input of `uprx eval` (a uprx/1 document) over any bytes. A failure must
// be a Status, never an exception from nlohmann/json.
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "pipeline/eval/uprinfo_eval.h"
#include "tests/fuzz/fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto reviews = uprx::pipeline::ParseEvalReviews(uprx::fuzz::AsText(data, size), "fuzz");
  if (!reviews.ok() && reviews.status().code().empty()) std::abort();
  return 0;
}
