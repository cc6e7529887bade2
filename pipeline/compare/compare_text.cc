#include "pipeline/compare/compare_text.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>

#include "pipeline/core/embedded_data.h"
#include "pipeline/core/text_util.h"

namespace uprx::pipeline {
namespace {

std::vector<std::string> SplitOn(std::string_view text, char separator) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = text.find(separator, start);
    parts.emplace_back(text.substr(start, end == std::string_view::npos ? end : end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

std::string Joined(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

}  // namespace

std::vector<std::string> NormalizedWords(std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* fold = icu::Normalizer2::getNFKCCasefoldInstance(status);
  const icu::UnicodeString source = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  icu::UnicodeString folded = U_SUCCESS(status) ? fold->normalize(source, status) : source;
  if (U_FAILURE(status)) folded = source;
  std::vector<std::string> words;
  icu::UnicodeString word;
  const auto flush = [&] {
    if (word.isEmpty()) return;
    words.emplace_back();
    word.toUTF8String(words.back());
    word.remove();
  };
  for (int32_t i = 0; i < folded.length();) {
    const UChar32 c = folded.char32At(i);
    i += U16_LENGTH(c);
    if (u_isalnum(c)) {
      word.append(c);
    } else {
      flush();
    }
  }
  flush();
  return words;
}

core::Result<CompareTerms> CompareTerms::LoadDefault() {
  const std::optional<std::string> tsv = EmbeddedData("compare_terms.tsv");
  if (!tsv) return core::Status("data_missing", "compare_terms.tsv is not embedded");
  core::Result<CompareTerms> terms = Parse(*tsv, "compare_terms.tsv");
  if (!terms.ok()) return terms;
  core::Result<WordVectors> vectors = WordVectors::LoadDefault();
  if (!vectors.ok()) return vectors.status();
  return terms.value().WithVectors(std::move(vectors).value());
}

CompareTerms CompareTerms::WithVectors(WordVectors vectors) const {
  CompareTerms out = *this;
  out.vectors_ = std::move(vectors);
  return out;
}

core::Result<CompareTerms> CompareTerms::Parse(std::string_view tsv, std::string_view source) {
  CompareTerms terms;
  for (const auto& [line, number] : core::DataLines(tsv)) {
    const std::string where = std::string(source) + ":" + std::to_string(number);
    core::Status added = terms.AddLine(SplitOn(line, '\t'), where);
    if (!added.ok()) return added;
  }
  for (auto& [first, phrases] : terms.phrases_by_first_word_) {
    std::stable_sort(phrases.begin(), phrases.end(), [](const Phrase& a, const Phrase& b) {
      return a.words.size() > b.words.size();
    });
  }
  // Stems are read once every "same" line is known.
  for (const auto& [word, role] : terms.role_of_word_) {
    if (role == "weak" || role == "lead") terms.lead_stems_.insert(terms.Stem(word));
  }
  return terms;
}

core::Status CompareTerms::AddLine(const std::vector<std::string>& columns,
                                   const std::string& where) {
  if (columns.size() != 4) {
    return core::Status("data_invalid", where + ": expected 4 tab-separated columns, found " +
                                            std::to_string(columns.size()));
  }
  const std::string& kind = columns[0];
  const std::string& key = columns[1];
  if (kind == "term") {
    static const std::set<std::string> kCategories = {"instrument", "body", "group", "topic"};
    if (!kCategories.count(columns[2])) {
      return core::Status("data_invalid", where + ": unknown category '" + columns[2] + "'");
    }
    if (terms_.count(key)) return core::Status("data_invalid", where + ": term " + key + " twice");
  } else if (kind == "family") {
    return AddFamily(key, SplitOn(columns[3], '|'), where);
  } else if (kind == "protocol") {
    return AddProtocol(key, SplitOn(columns[3], '|'), where);
  } else if (kind != "stop" && kind != "weak" && kind != "same" && kind != "break" &&
             kind != "lead") {
    return core::Status("data_invalid", where + ": unknown kind '" + kind + "'");
  }
  for (const std::string& written : SplitOn(columns[3], '|')) {
    const std::vector<std::string> words = NormalizedWords(written);
    if (words.empty()) return core::Status("data_invalid", where + ": empty entry");
    if (kind == "term") {
      core::Status s = AddWordRole(Joined(words), "term " + key, where);
      if (!s.ok()) return s;
      phrases_by_first_word_[words.front()].push_back({words, key});
      continue;
    }
    if (words.size() != 1) {
      return core::Status("data_invalid", where + ": '" + written + "' is not one word");
    }
    if (kind == "same" && words[0] == key) continue;
    core::Status s = AddWordRole(words[0], kind, where);
    if (!s.ok()) return s;
    if (kind == "stop") stop_words_.insert(words[0]);
    if (kind == "weak") weak_words_.insert(words[0]);
    if (kind == "break") break_words_.insert(words[0]);
    if (kind == "same") canonical_[words[0]] = key;
  }
  if (kind == "term") terms_[key] = {key, columns[2], SplitOn(columns[3], '|').front(), ""};
  return core::Status::Ok();
}

core::Status CompareTerms::AddFamily(const std::string& family,
                                     const std::vector<std::string>& members,
                                     const std::string& where) {
  if (members.size() < 2) {
    return core::Status("data_invalid", where + ": a family needs two terms or more");
  }
  for (const std::string& id : members) {
    auto term = terms_.find(id);
    if (term == terms_.end()) {
      return core::Status("data_invalid",
                          where + ": family " + family + " names " + id + ", no term listed above");
    }
    if (!term->second.family.empty()) {
      return core::Status("data_invalid",
                          where + ": " + id + " is already in family " + term->second.family);
    }
    term->second.family = family;
  }
  return core::Status::Ok();
}

core::Status CompareTerms::AddProtocol(const std::string& protocol,
                                       const std::vector<std::string>& of,
                                       const std::string& where) {
  if (of.size() != 1) {
    return core::Status("data_invalid", where + ": a protocol belongs to one instrument");
  }
  for (const std::string& id : {protocol, of[0]}) {
    auto term = terms_.find(id);
    if (term == terms_.end() || term->second.category != "instrument") {
      return core::Status("data_invalid", where + ": " + id + " is no instrument listed above");
    }
  }
  if (!protocol_of_.emplace(of[0], protocol).second) {
    return core::Status("data_invalid", where + ": " + of[0] + " already has a protocol");
  }
  return core::Status::Ok();
}

core::Status CompareTerms::AddWordRole(const std::string& word, const std::string& role,
                                       const std::string& where) {
  auto [it, inserted] = role_of_word_.emplace(word, role);
  if (inserted) return core::Status::Ok();
  return core::Status("data_invalid",
                      where + ": '" + word + "' is already listed (" + it->second + ")");
}

std::string CompareTerms::Stem(const std::string& word) const {
  auto canonical = canonical_.find(word);
  std::string stem = canonical != canonical_.end() ? canonical->second : word;
  const auto ends_with = [&](std::string_view tail) {
    return stem.size() >= tail.size() &&
           stem.compare(stem.size() - tail.size(), tail.size(), tail.data(), tail.size()) == 0;
  };
  if (stem.size() > 3 && ends_with("s") && !ends_with("ss") && !ends_with("us") &&
      !ends_with("is")) {
    stem.pop_back();
  }
  if (stem.size() > 3 && ends_with("y")) stem.back() = 'i';
  // Cut at a character boundary: never inside a multi-byte UTF-8 sequence.
  std::size_t cut = 0, letters = 0;
  while (cut < stem.size() && letters < kStemLength) {
    ++cut;
    while (cut < stem.size() && (static_cast<unsigned char>(stem[cut]) & 0xC0) == 0x80) ++cut;
    ++letters;
  }
  return stem.substr(0, cut);
}

const CompareTerms::Phrase* CompareTerms::LongestPhraseAt(const std::vector<std::string>& words,
                                                          std::size_t i) const {
  auto candidates = phrases_by_first_word_.find(words[i]);
  if (candidates == phrases_by_first_word_.end()) return nullptr;
  for (const Phrase& phrase : candidates->second) {
    if (i + phrase.words.size() > words.size()) continue;
    if (std::equal(phrase.words.begin(), phrase.words.end(), words.begin() + i)) return &phrase;
  }
  return nullptr;
}

RecommendationWords CompareTerms::Analyse(std::string_view text) const {
  const std::vector<std::string> words = NormalizedWords(text);
  // Words before the first ';' or ':' (a list of asks, or a lead-in) end the main ask at the
  // latest.
  const std::size_t first_clause = NormalizedWords(text.substr(0, text.find_first_of(";:"))).size();
  RecommendationWords out;
  bool main_ended = false;
  const auto end_main = [&] {
    if (main_ended || out.tokens.empty()) return;
    out.main_end = out.tokens.size();
    main_ended = true;
  };
  // After "optional protocol" the next instrument is read as its protocol; after "optional
  // protocols", every instrument until a word that is neither a stop word nor a term.
  enum class Protocols { kNone, kOne, kEvery } protocols = Protocols::kNone;
  for (std::size_t i = 0; i < words.size();) {
    if (i >= first_clause) end_main();
    if (const Phrase* phrase = LongestPhraseAt(words, i)) {
      std::string id = phrase->term_id;
      if (protocols != Protocols::kNone && terms_.at(id).category == "instrument") {
        if (auto p = protocol_of_.find(id); p != protocol_of_.end()) id = p->second;
        if (protocols == Protocols::kOne) protocols = Protocols::kNone;
      }
      const std::string token = kTermPrefix + id;
      out.tokens.push_back(token);
      out.terms.insert(id);
      const std::vector<std::string> span(words.begin() + i,
                                          words.begin() + i + phrase->words.size());
      out.shown.emplace(token, Joined(span));
      i += phrase->words.size();
      continue;
    }
    const std::string& word = words[i++];
    if (break_words_.count(word)) end_main();
    if (i >= 2 && words[i - 2] == "optional" && (word == "protocol" || word == "protocols")) {
      protocols = word == "protocol" ? Protocols::kOne : Protocols::kEvery;
    } else if (word != "optional" && !stop_words_.count(word)) {
      protocols = Protocols::kNone;
    }
    if (stop_words_.count(word) || break_words_.count(word)) continue;
    const std::string stem = Stem(word);
    out.tokens.push_back(stem);
    out.shown.emplace(stem, word);
    if (weak_words_.count(word)) out.weak.insert(stem);
  }
  if (!main_ended) out.main_end = out.tokens.size();
  for (std::size_t i = 0; i < out.main_end; ++i) {
    if (!lead_stems_.count(out.tokens[i])) {
      out.object = i;
      break;
    }
  }
  return out;
}

const CompareTerm* CompareTerms::Find(const std::string& id) const {
  auto it = terms_.find(id);
  return it == terms_.end() ? nullptr : &it->second;
}

}  // namespace uprx::pipeline
