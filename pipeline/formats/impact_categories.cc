#include "pipeline/formats/impact_categories.h"

#include <fstream>
#include <set>
#include <sstream>

#include "pipeline/core/embedded_data.h"
#include "pipeline/core/text_util.h"

namespace uprx::pipeline {
namespace {

const std::set<std::string, std::less<>>& Kinds() {
  static const std::set<std::string, std::less<>>* const kKinds =
      new std::set<std::string, std::less<>>{"state", "body", "cycle", "theme", "persons", "sdg"};
  return *kKinds;
}

// Why a line cannot be used, or "".
std::string Problem(const std::string& kind, const std::string& key, const std::string& title) {
  if (!Kinds().contains(kind)) return "unknown kind \"" + kind + "\"";
  if (key.empty() || title.empty()) return "expected kind<TAB>key<TAB>short title";
  // The client splits a cell on ',' and each value on '|', and trims it.
  if (title.find_first_of(",|") != std::string::npos) {
    return "a short title cannot hold ',' or '|' (IMPACT splits the cell on them)";
  }
  if (title.front() == ' ' || title.back() == ' ') return "short title with surrounding spaces";
  return "";
}

}  // namespace

core::Result<ImpactCategories> ImpactCategories::LoadDefault() {
  const std::optional<std::string> text = EmbeddedData("impact_categories.tsv");
  if (!text) return core::Status("impact_categories_missing", "impact_categories.tsv");
  return Parse(*text, "impact_categories.tsv");
}

core::Result<ImpactCategories> ImpactCategories::Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return core::Status("impact_categories_unreadable", path + ": cannot be read");
  std::ostringstream text;
  text << in.rdbuf();
  return Parse(text.str(), path);
}

core::Result<ImpactCategories> ImpactCategories::Parse(std::string_view text,
                                                       const std::string& source) {
  ImpactCategories map;
  for (const auto& [line, number] : core::DataLines(text)) {
    std::istringstream fields{std::string(line)};
    std::string kind, key, title, extra;
    std::getline(fields, kind, '\t');
    std::getline(fields, key, '\t');
    std::getline(fields, title, '\t');
    std::string why =
        std::getline(fields, extra, '\t') ? "more than three fields" : Problem(kind, key, title);
    if (why.empty() && !map.links_.emplace(std::pair{kind, key}, title).second) {
      why = "a second line for " + kind + " " + key;
    }
    if (!why.empty()) {
      return core::Status("impact_categories_invalid",
                          source + ":" + std::to_string(number) + ": " + why);
    }
  }
  return map;
}

std::string ImpactCategories::Find(std::string_view kind, std::string_view key) const {
  const auto it = links_.find(std::pair{std::string(kind), std::string(key)});
  return it == links_.end() ? std::string() : it->second;
}

std::string ImpactCategories::State(std::string_view iso3) const {
  std::string title = Find("state", iso3);
  return title.empty() ? std::string(iso3) : title;
}

}  // namespace uprx::pipeline
