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

#include "extractors/read_limits.h"
#include "pipeline/core/document.h"
#include "pipeline/core/status.h"

namespace uprx::extractors {

// The format the bytes are in, judged by their content alone.
core::Format DetectFormat(std::string_view bytes);

// Reads a whole document already in memory. `path` is only used in messages and in the result.
// Error codes: empty_file, unknown_format, pdf_unreadable, pdf_encrypted, no_text_layer,
// docx_unreadable, doc_unsupported, text_encoding; and those of `limits` (read_limits.h):
// too_many_pages, text_too_large, time_limit.
core::Result<core::SourceDocument> ReadDocument(const std::string& path, std::string_view bytes,
                                                const ReadLimits& limits = {});

// Reads the file at `path` ("-" = standard input), refusing files larger than
// `limits.max_bytes` before reading them whole (error file_too_large) and naming unreadable
// paths (error file_unreadable).
core::Result<core::SourceDocument> ReadDocumentFile(const std::string& path,
                                                    const ReadLimits& limits = {});

}  // namespace uprx::extractors

#endif  // UPRX_EXTRACTORS_DOCUMENT_READER_H_
