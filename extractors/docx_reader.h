// DOCX reader: libzip opens the package in memory, pugixml reads word/document.xml, and the
// body becomes lines of text on one page:
//  - a paragraph is one line, prefixed with its Word auto-numbering label ("3. ", "140.7 ")
//    computed from word/numbering.xml (docx_numbering.h); a w:br inside it starts a new line;
//  - a table row is one line, its cells separated by '\t'; the paragraphs of a cell (and any
//    table nested in it) are joined by spaces;
//  - tracked deletions (w:del), field codes and the fallback copy of alternate content are
//    skipped; w:tab is a space; empty paragraphs and empty rows give no line.
//
//   auto pages = uprx::extractors::ReadDocxPages("thematic-list.docx", bytes);
#ifndef UPRX_EXTRACTORS_DOCX_READER_H_
#define UPRX_EXTRACTORS_DOCX_READER_H_

#include <string>
#include <string_view>
#include <vector>

#include "pipeline/core/document.h"
#include "pipeline/core/status.h"

namespace uprx::extractors {

// What a "PK\3\4" file holds, for format detection.
enum class ZipContent {
  kNotZip,              // does not start with a zip local file header
  kWordDocument,        // a zip with word/document.xml
  kBrokenWordDocument,  // Word parts without word/document.xml, or a damaged zip naming it
  kOtherZip,            // a readable zip that is no Word document (xlsx, pptx, plain archive)
  kDamagedZip,          // a zip whose directory libzip cannot read, with no sign of Word parts
};
ZipContent InspectZip(std::string_view bytes);

// Reads a DOCX into one page. Error docx_unreadable: a damaged zip, no word/document.xml part,
// a part larger than 200 MiB uncompressed (zip bomb guard), or XML that is not well-formed.
core::Result<std::vector<core::Page>> ReadDocxPages(const std::string& path,
                                                    std::string_view bytes);

}  // namespace uprx::extractors

#endif  // UPRX_EXTRACTORS_DOCX_READER_H_
