#include "extractors/document_reader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <system_error>
#include <vector>

#include "extractors/docx_reader.h"
#include "extractors/pdf_reader.h"
#include "extractors/sha256.h"
#include "extractors/text_reader.h"
#include "pipeline/core/text_util.h"

namespace uprx::extractors {
namespace {

using core::Format;
using core::Page;
using core::Result;
using core::SourceDocument;
using core::Status;

constexpr std::string_view kOleSignature = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
constexpr std::string_view kPdfSignature = "%PDF-";
// PDF readers accept the header anywhere in the first kilobyte (after an HTTP header, a BOM or
// other junk that some download tools leave), and so do we.
constexpr std::size_t kPdfHeaderWindow = 1024;

// The format and, for a zip, what it turned out to hold (which decides the error message).
struct Sniffed {
  Format format = Format::kUnknown;
  ZipContent zip = ZipContent::kNotZip;
};

Sniffed Sniff(std::string_view bytes) {
  if (bytes.empty()) return {};
  if (bytes.substr(0, kPdfHeaderWindow).find(kPdfSignature) != std::string_view::npos) {
    return {Format::kPdf};
  }
  if (const ZipContent zip = InspectZip(bytes); zip != ZipContent::kNotZip) {
    const bool word = zip == ZipContent::kWordDocument || zip == ZipContent::kBrokenWordDocument;
    return {word ? Format::kDocx : Format::kUnknown, zip};
  }
  if (bytes.starts_with(kOleSignature)) return {Format::kDoc};
  if (LooksLikeHtml(bytes)) return {Format::kHtml};
  if (HasUtf16Bom(bytes)) return {Format::kText};
  const bool utf8 = bytes.find('\0') == std::string_view::npos && !core::FindInvalidUtf8(bytes);
  // Text in a legacy 8-bit encoding is text: the reader then names the first non-UTF-8 byte.
  if (utf8 || LooksLikeLegacyText(bytes)) return {Format::kText};
  return {Format::kUnknown};
}

// How a path appears in messages: "-" means standard input.
std::string DisplayName(const std::string& path) { return path == "-" ? "<stdin>" : path; }

Status UnknownFormat(const std::string& name, ZipContent zip) {
  const char* why = zip == ZipContent::kOtherZip ? "zip archive without a Word document"
                    : zip == ZipContent::kDamagedZip
                        ? "damaged zip archive, not a Word document"
                        : "binary data, not a PDF, Word or text document";
  return Status("unknown_format", name + ": " + why);
}

Result<std::vector<Page>> ReadPages(const std::string& name, const Sniffed& sniffed,
                                    std::string_view bytes, const ReadLimits& limits) {
  switch (sniffed.format) {
    case Format::kPdf:
      // Hand poppler the PDF itself: xref offsets count from "%PDF", not from leading junk.
      return ReadPdfPages(name, bytes.substr(bytes.find(kPdfSignature)), limits);
    case Format::kDocx:
      return ReadDocxPages(name, bytes);
    case Format::kDoc:
      return Status("doc_unsupported",
                    name +
                        ": legacy Word 97-2003 (.doc) files are not supported; convert it to "
                        "DOCX or PDF, e.g. libreoffice --headless --convert-to docx FILE");
    case Format::kHtml:
      return ReadHtmlPages(name, bytes);
    case Format::kText:
      return ReadTextPages(name, bytes);
    case Format::kUnknown:
      break;
  }
  return UnknownFormat(name, sniffed.zip);
}

std::string SizeText(std::size_t bytes) {
  if (bytes % (std::size_t{1} << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
  return std::to_string(bytes) + " bytes";
}

Status TooLarge(const std::string& name, std::size_t max_bytes) {
  return Status("file_too_large",
                name + ": file is larger than the " + SizeText(max_bytes) + " limit");
}

Status Unreadable(const std::string& name, int error) {
  return Status("file_unreadable",
                name + ": cannot read file (" + std::generic_category().message(error) + ")");
}

// Reads `fd` to its end, or fails once more than `max_bytes` have arrived.
Result<std::string> ReadAll(const std::string& name, int fd, std::size_t max_bytes) {
  std::string bytes;
  char buffer[1 << 16];
  while (true) {
    const ssize_t n = read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return Unreadable(name, errno);
    if (n == 0) return bytes;
    if (bytes.size() + static_cast<std::size_t>(n) > max_bytes) return TooLarge(name, max_bytes);
    bytes.append(buffer, static_cast<std::size_t>(n));
  }
}

class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  ~FileDescriptor() {
    if (fd_ >= 0) close(fd_);
  }
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

Result<std::string> ReadBytes(const std::string& path, std::size_t max_bytes) {
  const std::string name = DisplayName(path);
  if (path == "-") return ReadAll(name, STDIN_FILENO, max_bytes);
  const FileDescriptor file(open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (file.get() < 0) return Unreadable(name, errno);
  struct stat info;
  if (fstat(file.get(), &info) != 0) return Unreadable(name, errno);
  if (S_ISDIR(info.st_mode)) return Unreadable(name, EISDIR);
  // Refuse early when the size is known; ReadAll still enforces it for pipes and devices.
  if (S_ISREG(info.st_mode) && static_cast<std::size_t>(info.st_size) > max_bytes) {
    return TooLarge(name, max_bytes);
  }
  return ReadAll(name, file.get(), max_bytes);
}

}  // namespace

Format DetectFormat(std::string_view bytes) { return Sniff(bytes).format; }

Result<SourceDocument> ReadDocument(const std::string& path, std::string_view bytes,
                                    const ReadLimits& limits) {
  const std::string name = DisplayName(path);
  if (bytes.empty()) return Status("empty_file", name + ": file is empty");
  const Sniffed sniffed = Sniff(bytes);
  Result<std::vector<Page>> pages = ReadPages(name, sniffed, bytes, limits);
  if (!pages.ok()) return pages.status();
  std::size_t text_bytes = 0;
  for (const Page& p : pages.value()) text_bytes += p.text.size();
  const int page_count = static_cast<int>(pages.value().size());
  if (Status s = limits.CheckSize(name, page_count, text_bytes); !s.ok()) return s;
  SourceDocument document;
  document.path = path;
  document.sha256 = Sha256Hex(bytes);
  document.format = sniffed.format;
  document.pages = std::move(pages).value();
  return document;
}

Result<SourceDocument> ReadDocumentFile(const std::string& path, const ReadLimits& limits) {
  Result<std::string> bytes = ReadBytes(path, limits.max_bytes);
  if (!bytes.ok()) return bytes.status();
  return ReadDocument(path, bytes.value(), limits);
}

}  // namespace uprx::extractors
