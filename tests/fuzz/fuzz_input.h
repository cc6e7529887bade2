// What the fuzz targets share: fuzzer bytes -> the document a reader would have produced.
//
//   core::SourceDocument doc = fuzz::PagesFromBytes(data, size);
//   core::NormalizedText text = extractors::Normalizer().Normalize(doc);
#ifndef UPRX_TESTS_FUZZ_FUZZ_INPUT_H_
#define UPRX_TESTS_FUZZ_FUZZ_INPUT_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "pipeline/core/document.h"

namespace uprx::fuzz {

// The bytes as text, without copying.
inline std::string_view AsText(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// A document whose pages are the bytes split at form feeds, the way `pdftotext` separates
// pages: seeds made from real reports keep their pages, so running headers and footers and
// page-spanning numbered items are exercised. Bytes without a form feed are one page.
inline core::SourceDocument PagesFromBytes(const std::uint8_t* data, std::size_t size) {
  core::SourceDocument doc;
  doc.path = "fuzz.txt";
  doc.format = core::Format::kText;
  std::string_view rest = AsText(data, size);
  while (true) {
    const std::size_t end = rest.find('\f');
    doc.pages.push_back({static_cast<int>(doc.pages.size()) + 1, std::string(rest.substr(0, end))});
    if (end == std::string_view::npos) break;
    rest.remove_prefix(end + 1);
  }
  return doc;
}

}  // namespace uprx::fuzz

#endif  // UPRX_TESTS_FUZZ_FUZZ_INPUT_H_
