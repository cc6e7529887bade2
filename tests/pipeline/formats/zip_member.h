// One member of a zip archive held in memory (an XLSX workbook's parts), for tests that read
// back what the writers produced. libzip, as the DOCX reader uses.
#ifndef UPRX_TESTS_PIPELINE_FORMATS_ZIP_MEMBER_H_
#define UPRX_TESTS_PIPELINE_FORMATS_ZIP_MEMBER_H_

#include <zip.h>

#include <optional>
#include <string>

namespace uprx::testing {

// The bytes of `name` in the archive `bytes`; nullopt when `bytes` is not a zip archive, "" when
// the archive has no such member.
inline std::optional<std::string> ZipMember(const std::string& bytes, const char* name) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* archive = src ? zip_open_from_source(src, ZIP_RDONLY, &error) : nullptr;
  zip_error_fini(&error);
  if (!archive) {
    if (src) zip_source_free(src);
    return std::nullopt;
  }
  std::string out;
  if (zip_file_t* f = zip_fopen(archive, name, 0)) {
    char buf[4096];
    for (zip_int64_t n; (n = zip_fread(f, buf, sizeof buf)) > 0;) {
      out.append(buf, static_cast<std::size_t>(n));
    }
    zip_fclose(f);
  }
  zip_close(archive);
  return out;
}

}  // namespace uprx::testing

#endif  // UPRX_TESTS_PIPELINE_FORMATS_ZIP_MEMBER_H_
