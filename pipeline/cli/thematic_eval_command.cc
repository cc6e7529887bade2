// `uprx eval-labels --thematic`: the flags of the thematic-list evaluation (pipeline/eval).
#include <boost/program_options.hpp>
#include <iostream>

#include "pipeline/cli/command_line.h"
#include "pipeline/cli/commands.h"
#include "pipeline/eval/thematic_eval.h"

namespace uprx::pipeline {
namespace {

constexpr const char* kThematicHelp =
    R"(uprx eval-labels --thematic - how well our themes, affected persons and SDGs agree with
the labels OHCHR gave in its thematic lists

Usage: uprx eval-labels --thematic OUT.json... [--reclassify [--taxonomy-file FILE]...]
                        [--worst N]

Reads uprx/1 files written by `uprx run` on thematic lists (they hold both OHCHR's
given_labels and our labels), maps every given label to our label ids through the names and
aliases of uhri.tsv, uhri_persons.tsv and sdg.tsv (the crosswalk between the 2014, 2019 and
2022+ vintages), and prints per document and overall micro and macro precision, recall and F1,
strict and within the document's own vocabulary, per-label figures, the worst labels with what
they were confused with, and every given label that maps to nothing. With --taxonomy-file, the
texts are labelled again with that file in place of the compiled-in taxonomy of the same id (to
try rule changes without rebuilding); the given labels are still read with the compiled-in names.

Exit status: 0 done, 1 a file could not be read, 2 usage error, or a --taxonomy-file that
cannot be used (named as file:line: why).

Examples:
  uprx run ../shared/corpora/matrices/Matrix_recommendations_2018.docx -o chn3.json
  uprx eval-labels --thematic chn3.json
  uprx eval-labels --thematic svn/SVN-c2.json svn/SVN-c3.json --reclassify --worst 12
  uprx eval-labels --thematic chn3.json --reclassify --taxonomy-file my-uhri.tsv

Options)";

}  // namespace

int RunThematicEvalCommand(const std::vector<std::string>& args) {
  namespace po = boost::program_options;
  po::options_description opts(kThematicHelp);
  std::vector<std::string> files, more, taxonomy_paths;
  bool reclassify = false;
  std::size_t worst = 8;
  opts.add_options()("help,h", "show this help")("thematic", po::value(&files)->multitoken(),
                                                 "uprx/1 files written by `uprx run`")(
      "reclassify", po::bool_switch(&reclassify), "label the texts again with this binary")(
      "taxonomy-file", po::value(&taxonomy_paths)->composing(),
      "with --reclassify: a taxonomy file replacing the compiled-in one of its id")(
      "worst", po::value(&worst)->default_value(worst), "how many of the worst labels to explain");
  if (auto exit_code = ParseCommandLine(args, "eval-labels", opts, &more)) return *exit_code;
  files.insert(files.end(), more.begin(), more.end());
  if (files.empty()) return UsageError("eval-labels", "give --thematic and uprx/1 files");
  return RunThematicEval(files, reclassify, worst, std::cout, std::cerr, taxonomy_paths);
}

}  // namespace uprx::pipeline
