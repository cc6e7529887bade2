// The floors the corpus tests hold, read from corpora/figures.tsv, the one file that also gives
// each figure's bar and measured value (README and docs/figures.md are generated from it by
// scripts/figures.sh). A test writes
//
//   EXPECT_GE(summary.micro_recall, Floor("wg.pair_recall"));
//   EXPECT_EQ(review.recommendations.size(), Exactly("svn.c4.recommendations"));
//
// An id missing from the file, or whose floor has another operator than the accessor expects,
// fails the calling test with a message naming the id, and the accessor returns a value no
// measurement can satisfy, so the check that uses it fails too.
#ifndef UPRX_TESTS_CORPUS_FIGURES_H_
#define UPRX_TESTS_CORPUS_FIGURES_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace uprx::testing {

// The floor ">= X" of figure `id`; +infinity when it is missing or not a ">=" floor.
double Floor(std::string_view id);

// The ceiling "<= X" of figure `id`; -infinity when it is missing or not a "<=" ceiling.
double Ceiling(std::string_view id);

// The exact count "= N" of figure `id`; SIZE_MAX when it is missing or not a whole "=" count.
std::size_t Exactly(std::string_view id);

// The exact text "= word" of figure `id` (a document kind, an error code); an empty string when
// it is missing or not an "=" floor.
std::string ExactText(std::string_view id);

}  // namespace uprx::testing

#endif  // UPRX_TESTS_CORPUS_FIGURES_H_
