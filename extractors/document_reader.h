// Read: bytes -> pages of UTF-8 text. The format is decided from the bytes, never from the file
// name: "%PDF" -> PDF (poppler-cpp), a zip holding word/document.xml -> DOCX (libzip + pugixml),
// an OLE compound file -> legacy .doc (reported as unsupported), UTF-8 / UTF-16 (with BOM) text,
// HTML. Every failure is a Status whose message names the file and the reason.
//
//   auto doc = uprx::extractors::ReadDocument("cambodia2014.pdf", bytes);
//   if (doc.ok()) for (const auto& page : doc.value().pages) ...
#ifndef UPRX_EXTRACTORS_DOCUMENT_READER_H_
#define UPRX_EXTRACTORS_DOCUMENT_READER_H_

#include <string>
#include <string_view>

#include "pipeline/core/document.h"
#include "pipeline/core/status.h"

namespace uprx::extractors {

// The format the bytes are in, judged by their content alone.
core::Format DetectFormat(std::string_view bytes);

// Reads a whole document already in memory. `path` is only used in messages and in the result.
// Error codes: empty_file, unknown_format, pdf_unreadable, pdf_encrypted, no_text_layer,
// docx_unreadable, doc_unsupported, text_encoding.
core::Result<core::SourceDocument> ReadDocument(const std::string& path, std::string_view bytes);

// Reads the file at `path` ("-" = standard input), refusing files larger than `max_bytes`
// (error file_too_large) and naming unreadable paths (error file_unreadable).
core::Result<core::SourceDocument> ReadDocumentFile(const std::string& path,
                                                    std::size_t max_bytes = 256u << 20);

}  // namespace uprx::extractors

#endif  // UPRX_EXTRACTORS_DOCUMENT_READER_H_
