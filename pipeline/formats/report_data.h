// What the flat and human-facing writers (CSV, XLSX, HTML report, IMPACT import) show of a
// recommendation's labels, and the counts their overviews and charts are drawn from. One place,
// so a spreadsheet, a report and an import file of the same review always agree.
//
//   LabelNames(r.labels.themes)            // "Women's rights; Torture", "" when not classified
//   LeadInstitution(r)                     // "Ministry of Justice", "" when none
//   CountByLeadInstitution(reviews)        // {{"Ministry of Justice", 12}, ...}
//
// Labels may be absent (nullopt: the classify stage did not run for that kind). Text helpers
// return "" for absent labels; the caller writes an empty cell or kNotClassified. Tallies put
// recommendations without a label under kNotClassified (or kNoLeadInstitution), so every count
// adds up to the number of recommendations and nothing is lost.
#ifndef UPRX_PIPELINE_FORMATS_REPORT_DATA_H_
#define UPRX_PIPELINE_FORMATS_REPORT_DATA_H_

#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "pipeline/core/document.h"

namespace uprx::pipeline {

inline constexpr const char* kNotClassified = "not classified";
inline constexpr const char* kNoLeadInstitution = "No lead institution";
inline constexpr const char* kNoTheme = "no theme";  // classified, and no theme applies

// `items` joined with `separator` ("a; b"); "" for none. Every human-facing writer joins lists
// of names this way.
std::string Joined(const std::vector<std::string>& items, std::string_view separator = "; ");

// The position values in the order reports list them.
inline constexpr std::array<core::PositionValue, 5> kReportPositionOrder = {
    core::PositionValue::kSupported, core::PositionValue::kNoted,
    core::PositionValue::kSupportedInPart, core::PositionValue::kPending,
    core::PositionValue::kUnknown};

// What people read for the codes the JSON keeps (a position value's words are
// core::PositionLabel): a position stage ("Working Group report", "addendum", "thematic list")
// and a document kind. An unknown stage is shown with its underscores as spaces.
std::string StageName(std::string_view stage);
std::string DocumentKindLabel(core::DocumentKind kind);
// Where a position was read: "Working Group report A/HRC/26/16"; the stage alone without a
// document, "" without either.
std::string PositionSource(const core::Position& position);

// The warning a review opens with when its positions may not be the State's final ones: some
// recommendations are pending, or no addendum was given ("34 recommendations are pending;
// positions are those of the Working Group report A/HRC/26/16 — give the addendum to get
// the final ones."). "" when an addendum was given and nothing is pending.
std::string PositionBanner(const core::Review& review);

// Names of the labels, in their order (descending score), joined with `separator`; "" when the
// list is absent or empty.
std::string LabelNames(const std::optional<std::vector<core::AssignedLabel>>& labels,
                       std::string_view separator = "; ");

// SDG goal numbers ("5; 16"); "" when absent or empty.
std::string SdgGoals(const std::optional<std::vector<core::AssignedLabel>>& sdgs);

// "5" and "Specific action" of the action category; "" when absent.
std::string ActionCategory(const core::Labels& labels);
std::string ActionName(const core::Labels& labels);

// Names of the institutions with `role` ("lead" or "supporting"), in label order. The ministry
// stage's explicit "no clear institution" lead (id classifiers::kNoInstitution) is left out, so
// such a recommendation goes under kNoLeadInstitution with those the stage did not label.
std::vector<std::string> Institutions(const core::Recommendation& r, std::string_view role);
// The first lead institution's name; "" when there is none (or ministries were not classified).
std::string LeadInstitution(const core::Recommendation& r);

// Whether a person set the institutions (labels with method "manual", from `run --overrides`),
// and the note they gave with them ("" for none).
bool DecidedByCommittee(const core::Recommendation& r);
std::string CommitteeNote(const core::Recommendation& r);
// "decided by the committee: <note>" (without the note when there is none); "" when not decided.
std::string CommitteeDecision(const core::Recommendation& r);

// One line per label kind that has labels: "Themes: Torture (prohibit, torture); ...", the words
// that decided each label in brackets. "" when not classified.
std::string EvidenceText(const core::Labels& labels);

// Recommending States as "France; Chile" and their regional groups as "WEOG; GRULAC".
std::string StateNames(const core::Recommendation& r);
std::string StateGroups(const core::Recommendation& r);

// (name, count) lists, largest count first, then by name.
using Tally = std::vector<std::pair<std::string, int>>;

// Recommendations per position value, in kReportPositionOrder (zeros kept).
std::vector<std::pair<core::PositionValue, int>> CountByPosition(
    const std::vector<core::Review>& reviews);
// Recommendations per position source (PositionSource), largest first.
Tally CountByPositionSource(const std::vector<core::Review>& reviews);
// Recommendations per theme (one recommendation counts once under each of its themes).
Tally CountByTheme(const std::vector<core::Review>& reviews);
// Recommendations per lead institution.
Tally CountByLeadInstitution(const std::vector<core::Review>& reviews);
// Recommendation x recommending State rows per regional group of the recommending State
// ("unknown" when the State was not resolved), as UPR Info counts them.
Tally CountByRegionalGroup(const std::vector<core::Review>& reviews);
// For each regional group (Tally order), the rows per position value (kReportPositionOrder).
std::vector<std::pair<std::string, std::vector<int>>> PositionsByRegionalGroup(
    const std::vector<core::Review>& reviews);

// The recommendations of every review grouped by lead institution (kNoLeadInstitution for those
// without), institutions in CountByLeadInstitution order, recommendations in document order.
std::vector<std::pair<std::string, std::vector<const core::Recommendation*>>> ByLeadInstitution(
    const std::vector<core::Review>& reviews);

}  // namespace uprx::pipeline

#endif  // UPRX_PIPELINE_FORMATS_REPORT_DATA_H_
