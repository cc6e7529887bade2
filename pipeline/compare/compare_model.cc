#include "pipeline/compare/compare_model.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <sstream>

#include "pipeline/core/embedded_data.h"
#include "pipeline/core/text_util.h"

namespace uprx::pipeline {
namespace {

std::vector<std::string> Cells(const std::string& line) {
  std::vector<std::string> out;
  std::istringstream in(line);
  for (std::string cell; std::getline(in, cell, '\t');) out.push_back(cell);
  return out;
}

bool Number(const std::string& text, double& value) {
  if (text.empty()) return false;
  char* end = nullptr;
  value = std::strtod(text.c_str(), &end);
  return end == text.c_str() + text.size() && std::isfinite(value);
}

int FeatureIndex(const std::string& name) {
  for (std::size_t i = 0; i < kPairFeatures; ++i) {
    if (name == kPairFeatureNames[i]) return static_cast<int>(i);
  }
  return -1;
}

double Sigmoid(double z) { return 1.0 / (1.0 + std::exp(-z)); }

std::string Printed(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.6g", v);
  return buffer;
}

}  // namespace

core::Result<CompareModel> CompareModel::LoadDefault() {
  const std::optional<std::string> tsv = EmbeddedData("compare_model.tsv");
  if (!tsv) return core::Status("data_missing", "compare_model.tsv is not embedded");
  return Parse(*tsv, "compare_model.tsv");
}

// Format: "feature NAME MEAN SCALE WEIGHT", "bias - - - B", "threshold repeat|partial - - T".
core::Result<CompareModel> CompareModel::Parse(std::string_view tsv, std::string_view source) {
  CompareModel m;
  std::set<std::string> seen;
  for (const auto& [text, number] : core::DataLines(tsv)) {
    const std::string line(text);
    const std::string where = std::string(source) + ":" + std::to_string(number);
    const auto bad = [&](const std::string& why) {
      return core::Status("data_invalid", where + ": " + why);
    };
    const std::vector<std::string> c = Cells(line);
    if (c.size() != 5) return bad("expected 5 tab-separated columns");
    if (!seen.insert(c[0] + " " + c[1]).second) return bad(c[0] + " " + c[1] + " given twice");
    double value = 0;
    if (!Number(c[4], value)) return bad("'" + c[4] + "' is not a number");
    if (c[0] == "feature") {
      const int i = FeatureIndex(c[1]);
      if (i < 0) return bad("unknown feature '" + c[1] + "'");
      double mean = 0, scale = 0;
      if (!Number(c[2], mean) || !Number(c[3], scale) || scale <= 0) {
        return bad("mean and scale must be numbers, the scale above 0");
      }
      m.mean_[i] = mean, m.scale_[i] = scale, m.weight_[i] = value;
    } else if (c[0] == "bias") {
      m.bias_ = value;
    } else if (c[0] == "threshold" && (c[1] == "repeat" || c[1] == "partial")) {
      if (!(value > 0 && value < 1)) return bad("a threshold must be in (0, 1)");
      (c[1] == "repeat" ? m.repeat_threshold_ : m.partial_threshold_) = value;
    } else {
      return bad("unknown entry '" + c[0] + " " + c[1] + "'");
    }
  }
  for (const char* name : kPairFeatureNames) {
    if (!seen.count(std::string("feature ") + name)) {
      return core::Status("data_invalid", std::string(source) + ": feature " + name + " missing");
    }
  }
  for (const char* entry : {"bias -", "threshold repeat", "threshold partial"}) {
    if (!seen.count(entry)) {
      return core::Status("data_invalid", std::string(source) + ": " + entry + " missing");
    }
  }
  if (m.partial_threshold_ > m.repeat_threshold_) {
    return core::Status("data_invalid",
                        std::string(source) + ": the partial threshold is above the repeat one");
  }
  return m;
}

CompareModel CompareModel::Train(const std::vector<LabelledPair>& pairs,
                                 const ModelTrainOptions& options) {
  CompareModel m;
  const double n = static_cast<double>(pairs.size());
  if (pairs.empty()) {
    m.scale_.fill(1.0);
    return m;
  }
  for (std::size_t j = 0; j < kPairFeatures; ++j) {
    double sum = 0, squares = 0;
    for (const LabelledPair& p : pairs) sum += p.features[j];
    m.mean_[j] = sum / n;
    for (const LabelledPair& p : pairs) squares += std::pow(p.features[j] - m.mean_[j], 2);
    const double sd = std::sqrt(squares / n);
    m.scale_[j] = sd > 1e-9 ? sd : 1.0;  // a constant feature keeps weight 0
  }
  std::vector<FeatureVector> z(pairs.size());
  for (std::size_t i = 0; i < pairs.size(); ++i) {
    for (std::size_t j = 0; j < kPairFeatures; ++j) {
      z[i][j] = (pairs[i].features[j] - m.mean_[j]) / m.scale_[j];
    }
  }
  for (int it = 0; it < options.iterations; ++it) {
    FeatureVector gradient{};
    double bias_gradient = 0;
    for (std::size_t i = 0; i < pairs.size(); ++i) {
      double logit = m.bias_;
      for (std::size_t j = 0; j < kPairFeatures; ++j) logit += m.weight_[j] * z[i][j];
      const double error = Sigmoid(logit) - (pairs[i].linked ? 1.0 : 0.0);
      bias_gradient += error;
      for (std::size_t j = 0; j < kPairFeatures; ++j) gradient[j] += error * z[i][j];
    }
    for (std::size_t j = 0; j < kPairFeatures; ++j) {
      m.weight_[j] -= options.learning_rate * (gradient[j] + options.l2 * m.weight_[j]) / n;
    }
    m.bias_ -= options.learning_rate * bias_gradient / n;
  }
  return m;
}

CompareModel CompareModel::WithThresholds(double repeat, double partial) const {
  CompareModel m = *this;
  m.repeat_threshold_ = repeat;
  m.partial_threshold_ = std::min(partial, repeat);
  return m;
}

double CompareModel::Probability(const FeatureVector& features) const {
  double logit = bias_;
  for (std::size_t j = 0; j < kPairFeatures; ++j) {
    logit += weight_[j] * (features[j] - mean_[j]) / scale_[j];
  }
  return Sigmoid(logit);
}

std::string CompareModel::Serialize(const std::vector<std::string>& notes) const {
  std::string out =
      "# The learned combination of `uprx compare` (pipeline/compare/compare_model.h).\n"
      "# Columns: kind, name, mean, scale, weight or threshold. Written by uprx eval "
      "--compare-gold --write-model; do not edit by hand.\n";
  for (const std::string& note : notes) out += "# " + note + "\n";
  for (std::size_t j = 0; j < kPairFeatures; ++j) {
    out += std::string("feature\t") + kPairFeatureNames[j] + "\t" + Printed(mean_[j]) + "\t" +
           Printed(scale_[j]) + "\t" + Printed(weight_[j]) + "\n";
  }
  out += "bias\t-\t-\t-\t" + Printed(bias_) + "\n";
  out += "threshold\trepeat\t-\t-\t" + Printed(repeat_threshold_) + "\n";
  out += "threshold\tpartial\t-\t-\t" + Printed(partial_threshold_) + "\n";
  return out;
}

}  // namespace uprx::pipeline
