#include "classifiers/multi_label_model.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <numeric>
#include <random>
#include <sstream>

#include "pipeline/core/text_util.h"

namespace uprx::classifiers {
namespace {

constexpr const char* kMagic = "uprx-multi-label-model";
constexpr const char* kFormatVersion = "1";
// Weights smaller than this are left out of the file: they never change a decision by more
// than a rounding error and would make the file ten times larger.
constexpr double kPrune = 0.1;

double Sigmoid(double z) { return 1 / (1 + std::exp(-z)); }

using core::SplitTabs;

template <typename T>
bool ParseNumber(std::string_view s, T& out) {
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && end == s.data() + s.size();
}

std::string Format(double x) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.6g", x);
  return buffer;
}

// Micro counts of one decision rule over all rows.
struct Counts {
  double tp = 0, fp = 0, fn = 0;
  double F1() const { return tp == 0 ? 0 : 2 * tp / (2 * tp + fp + fn); }
};

}  // namespace

std::vector<std::string> WordFeatures(std::string_view text) {
  const std::vector<std::string> words = core::LowerWords(text);
  std::vector<std::string> f;
  f.reserve(2 * words.size());
  for (std::size_t i = 0; i < words.size(); ++i) {
    f.push_back("w=" + words[i]);
    if (i + 1 < words.size()) f.push_back("b=" + words[i] + " " + words[i + 1]);
  }
  return f;
}

std::string MultiLabelModel::Meta(std::string_view key) const {
  for (const auto& [k, v] : metadata_) {
    if (k == key) return v;
  }
  return "";
}

void MultiLabelModel::Fit(const std::vector<std::vector<std::uint32_t>>& x,
                          const std::vector<std::vector<std::uint32_t>>& y,
                          const std::vector<std::size_t>& rows, std::size_t features,
                          const MultiLabelTrainOptions& options) {
  const std::size_t k = labels_.size();
  std::vector<double> w(features * k, 0), g2(features * k, 1e-8), b(k, 0), gb(k, 1e-8);
  std::vector<std::size_t> order = rows;
  std::mt19937 rng(options.seed);
  std::vector<double> z(k);
  std::vector<char> gold(k);
  const double eta = options.learning_rate;
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    for (std::size_t i : order) {
      std::copy(b.begin(), b.end(), z.begin());
      for (std::uint32_t f : x[i]) {
        const double* wf = &w[f * k];
        for (std::size_t l = 0; l < k; ++l) z[l] += wf[l];
      }
      std::fill(gold.begin(), gold.end(), 0);
      for (std::uint32_t l : y[i]) gold[l] = 1;
      for (std::size_t l = 0; l < k; ++l) {
        const double g = Sigmoid(z[l]) - gold[l];
        if (std::abs(g) < 1e-4) continue;  // nothing to learn from this row for this label
        gb[l] += g * g;
        b[l] -= eta * g / std::sqrt(gb[l]);
        for (std::uint32_t f : x[i]) {
          const std::size_t j = f * k + l;
          const double grad = g + options.l2 * w[j];
          g2[j] += grad * grad;
          w[j] -= eta * grad / std::sqrt(g2[j]);
        }
      }
    }
  }
  bias_ = b;
  weights_.assign(features, {});
  for (std::size_t f = 0; f < features; ++f) {
    for (std::size_t l = 0; l < k; ++l) {
      if (std::abs(w[f * k + l]) >= kPrune) {
        weights_[f].push_back({static_cast<std::uint32_t>(l), static_cast<float>(w[f * k + l])});
      }
    }
  }
}

std::vector<double> MultiLabelModel::Margins(const std::vector<std::uint32_t>& row) const {
  std::vector<double> z = bias_;
  for (std::uint32_t f : row) {
    for (const Weight& w : weights_[f]) z[w.label] += w.value;
  }
  return z;
}

void MultiLabelModel::Tune(const std::vector<std::vector<double>>& p,
                           const std::vector<std::vector<std::uint32_t>>& y) {
  const std::size_t k = labels_.size(), n = p.size();
  std::vector<std::vector<char>> gold(n, std::vector<char>(k, 0));
  std::vector<std::size_t> support(k, 0);
  for (std::size_t i = 0; i < n; ++i) {
    for (std::uint32_t l : y[i]) {
      gold[i][l] = 1;
      ++support[l];
    }
  }
  auto label_counts = [&](std::size_t l, double t) {
    Counts c;
    for (std::size_t i = 0; i < n; ++i) {
      const bool given = p[i][l] >= t;
      if (given && gold[i][l]) c.tp += 1;
      if (given && !gold[i][l]) c.fp += 1;
      if (!given && gold[i][l]) c.fn += 1;
    }
    return c;
  };
  std::vector<double> grid;
  for (int t = 2; t <= 95; ++t) grid.push_back(t / 100.0);
  // One threshold for all labels first, then each label's own where it has the rows to say.
  std::vector<Counts> per(k);
  double best_f1 = -1, best_t = 0.5;
  for (double t : grid) {
    Counts total;
    for (std::size_t l = 0; l < k; ++l) {
      const Counts c = label_counts(l, t);
      total.tp += c.tp, total.fp += c.fp, total.fn += c.fn;
    }
    // On a tie the threshold nearer 0.5 wins: the middle of the gap, not its edge.
    const bool tie = std::abs(total.F1() - best_f1) < 1e-12;
    if ((!tie && total.F1() > best_f1) || (tie && std::abs(t - 0.5) < std::abs(best_t - 0.5))) {
      best_f1 = total.F1(), best_t = t;
    }
  }
  thresholds_.assign(k, best_t);
  Counts total;
  for (std::size_t l = 0; l < k; ++l) {
    per[l] = label_counts(l, best_t);
    total.tp += per[l].tp, total.fp += per[l].fp, total.fn += per[l].fn;
  }
  for (int pass = 0; pass < 2; ++pass) {
    for (std::size_t l = 0; l < k; ++l) {
      if (support[l] < 30) continue;
      Counts rest = total;
      rest.tp -= per[l].tp, rest.fp -= per[l].fp, rest.fn -= per[l].fn;
      for (double t : grid) {
        const Counts c = label_counts(l, t);
        Counts trial = rest;
        trial.tp += c.tp, trial.fp += c.fp, trial.fn += c.fn;
        if (trial.F1() > total.F1() + 1e-12) thresholds_[l] = t, per[l] = c, total = trial;
      }
    }
  }
  // A text with no label over its threshold may still take its most probable label.
  fallback_ = 1;
  Counts base = total;
  for (int step = 0; step <= 20; ++step) {
    const double f = step / 20.0;
    Counts trial = base;
    for (std::size_t i = 0; i < n; ++i) {
      std::size_t best = 0;
      bool any = false;
      for (std::size_t l = 0; l < k; ++l) {
        any = any || p[i][l] >= thresholds_[l];
        if (p[i][l] > p[i][best]) best = l;
      }
      if (any || p[i][best] < f) continue;
      if (gold[i][best]) {
        trial.tp += 1, trial.fn -= 1;
      } else {
        trial.fp += 1;
      }
    }
    if (trial.F1() > total.F1() + 1e-12) fallback_ = f, total = trial;
  }
}

MultiLabelModel MultiLabelModel::Train(const std::vector<MultiLabelExample>& examples,
                                       const std::vector<std::string>& labels,
                                       const MultiLabelTrainOptions& options) {
  MultiLabelModel m;
  m.labels_ = labels;
  m.thresholds_.assign(labels.size(), 0.5);
  m.bias_.assign(labels.size(), 0);
  std::map<std::string, std::size_t> count;
  for (const MultiLabelExample& e : examples) {
    std::vector<std::string> distinct = e.features;
    std::sort(distinct.begin(), distinct.end());
    distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
    for (const std::string& f : distinct) ++count[f];
  }
  for (const auto& [feature, n] : count) {
    if (n < static_cast<std::size_t>(std::max(options.min_count, 1))) continue;
    m.index_.emplace(feature, static_cast<std::uint32_t>(m.features_.size()));
    m.features_.push_back(feature);
  }
  std::vector<std::vector<std::uint32_t>> x(examples.size()), y(examples.size());
  for (std::size_t i = 0; i < examples.size(); ++i) {
    for (const std::string& f : examples[i].features) {
      if (auto it = m.index_.find(f); it != m.index_.end()) x[i].push_back(it->second);
    }
    std::sort(x[i].begin(), x[i].end());
    x[i].erase(std::unique(x[i].begin(), x[i].end()), x[i].end());
    for (const std::string& l : examples[i].labels) {
      auto it = std::find(labels.begin(), labels.end(), l);
      if (it != labels.end()) y[i].push_back(static_cast<std::uint32_t>(it - labels.begin()));
    }
  }
  if (options.folds > 1) {
    std::vector<std::vector<double>> oof(examples.size());
    for (int fold = 0; fold < options.folds; ++fold) {
      std::vector<std::size_t> in, out;
      for (std::size_t i = 0; i < examples.size(); ++i) {
        const int f = ((examples[i].group % options.folds) + options.folds) % options.folds;
        (f == fold ? out : in).push_back(i);
      }
      if (in.empty() || out.empty()) continue;
      MultiLabelModel part = m;
      part.Fit(x, y, in, m.features_.size(), options);
      for (std::size_t i : out) {
        oof[i] = part.Margins(x[i]);
        for (double& v : oof[i]) v = Sigmoid(v);
      }
    }
    std::vector<std::vector<double>> p;
    std::vector<std::vector<std::uint32_t>> gold;
    for (std::size_t i = 0; i < examples.size(); ++i) {
      if (oof[i].empty()) continue;
      p.push_back(std::move(oof[i]));
      gold.push_back(y[i]);
    }
    if (!p.empty()) m.Tune(p, gold);
  }
  std::vector<std::size_t> all(examples.size());
  std::iota(all.begin(), all.end(), 0);
  m.Fit(x, y, all, m.features_.size(), options);
  return m;
}

std::vector<double> MultiLabelModel::Probabilities(const std::vector<std::string>& features) const {
  std::vector<std::uint32_t> row;
  for (const std::string& f : features) {
    if (auto it = index_.find(f); it != index_.end()) row.push_back(it->second);
  }
  std::sort(row.begin(), row.end());
  row.erase(std::unique(row.begin(), row.end()), row.end());
  std::vector<double> p = Margins(row);
  for (double& v : p) v = Sigmoid(v);
  return p;
}

std::vector<LabelProbability> MultiLabelModel::Predict(
    const std::vector<std::string>& features) const {
  const std::vector<double> p = Probabilities(features);
  std::vector<std::size_t> given;
  for (std::size_t l = 0; l < p.size(); ++l) {
    if (p[l] >= thresholds_[l]) given.push_back(l);
  }
  if (given.empty() && !p.empty()) {
    const auto best = static_cast<std::size_t>(std::max_element(p.begin(), p.end()) - p.begin());
    if (p[best] >= fallback_) given.push_back(best);
  }
  std::stable_sort(given.begin(), given.end(),
                   [&](std::size_t a, std::size_t b) { return p[a] > p[b]; });
  std::vector<LabelProbability> out;
  for (std::size_t l : given) {
    LabelProbability lp{labels_[l], p[l], {}};
    std::vector<std::pair<float, std::string>> pushes;
    for (const std::string& f : features) {
      auto it = index_.find(f);
      if (it == index_.end()) continue;
      for (const Weight& w : weights_[it->second]) {
        if (w.label == l && w.value > 0) pushes.emplace_back(w.value, f);
      }
    }
    std::sort(pushes.begin(), pushes.end(), [](const auto& a, const auto& b) { return a > b; });
    pushes.erase(std::unique(pushes.begin(), pushes.end()), pushes.end());
    for (std::size_t i = 0; i < pushes.size() && i < 3; ++i) {
      lp.top_features.push_back(pushes[i].second);
    }
    out.push_back(std::move(lp));
  }
  return out;
}

std::string MultiLabelModel::Serialize() const {
  std::ostringstream out;
  out << kMagic << '\t' << kFormatVersion << '\n';
  for (const auto& [key, value] : metadata_) out << "meta\t" << key << '\t' << value << '\n';
  out << "labels";
  for (const std::string& l : labels_) out << '\t' << l;
  out << "\nthresholds";
  for (double t : thresholds_) out << '\t' << Format(t);
  out << "\nfallback\t" << Format(fallback_) << "\nbias";
  for (double b : bias_) out << '\t' << Format(b);
  out << '\n';
  for (std::size_t row = 0; row < features_.size(); ++row) {
    if (weights_[row].empty()) continue;
    out << "w\t" << features_[row];
    for (const Weight& w : weights_[row]) out << '\t' << w.label << ':' << Format(w.value);
    out << '\n';
  }
  return out.str();
}

bool MultiLabelModel::LooksLikeOne(std::string_view text) {
  return text.substr(0, std::string_view(kMagic).size() + 1) == std::string(kMagic) + "\t";
}

core::Result<MultiLabelModel> MultiLabelModel::Parse(std::string_view text,
                                                     std::string_view source) {
  MultiLabelModel m;
  std::istringstream in{std::string(text)};
  std::string line;
  int number = 0;
  auto error = [&](const std::string& why) {
    return core::Status("model_invalid",
                        std::string(source) + ":" + std::to_string(number) + ": " + why);
  };
  auto numbers = [&](const std::vector<std::string>& f, std::vector<double>& out) {
    if (f.size() != m.labels_.size() + 1) return false;
    out.assign(m.labels_.size(), 0);
    for (std::size_t l = 1; l < f.size(); ++l) {
      if (!ParseNumber(f[l], out[l - 1])) return false;
    }
    return true;
  };
  while (std::getline(in, line)) {
    ++number;
    const std::vector<std::string> f = SplitTabs(line);
    const std::string kind = f.empty() ? "" : f[0];
    if (number == 1) {
      if (f.size() != 2 || f[0] != kMagic) return error("not a uprx multi-label model");
      if (f[1] != kFormatVersion) return error("model format " + f[1] + ", this uprx reads 1");
    } else if (kind == "meta" && f.size() == 3) {
      m.metadata_.emplace_back(f[1], f[2]);
    } else if (kind == "labels" && m.labels_.empty() && f.size() > 1) {
      m.labels_.assign(f.begin() + 1, f.end());
    } else if (kind == "thresholds" || kind == "bias") {
      if (!numbers(f, kind == "bias" ? m.bias_ : m.thresholds_)) {
        return error("expected one number per label after " + kind);
      }
    } else if (kind == "fallback" && f.size() == 2) {
      if (!ParseNumber(f[1], m.fallback_)) return error("bad fallback");
    } else if (kind == "w" && f.size() >= 3 && !m.labels_.empty()) {
      if (!m.index_.emplace(f[1], static_cast<std::uint32_t>(m.features_.size())).second) {
        return error("duplicate feature");
      }
      m.features_.push_back(f[1]);
      m.weights_.emplace_back();
      for (std::size_t i = 2; i < f.size(); ++i) {
        const std::size_t colon = f[i].find(':');
        Weight w{0, 0};
        if (colon == std::string::npos ||
            !ParseNumber(std::string_view(f[i]).substr(0, colon), w.label) ||
            !ParseNumber(std::string_view(f[i]).substr(colon + 1), w.value) ||
            w.label >= m.labels_.size()) {
          return error("bad weight '" + f[i] + "' (expected label-index:weight)");
        }
        m.weights_.back().push_back(w);
      }
    } else {
      return error("unexpected line (expected meta, labels, thresholds, fallback, bias or w)");
    }
  }
  if (number == 0) return error("empty model file");
  if (m.labels_.empty()) return error("no 'labels' line");
  if (m.thresholds_.size() != m.labels_.size() || m.bias_.size() != m.labels_.size()) {
    return error("no 'thresholds' or 'bias' line");
  }
  return m;
}

core::Result<MultiLabelModel> MultiLabelModel::LoadFile(const std::string& path) {
  auto text = core::ReadWholeFile(path, "model file");
  if (!text.ok()) return text.status();
  return Parse(text.value(), path);
}

}  // namespace uprx::classifiers
