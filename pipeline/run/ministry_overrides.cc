#include "pipeline/run/ministry_overrides.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include "pipeline/core/text_util.h"
#include "pipeline/formats/csv_reader.h"
#include "pipeline/formats/institution_summary.h"

namespace uprx::pipeline {
namespace {

std::string Trim(std::string s) {
  auto space = [](unsigned char c) { return std::isspace(c) != 0; };
  s.erase(s.begin(), std::find_if_not(s.begin(), s.end(), space));
  s.erase(std::find_if_not(s.rbegin(), s.rend(), space).base(), s.end());
  return s;
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::vector<std::string> SplitIds(const std::string& cell) {
  std::vector<std::string> out;
  std::stringstream in(cell);
  std::string id;
  while (std::getline(in, id, ';')) {
    if (!(id = Trim(id)).empty()) out.push_back(id);
  }
  return out;
}

// Where an override applies: the review and recommendation with its id.
struct Target {
  core::Review* review = nullptr;
  core::Recommendation* rec = nullptr;
};

Target FindTarget(std::vector<core::Review>& reviews, const std::string& id) {
  for (core::Review& review : reviews) {
    for (core::Recommendation& r : review.recommendations) {
      if (r.id == id) return {&review, &r};
    }
  }
  return {};
}

// The review a problem with an unknown id belongs to: the one whose ids share its
// "<ISO3>-c<cycle>-" prefix, else the first.
core::Review* ReviewFor(std::vector<core::Review>& reviews, const std::string& id) {
  for (core::Review& review : reviews) {
    if (review.recommendations.empty()) continue;
    const std::string& any = review.recommendations.front().id;
    const std::size_t cut = any.rfind('-');
    if (cut != std::string::npos && id.compare(0, cut + 1, any, 0, cut + 1) == 0) return &review;
  }
  return reviews.empty() ? nullptr : &reviews.front();
}

// The label an override names, or nullopt when the profile knows no such institution.
std::optional<core::AssignedLabel> ManualLabel(const classifiers::MinistryAssigner& a,
                                               const std::string& id, const std::string& role,
                                               std::vector<std::string> evidence) {
  if (id == classifiers::kNoInstitution) {
    return core::AssignedLabel{"ministries",        id,  "No clear institution", 0, "manual",
                               std::move(evidence), role};
  }
  if (const classifiers::Institution* in = a.profile().Find(id)) {
    return core::AssignedLabel{"ministries",        in->id, in->name, 1, "manual",
                               std::move(evidence), role};
  }
  if (a.profile().functions_only()) {  // the generic profile's labels are functions
    if (const classifiers::Label* f = a.functions().taxonomy().FindLabel(id)) {
      return core::AssignedLabel{"ministries",        f->id, f->name, 1, "manual",
                                 std::move(evidence), role};
    }
  }
  return std::nullopt;
}

class Applier {
 public:
  Applier(const MinistryOverrides& o, std::vector<core::Review>& reviews,
          const classifiers::MinistryStage& stage)
      : o_(o), reviews_(reviews), stage_(stage) {}

  void Apply(const MinistryOverride& row, OverrideReport& report) {
    const std::string where = o_.source + ":" + std::to_string(row.line);
    Target t = FindTarget(reviews_, row.id);
    if (t.rec == nullptr) {
      Problem(ReviewFor(reviews_, row.id), "override_unknown_id",
              where + ": no recommendation has the id '" + row.id + "'", report);
      return;
    }
    if (!seen_.emplace(row.id, row.line).second) {
      Problem(t.review, "override_duplicate",
              where + ": a second row for " + row.id + " (the later row wins)", report);
    }
    const auto assigner = stage_.AssignerFor(*t.review);
    std::vector<std::string> evidence = {where};
    if (!row.note.empty()) evidence.push_back(row.note);
    std::vector<core::AssignedLabel> old =
        t.rec->labels.ministries.value_or(std::vector<core::AssignedLabel>{});
    std::vector<core::AssignedLabel> out;
    auto unknown = [&](const std::string& id) {
      Problem(t.review, "override_unknown_institution",
              where + ": " + row.id + ": institution '" + id + "' is not in profile " +
                  assigner->profile().id() + " (ignored)",
              report);
    };
    std::optional<core::AssignedLabel> lead;
    if (!row.lead.empty()) {
      lead = ManualLabel(*assigner, row.lead, "lead", evidence);
      if (!lead) unknown(row.lead);
    }
    if (!lead) {
      for (const auto& l : old) {
        if (l.role == "lead") lead = l;
      }
    }
    if (lead) out.push_back(*lead);
    if (row.replace_supporting) {
      for (const std::string& id : row.supporting) {
        auto s = ManualLabel(*assigner, id, "supporting", evidence);
        if (!s) unknown(id);
        if (s && (!lead || s->id != lead->id)) out.push_back(*s);
      }
    } else {
      for (const auto& l : old) {
        if (l.role == "supporting" && (!lead || l.id != lead->id)) out.push_back(l);
      }
    }
    t.rec->labels.ministries = std::move(out);
    ++report.applied;
  }

 private:
  void Problem(core::Review* review, const std::string& code, const std::string& message,
               OverrideReport& report) {
    report.problems.push_back(message);
    if (review != nullptr) review->diagnostics.push_back({"warning", code, "", 0, message});
  }

  const MinistryOverrides& o_;
  std::vector<core::Review>& reviews_;
  const classifiers::MinistryStage& stage_;
  std::map<std::string, int> seen_;
};

}  // namespace

core::Result<MinistryOverrides> ParseMinistryOverrides(std::string_view text,
                                                       std::string_view source) {
  // Notes and ids end up in the JSON, which holds UTF-8 only.
  if (const auto bad = core::FindInvalidUtf8(text)) {
    return core::Status("overrides_invalid", std::string(source) + ":" +
                                                 std::to_string(core::LineAt(text, *bad)) +
                                                 ": not valid UTF-8 at byte " +
                                                 std::to_string(*bad) + "; save the file as UTF-8");
  }
  // Comment lines become empty lines, so that line numbers stay those of the file.
  std::string kept;
  std::istringstream in{std::string(text)};
  for (std::string line; std::getline(in, line);) {
    kept += (line.rfind('#', 0) == 0 ? std::string() : line) + "\n";
  }
  auto records = ParseCsv(kept, source);
  if (!records.ok()) return core::Status("overrides_invalid", records.status().message());
  MinistryOverrides o{std::string(source), {}};
  const auto& rows = records.value();
  if (rows.empty()) return o;
  std::map<std::string, std::size_t> column;
  for (std::size_t i = 0; i < rows[0].fields.size(); ++i) {
    column[Lower(Trim(rows[0].fields[i]))] = i;
  }
  for (const char* need : {"id", "lead", "supporting"}) {
    if (column.count(need) == 0) {
      return core::Status("overrides_invalid", std::string(source) + ":" +
                                                   std::to_string(rows[0].line) +
                                                   ": the header has no column '" + need +
                                                   "' (id,lead,supporting[,note])");
    }
  }
  auto cell = [&](const CsvRecord& r, const char* name) {
    auto it = column.find(name);
    return it == column.end() || it->second >= r.fields.size() ? std::string()
                                                               : Trim(r.fields[it->second]);
  };
  for (std::size_t i = 1; i < rows.size(); ++i) {
    MinistryOverride m;
    m.line = rows[i].line;
    m.id = cell(rows[i], "id");
    if (m.id.empty()) {
      return core::Status("overrides_invalid", std::string(source) + ":" + std::to_string(m.line) +
                                                   ": a row without id");
    }
    m.lead = cell(rows[i], "lead");
    const std::string supporting = cell(rows[i], "supporting");
    m.replace_supporting = !supporting.empty();
    if (supporting != "-") m.supporting = SplitIds(supporting);
    m.note = cell(rows[i], "note");
    o.rows.push_back(std::move(m));
  }
  return o;
}

core::Result<MinistryOverrides> ReadMinistryOverrides(const std::string& path) {
  auto text = core::ReadWholeFile(path, "overrides file");
  if (!text.ok()) return text.status();
  return ParseMinistryOverrides(text.value(), path);
}

OverrideReport ApplyMinistryOverrides(const MinistryOverrides& overrides,
                                      std::vector<core::Review>& reviews,
                                      const classifiers::MinistryStage& stage) {
  OverrideReport report;
  Applier applier(overrides, reviews, stage);
  for (const MinistryOverride& row : overrides.rows) applier.Apply(row, report);
  return report;
}

core::Status ApplyMinistryOptions(const std::string& overrides_path,
                                  const std::string& summary_path,
                                  const std::optional<classifiers::ReviewClassifier>& classifier,
                                  std::vector<core::Review>& reviews) {
  if (!classifier || classifier->ministries() == nullptr) return core::Status::Ok();
  if (!overrides_path.empty()) {
    auto o = ReadMinistryOverrides(overrides_path);
    if (!o.ok()) return o.status();
    const OverrideReport r = ApplyMinistryOverrides(o.value(), reviews, *classifier->ministries());
    for (const std::string& p : r.problems) std::cerr << "uprx: override: " << p << "\n";
  }
  if (summary_path.empty()) return core::Status::Ok();
  return WriteInstitutionSummaryFile(summary_path, reviews);
}

}  // namespace uprx::pipeline
