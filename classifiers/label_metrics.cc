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

namespace uprx::classifiers {
namespace {

LabelScore Score(std::string label, std::size_t tp, std::size_t fp, std::size_t fn) {
  LabelScore s{std::move(label), tp + fn, 0, 0, 0};
  if (tp + fp > 0) s.precision = static_cast<double>(tp) / static_cast<double>(tp + fp);
  if (tp + fn > 0) s.recall = static_cast<double>(tp) / static_cast<double>(tp + fn);
  if (s.precision + s.recall > 0) s.f1 = 2 * s.precision * s.recall / (s.precision + s.recall);
  return s;
}

}  // namespace

MultiLabelMetrics::MultiLabelMetrics(std::vector<std::string> labels,
                                     std::vector<std::string> names)
    : labels_(std::move(labels)),
      names_(std::move(names)),
      tp_(labels_.size(), 0),
      fp_(labels_.size(), 0),
      fn_(labels_.size(), 0),
      fp_gold_(labels_.size()),
      fn_given_(labels_.size()) {}

std::size_t MultiLabelMetrics::Index(const std::string& label) const {
  return static_cast<std::size_t>(std::find(labels_.begin(), labels_.end(), label) -
                                  labels_.begin());
}

std::string MultiLabelMetrics::Name(std::size_t label) const {
  return label < names_.size() && !names_[label].empty() ? names_[label] : labels_[label];
}

void MultiLabelMetrics::Add(const std::vector<std::string>& gold,
                            const std::vector<std::string>& predicted) {
  auto indexes = [&](const std::vector<std::string>& names) {
    std::vector<std::size_t> out;
    for (const std::string& n : names) {
      const std::size_t i = Index(n);
      if (i == labels_.size()) {
        ++unknown_;
      } else if (std::find(out.begin(), out.end(), i) == out.end()) {
        out.push_back(i);
      }
    }
    std::sort(out.begin(), out.end());
    return out;
  };
  const std::vector<std::size_t> g = indexes(gold), p = indexes(predicted);
  ++total_;
  if (g == p) ++exact_;
  auto has = [](const std::vector<std::size_t>& v, std::size_t x) {
    return std::binary_search(v.begin(), v.end(), x);
  };
  for (std::size_t l : p) {
    if (has(g, l)) {
      ++tp_[l];
    } else {
      ++fp_[l];
      for (std::size_t other : g) ++fp_gold_[l][other];
    }
  }
  for (std::size_t l : g) {
    if (has(p, l)) continue;
    ++fn_[l];
    for (std::size_t other : p) {
      if (!has(g, other)) ++fn_given_[l][other];
    }
  }
}

double MultiLabelMetrics::exact_match() const {
  return total_ == 0 ? 0 : static_cast<double>(exact_) / static_cast<double>(total_);
}

std::vector<LabelScore> MultiLabelMetrics::PerLabel() const {
  std::vector<LabelScore> out;
  for (std::size_t l = 0; l < labels_.size(); ++l) {
    out.push_back(Score(labels_[l], tp_[l], fp_[l], fn_[l]));
  }
  return out;
}

LabelScore MultiLabelMetrics::Micro() const {
  std::size_t tp = 0, fp = 0, fn = 0;
  for (std::size_t l = 0; l < labels_.size(); ++l) tp += tp_[l], fp += fp_[l], fn += fn_[l];
  return Score("micro", tp, fp, fn);
}

double MultiLabelMetrics::macro_precision() const {
  double sum = 0, n = 0;
  for (const LabelScore& s : PerLabel()) {
    if (s.support > 0) sum += s.precision, n += 1;
  }
  return n == 0 ? 0 : sum / n;
}

double MultiLabelMetrics::macro_recall() const {
  double sum = 0, n = 0;
  for (const LabelScore& s : PerLabel()) {
    if (s.support > 0) sum += s.recall, n += 1;
  }
  return n == 0 ? 0 : sum / n;
}

double MultiLabelMetrics::macro_f1() const {
  double sum = 0, n = 0;
  for (const LabelScore& s : PerLabel()) {
    if (s.support > 0) sum += s.f1, n += 1;
  }
  return n == 0 ? 0 : sum / n;
}

std::vector<LabelScore> MultiLabelMetrics::Worst(std::size_t n) const {
  std::vector<LabelScore> scores;
  for (const LabelScore& s : PerLabel()) {
    if (s.support > 0) scores.push_back(s);
  }
  std::stable_sort(scores.begin(), scores.end(),
                   [](const LabelScore& a, const LabelScore& b) { return a.f1 < b.f1; });
  if (scores.size() > n) scores.resize(n);
  return scores;
}

std::string MultiLabelMetrics::Top(const std::map<std::size_t, std::size_t>& counts,
                                   std::size_t n) const {
  std::vector<std::pair<std::size_t, std::size_t>> v;
  for (const auto& [label, count] : counts) v.emplace_back(count, label);
  std::stable_sort(v.begin(), v.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  std::string out;
  for (std::size_t i = 0; i < v.size() && i < n; ++i) {
    out += (i ? "; " : "") + Name(v[i].second) + " (" + std::to_string(v[i].first) + ")";
  }
  return out.empty() ? "-" : out;
}

std::string MultiLabelMetrics::Report(std::size_t worst) const {
  std::string out;
  char line[256];
  const LabelScore micro = Micro();
  std::snprintf(line, sizeof line,
                "items %zu, exact match %.4f\nmicro P %.4f R %.4f F1 %.4f\n"
                "macro P %.4f R %.4f F1 %.4f (over the labels with gold support)\n",
                total_, exact_match(), micro.precision, micro.recall, micro.f1, macro_precision(),
                macro_recall(), macro_f1());
  out += line;
  out += "label  support  precision  recall  F1      name\n";
  const std::vector<LabelScore> per = PerLabel();
  for (std::size_t l = 0; l < per.size(); ++l) {
    const LabelScore& s = per[l];
    std::snprintf(line, sizeof line, "%-6s %7zu  %9.4f  %6.4f  %6.4f  %s\n", s.label.c_str(),
                  s.support, s.precision, s.recall, s.f1, Name(l).c_str());
    out += line;
  }
  out +=
      "worst labels (false positives: the item's gold labels; false negatives: what was "
      "given instead):\n";
  for (const LabelScore& s : Worst(worst)) {
    const std::size_t l = Index(s.label);
    std::snprintf(line, sizeof line, "- %s %s: F1 %.4f, %zu FP, %zu FN\n", s.label.c_str(),
                  Name(l).c_str(), s.f1, fp_[l], fn_[l]);
    out += line;
    out += "    FP had gold: " + Top(fp_gold_[l], 4) + "\n";
    out += "    FN given:    " + Top(fn_given_[l], 4) + "\n";
  }
  return out;
}

}  // namespace uprx::classifiers
