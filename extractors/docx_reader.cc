#include "extractors/docx_reader.h"

#include <zip.h>

#include <exception>
#include <memory>
#include <optional>
#include <pugixml.hpp>

#include "extractors/docx_numbering.h"

namespace uprx::extractors {
namespace {

using core::Page;
using core::Result;
using core::Status;

constexpr std::string_view kZipSignature = "PK\x03\x04";
constexpr const char* kDocumentPart = "word/document.xml";
// A zip bomb guard: the largest real DOCX body we know is a few MB of XML; 200 MiB is far
// beyond any document and still well inside memory.
constexpr std::size_t kMaxPartBytes = std::size_t{200} << 20;

struct ZipDiscarder {
  void operator()(zip_t* archive) const { zip_discard(archive); }
};
struct ZipFileCloser {
  void operator()(zip_file_t* file) const { zip_fclose(file); }
};
using ZipArchive = std::unique_ptr<zip_t, ZipDiscarder>;

// Opens `bytes` as a zip in place (no copy: `bytes` must outlive the archive); nullptr when
// libzip cannot read the central directory.
ZipArchive OpenZip(std::string_view bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* archive = source == nullptr ? nullptr : zip_open_from_source(source, ZIP_RDONLY, &error);
  if (archive == nullptr && source != nullptr) zip_source_free(source);  // not adopted
  zip_error_fini(&error);
  return ZipArchive(archive);
}

Status TooLarge(const std::string& path, const char* part) {
  return Status("docx_unreadable", path + ": " + part + " is larger than " +
                                       std::to_string(kMaxPartBytes >> 20) +
                                       " MiB uncompressed; refusing it as a possible zip bomb");
}

// The uncompressed bytes of `part`; nullopt when the archive has no such part. The size the
// zip directory declares is checked first, then the bytes actually inflated, since a hostile
// archive can declare a small size.
Result<std::optional<std::string>> ReadPart(const std::string& path, zip_t* archive,
                                            const char* part) {
  const zip_int64_t index = zip_name_locate(archive, part, ZIP_FL_NOCASE);
  if (index < 0) return std::optional<std::string>();
  const auto entry = static_cast<zip_uint64_t>(index);
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat_index(archive, entry, 0, &stat) == 0 && (stat.valid & ZIP_STAT_SIZE) != 0 &&
      stat.size > kMaxPartBytes) {
    return TooLarge(path, part);
  }
  std::unique_ptr<zip_file_t, ZipFileCloser> file(zip_fopen_index(archive, entry, 0));
  if (file == nullptr) {
    return Status("docx_unreadable",
                  path + ": cannot decompress " + part + " (" + zip_strerror(archive) + ")");
  }
  std::string data;
  char buffer[1 << 16];
  while (true) {
    const zip_int64_t n = zip_fread(file.get(), buffer, sizeof buffer);
    if (n < 0) {
      return Status("docx_unreadable", path + ": cannot decompress " + part + " (" +
                                           zip_file_strerror(file.get()) + ")");
    }
    if (n == 0) break;
    if (data.size() + static_cast<std::size_t>(n) > kMaxPartBytes) return TooLarge(path, part);
    data.append(buffer, static_cast<std::size_t>(n));
  }
  return std::optional<std::string>(std::move(data));
}

// Parses `data` in place into `xml` (which then points into `data`).
Status ParseXml(const std::string& path, const char* part, std::string& data,
                pugi::xml_document& xml) {
  // parse_ws_pcdata_single keeps <w:t xml:space="preserve"> </w:t>: a space that is a word
  // boundary, which the default options would drop.
  const pugi::xml_parse_result parsed = xml.load_buffer_inplace(
      data.data(), data.size(), pugi::parse_default | pugi::parse_ws_pcdata_single);
  if (parsed) return Status::Ok();
  return Status("docx_unreadable", path + ": " + part + " is not well-formed XML (" +
                                       parsed.description() + " at byte " +
                                       std::to_string(parsed.offset) + ")");
}

void TrimInto(std::string_view text, std::string& out) {
  const std::size_t begin = text.find_first_not_of(' ');
  if (begin == std::string_view::npos) return;
  out.append(text.substr(begin, text.find_last_not_of(' ') - begin + 1));
}

// Walks word/document.xml's body in document order (which is also the order Word numbers
// paragraphs in) and writes the lines described in docx_reader.h.
class BodyText {
 public:
  BodyText(const WordNames& w, DocxNumbering& numbering) : w_(w), numbering_(numbering) {}

  std::string Build(const pugi::xml_node& body) {
    Blocks(body);
    return std::move(out_);
  }

 private:
  // Paragraphs and tables of the body, looking through content controls and custom XML.
  void Blocks(const pugi::xml_node& container) {
    for (pugi::xml_node node = container.first_child(); node; node = node.next_sibling()) {
      if (w_.Is(node, "p")) {
        AddLines(ParagraphText(node, /*in_cell=*/false));
      } else if (w_.Is(node, "tbl")) {
        Table(node);
      } else if (w_.Is(node, "sdt")) {
        Blocks(w_.Child(node, "sdtContent"));
      } else if (w_.Is(node, "customXml")) {
        Blocks(node);
      }
    }
  }

  void Table(const pugi::xml_node& table) {
    ForEach(table, "tr", [&](const pugi::xml_node& row) {
      std::string line;
      bool has_text = false;
      int cell_count = 0;
      ForEach(row, "tc", [&](const pugi::xml_node& cell) {
        if (cell_count++ > 0) line.push_back('\t');
        const std::size_t before = line.size();
        std::string text;
        CellBlocks(cell, text);
        TrimInto(text, line);
        has_text = has_text || line.size() > before;
      });
      if (has_text) AddLines(line);
    });
  }

  // Calls `visit` for each child `local` of `parent`, also inside w:sdt and w:customXml
  // wrappers (Word wraps rows and cells in them for content controls).
  template <typename Visit>
  void ForEach(const pugi::xml_node& parent, std::string_view local, Visit&& visit) {
    for (pugi::xml_node node = parent.first_child(); node; node = node.next_sibling()) {
      if (w_.Is(node, local)) {
        visit(node);
      } else if (w_.Is(node, "sdt")) {
        ForEach(w_.Child(node, "sdtContent"), local, visit);
      } else if (w_.Is(node, "customXml")) {
        ForEach(node, local, visit);
      }
    }
  }

  // A cell's paragraphs, and the cells of any table nested in it, joined by spaces.
  void CellBlocks(const pugi::xml_node& container, std::string& text) {
    for (pugi::xml_node node = container.first_child(); node; node = node.next_sibling()) {
      if (w_.Is(node, "p")) {
        std::string paragraph;
        TrimInto(ParagraphText(node, /*in_cell=*/true), paragraph);
        if (paragraph.empty()) continue;
        if (!text.empty()) text.push_back(' ');
        text += paragraph;
      } else if (w_.Is(node, "tbl")) {
        ForEach(node, "tr", [&](const pugi::xml_node& row) {
          ForEach(row, "tc", [&](const pugi::xml_node& cell) { CellBlocks(cell, text); });
        });
      } else if (w_.Is(node, "sdt")) {
        CellBlocks(w_.Child(node, "sdtContent"), text);
      } else if (w_.Is(node, "customXml")) {
        CellBlocks(node, text);
      }
    }
  }

  std::string ParagraphText(const pugi::xml_node& paragraph, bool in_cell) {
    std::string text = numbering_.NextLabel(paragraph, w_);
    const std::size_t label_end = text.size();
    Inline(paragraph, in_cell, text);
    // Word separates the label from the text by a tab; a space keeps '\t' for table cells.
    if (label_end > 0 && text.size() > label_end) text.insert(label_end, " ");
    return text;
  }

  // The text of runs under `node`: w:t as written, w:tab a space, w:br a line break (a space
  // in a table cell, whose row is one line). Deleted text, field codes and the Fallback half
  // of mc:AlternateContent (a second copy of the Choice) are skipped.
  void Inline(const pugi::xml_node& node, bool in_cell, std::string& out) {
    for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
      if (child.type() != pugi::node_element) continue;
      if (w_.Is(child, "t")) {
        for (const char* c = child.child_value(); *c != '\0'; ++c) {
          out.push_back(*c == '\t' || *c == '\n' || *c == '\r' ? ' ' : *c);
        }
      } else if (w_.Is(child, "tab") || w_.Is(child, "ptab")) {
        out.push_back(' ');
      } else if (w_.Is(child, "br") || w_.Is(child, "cr")) {
        out.push_back(in_cell ? ' ' : '\n');
      } else if (w_.Is(child, "noBreakHyphen")) {
        out.push_back('-');
      } else if (w_.Is(child, "p")) {  // a paragraph of a text box inside this one
        if (!out.empty() && out.back() != ' ' && out.back() != '\n') out.push_back(' ');
        Inline(child, in_cell, out);
      } else if (!Skipped(child)) {
        Inline(child, in_cell, out);
      }
    }
  }

  bool Skipped(const pugi::xml_node& node) const {
    const std::string_view name = node.name();
    return w_.Is(node, "del") || w_.Is(node, "moveFrom") || w_.Is(node, "instrText") ||
           w_.Is(node, "delText") || w_.Is(node, "pPr") || w_.Is(node, "rPr") ||
           name.ends_with(":Fallback");
  }

  // Adds `text` as lines (it holds '\n' from w:br), trimmed, leaving out empty ones.
  void AddLines(std::string_view text) {
    for (std::size_t start = 0;;) {
      const std::size_t newline = text.find('\n', start);
      std::string line;
      TrimInto(text.substr(start, newline - start), line);
      if (!line.empty()) {
        if (!out_.empty()) out_.push_back('\n');
        out_ += line;
      }
      if (newline == std::string_view::npos) break;
      start = newline + 1;
    }
  }

  const WordNames& w_;
  DocxNumbering& numbering_;
  std::string out_;
};

// numbering.xml and styles.xml are optional parts; a missing one leaves `xml` empty.
Status ReadOptionalXml(const std::string& path, zip_t* archive, const char* part, std::string& data,
                       pugi::xml_document& xml) {
  Result<std::optional<std::string>> bytes = ReadPart(path, archive, part);
  if (!bytes.ok()) return bytes.status();
  if (!bytes.value()) return Status::Ok();
  data = std::move(*bytes.value());
  return ParseXml(path, part, data, xml);
}

Result<std::vector<Page>> ReadDocx(const std::string& path, std::string_view bytes) {
  const ZipArchive archive = OpenZip(bytes);
  if (archive == nullptr) {
    return Status("docx_unreadable", path + ": cannot open DOCX (damaged or truncated zip)");
  }
  Result<std::optional<std::string>> document_bytes = ReadPart(path, archive.get(), kDocumentPart);
  if (!document_bytes.ok()) return document_bytes.status();
  if (!document_bytes.value()) {
    return Status("docx_unreadable", path + ": no word/document.xml part");
  }
  pugi::xml_document document, numbering_xml, styles_xml;
  std::string numbering_bytes, styles_bytes;
  if (Status s = ParseXml(path, kDocumentPart, *document_bytes.value(), document); !s.ok()) {
    return s;
  }
  // A damaged numbering or styles part is reported rather than ignored: without it the
  // recommendation numbers Word would show could silently go missing.
  if (Status s = ReadOptionalXml(path, archive.get(), "word/numbering.xml", numbering_bytes,
                                 numbering_xml);
      !s.ok()) {
    return s;
  }
  if (Status s = ReadOptionalXml(path, archive.get(), "word/styles.xml", styles_bytes, styles_xml);
      !s.ok()) {
    return s;
  }
  const pugi::xml_node root = document.document_element();
  const WordNames w(root);
  DocxNumbering numbering(numbering_xml.document_element(), styles_xml.document_element());
  std::string text = BodyText(w, numbering).Build(w.Child(root, "body"));
  return std::vector<Page>{{1, std::move(text)}};
}

}  // namespace

ZipContent InspectZip(std::string_view bytes) {
  if (!bytes.starts_with(kZipSignature)) return ZipContent::kNotZip;
  const ZipArchive archive = OpenZip(bytes);
  if (archive == nullptr) {
    // File names are stored uncompressed in local headers, so a truncated DOCX still names
    // its main part.
    return bytes.find(kDocumentPart) != std::string_view::npos ? ZipContent::kBrokenWordDocument
                                                               : ZipContent::kDamagedZip;
  }
  if (zip_name_locate(archive.get(), kDocumentPart, ZIP_FL_NOCASE) >= 0) {
    return ZipContent::kWordDocument;
  }
  const zip_int64_t entries = zip_get_num_entries(archive.get(), 0);
  for (zip_int64_t i = 0; i < entries; ++i) {
    const char* name = zip_get_name(archive.get(), static_cast<zip_uint64_t>(i), 0);
    if (name != nullptr && std::string_view(name).starts_with("word/")) {
      return ZipContent::kBrokenWordDocument;
    }
  }
  return ZipContent::kOtherZip;
}

Result<std::vector<Page>> ReadDocxPages(const std::string& path, std::string_view bytes) {
  try {
    return ReadDocx(path, bytes);
  } catch (const std::exception& e) {  // std::bad_alloc from a huge but legal document
    return Status("docx_unreadable", path + ": cannot read DOCX (" + e.what() + ")");
  }
}

}  // namespace uprx::extractors
