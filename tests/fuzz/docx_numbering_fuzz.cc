// Fuzz target: Word auto-numbering (extractors/docx_numbering.h) over any parts. The input is
// word/numbering.xml, word/styles.xml and word/document.xml separated by NUL bytes (XML holds
// none); a missing or malformed part is an empty root, as the DOCX reader passes it. Every
// paragraph of the document part, table cells included, is labelled in document order.
#include <cstddef>
#include <cstdint>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/docx_numbering.h"
#include "tests/fuzz/fuzz_input.h"

namespace {

// The parts of the input, split at NUL bytes: numbering, styles, document.
std::vector<std::string> Parts(std::string_view bytes) {
  std::vector<std::string> parts;
  while (parts.size() < 2) {
    const std::size_t end = bytes.find('\0');
    if (end == std::string_view::npos) break;
    parts.emplace_back(bytes.substr(0, end));
    bytes.remove_prefix(end + 1);
  }
  parts.emplace_back(bytes);
  parts.resize(3);
  return parts;
}

pugi::xml_node Root(pugi::xml_document& xml, std::string& part) {
  const pugi::xml_parse_result parsed = xml.load_buffer_inplace(
      part.data(), part.size(), pugi::parse_default | pugi::parse_ws_pcdata_single);
  return parsed ? xml.document_element() : pugi::xml_node();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using uprx::extractors::DocxNumbering;
  using uprx::extractors::WordNames;
  std::vector<std::string> parts = Parts(uprx::fuzz::AsText(data, size));
  pugi::xml_document numbering_xml, styles_xml, document_xml;
  const pugi::xml_node numbering = Root(numbering_xml, parts[0]);
  const pugi::xml_node styles = Root(styles_xml, parts[1]);
  const pugi::xml_node document = Root(document_xml, parts[2]);
  DocxNumbering labels(numbering, styles);
  if (!document) return 0;
  const WordNames w(document);
  for (pugi::xml_node node = document.first_child(); node;) {
    if (w.Is(node, "p")) (void)labels.NextLabel(node, w);
    // Depth-first, document order.
    if (node.first_child()) {
      node = node.first_child();
      continue;
    }
    while (node && !node.next_sibling() && node != document) node = node.parent();
    if (!node || node == document) break;
    node = node.next_sibling();
  }
  return 0;
}
