#include "classifiers/taxonomy.h"

#include <cctype>
#include <charconv>
#include <fstream>
#include <sstream>

#include "pipeline/core/embedded_data.h"
#include "pipeline/core/text_util.h"

namespace uprx::classifiers {
namespace {

std::vector<std::string> SplitTabs(std::string_view line) {
  std::vector<std::string> fields;
  std::size_t start = 0;
  while (true) {
    const std::size_t tab = line.find('\t', start);
    fields.emplace_back(line.substr(start, tab - start));
    if (tab == std::string_view::npos) return fields;
    start = tab + 1;
  }
}

bool IsNameChar(char c, bool first) {
  const auto u = static_cast<unsigned char>(c);
  return std::isalpha(u) || c == '_' || (!first && std::isdigit(u));
}

// Expands every {NAME} whose NAME is defined; `missing` receives the first undefined one.
// Braces that do not hold a name ("{2,3}") are RE2 repetitions and stay as they are.
std::string Expand(std::string_view pattern,
                   const std::map<std::string, std::string, std::less<>>& defines,
                   std::string& missing) {
  std::string out;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    std::size_t end = i + 1;
    while (pattern[i] == '{' && end < pattern.size() && IsNameChar(pattern[end], end == i + 1)) {
      ++end;
    }
    if (pattern[i] != '{' || end == i + 1 || end >= pattern.size() || pattern[end] != '}') {
      out += pattern[i];
      continue;
    }
    const std::string_view name = pattern.substr(i + 1, end - i - 1);
    auto it = defines.find(name);
    if (it == defines.end()) {
      if (missing.empty()) missing = std::string(name);
    } else {
      out += it->second;
    }
    i = end;
  }
  return out;
}

}  // namespace

std::string FoldName(std::string_view name) {
  // "Budget &resources" and "budget and resources" are one name: case, punctuation and
  // spacing differ between the vintages of a label list.
  std::string out;
  bool space = false;
  auto word = [&](std::string_view w) {
    if (space && !out.empty()) out += ' ';
    out += w;
    space = false;
  };
  for (char c : name) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '&') {
      space = true;
      word("and");
      space = true;
    } else if (std::isalnum(u) || u >= 0x80) {
      const char lower = static_cast<char>(std::tolower(u));
      word(std::string_view(&lower, 1));
    } else {
      space = true;
    }
  }
  return out;
}

RE2::Options RuleOptions() {
  RE2::Options options;
  options.set_case_sensitive(false);
  options.set_log_errors(false);
  return options;
}

core::Status Taxonomy::Error(int line, const std::string& why) const {
  return core::Status("taxonomy_invalid", source_ + ":" + std::to_string(line) + ": " + why);
}

core::Result<Taxonomy> Taxonomy::Parse(std::string_view text, std::string_view source) {
  Taxonomy t;
  t.source_ = std::string(source);
  // Label names and rules end up in the JSON, which holds UTF-8 only.
  if (const auto bad = core::FindInvalidUtf8(text)) {
    return t.Error(core::LineAt(text, *bad),
                   "not valid UTF-8 at byte " + std::to_string(*bad) + "; save the file as UTF-8");
  }
  for (const auto& [line, number] : core::DataLines(text)) {
    core::Status status = t.ParseLine(SplitTabs(std::string(line)), number);
    if (!status.ok()) return status;
  }
  const int number = core::LineCount(text);  // a missing record: at the file's last line
  if (t.id_.empty()) return t.Error(number, "no 'taxonomy' record");
  if (t.version_.empty()) return t.Error(number, "no 'version' record");
  if (t.labels_.empty()) return t.Error(number, "no 'label' record");
  return t;
}

core::Status Taxonomy::ParseLine(const std::vector<std::string>& fields, int line) {
  const std::string& kind = fields[0];
  auto want = [&](std::size_t n) {
    return fields.size() == n ? core::Status::Ok()
                              : Error(line, "'" + kind + "' takes " + std::to_string(n - 1) +
                                                " tab-separated fields, found " +
                                                std::to_string(fields.size() - 1));
  };
  if (kind == "context") return AddContext(fields, line);
  const bool rule_record = kind == "rule";
  last_was_rule_ = false;
  if (rule_record || kind == "exclude" || kind == "unless") {
    core::Status status = AddRule(fields, line);
    last_was_rule_ = rule_record && status.ok();
    return status;
  }
  if (kind == "alias") {
    if (core::Status st = want(3); !st.ok()) return st;
    if (FindLabel(fields[1]) == nullptr) {
      return Error(line, "alias for unknown label '" + fields[1] + "'");
    }
    auto [it, added] = names_.emplace(FoldName(fields[2]), fields[1]);
    if (!added && it->second != fields[1]) {
      return Error(line, "alias '" + fields[2] + "' already names label '" + it->second + "'");
    }
    return core::Status::Ok();
  }
  if (kind == "taxonomy" || kind == "version") {
    if (core::Status s = want(2); !s.ok()) return s;
    std::string& slot = kind == "taxonomy" ? id_ : version_;
    if (!slot.empty()) return Error(line, "second '" + kind + "' record");
    slot = fields[1];
    return core::Status::Ok();
  }
  if (kind == "label") {
    if (core::Status s = want(4); !s.ok()) return s;
    if (FindLabel(fields[1]) != nullptr)
      return Error(line, "duplicate label id '" + fields[1] + "'");
    labels_.push_back({fields[1], fields[2], fields[3], line});
    names_.emplace(FoldName(fields[1]), fields[1]);
    names_.emplace(FoldName(fields[2]), fields[1]);
    return core::Status::Ok();
  }
  if (kind == "define" || kind == "option") {
    if (core::Status s = want(3); !s.ok()) return s;
    std::string missing;
    std::string value = Expand(fields[2], defines_, missing);
    if (!missing.empty()) return Error(line, "unknown {" + missing + "}");
    if (kind == "define") {
      if (!defines_.emplace(fields[1], std::move(value)).second) {
        return Error(line, "duplicate define '" + fields[1] + "'");
      }
    } else if (!options_.emplace(fields[1], Option{std::move(value), line}).second) {
      return Error(line, "duplicate option '" + fields[1] + "'");
    }
    return core::Status::Ok();
  }
  return Error(line, "unknown record '" + kind +
                         "' (taxonomy, version, label, alias, define, option, rule, exclude, "
                         "unless, context)");
}

core::Status Taxonomy::AddRule(const std::vector<std::string>& fields, int line) {
  const bool exclude = fields[0] == "exclude";
  const bool unless = fields[0] == "unless";
  if (fields.size() != (exclude || unless ? 3u : 4u)) {
    return Error(line, exclude || unless
                           ? "'" + fields[0] +
                                 "' takes 2 tab-separated fields (label, RE2), found " +
                                 std::to_string(fields.size() - 1)
                           : "'rule' takes 3 tab-separated fields (label, RE2, weight), found " +
                                 std::to_string(fields.size() - 1));
  }
  if (FindLabel(fields[1]) == nullptr)
    return Error(line, "rule for unknown label '" + fields[1] + "'");
  std::string missing;
  Rule rule;
  rule.id = id_ + ":" + std::to_string(line);
  rule.label_id = fields[1];
  rule.pattern = Expand(fields[2], defines_, missing);
  rule.weight = 0;
  rule.line = line;
  if (!missing.empty()) return Error(line, "unknown {" + missing + "}");
  RE2 re(rule.pattern, RuleOptions());
  if (!re.ok()) return Error(line, "bad RE2 pattern: " + re.error());
  if (exclude || unless) {
    rule.exclude = exclude;
    rule.unless = unless;
    rules_.push_back(std::move(rule));
    return core::Status::Ok();
  }
  const std::string& w = fields[3];
  auto [end, ec] = std::from_chars(w.data(), w.data() + w.size(), rule.weight);
  if (ec != std::errc() || end != w.data() + w.size() || !(rule.weight > 0)) {
    return Error(line, "weight '" + w + "' is not a positive number");
  }
  rules_.push_back(std::move(rule));
  return core::Status::Ok();
}

core::Status Taxonomy::AddContext(const std::vector<std::string>& fields, int line) {
  if (fields.size() != 2) {
    return Error(line, "'context' takes 1 tab-separated field (RE2), found " +
                           std::to_string(fields.size() - 1));
  }
  if (!last_was_rule_) return Error(line, "'context' must follow the 'rule' it qualifies");
  Rule& rule = rules_.back();
  if (!rule.context.empty())
    return Error(line, "second 'context' for the rule of line " + std::to_string(rule.line));
  std::string missing;
  std::string pattern = Expand(fields[1], defines_, missing);
  if (!missing.empty()) return Error(line, "unknown {" + missing + "}");
  RE2 re(pattern, RuleOptions());
  if (!re.ok()) return Error(line, "bad RE2 pattern: " + re.error());
  if (pattern.empty()) return Error(line, "empty 'context' pattern");
  rule.context = std::move(pattern);
  return core::Status::Ok();
}

const Label* Taxonomy::FindLabel(std::string_view id) const {
  for (const Label& l : labels_) {
    if (l.id == id) return &l;
  }
  return nullptr;
}

const Label* Taxonomy::FindLabelByName(std::string_view name) const {
  auto it = names_.find(FoldName(name));
  return it == names_.end() ? nullptr : FindLabel(it->second);
}

core::Status Taxonomy::CheckNumericIds(int min, int max) const {
  for (const Label& l : labels_) {
    if (!core::ParseBoundedInt(l.id, min, max)) {
      return Error(l.line, "label id '" + l.id + "' of taxonomy " + id_ +
                               " must be a whole number from " + std::to_string(min) + " to " +
                               std::to_string(max) + " (it is written as a number in the JSON)");
    }
  }
  return core::Status::Ok();
}

const Option* Taxonomy::FindOption(std::string_view key) const {
  auto it = options_.find(key);
  return it == options_.end() ? nullptr : &it->second;
}

core::Result<Taxonomy> Taxonomy::LoadEmbedded(std::string_view file_name) {
  std::optional<std::string> text = EmbeddedData(file_name);
  if (!text) {
    return core::Status("taxonomy_missing", "no taxonomy file '" + std::string(file_name) +
                                                "' compiled into this binary");
  }
  return Parse(*text, file_name);
}

core::Result<Taxonomy> Taxonomy::LoadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return core::Status("unreadable", path + ": cannot open taxonomy file");
  std::ostringstream text;
  text << in.rdbuf();
  return Parse(text.str(), path);
}

}  // namespace uprx::classifiers
