// Plain-text and HTML readers, and the byte tests the format detection uses for them.
//
// Text is UTF-8 (a BOM is dropped) or UTF-16 LE/BE announced by a BOM (converted with ICU);
// CR LF and lone CR become LF, and a form feed starts a new page. HTML is reduced to its text:
// block elements end lines, table cells are separated by '\t', entities are decoded, scripts and
// styles are dropped; the result is one page.
//
//   auto pages = uprx::extractors::ReadTextPages("notes.txt", bytes);
//   if (!pages.ok()) std::cerr << pages.status().message() << "\n";
#ifndef UPRX_EXTRACTORS_TEXT_READER_H_
#define UPRX_EXTRACTORS_TEXT_READER_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/core/document.h"
#include "pipeline/core/status.h"

namespace uprx::extractors {

// True when `bytes` start with a UTF-16 byte order mark (FF FE or FE FF).
bool HasUtf16Bom(std::string_view bytes);

// True when the first kilobyte (after a BOM, in UTF-8 or UTF-16) opens an HTML document:
// "<!DOCTYPE html" or "<html", in any case, possibly after an XML declaration or comments.
bool LooksLikeHtml(std::string_view bytes);

// True for bytes that are text in a legacy 8-bit encoding rather than binary data: no NUL bytes,
// almost no control characters and mostly valid UTF-8. Used to report such files as
// text_encoding (convert them) rather than as unknown binary data.
bool LooksLikeLegacyText(std::string_view bytes);

// Reads plain text into pages (split at form feeds; a final form feed opens no page).
// Error text_encoding: malformed UTF-8 or UTF-16, naming the byte offset.
core::Result<std::vector<core::Page>> ReadTextPages(const std::string& path,
                                                    std::string_view bytes);

// Reads an HTML document into one page of text lines. Error text_encoding as for text.
core::Result<std::vector<core::Page>> ReadHtmlPages(const std::string& path,
                                                    std::string_view bytes);

}  // namespace uprx::extractors

#endif  // UPRX_EXTRACTORS_TEXT_READER_H_
