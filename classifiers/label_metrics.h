// Accuracy, per-label precision/recall/F1 and the confusion matrix of single-label predictions
// (LabelMetrics); per-label, micro and macro precision/recall/F1 of multi-label predictions and
// what the worst labels are confused with (MultiLabelMetrics).
//
//   LabelMetrics m({"1", "2", "3", "4", "5"});
//   for (...) m.Add(gold, predicted);
//   std::cout << m.accuracy() << "\n" << m.Report();
//
//   MultiLabelMetrics mm({"29", "54"}, {"International instruments", "Women's rights"});
//   mm.Add({"29"}, {"29", "54"});   // one item: its gold labels, the labels given
//   std::cout << mm.Micro().f1 << "\n" << mm.Report(5);
#ifndef UPRX_CLASSIFIERS_LABEL_METRICS_H_
#define UPRX_CLASSIFIERS_LABEL_METRICS_H_

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace uprx::classifiers {

struct LabelScore {
  std::string label;
  std::size_t support = 0;  // gold items with this label
  double precision = 0, recall = 0, f1 = 0;
};

class LabelMetrics {
 public:
  // The labels counted, in report order; a pair naming another label is counted as "other".
  explicit LabelMetrics(std::vector<std::string> labels);

  void Add(const std::string& gold, const std::string& predicted);

  std::size_t total() const { return total_; }
  double accuracy() const;
  std::vector<LabelScore> PerLabel() const;
  double macro_f1() const;
  // confusion()[gold][predicted], in label order plus a last row/column for "other".
  const std::vector<std::vector<std::size_t>>& confusion() const { return confusion_; }
  // A table a person reads: accuracy, per-label P/R/F1, the confusion matrix.
  std::string Report() const;

 private:
  std::size_t Index(const std::string& label) const;

  std::vector<std::string> labels_;
  std::vector<std::vector<std::size_t>> confusion_;
  std::size_t total_ = 0, correct_ = 0;
};

class MultiLabelMetrics {
 public:
  // The labels counted, in report order, and their names for the report (ids when absent).
  // Labels outside this list are counted in unknown() and nowhere else.
  explicit MultiLabelMetrics(std::vector<std::string> labels, std::vector<std::string> names = {});

  // One item: its gold labels and the labels given (duplicates count once).
  void Add(const std::vector<std::string>& gold, const std::vector<std::string>& predicted);

  std::size_t total() const { return total_; }
  std::size_t unknown() const { return unknown_; }
  // Items whose labels were given exactly.
  double exact_match() const;
  std::vector<LabelScore> PerLabel() const;
  // Counts pooled over every label; `label` is "micro".
  LabelScore Micro() const;
  // Means over the labels with gold support (a label no item has says nothing).
  double macro_precision() const;
  double macro_recall() const;
  double macro_f1() const;
  // The `n` labels with gold support and the lowest F1, worst first.
  std::vector<LabelScore> Worst(std::size_t n) const;
  // A table a person reads: micro and macro figures, per-label P/R/F1, then for the `worst`
  // worst labels which gold labels the false positives had instead and which labels were
  // given on the false negatives.
  std::string Report(std::size_t worst = 5) const;

 private:
  std::size_t Index(const std::string& label) const;
  std::string Name(std::size_t label) const;
  // The `n` most frequent entries of `counts`, as "name (count)".
  std::string Top(const std::map<std::size_t, std::size_t>& counts, std::size_t n) const;

  std::vector<std::string> labels_, names_;
  std::vector<std::size_t> tp_, fp_, fn_;
  // Per label: on its false positives, the gold labels of the item; on its false negatives,
  // the labels given instead.
  std::vector<std::map<std::size_t, std::size_t>> fp_gold_, fn_given_;
  std::size_t total_ = 0, exact_ = 0, unknown_ = 0;
};

}  // namespace uprx::classifiers

#endif  // UPRX_CLASSIFIERS_LABEL_METRICS_H_
