// Fuzz target: the ministry profile loader (classifiers/profile.h) over any JSON a user may give
// with --profile, then the assigner built from what it accepts, over a fixed recommendation. A
// refusal must be a Status naming the file; an accepted profile always gives exactly one lead.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>

#include "classifiers/ministry_assigner.h"
#include "classifiers/profile.h"
#include "tests/fuzz/fuzz_input.h"

namespace {
constexpr char kText[] =
    "Strengthen the independence of the judiciary and train police officers and prison staff on "
    "the prohibition of torture, and improve access to primary education in rural areas";
}  // namespace

namespace classifiers = uprx::classifiers;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::shared_ptr<const classifiers::FunctionScorer> functions = [] {
    auto f = classifiers::FunctionScorer::LoadEmbedded();
    if (!f.ok()) std::abort();
    return std::make_shared<const classifiers::FunctionScorer>(std::move(f).value());
  }();
  auto profile = classifiers::Profile::Parse(uprx::fuzz::AsText(data, size), "fuzz.json",
                                             functions->taxonomy());
  if (!profile.ok()) {
    if (profile.status().message().rfind("fuzz.json", 0) != 0) std::abort();
    return 0;
  }
  const auto assigner = classifiers::MinistryAssigner::Create(
      functions, std::make_shared<const classifiers::Profile>(std::move(profile).value()));
  if (!assigner.ok()) return 0;
  const auto labels = assigner.value().Assign(kText, {});
  if (labels.empty() || labels.front().role != "lead") std::abort();
  return 0;
}
