// Fuzz target: the Working Group report extractor over any text (pages split at form feeds),
// normalised and identified as the pipeline does, then extracted as a WG report whatever the
// identifier said, so that texts it would not call a WG report still reach the extractor.
#include <cstddef>
#include <cstdint>

#include "extractors/identifier.h"
#include "extractors/normalizer.h"
#include "extractors/state_resolver.h"
#include "extractors/wg_report_extractor.h"
#include "tests/fuzz/fuzz_input.h"

namespace core = uprx::core;
namespace extractors = uprx::extractors;
namespace fuzz = uprx::fuzz;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const extractors::Identifier identifier(extractors::StateResolver::Default());
  static const extractors::WgReportExtractor extractor(extractors::StateResolver::Default());
  const core::SourceDocument doc = fuzz::PagesFromBytes(data, size);
  const core::NormalizedText text = extractors::Normalizer().Normalize(doc);
  core::DocumentInfo info = identifier.Identify(doc, text);
  info.kind = core::DocumentKind::kWgReport;
  if (info.symbol.empty()) info.symbol = "A/HRC/26/16";
  (void)extractor.Extract(text, info);
  return 0;
}
