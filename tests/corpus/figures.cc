#include "tests/corpus/figures.h"

#include <gtest/gtest.h>

#include <charconv>
#include <fstream>
#include <limits>
#include <map>
#include <optional>
#include <sstream>
#include <vector>

namespace uprx::testing {
namespace {

constexpr std::size_t kColumns = 8;  // id figure bar measured floor issue shown command
constexpr std::size_t kFloorColumn = 4;

struct FigureFile {
  std::map<std::string, std::string, std::less<>> floor_of;  // id -> "OP VALUE" or "-"
  std::string error;                                         // why the file cannot be read
};

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> fields;
  std::string field;
  std::istringstream in(line);
  while (std::getline(in, field, '\t')) fields.push_back(field);
  if (!line.empty() && line.back() == '\t') fields.emplace_back();
  return fields;
}

FigureFile Load() {
  FigureFile file;
  const std::string path = std::string(UPRX_SOURCE_DIR) + "/corpora/figures.tsv";
  std::ifstream in(path);
  if (!in) {
    file.error = path + ": cannot be read";
    return file;
  }
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.empty() || line[0] == '#' || line.rfind("id\t", 0) == 0) continue;
    const std::vector<std::string> fields = SplitTabs(line);
    const std::string where = "corpora/figures.tsv:" + std::to_string(number) + ": ";
    if (fields.size() != kColumns) {
      file.error =
          where + std::to_string(fields.size()) + " fields, want " + std::to_string(kColumns);
      return file;
    }
    if (!file.floor_of.emplace(fields[0], fields[kFloorColumn]).second) {
      file.error = where + "duplicate id " + fields[0];
      return file;
    }
  }
  return file;
}

// The value after `op` in the floor of `id`, or nullopt after failing the calling test.
std::optional<std::string> Operand(std::string_view id, std::string_view op) {
  static const FigureFile kFile = Load();
  if (!kFile.error.empty()) {
    ADD_FAILURE() << kFile.error;
    return std::nullopt;
  }
  const auto it = kFile.floor_of.find(id);
  if (it == kFile.floor_of.end()) {
    ADD_FAILURE() << "corpora/figures.tsv has no figure '" << id << "'";
    return std::nullopt;
  }
  const std::string& floor = it->second;
  const std::string prefix = std::string(op) + " ";
  if (floor.rfind(prefix, 0) != 0 || floor.size() == prefix.size()) {
    ADD_FAILURE() << "corpora/figures.tsv: the floor of '" << id << "' is '" << floor << "', want '"
                  << op << " VALUE'";
    return std::nullopt;
  }
  return floor.substr(prefix.size());
}

std::optional<double> Number(std::string_view id, std::string_view op) {
  const std::optional<std::string> text = Operand(id, op);
  if (!text) return std::nullopt;
  double value = 0;
  const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (ec != std::errc() || end != text->data() + text->size()) {
    ADD_FAILURE() << "corpora/figures.tsv: the floor of '" << id << "' is not a number: " << *text;
    return std::nullopt;
  }
  return value;
}

}  // namespace

double Floor(std::string_view id) {
  return Number(id, ">=").value_or(std::numeric_limits<double>::infinity());
}

double Ceiling(std::string_view id) {
  return Number(id, "<=").value_or(-std::numeric_limits<double>::infinity());
}

std::size_t Exactly(std::string_view id) {
  const std::optional<std::string> text = Operand(id, "=");
  std::size_t value = 0;
  if (!text) return std::numeric_limits<std::size_t>::max();
  const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (ec != std::errc() || end != text->data() + text->size()) {
    ADD_FAILURE() << "corpora/figures.tsv: the floor of '" << id << "' is not a count: " << *text;
    return std::numeric_limits<std::size_t>::max();
  }
  return value;
}

std::string ExactText(std::string_view id) { return Operand(id, "=").value_or(""); }

}  // namespace uprx::testing
