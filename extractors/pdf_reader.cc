#include "extractors/pdf_reader.h"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <algorithm>
#include <climits>
#include <exception>
#include <memory>
#include <mutex>

namespace uprx::extractors {
namespace {

using core::Page;
using core::Result;
using core::Status;

// Poppler reports problems (a rebuilt xref, a bad font) through one process-wide callback that
// otherwise prints to stderr. We silence it, and while a thread is reading a document we keep
// what poppler said so that a failure can be explained. Poppler calls the callback on the
// thread that triggered the problem, so a thread_local log needs no locking.
thread_local std::string* poppler_log = nullptr;

void CollectPopplerMessage(const std::string& message, void* /*closure*/) {
  if (poppler_log != nullptr && poppler_log->size() < 4096) *poppler_log += message + "\n";
}

void SilencePoppler() {
  static std::once_flag once;
  std::call_once(once, [] { poppler::set_debug_error_function(CollectPopplerMessage, nullptr); });
}

// Points poppler_log at `log` for the lifetime of the object.
class PopplerLogScope {
 public:
  explicit PopplerLogScope(std::string* log) { poppler_log = log; }
  ~PopplerLogScope() { poppler_log = nullptr; }
  PopplerLogScope(const PopplerLogScope&) = delete;
  PopplerLogScope& operator=(const PopplerLogScope&) = delete;
};

std::string Utf8(const poppler::ustring& text) {
  const poppler::byte_array bytes = text.to_utf8();
  return std::string(bytes.begin(), bytes.end());
}

Status Unreadable(const std::string& path, const std::string& poppler_said) {
  const bool xref = poppler_said.find("xref") != std::string::npos ||
                    poppler_said.find("XRef") != std::string::npos;
  return Status("pdf_unreadable",
                path + ": cannot open PDF (" +
                    (xref ? "damaged cross-reference table?" : "damaged file or not a PDF?") + ")");
}

// Text of one page. raw_order_layout emits the words in the order the PDF's content stream
// draws them, breaking lines where the baseline changes. Measured on the UN reports in
// ../shared/corpora (it agrees with poppler's reading-order mode on >99% of the word sequence
// of every Working Group report), it is the better choice here:
//  - a numbered paragraph stays on one line ("115.1 Take further steps ..."); the default
//    non_raw_non_physical_layout (what `pdftotext` prints without -layout) splits the hanging
//    number into a block of its own ("115.1\nTake further steps ..."), and table rows are
//    pulled apart into columns;
//  - it keeps the hyphen of a line-end compound ("non-\nMuslims"), which the reading-order mode
//    silently drops and glues ("nonMuslims"); the normaliser decides about hyphens;
//  - on scanned letters with an OCR text layer the reading-order mode scatters words into
//    one-word "columns", while the content order of the OCR layer is the reading order.
// Its cost: page headers come out where they are drawn (often first), and superscript footnote
// marks are glued to the word ("Disappearance,3"). physical_layout pads with spaces to keep
// columns and is meant for display, not for extraction.
std::string PageText(const poppler::page& page) {
  std::string text = Utf8(page.text(poppler::rectf(), poppler::page::raw_order_layout));
  // Raw mode ends every page with "\n\f"; pages are already separate here.
  const std::size_t end = text.find_last_not_of("\n\f ");
  text.resize(end == std::string::npos ? 0 : end + 1);
  return text;
}

bool HasText(const std::vector<Page>& pages) {
  return std::any_of(pages.begin(), pages.end(), [](const Page& page) {
    return page.text.find_first_not_of(" \t\n\f\r") != std::string::npos;
  });
}

Result<std::vector<Page>> ReadPages(const std::string& path, std::string_view bytes,
                                    const ReadLimits& limits, std::string& poppler_said) {
  if (bytes.size() > static_cast<std::size_t>(INT_MAX)) {
    return Status("pdf_unreadable", path + ": PDF larger than 2 GiB");
  }
  // load_from_raw_data reads `bytes` in place (no copy): they outlive `document` here.
  std::unique_ptr<poppler::document> document(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (document == nullptr) return Unreadable(path, poppler_said);
  if (document->is_locked()) {
    return Status("pdf_encrypted", path +
                                       ": PDF is password-protected; open it with the password "
                                       "and save an unprotected copy");
  }
  const int page_count = document->pages();
  if (page_count <= 0) return Unreadable(path, poppler_said);
  if (Status s = limits.CheckSize(path, page_count, 0); !s.ok()) return s;
  std::vector<Page> pages;
  pages.reserve(static_cast<std::size_t>(page_count));
  std::size_t text_bytes = 0;
  for (int i = 0; i < page_count; ++i) {
    std::unique_ptr<poppler::page> page(document->create_page(i));
    pages.push_back({i + 1, page == nullptr ? std::string() : PageText(*page)});
    text_bytes += pages.back().text.size();
    if (Status s = limits.CheckSize(path, page_count, text_bytes); !s.ok()) return s;
    const std::string where =
        "read " + std::to_string(i + 1) + " of " + std::to_string(page_count) + " pages";
    if (Status s = limits.CheckTime(path, where); !s.ok()) return s;
  }
  if (!HasText(pages)) {
    return Status("no_text_layer", path + ": " + std::to_string(page_count) +
                                       " page(s) but no text layer, OCR needed (e.g. ocrmypdf)");
  }
  return pages;
}

}  // namespace

Result<std::vector<Page>> ReadPdfPages(const std::string& path, std::string_view bytes,
                                       const ReadLimits& limits) {
  SilencePoppler();
  std::string poppler_said;
  PopplerLogScope scope(&poppler_said);
  try {
    return ReadPages(path, bytes, limits, poppler_said);
  } catch (const std::exception& e) {
    return Status("pdf_unreadable", path + ": cannot read PDF (" + e.what() + ")");
  } catch (...) {
    return Status("pdf_unreadable", path + ": cannot read PDF (unexpected error in poppler)");
  }
}

}  // namespace uprx::extractors
