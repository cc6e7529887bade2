// Fuzz target: the addendum extractor over any text (pages split at form feeds), normalised and
// identified as the pipeline does, then extracted as an addendum whatever the identifier said.
#include <cstddef>
#include <cstdint>

#include "extractors/addendum_extractor.h"
#include "extractors/identifier.h"
#include "extractors/normalizer.h"
#include "extractors/state_resolver.h"
#include "tests/fuzz/fuzz_input.h"

namespace core = uprx::core;
namespace extractors = uprx::extractors;
namespace fuzz = uprx::fuzz;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const extractors::Identifier identifier(extractors::StateResolver::Default());
  static const extractors::AddendumExtractor extractor;
  const core::SourceDocument doc = fuzz::PagesFromBytes(data, size);
  const core::NormalizedText text = extractors::Normalizer().Normalize(doc);
  core::DocumentInfo info = identifier.Identify(doc, text);
  info.kind = core::DocumentKind::kAddendum;
  if (info.symbol.empty()) info.symbol = "A/HRC/59/15/Add.1";
  (void)extractor.Extract(text, info);
  return 0;
}
