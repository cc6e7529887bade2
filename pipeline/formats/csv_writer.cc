#include "pipeline/formats/csv_writer.h"

#include <optional>

#include "extractors/state_resolver.h"
#include "pipeline/formats/report_data.h"

namespace uprx::pipeline {
namespace {

std::string OrEmpty(const std::optional<int>& v) { return v ? std::to_string(*v) : ""; }

// The review does not carry its State's regional group; the State table does.
std::string RegionalGroupOf(const std::string& iso3) {
  if (iso3.empty()) return "";
  const auto record = extractors::StateResolver::Default().ByIso3(iso3);
  return record ? record->regional_group : "";
}

struct ReviewColumns {
  std::string to, to_rgrp, session, cycle;
};

// One row; `state` is null for a recommendation without a recommending State.
std::vector<std::string> Row(const core::Review& review, const ReviewColumns& rc,
                             const core::Recommendation& r, const core::StateRef* state) {
  const core::StateRef none;
  const core::StateRef& s = state ? *state : none;
  const core::Labels& l = r.labels;
  return {rc.to,
          rc.to_rgrp,
          r.text,
          s.name,
          s.regional_group,
          UprInfoResponse(r.position.value),
          ActionCategory(l),
          LabelNames(l.issues, ", "),  // UPR Info joins its issues with ", "
          rc.session,
          r.id,
          r.number,
          std::to_string(r.paragraph),
          rc.cycle,
          review.sur_iso3,
          s.iso3,
          core::PositionKey(r.position.value),
          r.position.stage,
          r.position.document,
          s.segment,
          ActionName(l),
          LabelNames(l.issues),
          LabelNames(l.themes),
          SdgGoals(l.sdgs),
          LabelNames(l.groups),
          Joined(Institutions(r, "lead")),
          Joined(Institutions(r, "supporting")),
          Joined(r.given_labels.themes),
          Joined(r.given_labels.affected_persons),
          Joined(r.given_labels.sdgs),
          r.source.document,
          std::to_string(r.source.page)};
}

void WriteRecord(std::ostream& out, const std::vector<std::string>& fields, bool raw) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out << ',';
    out << CsvField(raw ? fields[i] : SpreadsheetSafe(fields[i]));
  }
  out << "\r\n";
}

}  // namespace

const std::vector<std::string>& CsvColumns() {
  static const std::vector<std::string>* const kColumns = new std::vector<std::string>{
      // UPR Info's export
      "To", "To-Rgrp", "Text", "From", "From-Rgrp", "Response", "Action", "Issue", "Session",
      // uprx: the recommendation, its State and position
      "id", "number", "paragraph", "cycle", "sur_iso3", "from_iso3", "position", "position_stage",
      "position_document", "segment",
      // uprx: the classify stage's labels
      "action_name", "issues", "themes", "sdgs", "groups", "lead_institutions",
      "supporting_institutions",
      // the labels OHCHR's thematic list gave, as written
      "given_themes", "given_affected_persons", "given_sdgs",
      // where it was read
      "source_document", "source_page"};
  return *kColumns;
}

std::string CsvField(std::string_view value) {
  if (value.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(value);
  std::string out = "\"";
  for (char ch : value) {
    if (ch == '"') out += '"';
    out += ch;
  }
  out += '"';
  return out;
}

std::string SpreadsheetSafe(std::string_view value) {
  if (value.empty() || std::string_view("=+-@\t\r").find(value.front()) == std::string_view::npos) {
    return std::string(value);
  }
  return "'" + std::string(value);
}

std::string UprInfoResponse(core::PositionValue value) {
  switch (value) {
    case core::PositionValue::kSupported:
      return "Accepted";
    case core::PositionValue::kNoted:
    case core::PositionValue::kSupportedInPart:
      return "Noted";
    case core::PositionValue::kPending:
    case core::PositionValue::kUnknown:
      break;
  }
  return std::string(core::PositionKey(value));
}

void WriteCsvHeader(std::ostream& out, const CsvOptions& options) {
  if (options.bom) out << "\xEF\xBB\xBF";
  WriteRecord(out, CsvColumns(), options.raw);
}

void WriteCsvRows(std::ostream& out, const core::Review& review, const CsvOptions& options) {
  const ReviewColumns rc{review.sur_name, RegionalGroupOf(review.sur_iso3),
                         OrEmpty(review.wg_session), OrEmpty(review.cycle)};
  for (const core::Recommendation& r : review.recommendations) {
    if (r.recommending_states.empty()) WriteRecord(out, Row(review, rc, r, nullptr), options.raw);
    for (const core::StateRef& s : r.recommending_states) {
      WriteRecord(out, Row(review, rc, r, &s), options.raw);
    }
  }
}

void WriteCsv(std::ostream& out, const std::vector<core::Review>& reviews,
              const CsvOptions& options) {
  WriteCsvHeader(out, options);
  for (const core::Review& review : reviews) WriteCsvRows(out, review, options);
}

}  // namespace uprx::pipeline
