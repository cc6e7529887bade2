// `uprx eval --ministries-gold`: the flags of the ministries evaluation (pipeline/eval).
#include <boost/program_options.hpp>

#include "pipeline/cli/command_line.h"
#include "pipeline/cli/commands.h"
#include "pipeline/eval/ministry_eval.h"

namespace uprx::pipeline {

namespace po = boost::program_options;

int RunMinistryEvalCommand(const std::vector<std::string>& args) {
  std::string gold_path, failures;
  std::vector<std::string> inputs;
  bool json = false;
  po::options_description d(
      "Usage: uprx eval --ministries-gold GOLD.tsv REVIEW.json... [--failures FILE] [--json]\n\n"
      "Scores labels.ministries (written by `uprx run --profile ...`) against a gold set:\n"
      "lead accuracy, supporting precision/recall and lead confusions, per part of the gold.\n\n"
      "Example:\n  uprx run cambodia2010.pdf cambodia2014.pdf --profile KHM --out out/\n"
      "  uprx eval --ministries-gold corpora/ministries_gold.tsv out/KHM-c1.json "
      "out/KHM-c2.json\n\nOptions");
  d.add_options()("help,h", "show this help")(
      "ministries-gold", po::value(&gold_path)->value_name("FILE"), "the gold TSV")(
      "failures", po::value(&failures)->value_name("FILE"),
      "write a TSV of every row whose lead or supporting institutions differ")(
      "json", po::bool_switch(&json), "print the scores as JSON");
  if (auto exit_code = ParseCommandLine(args, "eval", d, &inputs)) return *exit_code;
  if (gold_path.empty() || inputs.empty()) {
    return UsageError("eval", "give --ministries-gold FILE and at least one REVIEW.json");
  }
  return RunMinistryEval(gold_path, inputs, failures, json);
}

}  // namespace uprx::pipeline
