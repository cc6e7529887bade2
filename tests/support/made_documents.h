// Documents made in memory for tests: a minimal PDF (pages of text, optional extra objects and
// trailer keys, e.g. an /Encrypt dictionary) and a zip archive (a DOCX is one), so that tests of
// bad input need no binary fixture files.
//
//   std::string pdf = MakePdf({TextObject({"115.1 Take further steps"})});
//   std::string docx = MakeZip({{"word/document.xml", "<w:document>...</w:document>"}});
#ifndef UPRX_TESTS_SUPPORT_MADE_DOCUMENTS_H_
#define UPRX_TESTS_SUPPORT_MADE_DOCUMENTS_H_

#include <zip.h>

#include <cstdint>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

namespace uprx::testing {

// A PDF written here: one page per content stream, the base-14 Helvetica font in
// WinAnsiEncoding, a correct cross-reference table, and optional extra objects and trailer keys.
inline std::string MakePdf(const std::vector<std::string>& contents,
                           const std::string& trailer_extra = "",
                           const std::vector<std::string>& extra_objects = {}) {
  const std::size_t first_page = 4;
  std::string kids;
  for (std::size_t i = 0; i < contents.size(); ++i) {
    kids += std::to_string(first_page + 2 * i) + " 0 R ";
  }
  std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(contents.size()) + " >>",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"};
  for (std::size_t i = 0; i < contents.size(); ++i) {
    objects.push_back(
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R "
        ">> >> /Contents " +
        std::to_string(first_page + 2 * i + 1) + " 0 R >>");
    objects.push_back("<< /Length " + std::to_string(contents[i].size()) + " >>\nstream\n" +
                      contents[i] + "\nendstream");
  }
  objects.insert(objects.end(), extra_objects.begin(), extra_objects.end());
  std::string pdf = "%PDF-1.4\n";
  std::string xref = "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (std::size_t i = 0; i < objects.size(); ++i) {
    char entry[21];
    std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", pdf.size());
    xref += entry;
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const std::size_t xref_offset = pdf.size();
  return pdf + xref + "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R " +
         trailer_extra + " >>\nstartxref\n" + std::to_string(xref_offset) + "\n%%EOF\n";
}

inline std::string TextObject(const std::vector<std::string>& lines) {
  std::string content = "BT /F1 11 Tf 72 720 Td 14 TL";
  for (const std::string& line : lines) content += " (" + line + ") '";
  return content + " ET";
}

// A zip archive built in memory with libzip: part name -> content.
inline std::string MakeZip(const std::map<std::string, std::string>& parts) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  zip_source_keep(buffer);
  for (const auto& [name, content] : parts) {
    zip_source_t* part = zip_source_buffer(archive, content.data(), content.size(), 0);
    zip_file_add(archive, name.c_str(), part, ZIP_FL_ENC_UTF_8);
  }
  zip_close(archive);
  std::string bytes;
  zip_source_open(buffer);
  zip_source_seek(buffer, 0, SEEK_END);
  bytes.resize(static_cast<std::size_t>(zip_source_tell(buffer)));
  zip_source_seek(buffer, 0, SEEK_SET);
  zip_source_read(buffer, bytes.data(), bytes.size());
  zip_source_close(buffer);
  zip_source_free(buffer);
  zip_error_fini(&error);
  return bytes;
}

// Sets the uncompressed size of every entry, in local and central headers, to `size`.
inline void DeclareUncompressedSize(std::string& zip, std::uint32_t size) {
  const auto patch = [&](const std::string& signature, std::size_t field) {
    for (std::size_t at = zip.find(signature); at != std::string::npos;
         at = zip.find(signature, at + 4)) {
      for (int i = 0; i < 4; ++i) zip[at + field + i] = static_cast<char>(size >> (8 * i));
    }
  };
  patch("PK\x03\x04", 22);
  patch("PK\x01\x02", 24);
}

}  // namespace uprx::testing

#endif  // UPRX_TESTS_SUPPORT_MADE_DOCUMENTS_H_
