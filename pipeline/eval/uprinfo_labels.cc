// Reading the UPR Info export: its CSV (RFC 4180, CR line endings, Mac Roman text) and the
// gold rows of each review. Matching and scoring are in uprinfo_eval.cc.
#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <limits>
#include <memory>
#include <sstream>

#include "extractors/state_resolver.h"
#include "pipeline/core/text_util.h"
#include "pipeline/eval/uprinfo_eval.h"

namespace uprx::pipeline {
namespace {

bool IsValidUtf8(std::string_view bytes) {
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  const auto length = static_cast<int32_t>(bytes.size());
  int32_t i = 0;
  while (i < length) {
    UChar32 c = 0;
    U8_NEXT(s, i, length, c);
    if (c < 0) return false;
  }
  return true;
}

// ICU's name for Mac OS Roman.
constexpr const char* kMacRomanConverter = "macintosh";
constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// ---- Label files -----------------------------------------------------------------------------

// Header names of the columns the evaluation reads (the export's schema).
struct Columns {
  std::size_t to = 0, text = 0, from = 0, response = 0, session = 0, count = 0;
};

core::Result<Columns> FindColumns(const CsvRecord& header, std::string_view source) {
  auto find = [&](std::string_view name) -> std::optional<std::size_t> {
    for (std::size_t i = 0; i < header.fields.size(); ++i) {
      if (header.fields[i] == name) return i;
    }
    return std::nullopt;
  };
  Columns c;
  c.count = header.fields.size();
  const std::pair<std::string_view, std::size_t*> wanted[] = {{"To", &c.to},
                                                              {"Text", &c.text},
                                                              {"From", &c.from},
                                                              {"Response", &c.response},
                                                              {"Session", &c.session}};
  for (const auto& [name, index] : wanted) {
    std::optional<std::size_t> at = find(name);
    if (!at) {
      return core::Status("labels_invalid", std::string(source) + ":" +
                                                std::to_string(header.line) + ": no column '" +
                                                std::string(name) + "'");
    }
    *index = *at;
  }
  return c;
}

std::optional<int> ParseSession(const std::string& field) {
  return core::ParseBoundedInt(field, 1, std::numeric_limits<int>::max());
}

// Resolving a name runs ICU folding; the export repeats ~200 names 41,000 times.
class StateKeyCache {
 public:
  const std::string& Get(const std::string& name) {
    auto it = keys_.find(name);
    if (it == keys_.end()) it = keys_.emplace(name, StateMatchKey(name)).first;
    return it->second;
  }

 private:
  std::unordered_map<std::string, std::string> keys_;
};

using ReviewKey = std::pair<std::string, int>;
// Rows of every review, per file that holds it (file index -> rows).
using RowsByFile = std::map<ReviewKey, std::map<std::size_t, std::vector<GoldRow>>>;

struct FileTally {
  std::size_t pledges = 0;
};

core::Status ReadLabelFile(const LabelFile& file, std::size_t file_index, StateKeyCache& keys,
                           RowsByFile& out, FileTally& tally) {
  core::Result<std::string> text = LabelTextToUtf8(file.bytes, file.name);
  if (!text.ok()) return text.status();
  core::Result<std::vector<CsvRecord>> records = ParseCsv(text.value(), file.name);
  if (!records.ok()) return records.status();
  if (records.value().empty()) return core::Status::Ok();
  core::Result<Columns> columns = FindColumns(records.value().front(), file.name);
  if (!columns.ok()) return columns.status();
  const Columns& c = columns.value();
  for (std::size_t r = 1; r < records.value().size(); ++r) {
    CsvRecord& record = records.value()[r];
    const std::string where = file.name + ":" + std::to_string(record.line) + ": ";
    if (record.fields.size() != c.count) {
      return core::Status("labels_invalid", where + "expected " + std::to_string(c.count) +
                                                " fields, got " +
                                                std::to_string(record.fields.size()));
    }
    std::optional<int> session = ParseSession(record.fields[c.session]);
    if (!session) {
      return core::Status("labels_invalid",
                          where + "Session '" + record.fields[c.session] + "' is not a number");
    }
    GoldRow row;
    row.sur = std::move(record.fields[c.to]);
    row.state = std::move(record.fields[c.from]);
    row.state_key = keys.Get(row.state);
    const std::string& sur_key = keys.Get(row.sur);
    // A State does not recommend to itself: such rows are voluntary pledges.
    if (row.state_key == sur_key) {
      ++tally.pledges;
      continue;
    }
    row.text = std::move(record.fields[c.text]);
    row.response = std::move(record.fields[c.response]);
    row.session = *session;
    row.origin = file.name + ":" + std::to_string(record.line);
    row.tokens = SortedTokens(row.text);
    out[{sur_key, *session}][file_index].push_back(std::move(row));
  }
  return core::Status::Ok();
}

// The session-17 overlap. The export comes as separate downloads (1-5, 6-9, 10-13, 14-17,
// 17-20); two downloads could both hold a session. In the corpus at hand 17-20.csv turns out to
// hold no session-17 row at all (sessions 18-20 only), so nothing overlaps today, but a future
// export might, and its copy need not be identical row for row (UPR Info edits texts). Merging
// two downloads of one review would count each recommendation twice, and dropping only exact
// duplicates would keep both versions of an edited row. So a review (SuR, session) is taken whole
// from one file: the one holding the most rows for it (the more complete download), the first in
// file order on a tie. Duplicate rows *within* a file are kept: the same State can make the same
// recommendation twice in one report (Lesotho 2010 repeats Chad's in 97.3 and 100.15).
ReviewGold PickOneFile(std::map<std::size_t, std::vector<GoldRow>>& by_file, std::size_t& dropped) {
  auto chosen = by_file.begin();
  for (auto it = by_file.begin(); it != by_file.end(); ++it) {
    if (it->second.size() > chosen->second.size()) chosen = it;
  }
  for (auto it = by_file.begin(); it != by_file.end(); ++it) {
    if (it != chosen) dropped += it->second.size();
  }
  ReviewGold gold;
  gold.rows = std::move(chosen->second);
  for (std::size_t i = 0; i < gold.rows.size(); ++i) {
    gold.by_state[gold.rows[i].state_key].push_back(i);
  }
  return gold;
}

}  // namespace

core::Result<std::string> LabelTextToUtf8(std::string_view bytes, std::string_view source) {
  if (bytes.size() > static_cast<std::size_t>(std::numeric_limits<int32_t>::max())) {
    return core::Status("labels_invalid", std::string(source) + ": file too large");
  }
  if (IsValidUtf8(bytes)) {
    if (bytes.starts_with(kUtf8Bom)) bytes.remove_prefix(kUtf8Bom.size());
    return std::string(bytes);
  }
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, decltype(&ucnv_close)> converter(
      ucnv_open(kMacRomanConverter, &status), &ucnv_close);
  if (U_FAILURE(status)) {
    return core::Status("labels_invalid", std::string(source) +
                                              ": not UTF-8, and ICU has no Mac Roman converter (" +
                                              u_errorName(status) + ")");
  }
  icu::UnicodeString unicode(bytes.data(), static_cast<int32_t>(bytes.size()), converter.get(),
                             status);
  if (U_FAILURE(status)) {
    return core::Status("labels_invalid", std::string(source) + ": cannot decode as Mac Roman (" +
                                              u_errorName(status) + ")");
  }
  std::string utf8;
  unicode.toUTF8String(utf8);
  return utf8;
}

core::Result<UprInfoLabels> UprInfoLabels::FromFiles(const std::vector<LabelFile>& files) {
  StateKeyCache keys;
  RowsByFile by_file;
  FileTally tally;
  for (std::size_t f = 0; f < files.size(); ++f) {
    core::Status read = ReadLabelFile(files[f], f, keys, by_file, tally);
    if (!read.ok()) return read;
  }
  UprInfoLabels labels;
  labels.pledges_skipped_ = tally.pledges;
  for (auto& [key, files_of_review] : by_file) {
    ReviewGold gold = PickOneFile(files_of_review, labels.overlap_rows_dropped_);
    labels.rows_ += gold.rows.size();
    labels.reviews_.emplace(key, std::move(gold));
  }
  return labels;
}

core::Result<std::vector<LabelFile>> ReadLabelFiles(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code error;
  std::vector<fs::path> paths;
  if (fs::is_directory(path, error)) {
    for (fs::directory_iterator it(path, error), end; !error && it != end; it.increment(error)) {
      if (it->is_regular_file() && it->path().extension() == ".csv") paths.push_back(it->path());
    }
    if (error) return core::Status("unreadable", path + ": " + error.message());
    if (paths.empty()) return core::Status("unreadable", path + ": no *.csv file");
    std::sort(paths.begin(), paths.end());
  } else {
    paths.push_back(path);
  }
  std::vector<LabelFile> files;
  for (const fs::path& p : paths) {
    auto bytes = core::ReadWholeFile(p.string(), "label file");
    if (!bytes.ok()) return bytes.status();
    files.push_back(LabelFile{p.filename().string(), std::move(bytes).value()});
  }
  return files;
}

core::Result<UprInfoLabels> UprInfoLabels::LoadDirectory(const std::string& dir) {
  auto files = ReadLabelFiles(dir);
  if (!files.ok()) return files.status();
  return FromFiles(files.value());
}

const ReviewGold* UprInfoLabels::Find(std::string_view sur_key, int session) const {
  auto it = reviews_.find(ReviewKey(std::string(sur_key), session));
  return it == reviews_.end() ? nullptr : &it->second;
}

}  // namespace uprx::pipeline
