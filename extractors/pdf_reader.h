// PDF reader: poppler-cpp turns each page into UTF-8 text, lines in content-stream order
// (see pdf_reader.cc for why that order and not poppler's reading-order reconstruction).
//
//   auto pages = uprx::extractors::ReadPdfPages("g1423930.pdf", bytes);
#ifndef UPRX_EXTRACTORS_PDF_READER_H_
#define UPRX_EXTRACTORS_PDF_READER_H_

#include <string>
#include <string_view>
#include <vector>

#include "extractors/read_limits.h"
#include "pipeline/core/document.h"
#include "pipeline/core/status.h"

namespace uprx::extractors {

// Reads every page of the PDF in `bytes`; `path` names the file in messages. One core::Page per
// PDF page, numbered from 1; pages without text are kept (empty) so numbers stay true.
// Errors: pdf_unreadable (poppler cannot load it, or it has no pages), pdf_encrypted (a password
// is needed to open it), no_text_layer (pages but no text at all: a scan), and the `limits`
// (too_many_pages before reading a page, text_too_large and time_limit after each). Thread-safe.
core::Result<std::vector<core::Page>> ReadPdfPages(const std::string& path, std::string_view bytes,
                                                   const ReadLimits& limits = {});

}  // namespace uprx::extractors

#endif  // UPRX_EXTRACTORS_PDF_READER_H_
