#include "pipeline/formats/report_data.h"

#include <algorithm>

#include "classifiers/ministry_assigner.h"

namespace uprx::pipeline {

std::string Joined(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

namespace {

Tally Sorted(const std::map<std::string, int>& counts) {
  Tally out(counts.begin(), counts.end());
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  return out;
}

std::string RegionalGroupOf(const core::StateRef& s) {
  return s.regional_group.empty() ? "unknown" : s.regional_group;
}

// "Themes: Torture (prohibit, torture)" for one kind; "" when the list is absent or empty.
std::string EvidenceLine(std::string_view kind,
                         const std::optional<std::vector<core::AssignedLabel>>& labels) {
  if (!labels || labels->empty()) return "";
  std::string out = std::string(kind) + ": ";
  for (std::size_t i = 0; i < labels->size(); ++i) {
    const core::AssignedLabel& l = (*labels)[i];
    out += (i ? "; " : "") + l.name;
    if (!l.role.empty()) out += " [" + l.role + "]";
    if (!l.evidence.empty()) out += " (" + Joined(l.evidence, ", ") + ")";
  }
  return out;
}

// "1 recommendation is" / "34 recommendations are".
std::string RecommendationsAre(int n) {
  return std::to_string(n) + (n == 1 ? " recommendation is" : " recommendations are");
}

const core::DocumentInfo* FirstOfKind(const core::Review& review, core::DocumentKind kind) {
  for (const auto& d : review.documents) {
    if (d.kind == kind) return &d;
  }
  return nullptr;
}

}  // namespace

std::string StageName(std::string_view stage) {
  if (stage == "working_group") return "Working Group report";
  if (stage.empty()) return "unknown";
  std::string out(stage);  // "addendum", "thematic list"
  std::replace(out.begin(), out.end(), '_', ' ');
  return out;
}

std::string DocumentKindLabel(core::DocumentKind kind) {
  switch (kind) {
    case core::DocumentKind::kWgReport:
      return "Working Group report";
    case core::DocumentKind::kAddendum:
      return "addendum";
    case core::DocumentKind::kThematicList:
      return "thematic list";
    case core::DocumentKind::kOther:
      return "other UN document";
    case core::DocumentKind::kUnknown:
      break;
  }
  return "unidentified document";
}

std::string PositionSource(const core::Position& position) {
  const std::string stage = position.stage.empty() ? "" : StageName(position.stage);
  if (position.document.empty()) return stage;
  return stage.empty() ? position.document : stage + " " + position.document;
}

std::string PositionBanner(const core::Review& review) {
  if (review.recommendations.empty()) return "";
  int pending = 0;
  bool working_group = false;
  for (const auto& r : review.recommendations) {
    if (r.position.value == core::PositionValue::kPending) ++pending;
    if (r.position.stage == "working_group") working_group = true;
  }
  if (const core::DocumentInfo* addendum = FirstOfKind(review, core::DocumentKind::kAddendum)) {
    if (pending == 0) return "";
    const std::string symbol = addendum->symbol.empty() ? addendum->file : addendum->symbol;
    return RecommendationsAre(pending) + " still pending: the addendum " + symbol +
           " gives no position on " + (pending == 1 ? "it." : "them.");
  }
  std::vector<std::string> sources;
  for (const auto& [source, count] : CountByPositionSource({review})) {
    if (!source.empty()) sources.push_back("the " + source);
  }
  std::string out = pending > 0 ? RecommendationsAre(pending) + " pending; positions" : "Positions";
  out +=
      " are those of " + (sources.empty() ? std::string("no document") : Joined(sources, " and "));
  return out + (working_group ? " \xE2\x80\x94 give the addendum to get the final ones."
                              : "; no addendum was given.");
}

std::string LabelNames(const std::optional<std::vector<core::AssignedLabel>>& labels,
                       std::string_view separator) {
  if (!labels) return "";
  std::vector<std::string> names;
  for (const auto& l : *labels) names.push_back(l.name);
  return Joined(names, separator);
}

std::string SdgGoals(const std::optional<std::vector<core::AssignedLabel>>& sdgs) {
  if (!sdgs) return "";
  std::vector<std::string> goals;
  for (const auto& l : *sdgs) goals.push_back(l.id);
  return Joined(goals, "; ");
}

std::string ActionCategory(const core::Labels& labels) {
  return labels.action ? labels.action->id : "";
}

std::string ActionName(const core::Labels& labels) {
  return labels.action ? labels.action->name : "";
}

std::vector<std::string> Institutions(const core::Recommendation& r, std::string_view role) {
  std::vector<std::string> out;
  if (!r.labels.ministries) return out;
  for (const auto& l : *r.labels.ministries) {
    // The assigner's explicit "no clear institution" lead is not an institution.
    if (l.role == role && l.id != classifiers::kNoInstitution) out.push_back(l.name);
  }
  return out;
}

std::string LeadInstitution(const core::Recommendation& r) {
  const auto leads = Institutions(r, "lead");
  return leads.empty() ? "" : leads.front();
}

bool DecidedByCommittee(const core::Recommendation& r) {
  if (!r.labels.ministries) return false;
  return std::any_of(r.labels.ministries->begin(), r.labels.ministries->end(),
                     [](const core::AssignedLabel& l) { return l.method == "manual"; });
}

// The overrides file puts "<file>:<line>" first in a manual label's evidence, then the note.
std::string CommitteeNote(const core::Recommendation& r) {
  if (!r.labels.ministries) return "";
  for (const auto& l : *r.labels.ministries) {
    if (l.method == "manual" && l.evidence.size() > 1) return l.evidence[1];
  }
  return "";
}

std::string CommitteeDecision(const core::Recommendation& r) {
  if (!DecidedByCommittee(r)) return "";
  const std::string note = CommitteeNote(r);
  return "decided by the committee" + (note.empty() ? "" : ": " + note);
}

std::string EvidenceText(const core::Labels& labels) {
  std::vector<std::string> lines;
  if (labels.action) {
    std::string line = "Action: " + labels.action->id + " " + labels.action->name;
    if (!labels.action->evidence.empty())
      line += " (" + Joined(labels.action->evidence, ", ") + ")";
    lines.push_back(line);
  }
  for (const auto& line :
       {EvidenceLine("Themes", labels.themes), EvidenceLine("Issues", labels.issues),
        EvidenceLine("SDGs", labels.sdgs), EvidenceLine("Groups", labels.groups),
        EvidenceLine("Institutions", labels.ministries)}) {
    if (!line.empty()) lines.push_back(line);
  }
  return Joined(lines, "\n");
}

std::string StateNames(const core::Recommendation& r) {
  std::vector<std::string> names;
  for (const auto& s : r.recommending_states) names.push_back(s.name);
  return Joined(names, "; ");
}

std::string StateGroups(const core::Recommendation& r) {
  std::vector<std::string> groups;
  for (const auto& s : r.recommending_states) groups.push_back(s.regional_group);
  return Joined(groups, "; ");
}

std::vector<std::pair<core::PositionValue, int>> CountByPosition(
    const std::vector<core::Review>& reviews) {
  std::map<core::PositionValue, int> counts;
  for (const auto& review : reviews) {
    for (const auto& r : review.recommendations) ++counts[r.position.value];
  }
  std::vector<std::pair<core::PositionValue, int>> out;
  for (const core::PositionValue value : kReportPositionOrder) {
    out.emplace_back(value, counts[value]);
  }
  return out;
}

Tally CountByPositionSource(const std::vector<core::Review>& reviews) {
  std::map<std::string, int> counts;
  for (const auto& review : reviews) {
    for (const auto& r : review.recommendations) ++counts[PositionSource(r.position)];
  }
  return Sorted(counts);
}

Tally CountByTheme(const std::vector<core::Review>& reviews) {
  std::map<std::string, int> counts;
  for (const auto& review : reviews) {
    for (const auto& r : review.recommendations) {
      if (!r.labels.themes) ++counts[kNotClassified];
      if (r.labels.themes && r.labels.themes->empty()) ++counts[kNoTheme];
      if (r.labels.themes) {
        for (const auto& l : *r.labels.themes) ++counts[l.name];
      }
    }
  }
  return Sorted(counts);
}

Tally CountByLeadInstitution(const std::vector<core::Review>& reviews) {
  std::map<std::string, int> counts;
  for (const auto& review : reviews) {
    for (const auto& r : review.recommendations) {
      const std::string lead = LeadInstitution(r);
      ++counts[lead.empty() ? kNoLeadInstitution : lead];
    }
  }
  return Sorted(counts);
}

Tally CountByRegionalGroup(const std::vector<core::Review>& reviews) {
  std::map<std::string, int> counts;
  for (const auto& review : reviews) {
    for (const auto& r : review.recommendations) {
      for (const auto& s : r.recommending_states) ++counts[RegionalGroupOf(s)];
    }
  }
  return Sorted(counts);
}

std::vector<std::pair<std::string, std::vector<int>>> PositionsByRegionalGroup(
    const std::vector<core::Review>& reviews) {
  const auto& values = kReportPositionOrder;
  std::vector<std::pair<std::string, std::vector<int>>> out;
  for (const auto& [group, total] : CountByRegionalGroup(reviews)) {
    out.emplace_back(group, std::vector<int>(values.size(), 0));
  }
  for (const auto& review : reviews) {
    for (const auto& r : review.recommendations) {
      const auto v = std::find(values.begin(), values.end(), r.position.value) - values.begin();
      for (const auto& s : r.recommending_states) {
        const std::string group = RegionalGroupOf(s);
        auto row =
            std::find_if(out.begin(), out.end(), [&](const auto& g) { return g.first == group; });
        if (row != out.end() && v < static_cast<long>(values.size())) ++row->second[v];
      }
    }
  }
  return out;
}

std::vector<std::pair<std::string, std::vector<const core::Recommendation*>>> ByLeadInstitution(
    const std::vector<core::Review>& reviews) {
  std::vector<std::pair<std::string, std::vector<const core::Recommendation*>>> out;
  for (const auto& [name, count] : CountByLeadInstitution(reviews)) out.push_back({name, {}});
  for (const auto& review : reviews) {
    for (const auto& r : review.recommendations) {
      const std::string lead = LeadInstitution(r);
      const std::string key = lead.empty() ? kNoLeadInstitution : lead;
      auto group =
          std::find_if(out.begin(), out.end(), [&](const auto& g) { return g.first == key; });
      group->second.push_back(&r);
    }
  }
  return out;
}

}  // namespace uprx::pipeline
