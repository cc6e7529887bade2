#include "classifiers/label_metrics.h"

#include <algorithm>
#include <cstdio>

namespace uprx::classifiers {

LabelMetrics::LabelMetrics(std::vector<std::string> labels)
    : labels_(std::move(labels)),
      confusion_(labels_.size() + 1, std::vector<std::size_t>(labels_.size() + 1, 0)) {}

std::size_t LabelMetrics::Index(const std::string& label) const {
  return static_cast<std::size_t>(std::find(labels_.begin(), labels_.end(), label) -
                                  labels_.begin());
}

void LabelMetrics::Add(const std::string& gold, const std::string& predicted) {
  ++confusion_[Index(gold)][Index(predicted)];
  ++total_;
  if (gold == predicted) ++correct_;
}

double LabelMetrics::accuracy() const {
  return total_ == 0 ? 0 : static_cast<double>(correct_) / static_cast<double>(total_);
}

std::vector<LabelScore> LabelMetrics::PerLabel() const {
  std::vector<LabelScore> scores;
  const std::size_t n = confusion_.size();
  for (std::size_t l = 0; l < labels_.size(); ++l) {
    std::size_t gold = 0, predicted = 0;
    for (std::size_t j = 0; j < n; ++j) {
      gold += confusion_[l][j];
      predicted += confusion_[j][l];
    }
    const double tp = static_cast<double>(confusion_[l][l]);
    LabelScore s{labels_[l], gold, 0, 0, 0};
    if (predicted > 0) s.precision = tp / static_cast<double>(predicted);
    if (gold > 0) s.recall = tp / static_cast<double>(gold);
    if (s.precision + s.recall > 0) s.f1 = 2 * s.precision * s.recall / (s.precision + s.recall);
    scores.push_back(s);
  }
  return scores;
}

double LabelMetrics::macro_f1() const {
  const std::vector<LabelScore> scores = PerLabel();
  double sum = 0;
  for (const LabelScore& s : scores) sum += s.f1;
  return scores.empty() ? 0 : sum / static_cast<double>(scores.size());
}

std::string LabelMetrics::Report() const {
  std::string out;
  char line[160];
  std::snprintf(line, sizeof line, "accuracy %.4f (%zu items), macro-F1 %.4f\n", accuracy(), total_,
                macro_f1());
  out += line;
  out += "label   support  precision  recall  F1\n";
  for (const LabelScore& s : PerLabel()) {
    std::snprintf(line, sizeof line, "%-7s %7zu  %9.4f  %6.4f  %6.4f\n", s.label.c_str(), s.support,
                  s.precision, s.recall, s.f1);
    out += line;
  }
  out += "confusion (rows gold, columns predicted):\n      ";
  for (const std::string& l : labels_) {
    std::snprintf(line, sizeof line, "%7s", l.c_str());
    out += line;
  }
  out += "\n";
  for (std::size_t g = 0; g < labels_.size(); ++g) {
    std::snprintf(line, sizeof line, "%-6s", labels_[g].c_str());
    out += line;
    for (std::size_t p = 0; p < labels_.size(); ++p) {
      std::snprintf(line, sizeof line, "%7zu", confusion_[g][p]);
      out += line;
    }
    out += "\n";
  }
  return out;
}

}  // namespace uprx::classifiers
