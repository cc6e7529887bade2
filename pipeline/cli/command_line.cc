#include "pipeline/cli/command_line.h"

#include <iostream>

namespace uprx::pipeline {
namespace po = boost::program_options;

int UsageError(const std::string& command, const std::string& message) {
  std::cerr << "uprx " << command << ": " << message << "\nRun `uprx " << command
            << " --help` for usage.\n";
  return 2;
}

int InputFileError(const std::string& command, const core::Status& status) {
  std::cerr << "uprx " << command << ": " << status.message() << "\n";
  return 2;
}

std::optional<int> ParseCommandLine(const std::vector<std::string>& args,
                                    const std::string& command,
                                    const po::options_description& visible,
                                    std::vector<std::string>* inputs) {
  po::options_description all;
  all.add(visible);
  po::positional_options_description positional;
  if (inputs) {
    all.add_options()("input", po::value(inputs));
    positional.add("input", -1);
  }
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(all).positional(positional).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    return UsageError(command, e.what());
  }
  if (vm.count("help")) {
    std::cout << visible << "\n";
    return 0;
  }
  return std::nullopt;
}

}  // namespace uprx::pipeline
