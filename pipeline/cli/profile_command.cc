// uprx profile init|check: a starting government profile for any State, and a check of one.
#include <boost/program_options.hpp>
#include <ctime>
#include <fstream>
#include <iostream>
#include <sstream>

#include "classifiers/ministry_assigner.h"
#include "classifiers/profile_check.h"
#include "extractors/state_resolver.h"
#include "pipeline/cli/command_line.h"
#include "pipeline/cli/commands.h"
#include "pipeline/formats/json_writer.h"

namespace uprx::pipeline {
namespace po = boost::program_options;
namespace {

constexpr const char* kProfileHelp =
    R"(uprx profile - write and check a government profile (ministries and what they lead)

Usage: uprx profile init ISO3 [-o FILE]
       uprx profile check FILE...

A profile names a government's ministries and institutions and the government functions each
one leads or supports, so that `uprx run --profile FILE` gives every recommendation a lead
institution and supporting ones. docs/profiles.md explains the format with Cambodia's profile.

`init ISO3` writes a starting profile for the State with that ISO 3166-1 alpha-3 code: one
placeholder institution per government function (classifiers/taxonomies/functions.tsv), each
with the function's definition in a "_comment" field, today's date as the mandate date, and notes
saying what to replace. Fields whose name starts with '_' are notes: uprx ignores them. To FILE
with -o (written whole or not at all), else to standard output.

`check FILE...` loads each profile as `uprx run --profile` would and reports every problem as
FILE:LINE: why. It is stricter than the loader: a field that is not known and not a note
("lead" for "leads") is an error, and functions no institution leads are warnings.

Exit status: 0 every profile valid (warnings allowed), 1 a file could not be read or written,
2 an invalid profile or a usage error.

Examples:
  uprx profile init SVN -o SVN.json
  uprx profile check SVN.json
  uprx run ../shared/corpora/slovenia/c4 --profile SVN.json --out out/svn

Options)";

std::string Today() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char date[11];
  std::strftime(date, sizeof date, "%Y-%m-%d", &utc);
  return date;
}

int Init(const std::string& code, const std::string& output) {
  std::string iso3 = code;
  for (char& c : iso3) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  const auto state = extractors::StateResolver::Default().ByIso3(iso3);
  if (!state) return UsageError("profile", "no State with ISO3 code '" + code + "'");
  auto functions = classifiers::FunctionScorer::LoadEmbedded();
  if (!functions.ok()) {
    std::cerr << "uprx profile: " << functions.status().message() << "\n";
    return 1;
  }
  const std::string text =
      classifiers::StarterProfile(iso3, state->name, functions.value().taxonomy(), Today());
  if (output.empty() || output == "-") {
    std::cout << text;
    return 0;
  }
  if (core::Status s = WriteFileAtomically(output, text); !s.ok()) {
    std::cerr << "uprx profile: " << s.message() << "\n";
    return 1;
  }
  std::cerr << "uprx: wrote " << output << " (starting profile for " << state->name
            << "; edit it, then `uprx profile check " << output << "`)\n";
  return 0;
}

// 0 valid, 1 unreadable, 2 invalid.
int CheckOne(const std::string& path, const classifiers::Taxonomy& functions) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::cerr << path << ": cannot open profile file\n";
    return 1;
  }
  std::ostringstream text;
  text << in.rdbuf();
  int errors = 0, warnings = 0;
  for (const auto& p : classifiers::CheckProfile(text.str(), path, functions)) {
    std::cerr << path << ":" << p.line << ": " << p.message << "\n";
    (p.error ? errors : warnings) += 1;
  }
  std::cerr << path << ": " << (errors > 0 ? "invalid" : "valid") << " (" << errors << " errors, "
            << warnings << " warnings)\n";
  return errors > 0 ? 2 : 0;
}

int Check(const std::vector<std::string>& paths) {
  auto functions = classifiers::FunctionScorer::LoadEmbedded();
  if (!functions.ok()) {
    std::cerr << "uprx profile: " << functions.status().message() << "\n";
    return 1;
  }
  int worst = 0;
  for (const std::string& path : paths) {
    worst = std::max(worst, CheckOne(path, functions.value().taxonomy()));
  }
  return worst;
}

}  // namespace

int RunProfileCommand(const std::vector<std::string>& args) {
  po::options_description opts(kProfileHelp);
  std::string output;
  opts.add_options()("help,h", "show this help")(
      "output,o", po::value(&output), "init: write the profile to FILE (- for standard output)");
  std::vector<std::string> words;
  if (auto exit_code = ParseCommandLine(args, "profile", opts, &words)) return *exit_code;
  if (words.size() == 2 && words[0] == "init") return Init(words[1], output);
  if (words.size() >= 2 && words[0] == "check") {
    return Check(std::vector<std::string>(words.begin() + 1, words.end()));
  }
  return UsageError("profile", "say `init ISO3 [-o FILE]` or `check FILE...`");
}

}  // namespace uprx::pipeline
