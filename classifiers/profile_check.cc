#include "classifiers/profile_check.h"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>
#include <set>

#include "classifiers/profile.h"

namespace uprx::classifiers {
namespace {

using Json = nlohmann::ordered_json;

// Where the scanner of JsonPathLine is inside the document.
struct Frame {
  bool array = false;
  bool want_key = false;  // objects: the next string is a key
  std::size_t index = 0;  // arrays: the current element
  std::string key;        // objects: the current member
};

std::string PathOf(const std::vector<Frame>& stack) {
  std::string path;
  for (const Frame& f : stack) {
    if (f.array) {
      path += "[" + std::to_string(f.index) + "]";
    } else {
      path += (path.empty() ? "" : ".") + f.key;
    }
  }
  return path;
}

// Skips a string starting at text[i] == '"'; returns its contents (escapes kept as written)
// and leaves `i` on the closing quote.
std::string ReadString(std::string_view text, std::size_t& i, int& line) {
  std::string out;
  for (++i; i < text.size() && text[i] != '"'; ++i) {
    if (text[i] == '\\' && i + 1 < text.size()) out += text[i++];
    if (text[i] == '\n') ++line;
    out += text[i];
  }
  return out;
}

// Skips a // or /* */ comment starting at text[i] == '/'; leaves `i` on its last character.
void SkipComment(std::string_view text, std::size_t& i, int& line) {
  if (i + 1 >= text.size()) return;
  if (text[i + 1] == '/') {
    while (i + 1 < text.size() && text[i + 1] != '\n') ++i;
  } else if (text[i + 1] == '*') {
    for (i += 2; i + 1 < text.size() && !(text[i] == '*' && text[i + 1] == '/'); ++i) {
      if (text[i] == '\n') ++line;
    }
    ++i;
  }
}

int LineOfOffset(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  return 1 +
         static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(offset), '\n'));
}

// The loader's message "profile: WHERE: WHY" as (WHERE, WHY).
std::pair<std::string, std::string> SplitLoaderMessage(const std::string& message) {
  constexpr std::string_view kSource = "profile: ";
  std::string rest = message.rfind(kSource, 0) == 0 ? message.substr(kSource.size()) : message;
  const std::size_t colon = rest.find(": ");
  if (colon == std::string::npos) return {"", rest};
  return {rest.substr(0, colon), rest.substr(colon + 2)};
}

bool IsNote(const std::string& key) { return !key.empty() && key[0] == '_'; }

// Each member of `object` that is neither in `known` nor a note.
void UnknownFields(std::string_view text, const Json& object, const std::string& where,
                   const std::set<std::string>& known, std::vector<ProfileProblem>& out) {
  if (!object.is_object()) return;
  for (const auto& [key, value] : object.items()) {
    if (known.count(key) != 0 || IsNote(key)) continue;
    const std::string path = where.empty() ? key : where + "." + key;
    out.push_back({std::max(1, JsonPathLine(text, path)),
                   (where.empty() ? "" : where + ": ") + "unknown field '" + key +
                       "' (a note goes in a field whose name starts with '_', e.g. \"_comment\")",
                   true});
  }
}

void CheckFields(std::string_view text, const Json& j, std::vector<ProfileProblem>& out) {
  static const std::set<std::string> kTop = {"profile", "state",        "iso3",    "government",
                                             "mandate", "mandate_date", "version", "description",
                                             "options", "institutions", "rules"};
  static const std::set<std::string> kInstitution = {"id",     "name",  "abbreviation", "kind",
                                                     "parent", "leads", "supports"};
  static const std::set<std::string> kRule = {"id", "pattern", "institution", "role", "weight"};
  UnknownFields(text, j, "", kTop, out);
  for (const char* list : {"institutions", "rules"}) {
    auto it = j.find(list);
    if (it == j.end() || !it->is_array()) continue;
    for (std::size_t i = 0; i < it->size(); ++i) {
      UnknownFields(text, (*it)[i], std::string(list) + "[" + std::to_string(i) + "]",
                    std::string(list) == "rules" ? kRule : kInstitution, out);
    }
  }
}

void CheckLeads(std::string_view text, const Profile& p, const Taxonomy& functions,
                std::vector<ProfileProblem>& out) {
  if (p.functions_only()) return;  // the generic profile names functions, not institutions
  std::string unled;
  for (const Label& f : functions.labels()) {
    if (p.LeadOf(f.id) == nullptr) unled += (unled.empty() ? "" : ", ") + f.id;
  }
  if (unled.empty()) return;
  out.push_back({std::max(1, JsonPathLine(text, "institutions")),
                 "warning: no institution leads " + unled +
                     " (a recommendation about only these gets the next best function's lead)",
                 false});
}

}  // namespace

int JsonPathLine(std::string_view text, std::string_view path) {
  std::vector<Frame> stack;
  int line = 1;
  auto value_starts = [&] { return PathOf(stack) == path; };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    Frame* top = stack.empty() ? nullptr : &stack.back();
    if (c == '\n') {
      ++line;
    } else if (c == '/') {
      SkipComment(text, i, line);
    } else if (c == '"') {
      const int at = line;
      std::string s = ReadString(text, i, line);
      if (top != nullptr && !top->array && top->want_key) {
        top->key = std::move(s);
        top->want_key = false;
      } else if (value_starts()) {
        return at;
      }
    } else if (c == '{' || c == '[') {
      if (value_starts()) return line;
      stack.push_back({c == '[', c == '{', 0, ""});
    } else if (c == '}' || c == ']') {
      if (!stack.empty()) stack.pop_back();
    } else if (c == ',') {
      if (top != nullptr && top->array) ++top->index;
      if (top != nullptr && !top->array) top->want_key = true;
    } else if (c != ':' && !std::isspace(static_cast<unsigned char>(c))) {
      if (value_starts()) return line;  // a number, true, false or null
      while (i + 1 < text.size() && std::string_view(",}]\n").find(text[i + 1]) == text.npos) ++i;
    }
  }
  return 0;
}

std::vector<ProfileProblem> CheckProfile(std::string_view text, std::string_view source,
                                         const Taxonomy& functions) {
  (void)source;
  std::vector<ProfileProblem> problems;
  Json j;
  try {
    j = Json::parse(text, nullptr, /*allow_exceptions=*/true, /*ignore_comments=*/true);
  } catch (const Json::parse_error& e) {
    const std::string what = e.what();
    const std::size_t cut = what.find("syntax error");
    problems.push_back({LineOfOffset(text, e.byte == 0 ? 0 : e.byte - 1),
                        "not valid JSON: " + (cut == std::string::npos ? what : what.substr(cut)),
                        true});
    return problems;
  }
  auto profile = Profile::Parse(text, "profile", functions);
  if (!profile.ok()) {
    auto [where, why] = SplitLoaderMessage(profile.status().message());
    const bool whole = where.empty() || where == "(top)" || where == "(file)";
    problems.push_back({whole ? 1 : std::max(1, JsonPathLine(text, where)),
                        whole ? why : where + ": " + why, true});
  }
  CheckFields(text, j, problems);
  if (profile.ok()) CheckLeads(text, profile.value(), functions, problems);
  std::stable_sort(
      problems.begin(), problems.end(),
      [](const ProfileProblem& a, const ProfileProblem& b) { return a.line < b.line; });
  return problems;
}

std::string StarterProfile(std::string_view iso3, std::string_view state_name,
                           const Taxonomy& functions, std::string_view date) {
  const std::string id(iso3), state(state_name);
  Json p;
  p["_comment"] =
      "Starting profile for " + state +
      " written by `uprx profile init`. Replace every "
      "placeholder institution below by the ministry or body that leads its function, merge "
      "the functions one ministry leads into one institution, and add the institutions that "
      "support them. Fields whose name starts with '_' are notes: uprx ignores them. Check with "
      "`uprx profile check FILE`; docs/profiles.md explains each field with Cambodia's profile.";
  p["profile"] = id;
  p["state"] = state;
  p["iso3"] = id;
  p["government"] = "Government of " + state;
  p["_government"] = "Replace with the government's official name.";
  p["mandate"] = "Replace: the government this profile describes (e.g. its appointment)";
  p["mandate_date"] = std::string(date);
  p["_mandate_date"] = "YYYY-MM-DD: the date the government described took office.";
  p["version"] = id + "-draft.1";
  p["description"] = "Ministries and institutions of " + state + "; written by hand from " +
                     "uprx's starting profile.";
  p["options"] = Json::object();
  Json institutions = Json::array();
  for (const Label& f : functions.labels()) {
    std::string upper = f.id;
    std::transform(upper.begin(), upper.end(), upper.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    institutions.push_back({{"_comment", f.name + ": " + f.definition},
                            {"id", upper},
                            {"name", "Ministry responsible for " + f.name},
                            {"abbreviation", upper},
                            {"kind", "ministry"},
                            {"leads", Json::array({f.id})},
                            {"supports", Json::array()}});
  }
  p["institutions"] = std::move(institutions);
  p["_rules"] =
      "National laws, plans and bodies whose names point to one institution: "
      "{\"id\", \"pattern\" (RE2), \"institution\", \"role\": \"lead\"|\"supporting\", "
      "\"weight\"}.";
  p["rules"] = Json::array();
  return p.dump(2) + "\n";
}

}  // namespace uprx::classifiers
