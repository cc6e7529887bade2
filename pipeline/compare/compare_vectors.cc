#include "pipeline/compare/compare_vectors.h"

#include <cmath>

#include "pipeline/core/embedded_data.h"
#include "pipeline/core/text_util.h"

namespace uprx::pipeline {
namespace {

constexpr std::size_t kMaxDims = 1000;

core::Status Invalid(std::string_view source, int line, const std::string& why) {
  return core::Status("data_invalid",
                      std::string(source) + ":" + std::to_string(line) + ": " + why);
}

}  // namespace

core::Result<WordVectors> WordVectors::LoadDefault() {
  const std::optional<std::string> tsv = EmbeddedData("compare_vectors.tsv");
  if (!tsv) return core::Status("data_missing", "compare_vectors.tsv is not embedded");
  return Parse(*tsv, "compare_vectors.tsv");
}

core::Result<WordVectors> WordVectors::Parse(std::string_view tsv, std::string_view source) {
  WordVectors v;
  const std::vector<core::DataLine> lines = core::DataLines(tsv);
  for (const auto& [line, line_number] : lines) {
    const std::size_t tab = line.find('\t');
    if (tab == std::string_view::npos || tab == 0) {
      return Invalid(source, line_number, "expected a word, a tab and its vector");
    }
    const std::string word(line.substr(0, tab));
    std::string_view rest = line.substr(tab + 1);
    if (v.dims_ == 0) {
      const std::optional<int> dims =
          word == "dims" ? core::ParseBoundedInt(rest, 1, static_cast<int>(kMaxDims))
                         : std::nullopt;
      if (!dims) {
        return Invalid(
            source, line_number,
            "the first line must be \"dims<TAB>D\" with D in 1-" + std::to_string(kMaxDims));
      }
      v.dims_ = static_cast<std::size_t>(*dims);
      continue;
    }
    if (v.index_.count(word)) return Invalid(source, line_number, "'" + word + "' given twice");
    const std::size_t offset = v.data_.size();
    double norm = 0;
    while (!rest.empty()) {
      const std::size_t space = rest.find(' ');
      const std::string_view number = rest.substr(0, space);
      rest = space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
      const std::optional<int> c =
          core::ParseBoundedInt(number, -kVectorComponentMax, kVectorComponentMax);
      if (!c) {
        return Invalid(source, line_number,
                       "component '" + std::string(number) + "' is not an integer in [-127, 127]");
      }
      v.data_.push_back(static_cast<float>(*c));
      norm += static_cast<double>(*c) * *c;
    }
    if (v.data_.size() - offset != v.dims_) {
      return Invalid(source, line_number,
                     std::to_string(v.data_.size() - offset) + " components, expected " +
                         std::to_string(v.dims_));
    }
    if (norm <= 0) return Invalid(source, line_number, "'" + word + "' has a zero vector");
    const float scale = static_cast<float>(1.0 / std::sqrt(norm));
    for (std::size_t i = offset; i < v.data_.size(); ++i) v.data_[i] *= scale;
    v.index_.emplace(word, offset);
  }
  if (v.dims_ == 0) {
    return core::Status("data_invalid", std::string(source) + ": no \"dims\" line");
  }
  return v;
}

std::string WordVectors::Serialize(const std::vector<std::string>& words,
                                   const std::vector<std::vector<float>>& vectors,
                                   const std::vector<std::string>& notes) {
  std::string out;
  for (const std::string& note : notes) out += "# " + note + "\n";
  const std::size_t dims = vectors.empty() ? 0 : vectors.front().size();
  out += "dims\t" + std::to_string(dims) + "\n";
  for (std::size_t w = 0; w < words.size() && w < vectors.size(); ++w) {
    double norm = 0;
    for (const float x : vectors[w]) norm += static_cast<double>(x) * x;
    if (norm <= 0) continue;
    std::string line = words[w] + "\t";
    bool any = false;
    for (std::size_t i = 0; i < vectors[w].size(); ++i) {
      const long c = std::lround(vectors[w][i] / std::sqrt(norm) * kVectorComponentMax);
      any = any || c != 0;
      line += (i ? " " : "") + std::to_string(c);
    }
    if (any) out += line + "\n";
  }
  return out;
}

const float* WordVectors::Find(const std::string& word) const {
  auto it = index_.find(word);
  return it == index_.end() ? nullptr : data_.data() + it->second;
}

}  // namespace uprx::pipeline
