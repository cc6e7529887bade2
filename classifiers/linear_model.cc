#include "classifiers/linear_model.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <numeric>
#include <random>
#include <set>
#include <sstream>

#include "pipeline/core/text_util.h"

namespace uprx::classifiers {
namespace {

constexpr const char* kMagic = "uprx-linear-model";
constexpr const char* kFormatVersion = "1";

using core::SplitTabs;

std::size_t Argmax(const std::vector<double>& v) {
  return static_cast<std::size_t>(std::max_element(v.begin(), v.end()) - v.begin());
}

}  // namespace

void LinearModel::Index(const std::vector<Example>& examples,
                        std::vector<std::vector<std::size_t>>& rows,
                        std::vector<std::size_t>& gold) {
  std::set<std::string> labels;
  for (const Example& e : examples) labels.insert(e.label);
  labels_.assign(labels.begin(), labels.end());
  rows.assign(examples.size(), {});
  gold.assign(examples.size(), 0);
  for (std::size_t i = 0; i < examples.size(); ++i) {
    for (const std::string& f : examples[i].features) {
      auto [it, added] = index_.emplace(f, features_.size());
      if (added) features_.push_back(f);
      rows[i].push_back(it->second);
    }
    std::sort(rows[i].begin(), rows[i].end());
    rows[i].erase(std::unique(rows[i].begin(), rows[i].end()), rows[i].end());
    gold[i] = static_cast<std::size_t>(
        std::lower_bound(labels_.begin(), labels_.end(), examples[i].label) - labels_.begin());
  }
}

LinearModel LinearModel::Train(const std::vector<Example>& examples, const TrainOptions& options) {
  LinearModel m;
  std::vector<std::vector<std::size_t>> rows;
  std::vector<std::size_t> gold;
  m.Index(examples, rows, gold);
  if (options.learner == Learner::kPerceptron) {
    m.TrainPerceptron(rows, gold, options);
  } else {
    m.TrainLogistic(rows, gold, options);
  }
  return m;
}

void LinearModel::TrainPerceptron(const std::vector<std::vector<std::size_t>>& rows,
                                  const std::vector<std::size_t>& gold,
                                  const TrainOptions& options) {
  const std::size_t k = labels_.size();
  const int runs = std::max(options.runs, 1);
  std::vector<double> mean(features_.size() * k, 0);
  for (int run = 0; run < runs; ++run) {
    const std::vector<double> w =
        AveragedPerceptron(rows, gold, options.epochs, options.seed + static_cast<unsigned>(run));
    for (std::size_t j = 0; j < w.size(); ++j) mean[j] += w[j] / runs;
  }
  weights_.assign(mean.begin(), mean.end());
}

std::vector<double> LinearModel::AveragedPerceptron(
    const std::vector<std::vector<std::size_t>>& rows, const std::vector<std::size_t>& gold,
    int epochs, std::uint32_t seed) const {
  const std::size_t k = labels_.size();
  // Averaged perceptron with the usual trick: `total` accumulates each update times the step
  // at which it was made, so the average of all weight vectors is w - total / steps.
  std::vector<double> w(features_.size() * k, 0), total(w.size(), 0);
  std::vector<std::size_t> order(rows.size());
  std::iota(order.begin(), order.end(), 0);
  std::mt19937 rng(seed);
  double step = 1;
  std::vector<double> margin(k);
  for (int epoch = 0; epoch < epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    for (std::size_t i : order) {
      std::fill(margin.begin(), margin.end(), 0);
      for (std::size_t f : rows[i]) {
        for (std::size_t l = 0; l < k; ++l) margin[l] += w[f * k + l];
      }
      const std::size_t guess = Argmax(margin);
      if (guess != gold[i]) {
        for (std::size_t f : rows[i]) {
          w[f * k + gold[i]] += 1;
          total[f * k + gold[i]] += step;
          w[f * k + guess] -= 1;
          total[f * k + guess] -= step;
        }
      }
      step += 1;
    }
  }
  for (std::size_t j = 0; j < w.size(); ++j) w[j] -= total[j] / step;
  return w;
}

void LinearModel::TrainLogistic(const std::vector<std::vector<std::size_t>>& rows,
                                const std::vector<std::size_t>& gold, const TrainOptions& options) {
  const std::size_t k = labels_.size();
  std::vector<double> w(features_.size() * k, 0), g2(w.size(), 1e-8);
  std::vector<std::size_t> order(rows.size());
  std::iota(order.begin(), order.end(), 0);
  std::mt19937 rng(options.seed);
  std::vector<double> p(k);
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    for (std::size_t i : order) {
      std::fill(p.begin(), p.end(), 0);
      for (std::size_t f : rows[i]) {
        for (std::size_t l = 0; l < k; ++l) p[l] += w[f * k + l];
      }
      const double top = *std::max_element(p.begin(), p.end());
      double z = 0;
      for (double& x : p) z += (x = std::exp(x - top));
      for (std::size_t l = 0; l < k; ++l) {
        const double g = p[l] / z - (l == gold[i] ? 1 : 0);
        if (std::abs(g) < 1e-4) continue;  // nothing to learn from this row for this label
        for (std::size_t f : rows[i]) {
          const std::size_t j = f * k + l;
          const double grad = g + options.l2 * w[j];
          g2[j] += grad * grad;
          w[j] -= options.learning_rate * grad / std::sqrt(g2[j]);
        }
      }
    }
  }
  weights_.resize(w.size());
  for (std::size_t j = 0; j < w.size(); ++j) weights_[j] = static_cast<float>(w[j]);
}

Prediction LinearModel::Predict(const std::vector<std::string>& features) const {
  Prediction p;
  const std::size_t k = labels_.size();
  if (k == 0) return p;
  std::vector<double> margin(k, 0);
  std::vector<std::size_t> seen;
  for (const std::string& f : features) {
    auto it = index_.find(f);
    if (it == index_.end()) continue;
    if (std::find(seen.begin(), seen.end(), it->second) != seen.end()) continue;
    seen.push_back(it->second);
    for (std::size_t l = 0; l < k; ++l) margin[l] += weights_[it->second * k + l];
  }
  const std::size_t best = Argmax(margin);
  double z = 0;
  for (double x : margin) z += std::exp(x - margin[best]);
  p.label = labels_[best];
  p.score = 1 / z;
  std::vector<std::pair<float, std::size_t>> pushes;
  for (std::size_t row : seen) pushes.emplace_back(weights_[row * k + best], row);
  std::sort(pushes.begin(), pushes.end(), [](const auto& a, const auto& b) { return a > b; });
  for (std::size_t i = 0; i < pushes.size() && i < 3 && pushes[i].first > 0; ++i) {
    p.top_features.push_back(features_[pushes[i].second]);
  }
  return p;
}

std::string LinearModel::Serialize() const {
  std::ostringstream out;
  out << kMagic << '\t' << kFormatVersion << '\n';
  for (const auto& [key, value] : metadata_) out << "meta\t" << key << '\t' << value << '\n';
  out << "labels";
  for (const std::string& l : labels_) out << '\t' << l;
  out << '\n';
  const std::size_t k = labels_.size();
  char buffer[32];
  for (std::size_t row = 0; row < features_.size(); ++row) {
    const auto first = weights_.begin() + static_cast<std::ptrdiff_t>(row * k);
    if (std::all_of(first, first + static_cast<std::ptrdiff_t>(k), [](float x) { return x == 0; }))
      continue;  // never decided anything: left out to keep the file small
    out << "w\t" << features_[row];
    for (std::size_t l = 0; l < k; ++l) {
      std::snprintf(buffer, sizeof buffer, "%.6g", static_cast<double>(weights_[row * k + l]));
      out << '\t' << buffer;
    }
    out << '\n';
  }
  return out.str();
}

core::Result<LinearModel> LinearModel::Parse(std::string_view text, std::string_view source) {
  LinearModel m;
  std::istringstream in{std::string(text)};
  std::string line;
  int number = 0;
  auto error = [&](const std::string& why) {
    return core::Status("model_invalid",
                        std::string(source) + ":" + std::to_string(number) + ": " + why);
  };
  while (std::getline(in, line)) {
    ++number;
    const std::vector<std::string> f = SplitTabs(line);
    if (number == 1) {
      if (f.size() != 2 || f[0] != kMagic) return error("not a uprx linear model");
      if (f[1] != kFormatVersion) return error("model format " + f[1] + ", this uprx reads 1");
    } else if (!f.empty() && f[0] == "meta" && f.size() == 3) {
      m.metadata_.emplace_back(f[1], f[2]);
    } else if (!f.empty() && f[0] == "labels" && m.labels_.empty()) {
      m.labels_.assign(f.begin() + 1, f.end());
    } else if (!f.empty() && f[0] == "w" && f.size() == m.labels_.size() + 2) {
      if (!m.index_.emplace(f[1], m.features_.size()).second) return error("duplicate feature");
      m.features_.push_back(f[1]);
      for (std::size_t l = 2; l < f.size(); ++l) {
        float x = 0;
        auto [end, ec] = std::from_chars(f[l].data(), f[l].data() + f[l].size(), x);
        if (ec != std::errc() || end != f[l].data() + f[l].size()) return error("bad weight");
        m.weights_.push_back(x);
      }
    } else {
      return error("unexpected line (expected meta, labels or w with one weight per label)");
    }
  }
  if (number == 0) return error("empty model file");
  if (m.labels_.empty()) return error("no 'labels' line");
  return m;
}

core::Result<LinearModel> LinearModel::LoadFile(const std::string& path) {
  auto text = core::ReadWholeFile(path, "model file");
  if (!text.ok()) return text.status();
  return Parse(text.value(), path);
}

}  // namespace uprx::classifiers
