// Where the real documents are: $UPRX_CORPORA, else ../shared/corpora beside the source tree.
// SharedDir() is the folder that holds them with the design files: $UPRX_SHARED, else the
// corpora folder's parent.
// CORPUS_OR_SKIP() at the top of a corpus test skips it with a message when they are missing,
// and fails it when CI=true (CI must never pass by skipping the real documents).
#ifndef UPRX_TESTS_CORPUS_CORPUS_ENV_H_
#define UPRX_TESTS_CORPUS_CORPUS_ENV_H_

#include <gtest/gtest.h>

#include <string>

namespace uprx::testing {

std::string CorporaDir();
std::string SharedDir();
bool CorporaAvailable();
bool InCi();

}  // namespace uprx::testing

#define CORPUS_OR_SKIP()                                                       \
  do {                                                                         \
    if (!::uprx::testing::CorporaAvailable()) {                                \
      if (::uprx::testing::InCi())                                             \
        FAIL() << "corpora missing at " << ::uprx::testing::CorporaDir();      \
      GTEST_SKIP() << "corpora not found at " << ::uprx::testing::CorporaDir() \
                   << " (set UPRX_CORPORA)";                                   \
    }                                                                          \
  } while (0)

#endif  // UPRX_TESTS_CORPUS_CORPUS_ENV_H_
