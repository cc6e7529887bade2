// The compiled-in government functions taxonomy, loaded once for the profile tests (the
// profile loader and checker both resolve function ids against it).
#ifndef UPRX_TESTS_CLASSIFIERS_FUNCTIONS_FIXTURE_H_
#define UPRX_TESTS_CLASSIFIERS_FUNCTIONS_FIXTURE_H_

#include <gtest/gtest.h>

#include "classifiers/ministry_assigner.h"

namespace uprx::classifiers::testing {

inline const Taxonomy& Functions() {
  static const FunctionScorer* const kScorer = [] {
    auto s = FunctionScorer::LoadEmbedded();
    EXPECT_TRUE(s.ok()) << s.status().ToString();
    return new FunctionScorer(std::move(s).value());
  }();
  return kScorer->taxonomy();
}

}  // namespace uprx::classifiers::testing

#endif  // UPRX_TESTS_CLASSIFIERS_FUNCTIONS_FIXTURE_H_
