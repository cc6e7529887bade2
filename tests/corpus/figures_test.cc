// The loader of corpora/figures.tsv: an id the file lacks, or a floor of another kind than the
// test asks for, must fail the test that asks, never pass it quietly. Needs no corpus.
#include "tests/corpus/figures.h"

#include <gtest/gtest-spi.h>
#include <gtest/gtest.h>

#include <limits>

namespace uprx::testing {
namespace {

double floor_read = 0;
std::size_t count_read = 0;

TEST(Figures, AMissingIdFailsTheTestAndCannotBeMet) {
  EXPECT_NONFATAL_FAILURE(floor_read = Floor("no.such.figure"), "has no figure 'no.such.figure'");
  EXPECT_EQ(floor_read, std::numeric_limits<double>::infinity());
  EXPECT_NONFATAL_FAILURE(count_read = Exactly("no.such.figure"), "has no figure");
  EXPECT_EQ(count_read, std::numeric_limits<std::size_t>::max());
  EXPECT_NONFATAL_FAILURE(floor_read = Ceiling("no.such.figure"), "has no figure");
  EXPECT_EQ(floor_read, -std::numeric_limits<double>::infinity());
}

TEST(Figures, AFloorOfAnotherKindFailsTheTest) {
  // wg.pair_recall is a ">=" floor, wg.reports an "=" count, memory.run_growth a "<=" ceiling.
  EXPECT_NONFATAL_FAILURE(count_read = Exactly("wg.pair_recall"), "want '= VALUE'");
  EXPECT_NONFATAL_FAILURE(floor_read = Floor("wg.reports"), "want '>= VALUE'");
  EXPECT_NONFATAL_FAILURE(floor_read = Floor("memory.run_growth"), "want '>= VALUE'");
  EXPECT_NONFATAL_FAILURE(floor_read = Floor("persons.micro_f1"), "is '-'");  // not asserted
}

TEST(Figures, FloorsAreReadAsTheKindTheyAre) {
  const double recall = Floor("wg.pair_recall");
  EXPECT_GT(recall, 0.0);
  EXPECT_LE(recall, 1.0);
  EXPECT_GT(Exactly("wg.reports"), 0u);
  EXPECT_GT(Ceiling("memory.run_growth"), 1.0);
  EXPECT_FALSE(ExactText("svn.c1.broken_pdf").empty());
}

}  // namespace
}  // namespace uprx::testing
