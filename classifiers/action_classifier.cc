#include "classifiers/action_classifier.h"

#include <algorithm>
#include <cctype>

#include "pipeline/core/text_util.h"

namespace uprx::classifiers {
namespace {

// The categories of UPR Info's scale, written as the integer "category" of the JSON.
constexpr int kMinCategory = 1;
constexpr int kMaxCategory = 5;

std::vector<std::string> Words(std::string_view text) { return core::LowerWords(text); }

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The deciding match: highest weight, then earliest in the text ("emphasis is generally placed
// on the first action", says the scale); nullptr when nothing matched.
const RuleMatch* Decisive(const std::vector<RuleMatch>& matches) {
  const RuleMatch* best = nullptr;
  for (const RuleMatch& m : matches) {
    if (best == nullptr || m.rule->weight > best->rule->weight ||
        (m.rule->weight == best->rule->weight && m.offset < best->offset)) {
      best = &m;
    }
  }
  return best;
}

bool IsWord(const std::string& word, const RE2& pattern) { return RE2::FullMatch(word, pattern); }

// "ending=replacement|..." -> pairs; false when a pair has no '=' or an empty ending.
bool ParseSuffixes(const std::string& value,
                   std::vector<std::pair<std::string, std::string>>& out) {
  std::size_t start = 0;
  while (start <= value.size()) {
    std::size_t bar = value.find('|', start);
    if (bar == std::string::npos) bar = value.size();
    const std::string pair = value.substr(start, bar - start);
    const std::size_t eq = pair.find('=');
    if (eq == std::string::npos || eq == 0) return false;
    out.emplace_back(pair.substr(0, eq), pair.substr(eq + 1));
    start = bar + 1;
  }
  return !out.empty();
}

}  // namespace

core::Status ActionClassifier::LoadFeatureOptions(const Taxonomy& taxonomy) {
  auto invalid = [&](int line, const std::string& why) {
    return core::Status("taxonomy_invalid",
                        taxonomy.source() + ":" + std::to_string(line) + ": " + why);
  };
  const std::pair<const char*, std::shared_ptr<const RE2>*> words[] = {
      {"object_skip", &object_skip_},
      {"object_end", &object_end_},
      {"clause_opener", &clause_opener_},
      {"clause_article", &clause_article_}};
  for (const auto& [key, target] : words) {
    const Option* o = taxonomy.FindOption(key);
    if (o == nullptr) return invalid(1, std::string("no option ") + key);
    auto re = std::make_shared<const RE2>(o->value, RuleOptions());
    if (!re->ok()) return invalid(o->line, "bad RE2 pattern: " + re->error());
    *target = std::move(re);
  }
  const Option* suffixes = taxonomy.FindOption("lemma_suffixes");
  if (suffixes == nullptr) return invalid(1, "no option lemma_suffixes");
  if (!ParseSuffixes(suffixes->value, lemma_suffixes_)) {
    return invalid(suffixes->line, "lemma_suffixes: expected ending=replacement pairs joined by |");
  }
  return core::Status::Ok();
}

core::Result<ActionClassifier> ActionClassifier::Create(const Taxonomy& taxonomy,
                                                        std::optional<LinearModel> model) {
  auto invalid = [&](int line, const std::string& why) {
    return core::Status("taxonomy_invalid",
                        taxonomy.source() + ":" + std::to_string(line) + ": " + why);
  };
  if (taxonomy.id() != "action")
    return invalid(1, "taxonomy '" + taxonomy.id() + "' is not action");
  if (core::Status s = taxonomy.CheckNumericIds(kMinCategory, kMaxCategory); !s.ok()) return s;
  for (const char* id : {"1", "2", "3", "4", "5"}) {
    if (taxonomy.FindLabel(id) == nullptr) return invalid(1, std::string("no label ") + id);
  }
  ActionClassifier ac;
  ac.taxonomy_ = std::make_shared<const Taxonomy>(taxonomy);
  auto rules = RuleClassifier::Create(taxonomy);
  if (!rules.ok()) return rules.status();
  ac.rules_ = std::make_shared<const RuleClassifier>(std::move(rules).value());
  const Option* lead_in = taxonomy.FindOption("lead_in");
  if (lead_in == nullptr) return invalid(1, "no option lead_in");
  auto re = std::make_shared<const RE2>(lead_in->value, RuleOptions());
  if (!re->ok()) return invalid(lead_in->line, "bad RE2 pattern: " + re->error());
  ac.lead_in_ = std::move(re);
  const Option* fallback = taxonomy.FindOption("default_label");
  if (fallback == nullptr || taxonomy.FindLabel(fallback->value) == nullptr) {
    return invalid(fallback ? fallback->line : 1, "default_label missing or not a label");
  }
  ac.default_label_ = fallback->value;
  if (core::Status s = ac.LoadFeatureOptions(taxonomy); !s.ok()) return s;
  if (model) {
    if (model->labels() != std::vector<std::string>{"1", "2", "3", "4", "5"}) {
      return core::Status("model_invalid", "the model was not trained on the labels 1-5");
    }
    // Features name rules by file line, so a model only fits the taxonomy it was trained with.
    std::string trained_with = "(none)";
    for (const auto& [key, value] : model->metadata()) {
      if (key == "taxonomy_version") trained_with = value;
    }
    if (trained_with != taxonomy.version()) {
      return core::Status("model_invalid", "the model was trained with taxonomy " + trained_with +
                                               ", this is " + taxonomy.version() +
                                               ": train it again (uprx train)");
    }
    ac.model_ = std::make_shared<const LinearModel>(std::move(*model));
  }
  return ac;
}

core::Result<ActionClassifier> ActionClassifier::CreateDefault() {
  auto taxonomy = Taxonomy::LoadEmbedded("action.tsv");
  if (!taxonomy.ok()) return taxonomy.status();
  return Create(taxonomy.value());
}

ActionLabel ActionClassifier::Make(const std::string& label, std::string method, double score,
                                   std::vector<std::string> evidence) const {
  const Label* l = taxonomy_->FindLabel(label);
  // Create() refused a taxonomy whose ids are not categories, so the fallback is never taken.
  const int category = core::ParseBoundedInt(label, kMinCategory, kMaxCategory).value_or(0);
  return {category, l ? l->name : "", std::move(method), score, std::move(evidence)};
}

std::vector<std::string> ActionClassifier::HeadWords(std::string_view text) const {
  re2::StringPiece rest(text.data(), text.size());
  RE2::Consume(&rest, *lead_in_);
  return Words(std::string_view(rest.data(), rest.size()));
}

std::string ActionClassifier::FirstWords(std::string_view text) const {
  const std::vector<std::string> words = HeadWords(text);
  std::string out;
  for (std::size_t i = 0; i < words.size() && i < 3; ++i) out += (i ? " " : "") + words[i];
  return out.empty() ? "(no words)" : out;
}

std::string ActionClassifier::ClauseLabel(const std::string& word) const {
  std::vector<std::string> candidates = {word};
  for (const auto& [ending, replacement] : lemma_suffixes_) {
    if (word.size() < ending.size() + 3 ||
        word.compare(word.size() - ending.size(), ending.size(), ending) != 0) {
      continue;
    }
    const std::string stem = word.substr(0, word.size() - ending.size());
    candidates.push_back(stem + replacement);
    // "committing" -> "committ" -> "commit": English doubles a final consonant before -ing.
    if (replacement.empty() && stem[stem.size() - 1] == stem[stem.size() - 2]) {
      candidates.push_back(stem.substr(0, stem.size() - 1));
    }
  }
  for (const std::string& c : candidates) {
    const std::vector<RuleMatch> matches = rules_->Match(c);
    if (const RuleMatch* best = Decisive(matches)) return best->rule->label_id;
  }
  return "";
}

ActionLabel ActionClassifier::ClassifyByRules(std::string_view text) const {
  const std::vector<RuleMatch> matches = rules_->Match(text);
  const RuleMatch* best = Decisive(matches);
  if (best == nullptr) return Make(default_label_, "rules", 0.5, {FirstWords(text)});
  return Make(best->rule->label_id, "rules", 1, {best->evidence});
}

void ActionClassifier::AddObjectFeatures(const std::vector<std::string>& head,
                                         const std::string& decision,
                                         std::vector<std::string>& f) const {
  if (head.empty()) return;
  std::size_t first = 1;
  while (first < head.size() && IsWord(head[first], *object_skip_)) ++first;
  // The head of the object is the last of its first few words: "a national plan of action".
  std::size_t last = first;
  while (last + 1 < head.size() && last < first + 4 && !IsWord(head[last + 1], *object_end_)) {
    ++last;
  }
  const std::string object1 = first < head.size() ? head[first] : "(none)";
  const std::string object = last < head.size() ? head[last] : "(none)";
  f.push_back("object1=" + object1);
  f.push_back("object=" + object);
  f.push_back("verb+object1=" + head[0] + " " + object1);
  f.push_back("verb+object=" + head[0] + " " + object);
  f.push_back("decision+object=" + decision + " " + object);
}

void ActionClassifier::AddClauseFeatures(const std::vector<std::string>& head,
                                         const std::string& decision,
                                         std::vector<std::string>& f) const {
  std::vector<std::string> seen;  // labels of later clauses already given as features
  for (std::size_t i = 2; i < head.size(); ++i) {
    const bool after_opener = IsWord(head[i - 1], *clause_opener_);
    const bool after_article = !after_opener && i >= 3 && IsWord(head[i - 1], *clause_article_) &&
                               IsWord(head[i - 2], *clause_opener_);
    if (!after_opener && !after_article) continue;
    const std::string label = ClauseLabel(head[i]);
    if (label.empty() || std::find(seen.begin(), seen.end(), label) != seen.end()) continue;
    seen.push_back(label);
    const std::string& opener = head[i - 1];
    f.push_back("clause=" + label);
    f.push_back("decision>clause=" + decision + ">" + label);
    f.push_back("opener>clause=" + opener + ">" + label);
    f.push_back("decision>opener>clause=" + decision + ">" + opener + ">" + label);
  }
}

std::vector<std::string> ActionClassifier::Features(std::string_view text) const {
  std::vector<std::string> f = {"bias"};
  const std::vector<RuleMatch> matches = rules_->Match(text);
  for (const RuleMatch& m : matches) f.push_back("rule=" + m.rule->id);
  const RuleMatch* best = Decisive(matches);
  const std::string decision = best ? best->rule->label_id : std::string("none");
  f.push_back("decision=" + decision);
  if (best) f.push_back("evidence=" + Lower(best->evidence));
  const std::vector<std::string> head = HeadWords(text);
  std::string prefix;
  for (std::size_t i = 0; i < head.size() && i < 4; ++i) {
    prefix += (i ? " " : "") + head[i];
    f.push_back("first" + std::to_string(i + 1) + "=" + prefix);
  }
  for (std::size_t i = 1; i < head.size() && i < 7; ++i) {
    f.push_back("verb+=" + head[0] + " " + head[i]);
    f.push_back("decision+=" + decision + " " + head[i]);
  }
  AddObjectFeatures(head, decision, f);
  AddClauseFeatures(head, decision, f);
  const std::vector<std::string> words = Words(text);
  if (!words.empty()) f.push_back("raw1=" + words[0]);
  for (const std::string& w : words) {
    f.push_back("w=" + w);
    // The same word weighs differently after "adopt" than after "take" ("measures", "law").
    if (!head.empty()) f.push_back("verb:w=" + head[0] + " " + w);
  }
  return f;
}

ActionLabel ActionClassifier::Classify(std::string_view text) const {
  if (!model_) return ClassifyByRules(text);
  const ActionLabel rules = ClassifyByRules(text);
  Prediction p = model_->Predict(Features(text));
  std::vector<std::string> evidence = rules.evidence;
  for (std::string& feature : p.top_features) evidence.push_back(std::move(feature));
  return Make(p.label, "rules+model", p.score, std::move(evidence));
}

LinearModel TrainActionModel(const ActionClassifier& classifier,
                             const std::vector<LabelledText>& examples,
                             const TrainOptions& options) {
  std::vector<Example> rows;
  rows.reserve(examples.size());
  for (const LabelledText& e : examples) rows.push_back({classifier.Features(e.text), e.label});
  LinearModel model = LinearModel::Train(rows, options);
  model.metadata().emplace_back("taxonomy", classifier.taxonomy().id());
  model.metadata().emplace_back("taxonomy_version", classifier.taxonomy().version());
  model.metadata().emplace_back("examples", std::to_string(examples.size()));
  return model;
}

}  // namespace uprx::classifiers
