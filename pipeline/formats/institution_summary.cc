#include "pipeline/formats/institution_summary.h"

#include <algorithm>
#include <filesystem>

#include "pipeline/formats/json_writer.h"

namespace uprx::pipeline {
namespace {

constexpr const char* kFunctionPrefix = "function: ";
constexpr int kMainThemes = 3;

std::string ThemeOf(const core::Recommendation& r) {
  if (r.labels.themes && !r.labels.themes->empty()) return r.labels.themes->front().name;
  for (const auto& l : r.labels.ministries.value_or(std::vector<core::AssignedLabel>{})) {
    if (l.role != "lead") continue;
    for (const std::string& e : l.evidence) {
      if (e.rfind(kFunctionPrefix, 0) == 0) return e.substr(std::string(kFunctionPrefix).size());
    }
    return l.id == "NONE" ? "(none)" : l.name;  // the generic profile's labels are functions
  }
  return "(none)";
}

std::string MainThemes(const InstitutionRow& row) {
  std::vector<std::pair<std::string, int>> themes(row.lead_themes.begin(), row.lead_themes.end());
  std::stable_sort(themes.begin(), themes.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  std::string out;
  for (int i = 0; i < kMainThemes && i < static_cast<int>(themes.size()); ++i) {
    out += (i ? "; " : "") + themes[static_cast<std::size_t>(i)].first + " (" +
           std::to_string(themes[static_cast<std::size_t>(i)].second) + ")";
  }
  return out;
}

int Count(const std::map<core::PositionValue, int>& m, core::PositionValue key) {
  auto it = m.find(key);
  return it == m.end() ? 0 : it->second;
}

int Other(const std::map<core::PositionValue, int>& m) {
  using enum core::PositionValue;
  int n = 0;
  for (const auto& [k, v] : m) {
    if (k != kSupported && k != kNoted && k != kPending) n += v;
  }
  return n;
}

std::string Join(const std::vector<std::string>& v, const char* sep) {
  std::string out;
  for (std::size_t i = 0; i < v.size(); ++i) out += (i ? sep : "") + v[i];
  return out;
}

std::string Title(const core::Review& r) {
  std::string t = r.sur_name.empty() ? r.sur_iso3 : r.sur_name;
  if (r.cycle) t += ", cycle " + std::to_string(*r.cycle);
  if (r.year) t += " (" + std::to_string(*r.year) + ")";
  return t;
}

// Markdown cells hold no '|' or line break.
std::string Md(std::string s) {
  for (char& c : s) {
    if (c == '|' || c == '\n') c = ' ';
  }
  return s;
}

std::string Csv(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string Tsv(std::string s) {
  for (char& c : s) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return s;
}

void WriteMarkdown(std::ostream& out, const core::Review& review) {
  const auto rows = SummarizeInstitutions(review);
  out << "### " << Md(Title(review)) << ": recommendations by institution\n\n"
      << "| Institution | Leads | Supports | Led: supported / noted / pending | Main themes led | "
         "Recommendations led |\n|---|---:|---:|---|---|---|\n";
  for (const InstitutionRow& r : rows) {
    out << "| " << Md(r.name) << " (" << r.id << ") | " << r.leads() << " | " << r.supports()
        << " | " << Count(r.lead_by_position, core::PositionValue::kSupported) << " / "
        << Count(r.lead_by_position, core::PositionValue::kNoted) << " / "
        << Count(r.lead_by_position, core::PositionValue::kPending)
        << (Other(r.lead_by_position) ? " / other " + std::to_string(Other(r.lead_by_position))
                                      : "")
        << " | " << Md(MainThemes(r)) << " | " << Join(r.led, ", ") << " |\n";
  }
  out << "\n"
      << review.recommendations.size() << " recommendations, " << rows.size()
      << " institutions.\n\n";
}

void WriteDelimited(std::ostream& out, const std::vector<core::Review>& reviews, bool csv) {
  const char* sep = csv ? "," : "\t";
  auto cell = [&](const std::string& s) { return csv ? Csv(s) : Tsv(s); };
  const char* const kHeader[] = {"review",
                                 "institution_id",
                                 "institution",
                                 "leads",
                                 "supports",
                                 "led_supported",
                                 "led_noted",
                                 "led_pending",
                                 "led_other",
                                 "supported_supported",
                                 "supported_noted",
                                 "supported_pending",
                                 "supported_other",
                                 "main_themes_led",
                                 "led",
                                 "supported"};
  for (std::size_t i = 0; i < std::size(kHeader); ++i) out << (i ? sep : "") << kHeader[i];
  out << (csv ? "\r\n" : "\n");
  for (const core::Review& review : reviews) {
    const std::string key = (review.sur_iso3.empty() ? "UNK" : review.sur_iso3) + "-c" +
                            std::to_string(review.cycle.value_or(0));
    for (const InstitutionRow& r : SummarizeInstitutions(review)) {
      const std::vector<std::string> cells = {
          key,
          r.id,
          cell(r.name),
          std::to_string(r.leads()),
          std::to_string(r.supports()),
          std::to_string(Count(r.lead_by_position, core::PositionValue::kSupported)),
          std::to_string(Count(r.lead_by_position, core::PositionValue::kNoted)),
          std::to_string(Count(r.lead_by_position, core::PositionValue::kPending)),
          std::to_string(Other(r.lead_by_position)),
          std::to_string(Count(r.support_by_position, core::PositionValue::kSupported)),
          std::to_string(Count(r.support_by_position, core::PositionValue::kNoted)),
          std::to_string(Count(r.support_by_position, core::PositionValue::kPending)),
          std::to_string(Other(r.support_by_position)),
          cell(MainThemes(r)),
          cell(Join(r.led, ";")),
          cell(Join(r.supported, ";"))};
      out << Join(cells, sep) << (csv ? "\r\n" : "\n");
    }
  }
}

}  // namespace

std::vector<InstitutionRow> SummarizeInstitutions(const core::Review& review) {
  std::map<std::string, InstitutionRow> by_id;
  for (const core::Recommendation& r : review.recommendations) {
    const core::PositionValue position = r.position.value;
    for (const core::AssignedLabel& l :
         r.labels.ministries.value_or(std::vector<core::AssignedLabel>{})) {
      InstitutionRow& row = by_id[l.id];
      row.id = l.id;
      row.name = l.name;
      if (l.role == "lead") {
        row.led.push_back(r.number);
        ++row.lead_by_position[position];
        ++row.lead_themes[ThemeOf(r)];
      } else {
        row.supported.push_back(r.number);
        ++row.support_by_position[position];
      }
    }
  }
  std::vector<InstitutionRow> rows;
  for (auto& [id, row] : by_id) rows.push_back(std::move(row));
  std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
    if (a.leads() != b.leads()) return a.leads() > b.leads();
    return a.supports() > b.supports();
  });
  return rows;
}

void WriteInstitutionSummary(std::ostream& out, const std::vector<core::Review>& reviews,
                             SummaryFormat format) {
  if (format != SummaryFormat::kMarkdown) {
    return WriteDelimited(out, reviews, format == SummaryFormat::kCsv);
  }
  for (const core::Review& review : reviews) WriteMarkdown(out, review);
}

core::Status WriteInstitutionSummaryFile(const std::string& path,
                                         const std::vector<core::Review>& reviews) {
  // The summary may go beside outputs (--out DIR) that are not written yet.
  const auto parent = std::filesystem::path(path).parent_path();
  std::error_code ec;
  if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  SummaryFormat format = SummaryFormat::kMarkdown;
  if (path.ends_with(".csv")) format = SummaryFormat::kCsv;
  if (path.ends_with(".tsv")) format = SummaryFormat::kTsv;
  return WriteFileAtomically(
      path, [&](std::ostream& out) { WriteInstitutionSummary(out, reviews, format); });
}

}  // namespace uprx::pipeline
