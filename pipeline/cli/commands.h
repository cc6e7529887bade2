// One function per `uprx` subcommand; uprx_main.cc only dispatches. Each takes the arguments
// after the subcommand name and returns the process exit code: 0 all good, 1 some documents
// failed (each named on stderr), 2 usage error.
#ifndef UPRX_PIPELINE_CLI_COMMANDS_H_
#define UPRX_PIPELINE_CLI_COMMANDS_H_

#include <string>
#include <vector>

namespace uprx::pipeline {

int RunExtractCommand(const std::vector<std::string>& args);
int RunRunCommand(const std::vector<std::string>& args);
int RunClassifyCommand(const std::vector<std::string>& args);
int RunTaxonomyCommand(const std::vector<std::string>& args);
int RunEvalCommand(const std::vector<std::string>& args);
int RunTrainCommand(const std::vector<std::string>& args);
int RunClassifyEvalCommand(const std::vector<std::string>& args);
int RunCompareCommand(const std::vector<std::string>& args);
// `uprx profile init ISO3 [-o FILE]` and `uprx profile check FILE...`.
int RunProfileCommand(const std::vector<std::string>& args);
// `uprx eval --ministries-gold GOLD.tsv REVIEW.json... [--failures FILE] [--json]`.
int RunMinistryEvalCommand(const std::vector<std::string>& args);
// `uprx eval-labels --thematic FILE... [--reclassify] [--taxonomy-file FILE]... [--worst N]`.
int RunThematicEvalCommand(const std::vector<std::string>& args);

}  // namespace uprx::pipeline

#endif  // UPRX_PIPELINE_CLI_COMMANDS_H_
