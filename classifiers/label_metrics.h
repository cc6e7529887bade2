// Accuracy, per-label precision/recall/F1 and the confusion matrix of single-label predictions.
//
//   LabelMetrics m({"1", "2", "3", "4", "5"});
//   for (...) m.Add(gold, predicted);
//   std::cout << m.accuracy() << "\n" << m.Report();
#ifndef UPRX_CLASSIFIERS_LABEL_METRICS_H_
#define UPRX_CLASSIFIERS_LABEL_METRICS_H_

#include <cstddef>
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

}  // namespace uprx::classifiers

#endif  // UPRX_CLASSIFIERS_LABEL_METRICS_H_
