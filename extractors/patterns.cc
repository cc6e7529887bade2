#include "extractors/patterns.h"

#include <cstdlib>
#include <iostream>
#include <memory>

#include "pipeline/core/embedded_data.h"

namespace uprx::extractors {

namespace {

[[noreturn]] void Die(const std::string& why) {
  std::cerr << "uprx: invalid embedded data: " << why << "\n";
  std::abort();
}

}  // namespace

core::Result<Patterns> Patterns::FromTsv(std::string_view tsv, std::string_view source) {
  Patterns out;
  int line_no = 0;
  std::size_t pos = 0;
  while (pos < tsv.size()) {
    std::size_t end = tsv.find('\n', pos);
    if (end == std::string_view::npos) end = tsv.size();
    std::string_view line = tsv.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (line.empty() || line.front() == '#') continue;
    const std::string where = std::string(source) + ":" + std::to_string(line_no) + ": ";
    const std::size_t tab = line.find('\t');
    if (tab == std::string_view::npos || tab == 0 || tab + 1 == line.size()) {
      return core::Status("bad_data", where + "expected name<TAB>pattern");
    }
    const std::string name(line.substr(0, tab));
    if (out.by_name_.count(name)) return core::Status("bad_data", where + "duplicate " + name);
    RE2::Options options;
    options.set_case_sensitive(name.size() > 3 && name.ends_with("_cs"));
    options.set_log_errors(false);
    auto re = std::make_shared<const RE2>(line.substr(tab + 1), options);
    if (!re->ok()) return core::Status("bad_data", where + name + ": " + re->error());
    out.by_name_.emplace(name, std::move(re));
  }
  return out;
}

const Patterns& Patterns::Default() {
  static const Patterns* const kDefault = [] {
    // One file per extractor family, each parsed under its own name so errors say
    // "file:line"; a name defined in two files is an error too.
    auto merged = std::make_unique<Patterns>();
    for (const char* file :
         {"patterns.tsv", "addendum_patterns.tsv", "thematic_list_patterns.tsv"}) {
      auto parsed = FromTsv(EmbeddedData(file).value_or(""), file);
      if (!parsed.ok()) Die(parsed.status().message());
      for (auto& [name, re] : parsed.value().by_name_) {
        if (!merged->by_name_.emplace(name, re).second)
          Die(std::string(file) + ": duplicate " + name);
      }
    }
    return merged.release();
  }();
  return *kDefault;
}

bool Patterns::Has(std::string_view name) const { return by_name_.find(name) != by_name_.end(); }

const RE2& Patterns::Get(std::string_view name) const {
  auto it = by_name_.find(name);
  if (it == by_name_.end()) {
    std::cerr << "uprx: pattern '" << name << "' missing from patterns.tsv\n";
    std::abort();
  }
  return *it->second;
}

}  // namespace uprx::extractors
