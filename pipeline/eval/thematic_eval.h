// Scores our labels against the labels OHCHR gave in its thematic lists: UHRI themes, affected
// persons and SDGs, per label and micro/macro precision, recall and F1, with a confusion summary
// of the worst labels.
//
//   auto e = ThematicEvaluator::Create();               // the embedded taxonomies
//   auto file = ReadReviewsJson("SVN-c4.json");         // written by `uprx run`
//   DocumentScore d = e.value().Score(file.value().reviews[0], "SVN-c4.json");
//   std::cout << FormatThematicReport({d}, 8);
//
// Given labels are written as the list writes them ("A12 Acceptance of international norms",
// "2.1. Acceptance ...", "10 - REDUCED INEQUALITIES"); MapGivenLabel() reads them into our label
// ids through the taxonomy's names and aliases (the crosswalk of uhri.tsv). A given label that
// maps to nothing is counted under `unmapped`, never dropped silently. An older label coarser
// than ours (Egypt 2014's "Right to an effective remedy, impunity") also covers the finer labels
// named by the taxonomy's `covers:` options (CoveredLabels()).
//
// Only recommendations with at least one given label of a kind are scored for that kind (a 2014
// list has no SDG column). Each kind is scored twice:
//  - strict: every label we gave counts;
//  - vocabulary: a label we gave that the document never uses for any recommendation (the
//    document's vintage, e.g. "general" persons in a 2014 list, "Public officials" in 2025) is
//    set aside (`outside_vocabulary`), not counted as a false positive. The document's own
//    labels stand for its vintage's list, which was not available in full.
// Macro figures are means over the labels with gold support (a label never predicted has
// precision 0 there).
#ifndef UPRX_PIPELINE_EVAL_THEMATIC_EVAL_H_
#define UPRX_PIPELINE_EVAL_THEMATIC_EVAL_H_

#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "classifiers/review_classifier.h"
#include "classifiers/taxonomy.h"
#include "pipeline/core/document.h"
#include "pipeline/core/status.h"

namespace uprx::pipeline {

// The label of `taxonomy` that a given label names: by its whole text, else without a leading
// code ("A12 ", "2.1. ", "S16 "), else by the code alone ("A12"); nullptr when none.
const classifiers::Label* MapGivenLabel(const classifiers::Taxonomy& taxonomy,
                                        std::string_view given);

// The labels a coarse given label spans besides the one MapGivenLabel() reads it as: option
// `covers:<folded name without code>` of the taxonomy, space-separated ids ("Context, statistics,
// budget, cooperation with civil society" -> data budget). Scoring reads our finer label there as
// the coarse one, so predicting `data` under that label is right, and counted once.
std::vector<std::string> CoveredLabels(const classifiers::Taxonomy& taxonomy,
                                       std::string_view given);

struct LabelCounts {
  std::size_t tp = 0, fp = 0, fn = 0;
  double precision() const;  // 0 when nothing was predicted
  double recall() const;     // 0 without gold
  double f1() const;
  LabelCounts& operator+=(const LabelCounts& o);
};

// One kind (themes, groups, sdgs) of one document or of several summed.
struct KindScore {
  std::string kind;                    // "themes" | "groups" | "sdgs"
  std::size_t scored = 0;              // recommendations with a given label of this kind
  std::size_t unlabelled = 0;          // of those, without our labels of this kind (not classified)
  std::size_t outside_vocabulary = 0;  // labels we gave that the vocabulary score set aside
  std::map<std::string, LabelCounts> per_label;  // our label id -> counts
  std::map<std::string, std::size_t> unmapped;   // given label as written -> times
  // For a label we missed: the labels we gave there that OHCHR did not (what we gave instead).
  std::map<std::string, std::map<std::string, std::size_t>> instead;
  // For a label we gave wrongly: the labels OHCHR gave there that we did not.
  std::map<std::string, std::map<std::string, std::size_t>> missed_there;

  LabelCounts micro() const;
  // Means over the labels with gold support: {precision, recall, f1}.
  std::vector<double> macro() const;
  KindScore& operator+=(const KindScore& o);
};

struct DocumentScore {
  std::string name;                           // the input file, or "<ISO3>-c<cycle>"
  std::vector<KindScore> strict, vocabulary;  // one per kind the evaluator has, same order
};

class ThematicEvaluator {
 public:
  // Loads the embedded uhri.tsv, uhri_persons.tsv and sdg.tsv (a kind whose file is not compiled
  // in is skipped). With `reclassify`, recommendations are labelled again by it instead of
  // using the labels stored in the JSON. "taxonomy_invalid" when a taxonomy does not load.
  [[nodiscard]] static core::Result<ThematicEvaluator> Create(
      std::shared_ptr<const classifiers::ReviewClassifier> reclassify = nullptr);

  DocumentScore Score(const core::Review& review, const std::string& name) const;
  // The taxonomy of a kind ("themes", "groups", "sdgs"), or nullptr.
  const classifiers::Taxonomy* TaxonomyOf(std::string_view kind) const;

 private:
  struct Kind {
    std::string kind;
    std::shared_ptr<const classifiers::Taxonomy> taxonomy;
  };
  ThematicEvaluator() = default;

  std::vector<Kind> kinds_;
  std::shared_ptr<const classifiers::ReviewClassifier> reclassify_;
};

// Sums documents kind by kind (strict and vocabulary).
DocumentScore SumScores(const std::vector<DocumentScore>& documents, const std::string& name);

// The report a person reads: per document and overall micro/macro P/R/F1 for each kind (strict
// and by vocabulary), per-label figures overall, the `worst` labels with most errors and what was
// confused with them, and the given labels that mapped to nothing.
std::string FormatThematicReport(const std::vector<DocumentScore>& documents, std::size_t worst,
                                 const ThematicEvaluator& evaluator);

// Reads every uprx/1 file, scores each review and prints the report to `out`, errors to `err`.
// `taxonomy_paths` (implies `reclassify`) replace the compiled-in taxonomies of the same ids for
// labelling; given labels are still mapped with the compiled-in ones. Returns the exit code: 0,
// 1 when a file cannot be read, 2 when a taxonomy file does not load.
int RunThematicEval(const std::vector<std::string>& files, bool reclassify, std::size_t worst,
                    std::ostream& out, std::ostream& err,
                    const std::vector<std::string>& taxonomy_paths = {});

}  // namespace uprx::pipeline

#endif  // UPRX_PIPELINE_EVAL_THEMATIC_EVAL_H_
