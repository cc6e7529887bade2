// uprx classify: a uprx/1 JSON file (from `extract` or `run`) -> the same with labels.
#include <boost/program_options.hpp>
#include <iostream>

#include "classifiers/review_classifier.h"
#include "pipeline/cli/command_line.h"
#include "pipeline/cli/commands.h"
#include "pipeline/formats/json_writer.h"
#include "pipeline/formats/review_reader.h"

namespace uprx::pipeline {
namespace po = boost::program_options;
namespace {

constexpr const char* kClassifyHelp =
    R"(uprx classify - add or refresh the labels of reviews already extracted

Usage: uprx classify REVIEW.json [-o FILE] [--model MODEL]... [--taxonomy-file FILE]...

Reads a uprx/1 JSON file written by `uprx extract` or `uprx run` and labels every
recommendation with the taxonomies compiled into uprx (`uprx taxonomy list`): UHRI themes and
affected persons, UPR Info issues, the 1-5 action category and the SDG goals. Each label has
its score, its method (rules, or rules+model) and its evidence (the words that decided, or the
model's strongest features). Labels already present are replaced; everything else is kept as
it was. The taxonomies' versions are written to generator.taxonomies.

--model adds a model trained by `uprx train` to the rules of its taxonomy; --taxonomy-file
replaces a compiled-in taxonomy by a file of the same id (the format is in `uprx taxonomy show
ID`'s source and in classifiers/taxonomy.h).

Exit status: 0 done, 1 the input or output could not be read or written (named on stderr),
2 usage error, or a --taxonomy-file, --model or --profile file that cannot be used (named as
file:line: why).

Examples:
  uprx extract ../shared/corpora/wg-reports/cambodia2014.pdf -o khm.json
  uprx classify khm.json -o khm-labelled.json
  uprx classify khm.json --model action.model -o khm-labelled.json

Options)";

struct ClassifyArgs {
  std::vector<std::string> inputs;
  std::string output = "-";
  classifiers::ClassifierOptions options;
};

std::optional<int> Parse(const std::vector<std::string>& args, ClassifyArgs& a) {
  po::options_description opts(kClassifyHelp);
  opts.add_options()("help,h", "show this help")("output,o",
                                                 po::value(&a.output)->default_value("-"),
                                                 "write to FILE (- for standard output)")(
      "model", po::value(&a.options.model_paths)->composing(),
      "a model from `uprx train` (repeatable; each names its taxonomy)")(
      "taxonomy-file", po::value(&a.options.taxonomy_paths)->composing(),
      "a taxonomy file replacing the compiled-in one of its id (repeatable)")(
      "profile", po::value(&a.options.profile)->value_name("ISO3|auto|FILE"),
      "also assign lead and supporting institutions (labels.ministries): KHM, auto, generic or a "
      ".json profile");
  if (auto exit_code = ParseCommandLine(args, "classify", opts, &a.inputs)) return *exit_code;
  if (a.inputs.size() != 1) return UsageError("classify", "give exactly one REVIEW.json");
  return std::nullopt;
}

}  // namespace

int RunClassifyCommand(const std::vector<std::string>& args) {
  ClassifyArgs a;
  if (auto code = Parse(args, a)) return *code;
  auto classifier = classifiers::ReviewClassifier::Create(a.options);
  if (!classifier.ok()) return InputFileError("classify", classifier.status());
  auto file = ReadReviewsJson(a.inputs[0]);
  if (!file.ok()) {
    std::cerr << "uprx classify: " << file.status().message() << "\n";
    return 1;
  }
  ReviewFile& f = file.value();
  for (core::Review& r : f.reviews) classifier.value().Classify(r);
  if (a.output == "-") {
    WriteJson(std::cout, f.reviews, f.errors);
    return 0;
  }
  core::Status s = WriteFileAtomically(
      a.output, [&](std::ostream& out) { WriteJson(out, f.reviews, f.errors); });
  if (!s.ok()) {
    std::cerr << "uprx classify: " << s.message() << "\n";
    return 1;
  }
  return 0;
}

}  // namespace uprx::pipeline
