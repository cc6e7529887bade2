// The words of a recommendation as `uprx compare` sees them: normalised, stop words dropped,
// instruments, bodies, groups and topics recognised by the names in
// pipeline/compare/data/compare_terms.tsv, and every other word cut to a short stem so that
// rewordings meet.
//
//   core::Result<CompareTerms> terms = CompareTerms::LoadDefault();   // the embedded TSV
//   if (!terms.ok()) { ... terms.status().message() names file:line ... }
//   RecommendationWords w = terms.value().Analyse("Ratify OP-CAT and the CED");
//   // w.tokens == {"ratifi", "#OPCAT", "#CED"}; w.terms == {"CED", "OPCAT"}
//
// Normalisation: ICU NFKC case folding, then every code point that is not a letter or digit
// separates words. Terms are matched on that word sequence, longest phrase first, before stop
// words are dropped (so "Optional Protocol to the Convention against Torture" is one term); after
// the words "optional protocol(s)" an instrument is read as its protocol (kind "protocol" of the
// TSV: "the Optional Protocols to the ICESCR and to the CAT" names OPICESCR and OPCAT).
// A "break" word (including, particularly, through, by, ...) opens a secondary clause, as does
// ';' or ':': the tokens before the first one are the recommendation's *main ask*
// (RecommendationWords::main_end); break words are not tokens themselves. The main ask's *object*
// starts at its first token that is not the stem of a weak or a "lead" word (generic verbs and
// the verbs that lead up to an object: "combat", "examine the possibility of"):
// "Continue efforts to combat trafficking" -> #TRAFFICKING, "Provide mandatory training on the
// identification of victims" -> "mandat" (RecommendationWords::object).
// The stem of any other word: its canonical form when compare_terms.tsv lists it as a variant
// ("ratification" -> "ratify"), a final "s" dropped (not "ss", "us", "is"), a final "y" read as
// "i", then the first kStemLength letters ("ratify", "ratifying" -> "ratifi"). Immutable after
// loading; Analyse() is thread-safe.
#ifndef UPRX_PIPELINE_COMPARE_COMPARE_TEXT_H_
#define UPRX_PIPELINE_COMPARE_COMPARE_TEXT_H_

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/compare/compare_vectors.h"
#include "pipeline/core/status.h"

namespace uprx::pipeline {

inline constexpr std::size_t kStemLength = 6;
inline constexpr char kTermPrefix = '#';  // tokens that stand for a term: "#OPCAT"

struct CompareTerm {
  std::string id;
  std::string category;  // instrument | body | group | topic
  std::string name;      // the first way it is written in the TSV, for people
  std::string family;    // the family of topics it belongs to (kind "family"), or empty
};

// What matching uses of one text.
struct RecommendationWords {
  std::vector<std::string> tokens;           // stems and "#TERM" tokens, in text order
  std::map<std::string, std::string> shown;  // token -> the first words it came from
  std::set<std::string> terms;               // term ids named
  std::set<std::string> weak;                // tokens that are generic verbs or qualifiers
  std::size_t main_end = 0;                  // tokens[0, main_end) are the main ask
  std::optional<std::size_t> object;         // index of the first token of its object, if any
};

// The ICU normalised words of `utf8` (NFKC case-folded, split at anything not a letter or digit).
std::vector<std::string> NormalizedWords(std::string_view utf8);

class CompareTerms {
 public:
  // Parses the TSV format documented at the top of compare_terms.tsv; an error names
  // `source:line` and why (unknown kind, wrong column count, a word given two roles, ...).
  [[nodiscard]] static core::Result<CompareTerms> Parse(std::string_view tsv,
                                                        std::string_view source);
  // The compare_terms.tsv compiled into the binary, with the word vectors of
  // compare_vectors.tsv (compare_vectors.h).
  [[nodiscard]] static core::Result<CompareTerms> LoadDefault();
  // The same terms with these word vectors (Parse() gives none: the vector features are 0).
  CompareTerms WithVectors(WordVectors vectors) const;
  const WordVectors& vectors() const { return vectors_; }

  RecommendationWords Analyse(std::string_view text) const;
  // The term with this id, or nullptr.
  const CompareTerm* Find(const std::string& id) const;
  std::size_t term_count() const { return terms_.size(); }

 private:
  struct Phrase {
    std::vector<std::string> words;
    std::string term_id;
  };
  core::Status AddLine(const std::vector<std::string>& columns, const std::string& where);
  core::Status AddFamily(const std::string& family, const std::vector<std::string>& members,
                         const std::string& where);
  core::Status AddProtocol(const std::string& protocol, const std::vector<std::string>& of,
                           const std::string& where);
  core::Status AddWordRole(const std::string& word, const std::string& role,
                           const std::string& where);
  std::string Stem(const std::string& word) const;
  // The longest phrase starting at words[i], or nullptr.
  const Phrase* LongestPhraseAt(const std::vector<std::string>& words, std::size_t i) const;

  std::map<std::string, CompareTerm> terms_;
  std::map<std::string, std::vector<Phrase>> phrases_by_first_word_;  // longest first
  std::set<std::string> stop_words_, weak_words_, break_words_;
  std::set<std::string> lead_stems_;              // stems of the weak and lead words (set by Parse)
  std::map<std::string, std::string> canonical_;  // variant -> canonical word
  std::map<std::string, std::string> protocol_of_;  // instrument id -> its optional protocol's
  std::map<std::string, std::string> role_of_word_;
  WordVectors vectors_;
};

}  // namespace uprx::pipeline

#endif  // UPRX_PIPELINE_COMPARE_COMPARE_TEXT_H_
