// Fuzz target: the taxonomy loader (classifiers/taxonomy.h) over any file a user may give with
// --taxonomy-file, then the classifiers built from what it accepts, over a fixed recommendation.
// A refusal must be a Status naming the file and line; a taxonomy whose ids pass the numeric
// check must write as JSON (action categories and SDG goals are written as numbers).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <vector>

#include "classifiers/action_classifier.h"
#include "classifiers/multi_label_classifier.h"
#include "classifiers/taxonomy.h"
#include "pipeline/formats/json_writer.h"
#include "tests/fuzz/fuzz_input.h"

namespace {
constexpr char kText[] =
    "Ratify the Optional Protocol to the Convention against Torture, and ensure that children "
    "with disabilities have access to education and health care (France); 118.4";
}  // namespace

namespace classifiers = uprx::classifiers;
namespace core = uprx::core;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto taxonomy = classifiers::Taxonomy::Parse(uprx::fuzz::AsText(data, size), "fuzz.tsv");
  if (!taxonomy.ok()) {
    if (taxonomy.status().message().rfind("fuzz.tsv:", 0) != 0) std::abort();
    return 0;
  }
  const classifiers::Taxonomy& t = taxonomy.value();
  if (const auto multi = classifiers::MultiLabelClassifier::Create(t); multi.ok()) {
    (void)multi.value().Classify(kText);
  }
  if (const auto action = classifiers::ActionClassifier::Create(t); action.ok()) {
    const classifiers::ActionLabel a = action.value().Classify(kText);
    if (a.category < 1 || a.category > 5) std::abort();
  }
  // What the writer does with ids that passed the check a numeric taxonomy must pass.
  if (t.CheckNumericIds(1, 17).ok()) {
    core::Review review;
    core::Recommendation rec;
    rec.id = "X-c1-1.1";
    std::vector<core::AssignedLabel> sdgs;
    for (const classifiers::Label& l : t.labels()) {
      sdgs.push_back({"sdg", l.id, l.name, 0.5, "rules", {}, ""});
      rec.labels.action = sdgs.back();
    }
    rec.labels.sdgs = std::move(sdgs);
    review.recommendations.push_back(std::move(rec));
    std::ostringstream out;
    uprx::pipeline::WriteJson(out, {review}, {});
  }
  return 0;
}
