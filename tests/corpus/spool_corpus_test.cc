// The spool (pipeline/document_spool.h) gives back exactly what extraction produced, for every
// kind of outcome document in the corpus: WG reports of the three cycles' layouts, an addendum
// and an OHCHR thematic list.
#include <gtest/gtest.h>

#include "pipeline/run/document_processor.h"
#include "pipeline/run/document_spool.h"
#include "tests/corpus/corpus_env.h"

namespace uprx {
namespace {

TEST(SpoolCorpus, RealDocumentsComeBackUnchanged) {
  CORPUS_OR_SKIP();
  const std::string c = testing::CorporaDir();
  const std::vector<std::string> paths = {
      c + "/wg-reports/cambodia2010.pdf",
      c + "/wg-reports/cambodia2014.pdf",
      c + "/slovenia/c4/g2502644.pdf",
      c + "/slovenia/c4/g2505828.pdf",
      c + "/slovenia/c4/upr48-slovenia-thematic-list-of-recommendatio.docx",
      c + "/slovenia/c1/g0917123.pdf"};  // the broken PDF: an error record
  const pipeline::DocumentProcessor processor;
  pipeline::DocumentSpool spool(paths.size());
  std::vector<pipeline::ProcessedDocument> direct;
  for (std::size_t i = 0; i < paths.size(); ++i) {
    direct.push_back(processor.Process(paths[i]));
    spool.Put(i, direct.back());
  }
  EXPECT_EQ(spool.in_memory(), 0u);
  std::size_t recommendations = 0, statements = 0;
  for (std::size_t i = 0; i < paths.size(); ++i) {
    const pipeline::ProcessedDocument back = spool.Take(i);
    EXPECT_TRUE(back == direct[i]) << paths[i];
    recommendations += back.recommendations.size();
    statements += back.statements.size();
  }
  // Cambodia 91 + 205, Slovenia c4 report 254 and its thematic list 254.
  EXPECT_EQ(recommendations, 91u + 205u + 254u + 254u);
  EXPECT_GT(statements, 0u);
  EXPECT_TRUE(direct.back().error.has_value());
}

}  // namespace
}  // namespace uprx
