// A multi-label linear model over string features: one logistic regression per label
// (one-vs-rest), trained by AdaGrad SGD with L2, and a decision threshold per label tuned by
// cross-validation on the training rows only.
//
//   MultiLabelModel m = MultiLabelModel::Train(examples, {"1", "2", ...}, {});
//   for (const LabelProbability& p : m.Predict({"w=torture", "b=prison conditions"})) ...
//   std::string file = m.Serialize();                 // text, versioned
//   auto back = MultiLabelModel::Parse(file, "uprinfo.model");
//
// Why logistic regression per label, written here: a text takes 1-6 of 54 labels, so each label
// is its own yes/no question; logistic regression gives a probability that a threshold can
// trade between precision and recall per label (rare labels need lower ones), trains on 30,000
// texts in seconds, and is deterministic for a given seed. The thresholds are chosen on
// out-of-fold predictions (folds by Example::group, e.g. the WG session), never on the rows
// the model will be scored on.
//
// Immutable after Train()/Parse(); Predict() is thread-safe.
#ifndef UPRX_CLASSIFIERS_MULTI_LABEL_MODEL_H_
#define UPRX_CLASSIFIERS_MULTI_LABEL_MODEL_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "pipeline/core/status.h"

namespace uprx::classifiers {

struct MultiLabelExample {
  std::vector<std::string> features;  // no TAB or newline inside a feature
  std::vector<std::string> labels;    // any number, each one of the model's labels
  int group = 0;                      // cross-validation fold is group % folds
};

struct MultiLabelTrainOptions {
  int epochs = 6;
  double learning_rate = 0.2;  // AdaGrad step
  double l2 = 3e-2;            // per-update shrinkage of the weights touched
  std::uint32_t seed = 1;      // order in which examples are visited
  int folds = 4;               // for the thresholds; 1 = one global threshold of 0.5
  int min_count = 3;           // features seen in fewer training rows are dropped
};

struct LabelProbability {
  std::string label;
  double probability = 0;                 // 0..1
  std::vector<std::string> top_features;  // features that pushed most toward the label
};

// Word features of a text: lower-cased words ("w=") and adjacent word pairs ("b="); a word is
// a run of ASCII letters and digits or of non-ASCII bytes.
std::vector<std::string> WordFeatures(std::string_view text);

class MultiLabelModel {
 public:
  // `labels` in output order; labels of examples not in it are ignored.
  static MultiLabelModel Train(const std::vector<MultiLabelExample>& examples,
                               const std::vector<std::string>& labels,
                               const MultiLabelTrainOptions& options);
  // Reads Serialize()'s output; "model_invalid" naming `source:line` when it is not one.
  [[nodiscard]] static core::Result<MultiLabelModel> Parse(std::string_view text,
                                                           std::string_view source);
  // Parse() over a file; "unreadable" when it cannot be read.
  [[nodiscard]] static core::Result<MultiLabelModel> LoadFile(const std::string& path);
  // True when `text` starts like a file Serialize() wrote (to tell models apart).
  static bool LooksLikeOne(std::string_view text);

  // The probability of every label, in labels() order (unknown features are ignored).
  std::vector<double> Probabilities(const std::vector<std::string>& features) const;
  // The labels whose probability reaches their threshold, most probable first; when none does,
  // the most probable label if it reaches fallback() (a text has at least one label).
  std::vector<LabelProbability> Predict(const std::vector<std::string>& features) const;
  // The header line, metadata, labels, thresholds, biases, then one line per feature with
  // its non-negligible weights as label-index:weight.
  std::string Serialize() const;

  const std::vector<std::string>& labels() const { return labels_; }
  const std::vector<double>& thresholds() const { return thresholds_; }
  double fallback() const { return fallback_; }
  std::vector<std::pair<std::string, std::string>>& metadata() { return metadata_; }
  const std::vector<std::pair<std::string, std::string>>& metadata() const { return metadata_; }
  // The value of metadata `key`, or "" when absent.
  std::string Meta(std::string_view key) const;

 private:
  struct Weight {
    std::uint32_t label;
    float value;
  };
  // Trains weights only (thresholds left as they are) on `examples[rows]`.
  void Fit(const std::vector<std::vector<std::uint32_t>>& x,
           const std::vector<std::vector<std::uint32_t>>& y, const std::vector<std::size_t>& rows,
           std::size_t features, const MultiLabelTrainOptions& options);
  std::vector<double> Margins(const std::vector<std::uint32_t>& row) const;
  void Tune(const std::vector<std::vector<double>>& probabilities,
            const std::vector<std::vector<std::uint32_t>>& y);

  std::vector<std::string> labels_;
  std::vector<double> thresholds_;  // per label
  double fallback_ = 1;             // 1: never give a label under its threshold
  std::vector<double> bias_;        // per label
  std::unordered_map<std::string, std::uint32_t> index_;  // feature -> row
  std::vector<std::string> features_;                     // row -> feature
  std::vector<std::vector<Weight>> weights_;              // row -> its non-zero weights
  std::vector<std::pair<std::string, std::string>> metadata_;
};

}  // namespace uprx::classifiers

#endif  // UPRX_CLASSIFIERS_MULTI_LABEL_MODEL_H_
