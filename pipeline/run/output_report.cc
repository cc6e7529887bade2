#include "pipeline/run/output_report.h"

#include <filesystem>
#include <map>
#include <set>
#include <utility>

namespace uprx::pipeline {
namespace {

// The position values in the order this summary reads them.
constexpr core::PositionValue kValues[] = {
    core::PositionValue::kSupported, core::PositionValue::kSupportedInPart,
    core::PositionValue::kNoted, core::PositionValue::kPending, core::PositionValue::kUnknown};

std::string StageWords(const std::string& stage) {
  if (stage == "working_group") return "the Working Group report";
  if (stage == "addendum") return "the addendum";
  if (stage == "thematic_list") return "OHCHR's thematic list";
  return stage.empty() ? "no document" : stage;
}

std::string Counts(const core::Review& review, std::size_t& pending) {
  const std::map<core::PositionValue, int> by_value = core::CountPositions(review.recommendations);
  pending = static_cast<std::size_t>(by_value.at(core::PositionValue::kPending));
  std::string out;
  for (const core::PositionValue value : kValues) {
    if (by_value.at(value) == 0) continue;
    const char* words =
        value == core::PositionValue::kUnknown ? "without a position" : core::PositionLabel(value);
    out += (out.empty() ? "" : ", ") + std::to_string(by_value.at(value)) + " " + words;
  }
  return out;
}

// "the addendum A/HRC/26/16/Add.1 (171) and the Working Group report A/HRC/26/16 (34)".
std::string Stages(const core::Review& review) {
  std::map<std::string, std::pair<std::size_t, std::set<std::string>>> by_stage;
  for (const core::Recommendation& r : review.recommendations) {
    auto& [count, documents] = by_stage[r.position.stage];
    ++count;
    if (!r.position.document.empty()) documents.insert(r.position.document);
  }
  std::string out;
  for (const char* stage : {"addendum", "thematic_list", "working_group", ""}) {
    auto it = by_stage.find(stage);
    if (it == by_stage.end()) continue;
    const auto& [count, documents] = it->second;
    out += (out.empty() ? "" : ", ") + StageWords(stage);
    if (documents.size() == 1) out += " " + *documents.begin();
    if (by_stage.size() > 1) out += " (" + std::to_string(count) + ")";
  }
  return out;
}

bool HasAddendum(const core::Review& review) {
  for (const core::DocumentInfo& d : review.documents) {
    if (d.kind == core::DocumentKind::kAddendum) return true;
  }
  return false;
}

std::string Thousands(std::size_t n) {
  std::string digits = std::to_string(n), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

}  // namespace

std::string DescribeReview(const core::Review& review) {
  std::string out = !review.sur_name.empty()   ? review.sur_name
                    : !review.sur_iso3.empty() ? review.sur_iso3
                                               : "State not identified";
  if (review.cycle) out += ", cycle " + std::to_string(*review.cycle);
  if (review.year) out += " (" + std::to_string(*review.year) + ")";
  std::size_t pending = 0;
  out += ": " + Thousands(review.recommendations.size()) + " recommendations";
  if (review.recommendations.empty()) return out;
  out += " (" + Counts(review, pending) + "); positions from " + Stages(review);
  if (pending > 0 && !HasAddendum(review)) {
    out += "; no addendum given: add it for the State's final answer to the " +
           std::to_string(pending) + " pending";
  }
  return out;
}

void ReportWritten(const std::vector<WrittenFile>& files, std::ostream& out) {
  if (files.empty()) return;
  auto name = [](const std::string& path) {
    return path == "-" ? std::string("standard output") : path;
  };
  if (files.size() < kListedFiles) {
    for (const WrittenFile& f : files) {
      out << "uprx: wrote " << name(f.path);
      if (!f.note.empty()) out << " (" << f.note << ")";
      if (f.reviews.size() == 1) out << ": " << f.reviews[0];
      if (f.reviews.size() > 1) {
        out << ": " << f.reviews.size() << " reviews, " << Thousands(f.recommendations)
            << " recommendations";
        if (f.reviews.size() < kListedFiles) {
          for (const std::string& r : f.reviews) out << "\n      " << r;
        }
      }
      out << "\n";
    }
    return;
  }
  std::set<std::string> dirs;
  std::size_t reviews = 0, recommendations = 0;
  for (const WrittenFile& f : files) {
    dirs.insert(std::filesystem::path(f.path).parent_path().string());
    reviews += f.reviews.size();
    recommendations += f.recommendations;
  }
  out << "uprx: wrote " << files.size() << " files (" << Thousands(reviews) << " reviews, "
      << Thousands(recommendations) << " recommendations) into ";
  std::string sep;
  for (const std::string& d : dirs) {
    out << sep << (d.empty() ? "." : d) << "/";
    sep = ", ";
  }
  out << "\n";
}

}  // namespace uprx::pipeline
