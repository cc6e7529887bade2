#include "pipeline/formats/xlsx_writer.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <limits>
#include <set>
#include <sstream>

#include "pipeline/core/text_util.h"
#include "pipeline/formats/csv_writer.h"
#include "pipeline/formats/report_data.h"

namespace uprx::pipeline {
namespace {

constexpr std::size_t kMaxSheetName = 31;  // Excel's limit, in characters

// Status values the committee picks from on an institution sheet.
constexpr const char* kStatusChoices[] = {"Not started", "In progress", "Completed", nullptr};

struct Formats {
  lxw_format* title;   // bold, larger
  lxw_format* header;  // bold, shaded, wrapped, bordered
  lxw_format* wrap;    // wrapped text, top-aligned
  lxw_format* plan_header;
  lxw_format* plan_cell;  // the committee's empty cells: bordered, shaded lightly
  lxw_format* banner;     // the warning that positions are not final: bold, shaded, wrapped
};

Formats MakeFormats(lxw_workbook* wb) {
  Formats f{};
  f.title = workbook_add_format(wb);
  format_set_bold(f.title);
  format_set_font_size(f.title, 13);
  f.header = workbook_add_format(wb);
  format_set_bold(f.header);
  format_set_bg_color(f.header, 0xDDEBF7);
  format_set_text_wrap(f.header);
  format_set_border(f.header, LXW_BORDER_THIN);
  f.wrap = workbook_add_format(wb);
  format_set_text_wrap(f.wrap);
  format_set_align(f.wrap, LXW_ALIGN_VERTICAL_TOP);
  f.plan_header = workbook_add_format(wb);
  format_set_bold(f.plan_header);
  format_set_bg_color(f.plan_header, 0xFFE699);
  format_set_text_wrap(f.plan_header);
  format_set_border(f.plan_header, LXW_BORDER_THIN);
  f.plan_cell = workbook_add_format(wb);
  format_set_bg_color(f.plan_cell, 0xFFF8E1);
  format_set_border(f.plan_cell, LXW_BORDER_THIN);
  format_set_text_wrap(f.plan_cell);
  format_set_align(f.plan_cell, LXW_ALIGN_VERTICAL_TOP);
  f.banner = workbook_add_format(wb);
  format_set_bold(f.banner);
  format_set_bg_color(f.banner, 0xFFF2CC);
  format_set_border(f.banner, LXW_BORDER_THIN);
  format_set_text_wrap(f.banner);
  format_set_align(f.banner, LXW_ALIGN_VERTICAL_TOP);
  return f;
}

struct Column {
  const char* header;
  double width;
};

void Text(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, const std::string& text,
          lxw_format* format = nullptr) {
  if (!text.empty()) worksheet_write_string(ws, row, col, text.c_str(), format);
}

void Header(lxw_worksheet* ws, lxw_row_t row, const std::vector<Column>& columns, lxw_format* f) {
  for (lxw_col_t c = 0; c < columns.size(); ++c) {
    worksheet_write_string(ws, row, c, columns[c].header, f);
    worksheet_set_column(ws, c, c, columns[c].width, nullptr);
  }
}

// `text` of a label kind, or "not classified" when the kind was not computed.
template <typename T>
std::string OrNotClassified(const std::optional<T>& labels, const std::string& text) {
  return labels ? text : kNotClassified;
}

std::string ReviewLine(const core::Review& r) {
  std::ostringstream line;
  line << (r.sur_name.empty() ? "Unknown State" : r.sur_name);
  if (!r.sur_iso3.empty()) line << " (" << r.sur_iso3 << ")";
  if (r.cycle) line << ", cycle " << *r.cycle;
  if (r.wg_session) line << ", WG session " << *r.wg_session;
  if (r.year) line << ", " << *r.year;
  line << ": " << r.recommendations.size() << " recommendations";
  std::vector<std::string> symbols;
  for (const auto& d : r.documents) {
    symbols.push_back(DocumentKindLabel(d.kind) + " " + (d.symbol.empty() ? d.file : d.symbol));
  }
  if (!symbols.empty()) line << " (" << Joined(symbols) << ")";
  return line.str();
}

// One titled table of the overview; returns the row after its closing blank row.
lxw_row_t TallyTable(lxw_worksheet* ws, lxw_row_t row, const Formats& f, const char* title,
                     const std::vector<Column>& columns,
                     const std::vector<std::pair<std::string, std::vector<int>>>& rows,
                     const std::vector<std::string>& extra = {}) {
  worksheet_write_string(ws, row++, 0, title, f.title);
  for (lxw_col_t c = 0; c < columns.size(); ++c) {
    worksheet_write_string(ws, row, c, columns[c].header, f.header);
  }
  ++row;
  for (std::size_t i = 0; i < rows.size(); ++i, ++row) {
    Text(ws, row, 0, rows[i].first);
    for (lxw_col_t c = 0; c < rows[i].second.size(); ++c) {
      worksheet_write_number(ws, row, static_cast<lxw_col_t>(c + 1), rows[i].second[c], nullptr);
    }
    if (i < extra.size())
      Text(ws, row, static_cast<lxw_col_t>(rows[i].second.size() + 1), extra[i]);
  }
  return row + 1;
}

std::vector<std::pair<std::string, std::vector<int>>> Single(const Tally& tally) {
  std::vector<std::pair<std::string, std::vector<int>>> out;
  for (const auto& [name, count] : tally) out.push_back({name, {count}});
  return out;
}

// The position tally with its values in words ("supported in part").
Tally PositionTally(const std::vector<core::Review>& reviews) {
  Tally out;
  for (const auto& [value, count] : CountByPosition(reviews)) {
    out.emplace_back(core::PositionLabel(value), count);
  }
  return out;
}

// Each review's banner (PositionBanner) across the overview's first columns; returns the next row.
lxw_row_t Banners(lxw_worksheet* ws, lxw_row_t row, const Formats& f,
                  const std::vector<core::Review>& reviews) {
  for (const auto& r : reviews) {
    std::string banner = PositionBanner(r);
    if (banner.empty()) continue;
    if (reviews.size() > 1)
      banner = (r.sur_name.empty() ? "Unknown State" : r.sur_name) + ": " + banner;
    worksheet_merge_range(ws, row, 0, row, 4, banner.c_str(), f.banner);
    worksheet_set_row(ws, row, 48, nullptr);
    ++row;
  }
  return row;
}

void WriteOverview(lxw_worksheet* ws, const Formats& f, const std::vector<core::Review>& reviews,
                   const std::vector<std::string>& sheet_names) {
  worksheet_set_column(ws, 0, 0, 60, nullptr);
  worksheet_set_column(ws, 1, 6, 16, nullptr);
  worksheet_write_string(ws, 0, 0, "UPR recommendations: overview", f.title);
  lxw_row_t row = Banners(ws, 1, f, reviews);
  for (const auto& r : reviews) Text(ws, row++, 0, ReviewLine(r));
  ++row;
  row = TallyTable(ws, row, f, "Recommendations by position",
                   {{"Position", 0}, {"Recommendations", 0}}, Single(PositionTally(reviews)));
  row = TallyTable(ws, row, f, "Where the positions come from",
                   {{"Position given in", 0}, {"Recommendations", 0}},
                   Single(CountByPositionSource(reviews)));
  row = TallyTable(ws, row, f, "Recommendations by theme", {{"Theme", 0}, {"Recommendations", 0}},
                   Single(CountByTheme(reviews)));
  row = TallyTable(ws, row, f, "Recommendations by lead institution",
                   {{"Lead institution", 0}, {"Recommendations", 0}, {"Sheet", 0}},
                   Single(CountByLeadInstitution(reviews)), sheet_names);
  std::vector<Column> columns = {{"Regional group", 0}, {"Rows", 0}};
  std::vector<std::string> names;  // the headers' storage
  for (const auto value : kReportPositionOrder) names.push_back(core::PositionLabel(value));
  for (const auto& name : names) columns.push_back({name.c_str(), 0});
  auto rows = PositionsByRegionalGroup(reviews);
  const Tally totals = CountByRegionalGroup(reviews);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    rows[i].second.insert(rows[i].second.begin(), totals[i].second);
  }
  TallyTable(ws, row, f, "Rows by regional group", columns, rows);
}

constexpr lxw_col_t kPageColumn = 19;  // of RecommendationColumns(), written as a number

const std::vector<Column>& RecommendationColumns() {
  static const std::vector<Column>* const kColumns =
      new std::vector<Column>{{"State under review", 14},
                              {"Cycle", 7},
                              {"Number", 9},
                              {"Recommendation", 70},
                              {"Recommending States", 22},
                              {"Regional groups", 16},
                              {"Position", 12},
                              {"Position given in", 20},
                              {"Response (UPR Info)", 12},
                              {"Action category", 18},
                              {"Issues", 22},
                              {"Themes", 26},
                              {"SDGs", 8},
                              {"Groups", 20},
                              {"Lead institution", 26},
                              {"Supporting institutions", 26},
                              {"Committee's decision", 26},
                              {"Evidence", 40},
                              {"Source document", 18},
                              {"Page", 7},
                              {"id", 18}};
  return *kColumns;
}

std::vector<std::string> RecommendationCells(const core::Review& review,
                                             const core::Recommendation& r) {
  const core::Labels& l = r.labels;
  const std::string action =
      l.action ? ActionCategory(l) + " " + ActionName(l) : std::string(kNotClassified);
  return {review.sur_name,
          review.cycle ? std::to_string(*review.cycle) : "",
          r.number,
          r.text,
          StateNames(r),
          StateGroups(r),
          core::PositionLabel(r.position.value),
          PositionSource(r.position),
          UprInfoResponse(r.position.value),
          action,
          OrNotClassified(l.issues, LabelNames(l.issues)),
          OrNotClassified(l.themes, LabelNames(l.themes)),
          OrNotClassified(l.sdgs, SdgGoals(l.sdgs)),
          OrNotClassified(l.groups, LabelNames(l.groups)),
          OrNotClassified(l.ministries, LeadInstitution(r)),
          OrNotClassified(l.ministries, Joined(Institutions(r, "supporting"))),
          CommitteeDecision(r),
          l.empty() ? kNotClassified : EvidenceText(l),
          r.source.document,
          "",  // page: written as a number
          r.id};
}

void WriteRecommendations(lxw_worksheet* ws, const Formats& f,
                          const std::vector<core::Review>& reviews) {
  const auto& columns = RecommendationColumns();
  Header(ws, 0, columns, f.header);
  lxw_row_t row = 1;
  for (const auto& review : reviews) {
    for (const auto& r : review.recommendations) {
      const auto cells = RecommendationCells(review, r);
      for (lxw_col_t c = 0; c < cells.size(); ++c) Text(ws, row, c, cells[c], f.wrap);
      worksheet_write_number(ws, row, kPageColumn, r.source.page, f.wrap);
      ++row;
    }
  }
  worksheet_freeze_panes(ws, 1, 0);
  worksheet_autofilter(ws, 0, 0, row > 1 ? row - 1 : 1, static_cast<lxw_col_t>(columns.size() - 1));
}

void WriteInstitution(lxw_worksheet* ws, const Formats& f, const std::string& institution,
                      const std::vector<const core::Recommendation*>& recs) {
  static const std::vector<Column> kColumns = {{"Number", 9},
                                               {"Recommendation", 64},
                                               {"Recommending States", 22},
                                               {"Position", 12},
                                               {"Position given in", 20},
                                               {"Themes", 24},
                                               {"Supporting institutions", 24},
                                               {"Planned action", 36},
                                               {"Indicator", 28},
                                               {"Status", 14},
                                               {"id", 18}};
  constexpr lxw_col_t kFirstPlan = 7, kLastPlan = 9, kIdColumn = 10;
  worksheet_write_string(ws, 0, 0, institution.c_str(), f.title);
  for (lxw_col_t c = 0; c < kColumns.size(); ++c) {
    const bool plan = c >= kFirstPlan && c <= kLastPlan;
    worksheet_write_string(ws, 1, c, kColumns[c].header, plan ? f.plan_header : f.header);
    worksheet_set_column(ws, c, c, kColumns[c].width, nullptr);
  }
  lxw_row_t row = 2;
  for (const core::Recommendation* r : recs) {
    const std::vector<std::string> cells = {
        r->number,
        r->text,
        StateNames(*r),
        core::PositionLabel(r->position.value),
        PositionSource(r->position),
        OrNotClassified(r->labels.themes, LabelNames(r->labels.themes)),
        OrNotClassified(r->labels.ministries, Joined(Institutions(*r, "supporting")))};
    for (lxw_col_t c = 0; c < cells.size(); ++c) Text(ws, row, c, cells[c], f.wrap);
    for (lxw_col_t c = kFirstPlan; c <= kLastPlan; ++c)
      worksheet_write_blank(ws, row, c, f.plan_cell);
    Text(ws, row, kIdColumn, r->id, f.wrap);
    ++row;
  }
  if (row > 2) {
    lxw_data_validation status{};
    status.validate = LXW_VALIDATION_TYPE_LIST;
    status.value_list = const_cast<char**>(kStatusChoices);
    worksheet_data_validation_range(ws, 2, kLastPlan, row - 1, kLastPlan, &status);
  }
  worksheet_freeze_panes(ws, 2, 0);
  worksheet_autofilter(ws, 1, 0, row > 2 ? row - 1 : 2,
                       static_cast<lxw_col_t>(kColumns.size() - 1));
}

bool ForbiddenInSheetName(char c) {
  return c == '[' || c == ']' || c == ':' || c == '*' || c == '?' || c == '/' || c == '\\';
}

// `name` cut to `max` UTF-8 characters.
std::string Cut(const std::string& name, std::size_t max) {
  std::size_t chars = 0;
  for (std::size_t i = 0; i < name.size(); ++i) {
    if ((static_cast<unsigned char>(name[i]) & 0xC0) != 0x80 && chars++ == max) {
      return name.substr(0, i);
    }
  }
  return name;
}

std::string TrimEnd(std::string s) {
  while (!s.empty() && s.back() == ' ') s.pop_back();
  return s;
}

std::string Lower(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

}  // namespace

std::vector<std::string> InstitutionSheetNames(const std::vector<std::string>& institutions) {
  std::set<std::string> taken = {Lower(kOverviewSheet), Lower(kRecommendationsSheet)};
  std::vector<std::string> out;
  for (std::string name : institutions) {
    for (char& c : name) {
      if (ForbiddenInSheetName(c)) c = ' ';
    }
    while (!name.empty() && (name.front() == '\'' || name.front() == ' ')) name.erase(0, 1);
    name = TrimEnd(name);
    if (name.empty()) name = "Institution";
    std::string candidate = TrimEnd(Cut(name, kMaxSheetName));
    for (int n = 2; taken.count(Lower(candidate)); ++n) {
      const std::string suffix = " (" + std::to_string(n) + ")";
      candidate = TrimEnd(Cut(name, kMaxSheetName - suffix.size())) + suffix;
    }
    while (!candidate.empty() && candidate.back() == '\'') candidate.pop_back();
    taken.insert(Lower(candidate));
    out.push_back(candidate);
  }
  return out;
}

// The workbook's creation time, so that the same input gives the same bytes: SOURCE_DATE_EPOCH
// when set (reproducible builds' convention), else the newest document date of the reviews,
// else 1 January 2000. libxlsxwriter would take the clock for 0.
time_t CreationTime(const std::vector<core::Review>& reviews) {
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) {
    if (auto seconds = core::ParseBoundedInt(epoch, 1, std::numeric_limits<int>::max())) {
      return static_cast<time_t>(*seconds);
    }
  }
  std::string newest = "2000-01-01";
  for (const core::Review& r : reviews) {
    for (const core::DocumentInfo& d : r.documents) {
      if (d.date.size() >= 10 && d.date.substr(0, 10) > newest) newest = d.date.substr(0, 10);
    }
  }
  std::tm day{};
  day.tm_year = core::ParseBoundedInt(newest.substr(0, 4), 1970, 9999).value_or(2000) - 1900;
  day.tm_mon = core::ParseBoundedInt(newest.substr(5, 2), 1, 12).value_or(1) - 1;
  day.tm_mday = core::ParseBoundedInt(newest.substr(8, 2), 1, 31).value_or(1);
  return timegm(&day);
}

core::Status WriteXlsxFile(const std::string& path, const std::vector<core::Review>& reviews) {
  lxw_workbook* wb = workbook_new(path.c_str());
  if (!wb) return core::Status("xlsx_unwritable", path + ": cannot create the workbook");
  lxw_doc_properties properties{};
  properties.created = CreationTime(reviews);
  workbook_set_properties(wb, &properties);
  const Formats f = MakeFormats(wb);
  const auto groups = ByLeadInstitution(reviews);
  std::vector<std::string> institutions;
  for (const auto& g : groups) institutions.push_back(g.first);
  const std::vector<std::string> sheet_names = InstitutionSheetNames(institutions);
  WriteOverview(workbook_add_worksheet(wb, kOverviewSheet), f, reviews, sheet_names);
  WriteRecommendations(workbook_add_worksheet(wb, kRecommendationsSheet), f, reviews);
  for (std::size_t i = 0; i < groups.size(); ++i) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, sheet_names[i].c_str());
    if (!ws) {
      workbook_close(wb);
      return core::Status("xlsx_unwritable", path + ": bad sheet name \"" + sheet_names[i] + "\"");
    }
    WriteInstitution(ws, f, groups[i].first, groups[i].second);
  }
  const lxw_error err = workbook_close(wb);
  if (err != LXW_NO_ERROR) {
    return core::Status("xlsx_unwritable", path + ": " + lxw_strerror(err));
  }
  return core::Status::Ok();
}

core::Result<std::string> XlsxBytes(const std::vector<core::Review>& reviews) {
  std::error_code ec;
  const auto dir = std::filesystem::temp_directory_path(ec);
  std::string tmpl = (ec ? std::filesystem::path("/tmp") : dir).string() + "/uprx-XXXXXX.xlsx";
  const int fd = mkstemps(tmpl.data(), 5);
  if (fd < 0) return core::Status("xlsx_unwritable", tmpl + ": cannot create a temporary file");
  ::close(fd);
  core::Status s = WriteXlsxFile(tmpl, reviews);
  std::string bytes;
  if (s.ok()) {
    std::ifstream in(tmpl, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof()) s = core::Status("xlsx_unwritable", tmpl + ": cannot read back");
  }
  std::filesystem::remove(tmpl, ec);
  if (!s.ok()) return s;
  return bytes;
}

}  // namespace uprx::pipeline
