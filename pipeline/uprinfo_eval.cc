#include "pipeline/uprinfo_eval.h"

#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>
#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <limits>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>

#include "extractors/state_resolver.h"

namespace uprx::pipeline {
namespace {

// ---- CSV -------------------------------------------------------------------------------------

// One pass over the bytes; quoted line breaks are kept as '\n' whatever the file used.
class CsvParser {
 public:
  CsvParser(std::string_view text, std::string_view source) : text_(text), source_(source) {}

  core::Result<std::vector<CsvRecord>> Parse() {
    while (pos_ < text_.size()) {
      core::Status step = in_quotes_ ? QuotedChar() : PlainChar();
      if (!step.ok()) return step;
    }
    if (in_quotes_) {
      return Error(quote_line_, "quoted field never closed");
    }
    EndRecord();
    return std::move(records_);
  }

 private:
  core::Status Error(int line, std::string_view why) const {
    return core::Status(
        "csv_invalid", std::string(source_) + ":" + std::to_string(line) + ": " + std::string(why));
  }

  // Consumes a line break at pos_ (CR, LF or CRLF) and counts it once.
  void SkipLineBreak() {
    if (text_[pos_] == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') ++pos_;
    ++pos_;
    ++line_;
  }

  core::Status QuotedChar() {
    const char c = text_[pos_];
    if (c == '"') {
      if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
        field_ += '"';
        pos_ += 2;
      } else {
        in_quotes_ = false;
        after_quote_ = true;
        ++pos_;
      }
    } else if (c == '\r' || c == '\n') {
      field_ += '\n';
      SkipLineBreak();
    } else {
      field_ += c;
      ++pos_;
    }
    return core::Status::Ok();
  }

  core::Status PlainChar() {
    const char c = text_[pos_];
    if (c == ',') {
      EndField();
      ++pos_;
    } else if (c == '\r' || c == '\n') {
      EndRecord();
      SkipLineBreak();
    } else if (after_quote_) {
      return Error(line_, "text after a closing quote (a quote inside a field must be doubled)");
    } else if (c == '"' && field_.empty()) {
      in_quotes_ = true;
      quote_line_ = line_;
      started_ = true;
      ++pos_;
    } else {
      field_ += c;  // a stray quote inside an unquoted field is kept as text, as readers do
      started_ = true;
      ++pos_;
    }
    return core::Status::Ok();
  }

  void EndField() {
    current_.fields.push_back(std::move(field_));
    field_.clear();
    after_quote_ = false;
    started_ = true;
  }

  void EndRecord() {
    if (started_ || !field_.empty() || after_quote_) {
      EndField();
      current_.line = record_line_;
      records_.push_back(std::move(current_));
    }
    current_ = CsvRecord();
    field_.clear();
    started_ = false;
    after_quote_ = false;
    record_line_ = line_ + 1;  // the caller is about to consume the line break
  }

  std::string_view text_;
  std::string_view source_;
  std::size_t pos_ = 0;
  int line_ = 1;
  int record_line_ = 1;
  int quote_line_ = 1;
  bool in_quotes_ = false;
  bool after_quote_ = false;
  bool started_ = false;
  std::string field_;
  CsvRecord current_;
  std::vector<CsvRecord> records_;
};

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

// ---- Tokens ----------------------------------------------------------------------------------

// UPR Info's infinitive prefix ("To further build up ..."); see MatchTokens in the header.
constexpr std::string_view kInfinitiveMarker = "to";

bool IsWordChar(UChar32 c) {
  return (U_GET_GC_MASK(c) & (U_GC_L_MASK | U_GC_N_MASK | U_GC_M_MASK)) != 0;
}

std::vector<std::string> SplitOnSpaces(const std::string& text) {
  std::vector<std::string> tokens;
  std::istringstream in(text);
  for (std::string token; in >> token;) tokens.push_back(std::move(token));
  return tokens;
}

std::vector<std::string> SortedTokens(std::string_view text) {
  std::vector<std::string> tokens = MatchTokens(text);
  std::sort(tokens.begin(), tokens.end());
  return tokens;
}

std::size_t CommonCount(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::size_t i = 0;
  std::size_t j = 0;
  std::size_t common = 0;
  while (i < a.size() && j < b.size()) {
    const int order = a[i].compare(b[j]);
    if (order == 0) {
      ++common;
      ++i;
      ++j;
    } else if (order < 0) {
      ++i;
    } else {
      ++j;
    }
  }
  return common;
}

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
  int value = 0;
  std::size_t used = 0;
  try {
    value = std::stoi(field, &used);
  } catch (const std::exception&) {
    return std::nullopt;
  }
  if (used != field.size() || value <= 0) return std::nullopt;
  return value;
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

// ---- Review JSON -----------------------------------------------------------------------------

constexpr std::string_view kSchema = "uprx/1";

std::string StringOr(const nlohmann::json& object, const char* key) {
  if (!object.is_object()) return "";
  auto it = object.find(key);
  if (it == object.end() || !it->is_string()) return "";
  return it->get<std::string>();
}

std::optional<int> IntOr(const nlohmann::json& object, const char* key) {
  if (!object.is_object()) return std::nullopt;
  auto it = object.find(key);
  if (it == object.end() || !it->is_number_integer()) return std::nullopt;
  return it->get<int>();
}

const nlohmann::json& ArrayOr(const nlohmann::json& object, const char* key) {
  static const nlohmann::json kEmpty = nlohmann::json::array();
  if (!object.is_object()) return kEmpty;
  auto it = object.find(key);
  return it != object.end() && it->is_array() ? *it : kEmpty;
}

PredictedPair PairOf(const nlohmann::json& state, const std::string& id, const std::string& text) {
  PredictedPair pair;
  pair.recommendation_id = id;
  const std::string iso3 = StringOr(state, "iso3");
  std::string written = StringOr(state, "as_written");
  if (written.empty()) written = StringOr(state, "name");
  pair.state = StringOr(state, "name").empty() ? written : StringOr(state, "name");
  pair.state_key = iso3.empty() ? StateMatchKey(written) : iso3;
  const std::string segment = StringOr(state, "segment");
  pair.text = segment.empty() ? text : segment;
  return pair;
}

void AddPairs(const nlohmann::json& recommendation, std::vector<PredictedPair>& pairs) {
  std::string id = StringOr(recommendation, "id");
  if (id.empty()) id = StringOr(recommendation, "number");
  const std::string text = StringOr(recommendation, "text");
  std::string position, stage;
  if (auto p = recommendation.find("position"); p != recommendation.end() && p->is_object()) {
    position = StringOr(*p, "value");
    stage = StringOr(*p, "stage");
  }
  const nlohmann::json& states = ArrayOr(recommendation, "recommending_states");
  // A recommendation without any State still shows up (as a pair no gold row can match), so
  // that a lost attribution is visible in the failures instead of vanishing from the counts.
  if (states.empty()) {
    pairs.push_back(PredictedPair{"", "", id, text, position, stage});
    return;
  }
  for (const nlohmann::json& state : states) {
    pairs.push_back(PairOf(state, id, text));
    pairs.back().position = position;
    pairs.back().position_stage = stage;
  }
}

EvalReview ReviewOf(const nlohmann::json& review, std::string_view file) {
  EvalReview out;
  out.file = std::string(file);
  const nlohmann::json empty_object = nlohmann::json::object();
  auto sur = review.is_object() ? review.find("state_under_review") : review.end();
  const nlohmann::json& sur_object = sur != review.end() ? *sur : empty_object;
  out.sur_name = StringOr(sur_object, "name");
  out.sur_iso3 = StringOr(sur_object, "iso3");
  out.wg_session = IntOr(review, "wg_session");
  for (const nlohmann::json& rec : ArrayOr(review, "recommendations")) AddPairs(rec, out.pairs);
  return out;
}

// ---- Scoring ---------------------------------------------------------------------------------

struct Candidate {
  double coverage = 0;
  double dice = 0;
  std::size_t pred = 0, gold = 0;
};

bool Better(const Candidate& a, const Candidate& b) {
  if (a.coverage != b.coverage) return a.coverage > b.coverage;
  if (a.dice != b.dice) return a.dice > b.dice;
  if (a.gold != b.gold) return a.gold < b.gold;  // document order, for stable output
  return a.pred < b.pred;
}

using Index = std::unordered_map<std::string, std::vector<std::size_t>>;
using TokenLists = std::vector<std::vector<std::string>>;

std::vector<std::size_t> AllIndices(std::size_t n) {
  std::vector<std::size_t> all(n);
  for (std::size_t i = 0; i < n; ++i) all[i] = i;
  return all;
}

// Scorer state for one review: tokens, indexes, the assignment.
class ReviewMatcher {
 public:
  ReviewMatcher(const EvalReview& review, const ReviewGold& gold, double threshold)
      : review_(review), gold_(gold), threshold_(threshold) {
    for (std::size_t i = 0; i < review.pairs.size(); ++i) {
      pred_tokens_.push_back(SortedTokens(review.pairs[i].text));
      pred_by_state_[review.pairs[i].state_key].push_back(i);
    }
    pred_match_.assign(review.pairs.size(), false);
    gold_match_.assign(gold.rows.size(), false);
  }

  // Greedy one-to-one assignment, best candidate first; adds the matches to `score`.
  void Assign(ReviewScore& score) {
    std::vector<Candidate> candidates = Candidates();
    std::sort(candidates.begin(), candidates.end(), Better);
    for (const Candidate& c : candidates) {
      if (pred_match_[c.pred] || gold_match_[c.gold]) continue;
      pred_match_[c.pred] = gold_match_[c.gold] = true;
      ++score.matched;
      score.matched_dice_sum += c.dice;
      ComparePosition(c.pred, c.gold, score);
    }
  }

  void Unmatched(ReviewScore& score) const {
    for (std::size_t j = 0; j < gold_.rows.size(); ++j) {
      if (gold_match_[j]) continue;
      UnmatchedItem item = UnmatchedGoldItem(j);
      item.split = CoveredByMatchedPair(j);
      score.split_covered += item.split;
      score.unmatched_gold.push_back(std::move(item));
    }
    for (std::size_t i = 0; i < review_.pairs.size(); ++i) {
      if (!pred_match_[i]) score.unmatched_predicted.push_back(UnmatchedPredictedItem(i));
    }
  }

 private:
  Candidate Compare(std::size_t i, std::size_t j) const {
    const std::vector<std::string>& g = gold_.rows[j].tokens;
    return Candidate{GoldCoverage(pred_tokens_[i], g), TokenDice(pred_tokens_[i], g), i, j};
  }

  std::vector<Candidate> Candidates() const {
    std::vector<Candidate> out;
    for (std::size_t i = 0; i < review_.pairs.size(); ++i) {
      auto same = gold_.by_state.find(review_.pairs[i].state_key);
      if (same == gold_.by_state.end()) continue;
      for (std::size_t j : same->second) {
        // The epsilon keeps a coverage of exactly the threshold (3 of 4 words at 0.75) in.
        Candidate c = Compare(i, j);
        if (c.coverage + 1e-9 >= threshold_) out.push_back(c);
      }
    }
    return out;
  }

  void ComparePosition(std::size_t i, std::size_t j, ReviewScore& score) const {
    const PredictedPair& pair = review_.pairs[i];
    const std::string& ours = pair.position;
    if (ours != "supported" && ours != "noted" && ours != "supported_in_part") return;
    const GoldRow& row = gold_.rows[j];
    auto& agreement = score.positions[pair.position_stage];
    ++agreement.compared;
    const bool accepted = row.response == "Accepted";
    if (accepted == (ours == "supported")) {
      ++agreement.agree;
      return;
    }
    score.position_disagreements.push_back(
        UnmatchedItem{pair.state, pair.recommendation_id,
                      ours + " (" + pair.position_stage + ") -> UPR Info " + row.response, 1.0,
                      row.state, row.text});
  }

  bool CoveredByMatchedPair(std::size_t j) const {
    auto same = pred_by_state_.find(gold_.rows[j].state_key);
    if (same == pred_by_state_.end()) return false;
    for (std::size_t i : same->second) {
      if (pred_match_[i] && Compare(i, j).coverage + 1e-9 >= threshold_) return true;
    }
    return false;
  }

  UnmatchedItem UnmatchedGoldItem(std::size_t j) const {
    const GoldRow& row = gold_.rows[j];
    UnmatchedItem item{row.state, row.origin, row.text, 0, "", ""};
    auto same = pred_by_state_.find(row.state_key);
    const std::vector<std::size_t> pool =
        same != pred_by_state_.end() ? same->second : AllIndices(review_.pairs.size());
    std::optional<Candidate> best;
    for (std::size_t i : pool) {
      Candidate c = Compare(i, j);
      if (!best || Better(c, *best)) best = c;
    }
    if (best) {
      item.best_similarity = best->coverage;
      item.best_state = review_.pairs[best->pred].state;
      item.best_text = review_.pairs[best->pred].text;
    }
    return item;
  }

  UnmatchedItem UnmatchedPredictedItem(std::size_t i) const {
    const PredictedPair& pair = review_.pairs[i];
    UnmatchedItem item{pair.state, pair.recommendation_id, pair.text, 0, "", ""};
    auto same = gold_.by_state.find(pair.state_key);
    const std::vector<std::size_t> pool =
        same != gold_.by_state.end() ? same->second : AllIndices(gold_.rows.size());
    std::optional<Candidate> best;
    for (std::size_t j : pool) {
      Candidate c = Compare(i, j);
      if (!best || Better(c, *best)) best = c;
    }
    if (best) {
      item.best_similarity = best->coverage;
      item.best_state = gold_.rows[best->gold].state;
      item.best_text = gold_.rows[best->gold].text;
    }
    return item;
  }

  const EvalReview& review_;
  const ReviewGold& gold_;
  double threshold_;
  TokenLists pred_tokens_;
  Index pred_by_state_;
  std::vector<bool> pred_match_, gold_match_;
};

std::string SurKey(const EvalReview& review) {
  return review.sur_iso3.empty() ? StateMatchKey(review.sur_name) : review.sur_iso3;
}

}  // namespace

// ---- Public functions ------------------------------------------------------------------------

core::Result<std::vector<CsvRecord>> ParseCsv(std::string_view text, std::string_view source) {
  return CsvParser(text, source).Parse();
}

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

std::vector<std::string> MatchTokens(std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  if (U_SUCCESS(status)) text = nfc->normalize(text, status);
  text.foldCase();
  icu::UnicodeString words;
  for (int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1)) {
    const UChar32 c = text.char32At(i);
    words.append(IsWordChar(c) ? c : UChar32{' '});
  }
  std::string folded;
  words.toUTF8String(folded);
  std::vector<std::string> tokens = SplitOnSpaces(folded);
  if (!tokens.empty() && tokens.front() == kInfinitiveMarker) tokens.erase(tokens.begin());
  return tokens;
}

double GoldCoverage(const std::vector<std::string>& predicted,
                    const std::vector<std::string>& gold) {
  if (predicted.empty() || gold.empty()) return 0;
  return static_cast<double>(CommonCount(predicted, gold)) / static_cast<double>(gold.size());
}

double TokenDice(const std::vector<std::string>& predicted, const std::vector<std::string>& gold) {
  if (predicted.empty() || gold.empty()) return 0;
  return 2.0 * static_cast<double>(CommonCount(predicted, gold)) /
         static_cast<double>(predicted.size() + gold.size());
}

std::string StateMatchKey(std::string_view name) {
  if (auto state = extractors::StateResolver::Default().Resolve(name)) return state->iso3;
  return "?" + extractors::StateKey(name);
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

core::Result<UprInfoLabels> UprInfoLabels::LoadDirectory(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code error;
  std::vector<fs::path> paths;
  for (fs::directory_iterator it(dir, error), end; !error && it != end; it.increment(error)) {
    if (it->is_regular_file() && it->path().extension() == ".csv") paths.push_back(it->path());
  }
  if (error) return core::Status("unreadable", dir + ": " + error.message());
  if (paths.empty()) return core::Status("unreadable", dir + ": no *.csv file");
  std::sort(paths.begin(), paths.end());
  std::vector<LabelFile> files;
  for (const fs::path& path : paths) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (!in) return core::Status("unreadable", path.string() + ": cannot read");
    files.push_back(LabelFile{path.filename().string(), std::move(bytes).str()});
  }
  return FromFiles(files);
}

const ReviewGold* UprInfoLabels::Find(std::string_view sur_key, int session) const {
  auto it = reviews_.find(ReviewKey(std::string(sur_key), session));
  return it == reviews_.end() ? nullptr : &it->second;
}

core::Result<std::vector<EvalReview>> ParseEvalReviews(std::string_view json,
                                                       std::string_view file) {
  const std::string name(file);
  try {
    const nlohmann::json doc = nlohmann::json::parse(json);
    if (!doc.is_object() || StringOr(doc, "schema") != kSchema) {
      return core::Status("not_uprx", name + ": not a uprx/1 document (no \"schema\": \"" +
                                          std::string(kSchema) + "\")");
    }
    std::vector<EvalReview> reviews;
    for (const nlohmann::json& review : ArrayOr(doc, "reviews")) {
      reviews.push_back(ReviewOf(review, file));
    }
    return reviews;
  } catch (const nlohmann::json::exception& e) {
    return core::Status("json_invalid", name + ": " + e.what());
  }
}

core::Result<std::vector<EvalReview>> ReadEvalReviews(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return core::Status("unreadable", path + ": cannot open");
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (in.bad()) return core::Status("unreadable", path + ": read error");
  return ParseEvalReviews(bytes.str(), path);
}

std::optional<double> ReviewScore::recall() const {
  if (gold == 0) return std::nullopt;
  return static_cast<double>(matched) / static_cast<double>(gold);
}

std::optional<double> ReviewScore::split_aware_recall() const {
  if (gold == 0) return std::nullopt;
  return static_cast<double>(matched + split_covered) / static_cast<double>(gold);
}

std::optional<double> ReviewScore::precision() const {
  if (predicted == 0 || !has_gold) return std::nullopt;
  return static_cast<double>(matched) / static_cast<double>(predicted);
}

double ReviewScore::f1() const {
  const double r = recall().value_or(0);
  const double p = precision().value_or(0);
  return r + p > 0 ? 2 * r * p / (r + p) : 0;
}

std::optional<double> ReviewScore::mean_matched_dice() const {
  if (matched == 0) return std::nullopt;
  return matched_dice_sum / static_cast<double>(matched);
}

ReviewScore UprInfoScorer::Score(const EvalReview& review) const {
  ReviewScore score;
  score.file = review.file;
  score.sur = review.sur_iso3.empty() ? review.sur_name : review.sur_iso3;
  score.wg_session = review.wg_session;
  score.predicted = review.pairs.size();
  const ReviewGold* gold =
      review.wg_session ? labels_.Find(SurKey(review), *review.wg_session) : nullptr;
  static const ReviewGold kNoGold;
  score.has_gold = gold != nullptr;
  ReviewMatcher matcher(review, score.has_gold ? *gold : kNoGold, threshold_);
  score.gold = score.has_gold ? gold->rows.size() : 0;
  matcher.Assign(score);
  matcher.Unmatched(score);
  return score;
}

EvalSummary Summarize(const std::vector<ReviewScore>& scores, std::size_t worst_count) {
  EvalSummary summary;
  std::vector<const ReviewScore*> scored;
  for (const ReviewScore& s : scores) {
    if (!s.has_gold) {
      summary.without_gold.push_back(&s);
      continue;
    }
    scored.push_back(&s);
    summary.gold += s.gold;
    summary.predicted += s.predicted;
    summary.matched += s.matched;
    summary.split_covered += s.split_covered;
    for (const auto& [stage, a] : s.positions) {
      summary.positions[stage].compared += a.compared;
      summary.positions[stage].agree += a.agree;
    }
    if (s.recall().value_or(0) >= kCompleteRecall) ++summary.complete;
    if (s.split_aware_recall().value_or(0) >= kCompleteRecall) ++summary.complete_split_aware;
  }
  summary.reviews_scored = scored.size();
  double dice_sum = 0;
  for (const ReviewScore* s : scored) dice_sum += s->matched_dice_sum;
  summary.mean_matched_dice =
      summary.matched == 0 ? 0.0 : dice_sum / static_cast<double>(summary.matched);
  auto share = [](std::size_t part, std::size_t whole) {
    return whole == 0 ? 0.0 : static_cast<double>(part) / static_cast<double>(whole);
  };
  summary.micro_recall = share(summary.matched, summary.gold);
  summary.split_aware_recall = share(summary.matched + summary.split_covered, summary.gold);
  summary.micro_precision = share(summary.matched, summary.predicted);
  std::stable_sort(scored.begin(), scored.end(), [](const ReviewScore* a, const ReviewScore* b) {
    if (a->f1() != b->f1()) return a->f1() < b->f1();
    return a->file < b->file;
  });
  scored.resize(std::min(scored.size(), worst_count));
  summary.worst = std::move(scored);
  return summary;
}

}  // namespace uprx::pipeline
