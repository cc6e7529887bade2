// uprx taxonomy list|show ID: what labels exist, what each means and which rules give it.
#include <boost/program_options.hpp>
#include <iostream>

#include "classifiers/review_classifier.h"
#include "classifiers/taxonomy.h"
#include "pipeline/cli/command_line.h"
#include "pipeline/cli/commands.h"

namespace uprx::pipeline {
namespace po = boost::program_options;
namespace {

constexpr const char* kTaxonomyHelp =
    R"(uprx taxonomy - the label lists uprx classifies with, and why a label is given

Usage: uprx taxonomy list
       uprx taxonomy show ID [--rules]

`list` prints each compiled-in taxonomy: its id, version, the label kind it fills in the JSON
(themes, groups, issues, action, sdgs), the number of labels and rules, and its file.
`show ID` prints every label of taxonomy ID with its name and definition; --rules adds, under
each label, the RE2 rules that give it (with their weights) and the ones that veto it.

Examples:
  uprx taxonomy list
  uprx taxonomy show action --rules

Options)";

int List() {
  for (const classifiers::TaxonomyKind& k : classifiers::EmbeddedTaxonomies()) {
    auto t = classifiers::Taxonomy::LoadEmbedded(k.file);
    if (!t.ok()) continue;  // not compiled into this binary
    std::cout << t.value().id() << "\t" << t.value().version() << "\t" << k.kind << "\t"
              << t.value().labels().size() << " labels\t" << t.value().rules().size() << " rules\t"
              << k.file << "\n";
  }
  return 0;
}

int Show(const std::string& id, bool rules) {
  for (const classifiers::TaxonomyKind& k : classifiers::EmbeddedTaxonomies()) {
    auto t = classifiers::Taxonomy::LoadEmbedded(k.file);
    if (!t.ok() || t.value().id() != id) continue;
    const classifiers::Taxonomy& tax = t.value();
    std::cout << "# " << tax.id() << " " << tax.version() << " (" << k.file << ", label kind "
              << k.kind << ")\n";
    for (const classifiers::Label& l : tax.labels()) {
      std::cout << l.id << "\t" << l.name << "\n    " << l.definition << "\n";
      if (!rules) continue;
      for (const classifiers::Rule& r : tax.rules()) {
        if (r.label_id != l.id) continue;
        const char* kind = r.exclude ? "exclude " : r.unless ? "unless " : "rule ";
        std::cout << "    " << kind << r.id << "\t" << r.pattern;
        if (!r.exclude && !r.unless) std::cout << "\t" << r.weight;
        std::cout << "\n";
        if (!r.context.empty()) std::cout << "      context\t" << r.context << "\n";
      }
    }
    return 0;
  }
  std::cerr << "uprx taxonomy: no taxonomy '" << id << "' (see `uprx taxonomy list`)\n";
  return 1;
}

}  // namespace

int RunTaxonomyCommand(const std::vector<std::string>& args) {
  po::options_description opts(kTaxonomyHelp);
  bool rules = false;
  opts.add_options()("help,h", "show this help")("rules", po::bool_switch(&rules),
                                                 "show: list each label's rules");
  std::vector<std::string> words;
  if (auto exit_code = ParseCommandLine(args, "taxonomy", opts, &words)) return *exit_code;
  if (words.size() == 1 && words[0] == "list") return List();
  if (words.size() == 2 && words[0] == "show") return Show(words[1], rules);
  return UsageError("taxonomy", "say `list` or `show ID`");
}

}  // namespace uprx::pipeline
