// uprx: Universal Periodic Review documents -> structured data. This file only dispatches to
// the subcommands in pipeline/*_command.cc.
#include <iostream>
#include <string>
#include <vector>

#include "pipeline/cli/commands.h"

namespace {

constexpr const char* kUsage = R"(uprx - UN Universal Periodic Review documents to structured data

Usage: uprx COMMAND [OPTIONS]

Commands:
  run       the whole pipeline over UPR documents (WG reports, addenda, thematic lists):
            one JSON file per review with the final position of every recommendation
  extract   read UPR documents (PDF, DOCX, text) and write their recommendations,
            recommending States and positions as JSON (schema uprx/1)
  classify  add labels (themes, issues, action category, SDGs, affected persons) with their
            evidence to a JSON file written by extract or run
  taxonomy  list the label lists, or show one with its definitions and rules
  profile   write a starting government profile for a State (init ISO3), or check one
            (check FILE): the ministries --profile shares recommendations out to
  compare   two reviews of one State (OLD.json NEW.json): repeated, new and dropped
            recommendations, position changes, shifts per theme and State
  eval      score extracted JSON against labelled data (UPR Info export)
            (or `uprx compare` against judged pairs: --compare-gold)
  train     learn a classifier model from labelled rows (UPR Info CSV): --taxonomy action
  eval-labels
            score the action category against UPR Info's labels (WG sessions 17-20)

Run `uprx COMMAND --help` for the options of a command, with examples.

Example:
  uprx extract ../shared/corpora/wg-reports/cambodia2014.pdf -o cambodia2014.json
)";

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << kUsage;
    return 2;
  }
  const std::string command = argv[1];
  const std::vector<std::string> args(argv + 2, argv + argc);
  if (command == "--help" || command == "-h" || command == "help") {
    std::cout << kUsage;
    return 0;
  }
  if (command == "--version") {
    std::cout << "uprx 0.1.0\n";
    return 0;
  }
  if (command == "extract") return uprx::pipeline::RunExtractCommand(args);
  if (command == "run") return uprx::pipeline::RunRunCommand(args);
  if (command == "classify") return uprx::pipeline::RunClassifyCommand(args);
  if (command == "taxonomy") return uprx::pipeline::RunTaxonomyCommand(args);
  if (command == "eval") return uprx::pipeline::RunEvalCommand(args);
  if (command == "train") return uprx::pipeline::RunTrainCommand(args);
  if (command == "eval-labels") return uprx::pipeline::RunClassifyEvalCommand(args);
  if (command == "compare") return uprx::pipeline::RunCompareCommand(args);
  if (command == "profile") return uprx::pipeline::RunProfileCommand(args);
  std::cerr << "uprx: unknown command '" << command << "'\n\n" << kUsage;
  return 2;
}
