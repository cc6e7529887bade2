// Fuzz target: the uprx/1 reader that `uprx compare` and `uprx classify` use, over any bytes. A
// failure must be a Status with a code, never an exception or a crash; what it reads must write.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>

#include "pipeline/formats/json_writer.h"
#include "pipeline/formats/review_reader.h"
#include "tests/fuzz/fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto file = uprx::pipeline::ParseReviewsJson(uprx::fuzz::AsText(data, size), "fuzz");
  if (!file.ok()) {
    if (file.status().code().empty()) std::abort();
    return 0;
  }
  // Labels read from any input must be writable (the writer turns ids into numbers).
  for (const auto& review : file.value().reviews) {
    for (const auto& rec : review.recommendations) {
      if (rec.labels.action && rec.labels.action->id.empty()) std::abort();
    }
  }
  std::ostringstream out;
  uprx::pipeline::WriteJson(out, file.value().reviews, file.value().errors);
  return 0;
}
