// What every subcommand does with its arguments: parse them against its options, answer --help,
// and report a usage error naming the command. The command only declares its options.
//
//   po::options_description opts(kHelp);
//   opts.add_options()("help,h", "show this help")("output,o", po::value(&out), "...");
//   if (auto exit_code = ParseCommandLine(args, "train", opts)) return *exit_code;
#ifndef UPRX_PIPELINE_CLI_COMMAND_LINE_H_
#define UPRX_PIPELINE_CLI_COMMAND_LINE_H_

#include <boost/program_options.hpp>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/core/status.h"

namespace uprx::pipeline {

// Parses `args`. `inputs`, when given, receives every positional argument. Returns 0 after
// printing the help (options need a "help" switch), 2 after a usage error on stderr, and
// nullopt when the command should go on.
std::optional<int> ParseCommandLine(const std::vector<std::string>& args,
                                    const std::string& command,
                                    const boost::program_options::options_description& visible,
                                    std::vector<std::string>* inputs = nullptr);

// Prints "uprx COMMAND: MESSAGE" and where the usage is; returns 2, the usage exit code.
int UsageError(const std::string& command, const std::string& message);

// A file the user gave to configure the run (--taxonomy-file, --model, --profile) that cannot be
// used: prints "uprx COMMAND: file:line: why" and returns 2, like a usage error, because the
// run stopped before reading any document (1 says that some documents failed).
int InputFileError(const std::string& command, const core::Status& status);

}  // namespace uprx::pipeline

#endif  // UPRX_PIPELINE_CLI_COMMAND_LINE_H_
