// A taxonomy: the labels a classifier may give, each with a name and a definition, and the RE2
// rules that give them. Taxonomies are commented, line-based TSV files in
// classifiers/taxonomies/, compiled into the binary (cmake/embed_data.cmake).
//
//   auto t = Taxonomy::LoadEmbedded("action.tsv");
//   if (!t.ok()) { std::cerr << t.status().ToString() << "\n"; return 1; }
//   for (const Label& l : t.value().labels()) std::cout << l.id << " " << l.name << "\n";
//
// File format, one record per line, fields separated by one TAB; '#' starts a comment line and
// blank lines are ignored:
//   taxonomy  ID                      the taxonomy's id (once, first record)
//   version   VERSION                 written into generator.taxonomies (once)
//   label     ID  NAME  DEFINITION    a label; ids are unique
//   define    NAME  RE2               a named fragment; later patterns use it as {NAME}
//   option    KEY  VALUE              a setting read by the classifier that uses the taxonomy
//   rule      LABEL_ID  RE2  WEIGHT   the label is a candidate when RE2 matches (case-insensitive,
//                                     unanchored unless the pattern anchors); when the pattern
//                                     has a capturing group, group 1 is the evidence
//   exclude   LABEL_ID  RE2           rules do not give the label when RE2 matches (a veto)
//   unless    LABEL_ID  RE2           words of the label's rules that lie inside a match of RE2
//                                     do not count (they belong to something else: a treaty's
//                                     title, "culture of violence"); the rule looks further on
//   context   RE2                     the 'rule' on the record before counts only when RE2 also
//                                     matches the text (a word that needs others to mean the
//                                     label: "moratorium" with execution words)
//   alias     LABEL_ID  NAME          another name of the label (an older vintage's, a coded
//                                     form "A12 ..."), used to read labels others gave
// Load fails with code "taxonomy_invalid" and the message `file:line: why` on the first bad
// record: unknown record kind, wrong field count, duplicate label id, rule for an unknown label,
// unknown {NAME}, RE2 that does not compile, weight that is not a positive number, a 'context'
// that does not follow a 'rule' or a second 'context' for one rule. A taxonomy whose ids are
// written as numbers is also refused when one is not (CheckNumericIds).
#ifndef UPRX_CLASSIFIERS_TAXONOMY_H_
#define UPRX_CLASSIFIERS_TAXONOMY_H_

#include <re2/re2.h>

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/core/status.h"

namespace uprx::classifiers {

struct Label {
  std::string id;
  std::string name;
  std::string definition;
  int line = 0;  // of its 'label' record, for errors
};

struct Rule {
  std::string id;        // "<taxonomy>:<line>", stable while the file is unchanged
  std::string label_id;  // a Label::id of the same taxonomy
  std::string pattern;   // RE2 with every {NAME} expanded
  double weight = 1;
  int line = 0;
  bool exclude = false;  // an 'exclude' record: a veto, not a vote
  bool unless = false;   // an 'unless' record: spans where the label's words do not count
  std::string context;   // a 'context' record's RE2 the text must also match; empty for none
};

struct Option {
  std::string value;
  int line = 0;
};

// A name folded for lookups: lower case, '&' read as "and", other punctuation as a space,
// spaces collapsed ("Budget &resources" -> "budget and resources").
std::string FoldName(std::string_view name);

// The RE2 options every rule is compiled with: case-insensitive, UTF-8, no logging.
RE2::Options RuleOptions();

class Taxonomy {
 public:
  // Parses the text of a taxonomy file; `source` names it in errors ("action.tsv").
  [[nodiscard]] static core::Result<Taxonomy> Parse(std::string_view text, std::string_view source);
  // The taxonomy compiled into the binary under this file name; "taxonomy_missing" if none.
  [[nodiscard]] static core::Result<Taxonomy> LoadEmbedded(std::string_view file_name);
  // A taxonomy file on disk (a user's own); "unreadable" when it cannot be read.
  [[nodiscard]] static core::Result<Taxonomy> LoadFile(const std::string& path);

  const std::string& id() const { return id_; }
  const std::string& version() const { return version_; }
  const std::string& source() const { return source_; }
  const std::vector<Label>& labels() const { return labels_; }
  const std::vector<Rule>& rules() const { return rules_; }
  // The label with this id, or nullptr.
  const Label* FindLabel(std::string_view id) const;
  // The label whose id, name or alias is `name` (case and spacing ignored), or nullptr.
  const Label* FindLabelByName(std::string_view name) const;
  // The option with this key, or nullptr.
  const Option* FindOption(std::string_view key) const;
  // Ok when every label id is an integer in [min, max] (the action categories and SDG goals,
  // written as numbers in the JSON); else "taxonomy_invalid" naming the first bad label's line.
  [[nodiscard]] core::Status CheckNumericIds(int min, int max) const;

 private:
  core::Status ParseLine(const std::vector<std::string>& fields, int line);
  core::Status AddRule(const std::vector<std::string>& fields, int line);
  core::Status AddContext(const std::vector<std::string>& fields, int line);
  core::Status Error(int line, const std::string& why) const;

  std::string id_, version_, source_;
  std::vector<Label> labels_;
  std::vector<Rule> rules_;
  std::map<std::string, std::string, std::less<>> defines_;
  std::map<std::string, Option, std::less<>> options_;
  std::map<std::string, std::string, std::less<>> names_;  // folded name or alias -> label id
  bool last_was_rule_ = false;  // the record before was a 'rule' (a 'context' may follow)
};

}  // namespace uprx::classifiers

#endif  // UPRX_CLASSIFIERS_TAXONOMY_H_
