// The same inputs give byte-identical output, whatever their order and the number of threads.
#include <gtest/gtest.h>

#include "pipeline/formats/json_writer.h"
#include "pipeline/run/review_join.h"
#include "pipeline/run/runner.h"
#include "tests/corpus/corpus_env.h"

namespace uprx::pipeline {
namespace {

std::string ExtractJson(std::vector<std::string> paths, int jobs) {
  const DocumentProcessor processor;
  std::vector<core::FileError> errors;
  auto docs = RunDocuments(processor, paths, {jobs, false});
  for (const auto& d : docs) {
    if (d.error) errors.push_back(*d.error);
  }
  return OutputToJson(JoinReviews(std::move(docs)), errors).dump(2);
}

TEST(Determinism, SameBytesWhateverTheOrderAndThreads) {
  CORPUS_OR_SKIP();
  const std::string dir = testing::CorporaDir();
  const std::vector<std::string> forward = {
      dir + "/wg-reports/cambodia2010.pdf", dir + "/wg-reports/cambodia2014.pdf",
      dir + "/slovenia/c4/g2502644.pdf", dir + "/slovenia/c1/g0916919.pdf"};
  const std::vector<std::string> backward(forward.rbegin(), forward.rend());
  const std::string a = ExtractJson(forward, 1);
  EXPECT_EQ(a, ExtractJson(forward, 1));
  EXPECT_EQ(a, ExtractJson(backward, 2));
  EXPECT_NE(a.find("\"KHM-c2-118.109\""), std::string::npos);
}

}  // namespace
}  // namespace uprx::pipeline
