#include "classifiers/profile.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "pipeline/core/embedded_data.h"

namespace uprx::classifiers {
namespace {

using Json = nlohmann::json;

bool SameId(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

// Reads fields of one JSON object and reports the first problem as `source: where: why`.
class Reader {
 public:
  explicit Reader(std::string_view source) : source_(source) {}

  core::Status Error(const std::string& where, const std::string& why) const {
    return core::Status("profile_invalid", source_ + ": " + where + ": " + why);
  }
  // A required (or, with `optional`, possibly absent) non-empty string field.
  core::Status String(const Json& j, const std::string& where, const char* key, std::string& out,
                      bool optional = false) const {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) {
      return optional ? core::Status::Ok()
                      : Error(where, std::string("missing field '") + key + "'");
    }
    if (!it->is_string() || it->get<std::string>().empty()) {
      return Error(where + "." + key, "must be a non-empty string");
    }
    out = it->get<std::string>();
    return core::Status::Ok();
  }
  // A required array of strings, each a function id of `functions`.
  core::Status Functions(const Json& j, const std::string& where, const char* key,
                         const Taxonomy& functions, std::vector<std::string>& out) const {
    auto it = j.find(key);
    if (it == j.end()) return Error(where, std::string("missing field '") + key + "'");
    if (!it->is_array()) return Error(where + "." + key, "must be an array of function ids");
    for (std::size_t i = 0; i < it->size(); ++i) {
      const std::string at = where + "." + key + "[" + std::to_string(i) + "]";
      const Json& f = (*it)[i];
      if (!f.is_string()) return Error(at, "must be a function id (a string)");
      if (functions.FindLabel(f.get<std::string>()) == nullptr) {
        return Error(at, "unknown function '" + f.get<std::string>() + "' (not in " +
                             functions.source() + ")");
      }
      out.push_back(f.get<std::string>());
    }
    return core::Status::Ok();
  }
  core::Status Number(const Json& j, const std::string& where, const char* key, double low,
                      double high, double& out) const {
    auto it = j.find(key);
    if (it == j.end()) return Error(where, std::string("missing field '") + key + "'");
    if (!it->is_number() || it->get<double>() < low || it->get<double>() > high) {
      return Error(where + "." + key,
                   "must be a number from " + std::to_string(low) + " to " + std::to_string(high));
    }
    out = it->get<double>();
    return core::Status::Ok();
  }

 private:
  std::string source_;
};

bool IsDate(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  }
  return true;
}

core::Status ReadInstitution(const Reader& r, const Json& j, const std::string& where,
                             const Taxonomy& functions, Institution& out) {
  if (!j.is_object()) return r.Error(where, "must be an object");
  for (auto [key, slot] : {std::pair{"id", &out.id}, std::pair{"name", &out.name},
                           std::pair{"abbreviation", &out.abbreviation}}) {
    if (core::Status s = r.String(j, where, key, *slot); !s.ok()) return s;
  }
  if (core::Status s = r.String(j, where, "kind", out.kind, true); !s.ok()) return s;
  if (core::Status s = r.String(j, where, "parent", out.parent, true); !s.ok()) return s;
  if (core::Status s = r.Functions(j, where, "leads", functions, out.leads); !s.ok()) return s;
  return r.Functions(j, where, "supports", functions, out.supports);
}

core::Status ReadRule(const Reader& r, const Json& j, const std::string& where, ProfileRule& out) {
  if (!j.is_object()) return r.Error(where, "must be an object");
  for (auto [key, slot] :
       {std::pair{"id", &out.id}, std::pair{"pattern", &out.pattern},
        std::pair{"institution", &out.institution}, std::pair{"role", &out.role}}) {
    if (core::Status s = r.String(j, where, key, *slot); !s.ok()) return s;
  }
  if (out.role != "lead" && out.role != "supporting") {
    return r.Error(where + ".role", "must be \"lead\" or \"supporting\", not \"" + out.role + "\"");
  }
  RE2 re(out.pattern, RuleOptions());
  if (!re.ok()) return r.Error(where + ".pattern", "bad RE2 pattern: " + re.error());
  return r.Number(j, where, "weight", 0.01, 1, out.weight);
}

core::Status ReadOptions(const Reader& r, const Json& j, std::map<std::string, double>& out) {
  auto it = j.find("options");
  if (it == j.end() || it->is_null()) return core::Status::Ok();
  if (!it->is_object()) return r.Error("options", "must be an object");
  static const std::set<std::string> kKnown = {"lead_threshold", "support_threshold",
                                               "position_decay", "max_supporting"};
  for (const auto& [key, value] : it->items()) {
    if (kKnown.count(key) == 0) return r.Error("options." + key, "unknown option");
    double v = 0;
    if (core::Status s =
            r.Number(*it, "options", key.c_str(), 0, key == "max_supporting" ? 50 : 1, v);
        !s.ok()) {
      return s;
    }
    out[key] = v;
  }
  return core::Status::Ok();
}

}  // namespace

core::Result<Profile> Profile::Parse(std::string_view text, std::string_view source,
                                     const Taxonomy& functions) {
  const Reader r(source);
  Json j = Json::parse(text, nullptr, /*allow_exceptions=*/false, /*ignore_comments=*/true);
  if (j.is_discarded()) return r.Error("(file)", "not valid JSON");
  if (!j.is_object()) return r.Error("(file)", "must be a JSON object");
  Profile p;
  p.source_ = std::string(source);
  for (auto [key, slot] :
       {std::pair{"profile", &p.id_}, std::pair{"government", &p.government_},
        std::pair{"mandate", &p.mandate_}, std::pair{"mandate_date", &p.mandate_date_},
        std::pair{"version", &p.version_}}) {
    if (core::Status s = r.String(j, "(top)", key, *slot); !s.ok()) return s;
  }
  if (!IsDate(p.mandate_date_)) return r.Error("mandate_date", "must be a date YYYY-MM-DD");
  if (core::Status s = ReadOptions(r, j, p.options_); !s.ok()) return s;
  auto inst = j.find("institutions");
  if (inst == j.end() || !inst->is_array()) {
    return r.Error("(top)", "missing field 'institutions' (an array; empty for functions only)");
  }
  std::map<std::string, std::string> led_by;  // function -> institution id
  for (std::size_t i = 0; i < inst->size(); ++i) {
    const std::string where = "institutions[" + std::to_string(i) + "]";
    Institution in;
    if (core::Status s = ReadInstitution(r, (*inst)[i], where, functions, in); !s.ok()) return s;
    if (p.Find(in.id) != nullptr)
      return r.Error(where + ".id", "duplicate institution id '" + in.id + "'");
    for (const std::string& f : in.leads) {
      auto [it, added] = led_by.emplace(f, in.id);
      if (!added) {
        return r.Error(where + ".leads",
                       "function '" + f + "' is already led by '" + it->second + "'");
      }
    }
    p.institutions_.push_back(std::move(in));
  }
  for (std::size_t i = 0; i < p.institutions_.size(); ++i) {
    const std::string& parent = p.institutions_[i].parent;
    if (!parent.empty() && p.Find(parent) == nullptr) {
      return r.Error("institutions[" + std::to_string(i) + "].parent",
                     "unknown institution '" + parent + "'");
    }
  }
  if (auto rules = j.find("rules"); rules != j.end() && !rules->is_null()) {
    if (!rules->is_array()) return r.Error("rules", "must be an array");
    for (std::size_t i = 0; i < rules->size(); ++i) {
      const std::string where = "rules[" + std::to_string(i) + "]";
      ProfileRule rule;
      if (core::Status s = ReadRule(r, (*rules)[i], where, rule); !s.ok()) return s;
      if (p.Find(rule.institution) == nullptr) {
        return r.Error(where + ".institution", "unknown institution '" + rule.institution + "'");
      }
      p.rules_.push_back(std::move(rule));
    }
  }
  return p;
}

core::Result<Profile> Profile::LoadEmbedded(std::string_view name, const Taxonomy& functions) {
  const std::string file = std::string(name) + ".json";
  std::optional<std::string> text = EmbeddedData(file);
  if (!text) {
    return core::Status("profile_missing", "no profile '" + file + "' compiled into this binary");
  }
  return Parse(*text, file, functions);
}

core::Result<Profile> Profile::LoadFile(const std::string& path, const Taxonomy& functions) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return core::Status("unreadable", path + ": cannot open profile file");
  std::ostringstream text;
  text << in.rdbuf();
  return Parse(text.str(), path, functions);
}

bool Profile::HasEmbedded(std::string_view name) {
  return EmbeddedData(std::string(name) + ".json").has_value();
}

const Institution* Profile::Find(std::string_view id) const {
  for (const Institution& in : institutions_) {
    if (SameId(in.id, id) || SameId(in.abbreviation, id)) return &in;
  }
  return nullptr;
}

const Institution* Profile::LeadOf(std::string_view function) const {
  for (const Institution& in : institutions_) {
    if (std::find(in.leads.begin(), in.leads.end(), function) != in.leads.end()) return &in;
  }
  return nullptr;
}

std::vector<const Institution*> Profile::SupportersOf(std::string_view function) const {
  std::vector<const Institution*> out;
  for (const Institution& in : institutions_) {
    if (std::find(in.supports.begin(), in.supports.end(), function) != in.supports.end()) {
      out.push_back(&in);
    }
  }
  return out;
}

}  // namespace uprx::classifiers
