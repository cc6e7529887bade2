// A profile file as its author sees it: `uprx profile check` reports each problem at the line
// it is on, and `uprx profile init` writes a starting profile for any State.
//
//   auto problems = CheckProfile(text, "SVN.json", functions.taxonomy());
//   for (const auto& p : problems) std::cerr << "SVN.json:" << p.line << ": " << p.message;
//   std::string starter = StarterProfile("SVN", "Slovenia", functions.taxonomy(), "2026-01-01");
//
// Notes in a profile: JSON has no comments, so any field whose name starts with '_' ("_comment",
// "_note", "_source") is a note. The loader (Profile::Parse) ignores every field it does not
// know; the check is stricter and reports a field it does not know unless it is a note, since a
// misspelt field ("lead" for "leads") would otherwise be dropped without a word.
#ifndef UPRX_CLASSIFIERS_PROFILE_CHECK_H_
#define UPRX_CLASSIFIERS_PROFILE_CHECK_H_

#include <string>
#include <string_view>
#include <vector>

#include "classifiers/taxonomy.h"

namespace uprx::classifiers {

struct ProfileProblem {
  int line = 1;         // 1-based line of the file
  std::string message;  // why, without the file name
  bool error = true;    // false: a warning (the profile loads and works)
};

// Every problem of the profile `text`: the first one the loader refuses (with its line), each
// unknown field that is not a note, and as warnings the functions no institution leads (they
// never give a lead). Empty when the profile is clean.
std::vector<ProfileProblem> CheckProfile(std::string_view text, std::string_view source,
                                         const Taxonomy& functions);

// The 1-based line on which the value at `path` starts ("institutions[3].leads[0]",
// "options.lead_threshold", "" for the whole document); 0 when the text has no such value.
// Reads any JSON text, also invalid or with // and /* */ comments, as far as it can.
int JsonPathLine(std::string_view text, std::string_view path);

// A starting profile for a State: one placeholder institution per government function of
// `functions` (each leading that function, with the function's definition as its "_comment"),
// the State's name and ISO3, `date` as the mandate date, and notes that say what to replace.
// It loads and passes CheckProfile as written.
std::string StarterProfile(std::string_view iso3, std::string_view state_name,
                           const Taxonomy& functions, std::string_view date);

}  // namespace uprx::classifiers

#endif  // UPRX_CLASSIFIERS_PROFILE_CHECK_H_
