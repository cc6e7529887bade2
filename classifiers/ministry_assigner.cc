#include "classifiers/ministry_assigner.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <sstream>

#include "pipeline/core/embedded_data.h"
#include "pipeline/core/text_util.h"

namespace uprx::classifiers {
namespace {

constexpr const char* kFunctionsFile = "functions.tsv";
constexpr const char* kThemeRecord = "theme\t";

using core::SplitTabs;

std::optional<double> ToNumber(const std::string& s) {
  double v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return v;
}

double Round3(double v) { return std::round(v * 1000) / 1000; }

core::Status Invalid(std::string_view source, int line, const std::string& why) {
  return core::Status("taxonomy_invalid",
                      std::string(source) + ":" + std::to_string(line) + ": " + why);
}

// The assigner's options from the taxonomy's `option` records, then the profile's overrides.
core::Result<AssignOptions> ReadOptions(const Taxonomy& t) {
  AssignOptions o;
  const std::pair<const char*, double*> keys[] = {{"lead_threshold", &o.lead_threshold},
                                                  {"support_threshold", &o.support_threshold},
                                                  {"position_decay", &o.position_decay}};
  for (auto [key, slot] : keys) {
    const Option* opt = t.FindOption(key);
    if (opt == nullptr) continue;
    std::optional<double> v = ToNumber(opt->value);
    if (!v || *v < 0 || *v > 1)
      return Invalid(t.source(), opt->line, std::string(key) + " must be 0..1");
    *slot = *v;
  }
  if (const Option* opt = t.FindOption("max_supporting")) {
    std::optional<double> v = ToNumber(opt->value);
    if (!v || *v < 0 || *v > 50)
      return Invalid(t.source(), opt->line, "max_supporting must be 0..50");
    o.max_supporting = static_cast<int>(*v);
  }
  return o;
}

AssignOptions Overridden(AssignOptions o, const Profile& p) {
  for (const auto& [key, value] : p.options()) {
    if (key == "lead_threshold") o.lead_threshold = value;
    if (key == "support_threshold") o.support_threshold = value;
    if (key == "position_decay") o.position_decay = value;
    if (key == "max_supporting") o.max_supporting = static_cast<int>(value);
  }
  return o;
}

std::string Names(const std::vector<FunctionScore>& f, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < f.size() && i < n; ++i) {
    char score[16];
    std::snprintf(score, sizeof score, " %.2f", f[i].adjusted);
    out += (i ? ", " : "") + f[i].name + score;
  }
  return out;
}

// Why a recommendation has no lead, in words a committee reads.
std::string NoLeadReason(const std::vector<FunctionScore>& f, const AssignOptions& o,
                         const Profile& p) {
  if (f.empty()) {
    return "no clear institution: the text names no government function that the rules know";
  }
  if (f.front().adjusted < o.lead_threshold) {
    return "no clear institution: only weak signs (" + Names(f, 3) + ") below the lead threshold";
  }
  return "no clear institution: the functions found (" + Names(f, 3) +
         ") have no lead institution in profile " + p.id();
}

}  // namespace

core::Result<FunctionScorer> FunctionScorer::Parse(std::string_view text, std::string_view source) {
  // `theme` records are this scorer's own: the taxonomy loader sees comment lines in their
  // place, so that its line numbers stay those of the file.
  std::istringstream in{std::string(text)};
  std::string line, taxonomy_text;
  std::vector<std::pair<int, std::vector<std::string>>> themes;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.rfind(kThemeRecord, 0) == 0) {
      std::string bare = line;
      if (!bare.empty() && bare.back() == '\r') bare.pop_back();
      themes.emplace_back(number, SplitTabs(bare));
      line = "#";
    }
    taxonomy_text += line + "\n";
  }
  auto t = Taxonomy::Parse(taxonomy_text, source);
  if (!t.ok()) return t.status();
  auto rules = RuleClassifier::Create(t.value());
  if (!rules.ok()) return rules.status();
  auto options = ReadOptions(t.value());
  if (!options.ok()) return options.status();
  FunctionScorer s;
  for (const auto& [number, fields] : themes) {
    if (fields.size() != 4) {
      return Invalid(source, number,
                     "'theme' takes 3 tab-separated fields (function, RE2, weight)");
    }
    if (t.value().FindLabel(fields[1]) == nullptr) {
      return Invalid(source, number, "theme for unknown function '" + fields[1] + "'");
    }
    auto re = std::make_shared<const RE2>(fields[2], RuleOptions());
    if (!re->ok()) return Invalid(source, number, "bad RE2 pattern: " + re->error());
    std::optional<double> w = ToNumber(fields[3]);
    if (!w || !(*w > 0) || *w > 1) {
      return Invalid(source, number, "weight '" + fields[3] + "' is not a number in (0, 1]");
    }
    s.themes_.push_back({fields[1], std::move(re), *w});
  }
  s.taxonomy_ = std::make_shared<const Taxonomy>(std::move(t).value());
  s.rules_ = std::make_shared<const RuleClassifier>(std::move(rules).value());
  s.options_ = options.value();
  return s;
}

core::Result<FunctionScorer> FunctionScorer::LoadEmbedded() {
  std::optional<std::string> text = EmbeddedData(kFunctionsFile);
  if (!text) {
    return core::Status("taxonomy_missing",
                        std::string("no taxonomy file '") + kFunctionsFile + "' compiled in");
  }
  return Parse(*text, kFunctionsFile);
}

std::vector<FunctionScore> FunctionScorer::Score(
    std::string_view text, const std::vector<core::AssignedLabel>& themes) const {
  std::map<std::string, RuleVote> votes = rules_->Votes(text);
  for (const core::AssignedLabel& theme : themes) {
    const std::string name = theme.id + " " + theme.name;
    for (const ThemeRule& t : themes_) {
      if (RE2::PartialMatch(name, *t.re)) {
        votes[t.function].Add(t.weight, text.size(), "theme: " + theme.name);
      }
    }
  }
  std::vector<FunctionScore> out;
  const double length = static_cast<double>(std::max<std::size_t>(text.size(), 1));
  for (const Label& label : taxonomy_->labels()) {
    auto it = votes.find(label.id);
    if (it == votes.end() || it->second.vetoed || it->second.evidence.empty()) continue;
    const RuleVote& v = it->second;
    FunctionScore f{label.id, label.name, v.score(), 0, v.first_offset(), v.Words()};
    // Themes carry no place in the text: a function only themes voted for is not decayed.
    const double where =
        f.offset >= text.size() ? 0 : std::min(1.0, static_cast<double>(f.offset) / length);
    f.adjusted = f.score * (1 - options_.position_decay * where);
    out.push_back(std::move(f));
  }
  std::stable_sort(out.begin(), out.end(), [](const FunctionScore& a, const FunctionScore& b) {
    if (a.adjusted != b.adjusted) return a.adjusted > b.adjusted;
    return a.offset < b.offset;
  });
  return out;
}

core::Result<MinistryAssigner> MinistryAssigner::Create(
    std::shared_ptr<const FunctionScorer> functions, std::shared_ptr<const Profile> profile) {
  MinistryAssigner a;
  for (const ProfileRule& rule : profile->rules()) {
    auto re = std::make_shared<const RE2>(rule.pattern, RuleOptions());
    if (!re->ok()) {
      return core::Status("profile_invalid",
                          profile->source() + ": rule " + rule.id + ": bad RE2: " + re->error());
    }
    a.rules_.push_back({&rule, std::move(re)});
  }
  a.options_ = Overridden(functions->options(), *profile);
  a.functions_ = std::move(functions);
  a.profile_ = std::move(profile);
  return a;
}

core::AssignedLabel MinistryAssigner::Label(const Institution& in, const std::string& role,
                                            double score, std::vector<std::string> evidence) const {
  return {"ministries", in.id, in.name, Round3(score), "rules", std::move(evidence), role};
}

std::vector<core::AssignedLabel> MinistryAssigner::AssignFunctions(
    const std::vector<FunctionScore>& f) const {
  std::vector<core::AssignedLabel> out;
  for (const FunctionScore& s : f) {
    const bool lead = out.empty();
    if (s.adjusted < (lead ? options_.lead_threshold : options_.support_threshold)) continue;
    if (!lead && static_cast<int>(out.size()) > options_.max_supporting) break;
    out.push_back({"ministries", s.id, s.name, Round3(lead ? s.adjusted : s.score), "rules",
                   s.evidence, lead ? "lead" : "supporting"});
  }
  if (out.empty()) {
    out.push_back({"ministries",
                   kNoInstitution,
                   "No clear institution",
                   0,
                   "rules",
                   {NoLeadReason(f, options_, *profile_)},
                   "lead"});
  }
  return out;
}

std::vector<core::AssignedLabel> MinistryAssigner::Assign(
    std::string_view text, const std::vector<core::AssignedLabel>& themes) const {
  const std::vector<FunctionScore> f = functions_->Score(text, themes);
  if (profile_->functions_only()) return AssignFunctions(f);
  const Profile& p = *profile_;
  // Profile rules: the best lead rule, and every supporting rule, with the words they matched.
  struct Hit {
    const ProfileRule* rule;
    std::size_t offset;
    std::string words;
  };
  std::optional<Hit> lead_rule;
  std::vector<Hit> support_rules;
  for (const CompiledRule& c : rules_) {
    re2::StringPiece found[2];
    const int groups = std::min(c.re->NumberOfCapturingGroups(), 1);
    if (!c.re->Match(text, 0, text.size(), RE2::UNANCHORED, found, groups + 1)) continue;
    const re2::StringPiece words = found[groups].data() ? found[groups] : found[0];
    Hit hit{c.rule, static_cast<std::size_t>(words.data() - text.data()), std::string(words)};
    if (c.rule->role == "supporting") {
      support_rules.push_back(hit);
    } else if (!lead_rule || hit.rule->weight > lead_rule->rule->weight ||
               (hit.rule->weight == lead_rule->rule->weight && hit.offset < lead_rule->offset)) {
      lead_rule = hit;
    }
  }
  const Institution* lead = nullptr;
  const FunctionScore* lead_function = nullptr;
  std::vector<core::AssignedLabel> out;
  if (lead_rule) {
    lead = p.Find(lead_rule->rule->institution);
    for (const FunctionScore& s : f) {
      if (p.LeadOf(s.id) == lead) {
        lead_function = &s;
        break;
      }
    }
    std::vector<std::string> evidence = {lead_rule->words, "profile rule: " + lead_rule->rule->id};
    if (lead_function != nullptr) evidence.push_back("function: " + lead_function->name);
    out.push_back(Label(*lead, "lead", lead_rule->rule->weight, std::move(evidence)));
  } else {
    for (const FunctionScore& s : f) {
      if (s.adjusted < options_.lead_threshold) break;
      if ((lead = p.LeadOf(s.id)) == nullptr) continue;
      lead_function = &s;
      std::vector<std::string> evidence = s.evidence;
      evidence.push_back("function: " + s.name);
      out.push_back(Label(*lead, "lead", s.adjusted, std::move(evidence)));
      break;
    }
  }
  if (lead == nullptr) {
    out.push_back({"ministries",
                   kNoInstitution,
                   "No clear institution",
                   0,
                   "rules",
                   {NoLeadReason(f, options_, p)},
                   "lead"});
  }
  // Supporting candidates by institution: the best score and every reason.
  std::map<const Institution*, std::pair<double, std::vector<std::string>>> support;
  auto add = [&](const Institution* in, double score, std::vector<std::string> why) {
    if (in == nullptr || in == lead) return;
    auto& [best, evidence] = support[in];
    best = std::max(best, score);
    for (std::string& w : why) {
      if (std::find(evidence.begin(), evidence.end(), w) == evidence.end()) {
        evidence.push_back(std::move(w));
      }
    }
  };
  if (lead_function != nullptr) {
    for (const Institution* in : p.SupportersOf(lead_function->id)) {
      add(in, lead_function->score * 0.9, {"supports function: " + lead_function->name});
    }
  }
  for (const FunctionScore& s : f) {
    if (&s == lead_function || s.score < options_.support_threshold) continue;
    std::vector<std::string> why = s.evidence;
    why.push_back("function: " + s.name);
    add(p.LeadOf(s.id), s.score, std::move(why));
  }
  for (const Hit& h : support_rules) {
    add(p.Find(h.rule->institution), h.rule->weight, {h.words, "profile rule: " + h.rule->id});
  }
  std::vector<core::AssignedLabel> supporting;
  for (const Institution& in : p.institutions()) {  // profile order breaks ties
    auto it = support.find(&in);
    if (it != support.end()) {
      supporting.push_back(Label(in, "supporting", it->second.first, it->second.second));
    }
  }
  std::stable_sort(supporting.begin(), supporting.end(),
                   [](const auto& a, const auto& b) { return a.score > b.score; });
  if (static_cast<int>(supporting.size()) > options_.max_supporting) {
    supporting.resize(static_cast<std::size_t>(options_.max_supporting));
  }
  out.insert(out.end(), supporting.begin(), supporting.end());
  return out;
}

core::Result<MinistryStage> MinistryStage::Create(const std::string& spec) {
  auto functions = FunctionScorer::LoadEmbedded();
  if (!functions.ok()) return functions.status();
  MinistryStage stage;
  stage.functions_ = std::make_shared<const FunctionScorer>(std::move(functions).value());
  const Taxonomy& t = stage.functions_->taxonomy();
  std::string name = spec == "auto" ? "generic" : spec;
  if (name.size() == 3) {
    for (char& c : name) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  core::Result<Profile> p = core::Status("profile_missing", "");
  if (Profile::HasEmbedded(name)) {
    p = Profile::LoadEmbedded(name, t);
  } else if (spec.find('/') != std::string::npos || spec.ends_with(".json")) {
    p = Profile::LoadFile(spec, t);
  } else {
    return core::Status("profile_missing",
                        "no profile '" + spec +
                            "' compiled into uprx and no such file: give auto, generic, the "
                            "ISO3 code of a State with a profile (KHM) or a path to a .json file");
  }
  if (!p.ok()) return p.status();
  auto a = MinistryAssigner::Create(stage.functions_,
                                    std::make_shared<const Profile>(std::move(p).value()));
  if (!a.ok()) return a.status();
  auto assigner = std::make_shared<const MinistryAssigner>(std::move(a).value());
  if (spec == "auto") {
    stage.cache_->by_iso3["generic"] = assigner;
  } else {
    stage.fixed_ = assigner;
  }
  return stage;
}

std::shared_ptr<const MinistryAssigner> MinistryStage::AssignerFor(
    const core::Review& review) const {
  if (fixed_) return fixed_;
  const std::string key = !review.sur_iso3.empty() && Profile::HasEmbedded(review.sur_iso3)
                              ? review.sur_iso3
                              : "generic";
  std::lock_guard<std::mutex> lock(cache_->mutex);
  auto& slot = cache_->by_iso3[key];
  if (!slot) {
    // Compiled-in profiles are validated by the unit tests; a broken one falls back to generic.
    auto p = Profile::LoadEmbedded(key, functions_->taxonomy());
    auto a = p.ok() ? MinistryAssigner::Create(
                          functions_, std::make_shared<const Profile>(std::move(p).value()))
                    : core::Result<MinistryAssigner>(p.status());
    slot = a.ok() ? std::make_shared<const MinistryAssigner>(std::move(a).value())
                  : cache_->by_iso3["generic"];
  }
  return slot;
}

void MinistryStage::Assign(core::Review& review) const {
  const std::shared_ptr<const MinistryAssigner> a = AssignerFor(review);
  const std::vector<core::AssignedLabel> none;
  for (core::Recommendation& r : review.recommendations) {
    r.labels.ministries = a->Assign(r.text, r.labels.themes ? *r.labels.themes : none);
  }
  const Profile& p = a->profile();
  review.taxonomies["functions"] = functions_->taxonomy().version();
  review.taxonomies["profile"] =
      p.id() + " " + p.version() + " (mandate of " + p.mandate_date() + ")";
  if (!p.functions_only()) return;
  const std::string code = "ministries_functions_only";
  for (const core::Diagnostic& d : review.diagnostics) {
    if (d.code == code) return;
  }
  review.diagnostics.push_back(
      {"info", code, "", 0,
       "no government profile for " + (review.sur_iso3.empty() ? "this State" : review.sur_iso3) +
           ": labels.ministries name government functions, not institutions (profile " + p.id() +
           ")"});
}

}  // namespace uprx::classifiers
