// Fuzz target: format detection and the readers (PDF via poppler, DOCX via libzip + pugixml,
// legacy .doc refusal, HTML, UTF-8 / UTF-16 / legacy text) over any bytes, then the normaliser
// over what they read, as the pipeline does. Inputs over kMaxBytes are skipped: poppler's time
// grows with the file, and scripts/fuzz.sh also caps -max_len and sets -timeout.
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "extractors/document_reader.h"
#include "extractors/normalizer.h"
#include "tests/fuzz/fuzz_input.h"

namespace {
constexpr std::size_t kMaxBytes = std::size_t{1} << 20;
}  // namespace

namespace core = uprx::core;
namespace extractors = uprx::extractors;
namespace fuzz = uprx::fuzz;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > kMaxBytes) return -1;  // not added to the corpus
  const std::string_view bytes = fuzz::AsText(data, size);
  (void)extractors::DetectFormat(bytes);
  const core::Result<core::SourceDocument> doc = extractors::ReadDocument("fuzz.bin", bytes);
  if (!doc.ok()) {
    // The contract: a failure always says why, and names the file.
    const core::Status& status = doc.status();
    if (status.code().empty() || status.message().find("fuzz.bin") == std::string::npos) {
      std::abort();
    }
    return 0;
  }
  (void)extractors::Normalizer().Normalize(doc.value());
  return 0;
}
