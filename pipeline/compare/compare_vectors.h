// Word vectors that let `uprx compare` see that two different words mean nearly the same
// ("elderly" and "older", "abolish" and "repeal"): one unit vector per normalised word
// (NormalizedWords, compare_text.h), learned with fastText on the text of UPR recommendations
// and shipped as pipeline/compare/data/compare_vectors.tsv, made by
// `uprx train --compare-vectors` (docs/compare.md).
//
//   core::Result<WordVectors> v = WordVectors::LoadDefault();   // the embedded TSV
//   if (const float* x = v.value().Find("trafficking")) { ... x[0 .. dims()) ... }
//
// File format: '#' lines are comments; the first other line is "dims<TAB>D"; then one line per
// word, "word<TAB>c1 c2 ... cD" with each component an integer in [-127, 127] (the unit vector
// times 127, rounded). A word given twice, a wrong count or a component out of range is an error
// naming `file:line`. Vectors are scaled back to unit length when read.
#ifndef UPRX_PIPELINE_COMPARE_COMPARE_VECTORS_H_
#define UPRX_PIPELINE_COMPARE_COMPARE_VECTORS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "pipeline/core/status.h"

namespace uprx::pipeline {

inline constexpr int kVectorComponentMax = 127;

class WordVectors {
 public:
  [[nodiscard]] static core::Result<WordVectors> Parse(std::string_view tsv,
                                                       std::string_view source);
  // The compare_vectors.tsv compiled into the binary.
  [[nodiscard]] static core::Result<WordVectors> LoadDefault();
  // The file Parse() reads for these unit vectors (each `dims` long, in `words` order).
  static std::string Serialize(const std::vector<std::string>& words,
                               const std::vector<std::vector<float>>& vectors,
                               const std::vector<std::string>& notes);

  std::size_t dims() const { return dims_; }
  std::size_t size() const { return index_.size(); }
  bool empty() const { return index_.empty(); }
  // The unit vector of a normalised word (dims() floats), or nullptr.
  const float* Find(const std::string& word) const;

 private:
  std::size_t dims_ = 0;
  std::unordered_map<std::string, std::size_t> index_;  // word -> offset into data_
  std::vector<float> data_;
};

}  // namespace uprx::pipeline

#endif  // UPRX_PIPELINE_COMPARE_COMPARE_VECTORS_H_
