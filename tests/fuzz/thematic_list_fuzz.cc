// Fuzz target: the thematic-list extractor over any input. Bytes that open like a zip are read
// as a DOCX package (tables become tab-separated rows, as the pipeline reads them); any other
// bytes are taken for that text already read (pages split at form feeds, cells at tabs). Both
// are normalised, identified and extracted as a thematic list whatever the identifier said, so
// that the table reader, the text cell parser and the label reader see every input.
#include <cstddef>
#include <cstdint>

#include "extractors/document_reader.h"
#include "extractors/identifier.h"
#include "extractors/normalizer.h"
#include "extractors/state_resolver.h"
#include "extractors/thematic_list_extractor.h"
#include "tests/fuzz/fuzz_input.h"

namespace core = uprx::core;
namespace extractors = uprx::extractors;
namespace fuzz = uprx::fuzz;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const extractors::Identifier identifier(extractors::StateResolver::Default());
  static const extractors::ThematicListExtractor extractor(extractors::StateResolver::Default());
  core::SourceDocument doc;
  const std::string_view bytes = fuzz::AsText(data, size);
  if (bytes.starts_with("PK")) {
    auto read = extractors::ReadDocument("fuzz.docx", bytes);
    if (!read.ok()) return 0;
    doc = std::move(read).value();
  } else {
    doc = fuzz::PagesFromBytes(data, size);
    doc.path = "fuzz.docx";
    doc.format = core::Format::kDocx;
  }
  const core::NormalizedText text = extractors::Normalizer().Normalize(doc);
  core::DocumentInfo info = identifier.Identify(doc, text);
  (void)extractor.Identify(text, info);
  info.kind = core::DocumentKind::kThematicList;
  (void)extractor.Extract(text, info);
  return 0;
}
