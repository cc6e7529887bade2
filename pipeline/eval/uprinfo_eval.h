// Scores extracted recommendations (uprx/1 JSON) against the UPR Info database export: how many
// of UPR Info's (recommendation x recommending State) rows an extraction found, and how many of
// the extraction's pairs UPR Info confirms.
//
//   auto labels = UprInfoLabels::LoadDirectory("../shared/corpora/labels/uprinfo");
//   if (!labels.ok()) { std::cerr << labels.status().ToString() << "\n"; return 1; }
//   UprInfoScorer scorer(labels.value());              // immutable; Score() is thread-safe
//   auto reviews = ReadEvalReviews("KHM-c2.json");     // every review in one uprx/1 file
//   for (const EvalReview& r : reviews.value()) scores.push_back(scorer.Score(r));
//   EvalSummary summary = Summarize(scores);
//
// Gold pairs of a review are the UPR Info rows whose `To` names the review's State under
// review and whose `Session` is the review's WG session. Predicted pairs are every (recommending
// State, text) of every recommendation, where the text is the State's `segment` when it has one
// (UPR Info then lists that clause alone) and the recommendation's text otherwise.
//
// Matching is one-to-one and needs the same State (ISO3 when the name resolves, else the folded
// name). Text similarity is *gold coverage*: the share of the UPR Info row's tokens (as a
// multiset) that the predicted text contains, after MatchTokens() normalisation. Why coverage
// and not a symmetric score: UPR Info shortens texts (drops a trailing clause, keeps one
// instrument of a list, cuts long texts), so a correct extraction is often a superset of the
// gold text, which Dice punishes (the token Dice of correct pairs goes down to 0.15); a truncated
// extraction ("Sign" for "Sign and ratify the Optional Protocol to CAT") covers little of the
// gold row and fails. Calibrated on the Terman-Voeten peer parse of the 212 reports: 98% of the
// best same-State pairs have coverage 1.0 and the rest thin out down to about 0.7, where
// reworded but correct pairs ("Consider positively ratifying [and adhere to] the American
// Convention": 0.75) meet wrong ones (OP-CAT vs CAT, 0.68-0.73; ICRMW vs CED, 0.6). Micro recall
// moves only from 0.941 to 0.947 for thresholds between 0.9 and 0.5 (0.924 at 1.0, exact words),
// so the default 0.75 sits on that plateau just above the first wrong pairs. Candidates are
// assigned greedily, best coverage first, ties broken by token Dice so that of two texts covering
// a short gold row the one closest in length wins. Coverage forgives texts that are too long (an
// unsplit multi-State item); the mean Dice of matched pairs is reported beside it for that.
#ifndef UPRX_PIPELINE_EVAL_UPRINFO_EVAL_H_
#define UPRX_PIPELINE_EVAL_UPRINFO_EVAL_H_

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "pipeline/core/position_value.h"
#include "pipeline/core/status.h"
#include "pipeline/formats/csv_reader.h"

namespace uprx::pipeline {

inline constexpr double kDefaultMatchThreshold = 0.75;
// A review counts as complete when its recall reaches this.
inline constexpr double kCompleteRecall = 0.98;

// Bytes of a label file as UTF-8: valid UTF-8 is kept (a BOM dropped); anything else is read as
// Mac OS Roman, the encoding of the UPR Info export (classic-Mac CR line endings, 0x8E for é).
[[nodiscard]] core::Result<std::string> LabelTextToUtf8(std::string_view bytes,
                                                        std::string_view source);

// ---- Text and State keys ---------------------------------------------------------------------

// The words compared: NFC, case-folded, every character that is not a letter, digit or mark
// becomes a space (so curly and straight quotes, dashes and slashes all vanish), then split on
// spaces. A leading "to" is dropped because UPR Info writes some items in the infinitive ("To
// further build up ...") where the report has the imperative, and vice versa.
std::vector<std::string> MatchTokens(std::string_view utf8);
// MatchTokens, sorted (the form coverage and Dice are computed on).
std::vector<std::string> SortedTokens(std::string_view utf8);

// Share of `gold`'s tokens (multiset, each list sorted) also in `predicted`; 0 when either is
// empty.
double GoldCoverage(const std::vector<std::string>& predicted,
                    const std::vector<std::string>& gold);
// 2|P∩G| / (|P|+|G|) over the same sorted multisets; the tie-breaker.
double TokenDice(const std::vector<std::string>& predicted, const std::vector<std::string>& gold);

// What two State names are compared by: the ISO3 code when StateResolver knows the name, else
// "?" + StateKey(name) so that two spellings of an unknown name still meet.
std::string StateMatchKey(std::string_view name);

// ---- Gold: the UPR Info export ---------------------------------------------------------------

struct GoldRow {
  std::string sur;    // `To` as written
  std::string state;  // `From` as written
  std::string state_key;
  std::string text;
  std::string response;  // Accepted | Noted
  int session = 0;
  std::string origin;               // "14-17.csv:123"
  std::vector<std::string> tokens;  // MatchTokens(text), sorted
};

// The gold rows of one review, indexed by recommending State.
struct ReviewGold {
  std::vector<GoldRow> rows;
  std::unordered_map<std::string, std::vector<std::size_t>> by_state;  // state_key -> rows
};

struct LabelFile {
  std::string name;   // shown in errors and in GoldRow::origin
  std::string bytes;  // file content, any encoding LabelTextToUtf8 reads
};

// The label files at `path`: the file itself, or every *.csv of a directory sorted by name.
// Fails ("unreadable") naming the path when it cannot be read or a directory holds no CSV.
[[nodiscard]] core::Result<std::vector<LabelFile>> ReadLabelFiles(const std::string& path);

class UprInfoLabels {
 public:
  // Every *.csv in `dir` (sorted by name). Rows whose `From` is the State under review are
  // voluntary pledges (all of voluntary.csv) and are skipped. A review present in several files
  // is taken from one file only (see the .cc: the session-17 overlap).
  [[nodiscard]] static core::Result<UprInfoLabels> LoadDirectory(const std::string& dir);
  // The same from contents; files take precedence in the order given when a review ties.
  [[nodiscard]] static core::Result<UprInfoLabels> FromFiles(const std::vector<LabelFile>& files);

  // The gold of one review (SuR key as StateMatchKey gives, WG session); nullptr when none.
  const ReviewGold* Find(std::string_view sur_key, int session) const;
  std::size_t rows() const { return rows_; }
  std::size_t reviews() const { return reviews_.size(); }
  std::size_t pledges_skipped() const { return pledges_skipped_; }
  // Rows dropped because another file held the same review (the session-17 overlap).
  std::size_t overlap_rows_dropped() const { return overlap_rows_dropped_; }

 private:
  std::map<std::pair<std::string, int>, ReviewGold> reviews_;
  std::size_t rows_ = 0;
  std::size_t pledges_skipped_ = 0;
  std::size_t overlap_rows_dropped_ = 0;
};

// ---- Predictions: uprx/1 reviews -------------------------------------------------------------

struct PredictedPair {
  std::string state;      // name, or as written when unresolved
  std::string state_key;  // ISO3, or StateMatchKey(as_written) when iso3 is null
  std::string recommendation_id;
  std::string text;  // the segment when the State made a clause, else the recommendation
  core::PositionValue position = core::PositionValue::kUnknown;
  std::string position_stage;  // working_group | addendum | thematic_list
};

struct EvalReview {
  std::string file;
  std::string sur_name;
  std::string sur_iso3;  // "" when null
  std::optional<int> wg_session;
  std::vector<PredictedPair> pairs;
};

// Every review of a uprx/1 document. Fails (code "json_invalid" / "not_uprx") naming `file`.
[[nodiscard]] core::Result<std::vector<EvalReview>> ParseEvalReviews(std::string_view json,
                                                                     std::string_view file);
// Reads `path` and parses it; code "unreadable" when the file cannot be read.
[[nodiscard]] core::Result<std::vector<EvalReview>> ReadEvalReviews(const std::string& path);

// ---- Scores ----------------------------------------------------------------------------------

// A gold row or predicted pair left without a partner, with the nearest candidate for
// diagnosis: the best-covering one of the same State, or of any State when the review holds
// none of that State (which points at a name that did not resolve).
struct UnmatchedItem {
  std::string state;
  std::string id;  // predicted: recommendation id; gold: "file.csv:line"
  std::string text;
  double best_similarity = 0;
  std::string best_state;
  std::string best_text;
  bool split = false;  // gold only: covered by a matched pair of the same State (see below)
};

struct ReviewScore {
  std::string file;
  std::string sur;  // ISO3, or the name when unresolved
  std::optional<int> wg_session;
  bool has_gold = false;  // false: UPR Info holds no row for this SuR and session
  std::size_t gold = 0, predicted = 0, matched = 0;
  // Sum of the token Dice of the matched pairs: coverage forgives a predicted text that is too
  // long (an unsplit multi-State item, two items run together), Dice shows it.
  double matched_dice_sum = 0;
  // Unmatched gold rows whose words a same-State pair contains although that pair matched
  // another row: UPR Info split one printed recommendation into several rows for one State
  // ("Ratify OP-CAT and CED (Uruguay)" -> one row per treaty). Strict recall leaves them out;
  // split-aware recall counts them.
  std::size_t split_covered = 0;
  // Positions of matched pairs against UPR Info's final Response, for the pairs whose position
  // is final (supported = Accepted; noted and supported_in_part = Noted, as UPR Info counts a
  // partial acceptance), by the stage that settled it.
  struct PositionAgreement {
    std::size_t compared = 0, agree = 0;
  };
  std::map<std::string, PositionAgreement> positions;
  std::vector<UnmatchedItem> position_disagreements;  // text: ours -> UPR Info's Response
  std::vector<UnmatchedItem> unmatched_gold, unmatched_predicted;

  std::optional<double> recall() const;              // nullopt when there is no gold pair
  std::optional<double> split_aware_recall() const;  // (matched + split_covered) / gold
  std::optional<double> precision() const;           // nullopt without predicted pairs or gold
  double f1() const;                                 // 0 when either is missing
  std::optional<double> mean_matched_dice() const;   // nullopt when nothing matched
};

class UprInfoScorer {
 public:
  // `labels` must outlive the scorer.
  explicit UprInfoScorer(const UprInfoLabels& labels, double threshold = kDefaultMatchThreshold)
      : labels_(labels), threshold_(threshold) {}

  ReviewScore Score(const EvalReview& review) const;
  double threshold() const { return threshold_; }

 private:
  const UprInfoLabels& labels_;
  double threshold_;
};

struct EvalSummary {
  std::size_t reviews_scored = 0;  // reviews with gold rows; the figures below are over these
  std::vector<const ReviewScore*> without_gold;  // reported, not scored
  std::size_t gold = 0, predicted = 0, matched = 0;
  double micro_recall = 0, micro_precision = 0;
  std::size_t split_covered = 0;
  double split_aware_recall = 0;
  std::size_t complete_split_aware = 0;  // reviews with split-aware recall >= kCompleteRecall
  std::map<std::string, ReviewScore::PositionAgreement> positions;  // by stage, summed
  double mean_matched_dice = 0;                                     // over all matched pairs
  std::size_t complete = 0;               // reviews with recall >= kCompleteRecall
  std::vector<const ReviewScore*> worst;  // lowest F1 first, at most `worst_count`
};

// Micro figures over the reviews that have gold; points into `scores`.
EvalSummary Summarize(const std::vector<ReviewScore>& scores, std::size_t worst_count = 10);

}  // namespace uprx::pipeline

#endif  // UPRX_PIPELINE_EVAL_UPRINFO_EVAL_H_
