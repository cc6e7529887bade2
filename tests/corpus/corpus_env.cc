#include "tests/corpus/corpus_env.h"

#include <cstdlib>
#include <filesystem>

namespace uprx::testing {

std::string CorporaDir() {
  if (const char* env = std::getenv("UPRX_CORPORA"); env && *env) return env;
  return UPRX_DEFAULT_CORPORA;
}

std::string SharedDir() {
  if (const char* env = std::getenv("UPRX_SHARED"); env && *env) return env;
  std::filesystem::path corpora = std::filesystem::path(CorporaDir()).lexically_normal();
  if (corpora.filename().empty()) corpora = corpora.parent_path();  // "…/corpora/"
  return corpora.parent_path().string();
}

bool CorporaAvailable() {
  return std::filesystem::exists(std::filesystem::path(CorporaDir()) / "wg-reports.tsv");
}

bool InCi() {
  const char* ci = std::getenv("CI");
  return ci && std::string(ci) == "true";
}

}  // namespace uprx::testing
