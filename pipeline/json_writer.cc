#include "pipeline/json_writer.h"

#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
#include <set>

namespace uprx::pipeline {
namespace {

using Json = nlohmann::ordered_json;

Json DocumentToJson(const core::DocumentInfo& d) {
  Json j;
  j["file"] = d.file;
  j["sha256"] = StringOrNull(d.sha256);
  j["format"] = core::FormatName(d.format);
  j["pages"] = d.pages;
  j["language"] = StringOrNull(d.language);
  j["symbol"] = StringOrNull(d.symbol);
  j["kind"] = core::DocumentKindName(d.kind);
  j["date"] = StringOrNull(d.date);
  j["declared"] = {{"received", OrNull(d.declared.received)},
                   {"supported", OrNull(d.declared.supported)},
                   {"noted", OrNull(d.declared.noted)}};
  return j;
}

Json StateToJson(const core::StateRef& s) {
  return {{"name", s.name},
          {"iso3", StringOrNull(s.iso3)},
          {"regional_group", StringOrNull(s.regional_group)},
          {"as_written", s.as_written},
          {"segment", StringOrNull(s.segment)}};
}

Json PositionToJson(const core::Position& p) {
  return {{"value", p.value},
          {"as_written", StringOrNull(p.as_written)},
          {"stage", StringOrNull(p.stage)},
          {"document", StringOrNull(p.document)},
          {"paragraph", OrNull(p.paragraph)},
          {"explanation", OrNull(p.explanation)}};
}

Json GivenLabelsToJson(const core::GivenLabels& g) {
  if (g.empty()) return nullptr;
  return {{"themes", g.themes}, {"affected_persons", g.affected_persons}, {"sdgs", g.sdgs}};
}

// Every label kind keeps the key order of SCHEMA.md: sdgs carry "goal" (a number) instead of
// "taxonomy"/"id", groups have no "taxonomy", ministries add "role".
Json LabelToJson(const core::AssignedLabel& l, const std::string& kind) {
  Json j;
  if (kind == "action") {
    j["category"] = std::stoi(l.id);
  } else if (kind == "sdgs") {
    j["goal"] = std::stoi(l.id);
  } else if (kind == "themes" || kind == "issues") {
    j["taxonomy"] = l.taxonomy;
    j["id"] = l.id;
  } else {
    j["id"] = l.id;
  }
  j["name"] = l.name;
  if (kind == "ministries") j["role"] = l.role;
  j["score"] = l.score;
  j["method"] = l.method;
  j["evidence"] = l.evidence;
  return j;
}

Json LabelListToJson(const std::optional<std::vector<core::AssignedLabel>>& list,
                     const std::string& kind) {
  if (!list) return nullptr;
  Json a = Json::array();
  for (const auto& l : *list) a.push_back(LabelToJson(l, kind));
  return a;
}

Json LabelsToJson(const core::Labels& l) {
  if (l.empty()) return nullptr;  // not classified
  Json j;
  j["themes"] = LabelListToJson(l.themes, "themes");
  j["issues"] = LabelListToJson(l.issues, "issues");
  j["action"] = l.action ? LabelToJson(*l.action, "action") : Json(nullptr);
  j["sdgs"] = LabelListToJson(l.sdgs, "sdgs");
  j["groups"] = LabelListToJson(l.groups, "groups");
  j["ministries"] = LabelListToJson(l.ministries, "ministries");
  return j;
}

Json RecommendationToJson(const core::Recommendation& r) {
  Json states = Json::array();
  for (const auto& s : r.recommending_states) states.push_back(StateToJson(s));
  Json j;
  j["id"] = r.id;
  j["number"] = r.number;
  j["paragraph"] = r.paragraph;
  j["printed_number"] = r.printed_number;
  j["text"] = r.text;
  j["recommending_states"] = std::move(states);
  j["position"] = PositionToJson(r.position);
  j["position_history"] = Json::array();
  for (const auto& p : r.position_history) j["position_history"].push_back(PositionToJson(p));
  j["source"] = {{"document", r.source.document},
                 {"page", r.source.page},
                 {"span", {r.source.span_begin, r.source.span_end}}};
  j["labels"] = LabelsToJson(r.labels);
  j["given_labels"] = GivenLabelsToJson(r.given_labels);
  return j;
}

Json SummaryToJson(const core::Review& review) {
  std::map<std::string, int> positions = {
      {"supported", 0}, {"noted", 0}, {"pending", 0}, {"supported_in_part", 0}, {"unknown", 0}};
  std::set<std::string> states;
  for (const auto& r : review.recommendations) {
    ++positions[r.position.value];
    for (const auto& s : r.recommending_states) states.insert(s.iso3.empty() ? s.name : s.iso3);
  }
  Json pos;
  for (const char* k : {"supported", "noted", "pending", "supported_in_part", "unknown"}) {
    pos[k] = positions[k];
  }
  return {{"recommendations", review.recommendations.size()},
          {"recommending_states", states.size()},
          {"positions", std::move(pos)}};
}

}  // namespace

nlohmann::ordered_json ReviewToJson(const core::Review& review) {
  Json j;
  j["state_under_review"] = {{"name", StringOrNull(review.sur_name)},
                             {"iso3", StringOrNull(review.sur_iso3)}};
  j["cycle"] = OrNull(review.cycle);
  j["wg_session"] = OrNull(review.wg_session);
  j["year"] = OrNull(review.year);
  j["documents"] = Json::array();
  for (const auto& d : review.documents) j["documents"].push_back(DocumentToJson(d));
  j["recommendations"] = Json::array();
  for (const auto& r : review.recommendations) {
    j["recommendations"].push_back(RecommendationToJson(r));
  }
  j["summary"] = SummaryToJson(review);
  j["diagnostics"] = Json::array();
  for (const auto& d : review.diagnostics) {
    j["diagnostics"].push_back({{"severity", d.severity},
                                {"code", d.code},
                                {"document", StringOrNull(d.document)},
                                {"page", d.page > 0 ? Json(d.page) : Json(nullptr)},
                                {"message", d.message}});
  }
  return j;
}

nlohmann::ordered_json OutputToJson(const std::vector<core::Review>& reviews,
                                    const std::vector<core::FileError>& errors) {
  Json j;
  j["schema"] = kSchemaName;
  Json taxonomies = Json::object();
  std::map<std::string, std::string> versions;
  for (const auto& r : reviews) versions.insert(r.taxonomies.begin(), r.taxonomies.end());
  for (const auto& [id, version] : versions) taxonomies[id] = version;
  j["generator"] = {{"name", "uprx"}, {"version", kVersion}, {"taxonomies", std::move(taxonomies)}};
  j["reviews"] = Json::array();
  for (const auto& r : reviews) j["reviews"].push_back(ReviewToJson(r));
  j["errors"] = Json::array();
  for (const auto& e : errors) {
    j["errors"].push_back({{"file", e.file}, {"code", e.code}, {"message", e.message}});
  }
  return j;
}

namespace {

// `text` with every line but the first indented by `spaces`: a value dumped on its own
// (dump(2)) as it appears nested inside the document.
void WriteIndented(std::ostream& out, const std::string& text, int spaces) {
  const std::string pad(static_cast<std::size_t>(spaces), ' ');
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    if (pos > 0) out << '\n' << pad;
    out.write(text.data() + pos, static_cast<std::streamsize>(end - pos));
    pos = end + 1;
  }
}

// The temporary file being written, removed if the run is interrupted (SIGINT, SIGTERM) so
// that an interrupted run leaves neither a truncated file nor a stray temporary one.
char g_pending_path[4096] = {0};

extern "C" void RemovePendingAndExit(int sig) {
  if (g_pending_path[0] != '\0') ::unlink(g_pending_path);
  ::_exit(128 + sig);
}

class PendingFile {
 public:
  explicit PendingFile(const std::string& path) {
    static const bool installed = [] {
      std::signal(SIGINT, RemovePendingAndExit);
      std::signal(SIGTERM, RemovePendingAndExit);
      return true;
    }();
    (void)installed;
    std::snprintf(g_pending_path, sizeof g_pending_path, "%s", path.c_str());
  }
  ~PendingFile() { g_pending_path[0] = '\0'; }
};

}  // namespace

void WriteJson(std::ostream& out, const std::vector<core::Review>& reviews,
               const std::vector<core::FileError>& errors) {
  Json head = OutputToJson({}, errors);
  std::map<std::string, std::string> versions;
  for (const auto& r : reviews) versions.insert(r.taxonomies.begin(), r.taxonomies.end());
  for (const auto& [id, version] : versions) head["generator"]["taxonomies"][id] = version;
  out << "{\n  \"schema\": " << head["schema"].dump() << ",\n  \"generator\": ";
  WriteIndented(out, head["generator"].dump(2), 2);
  out << ",\n  \"reviews\": [";
  for (std::size_t i = 0; i < reviews.size(); ++i) {
    out << (i ? ",\n    " : "\n    ");
    WriteIndented(out, ReviewToJson(reviews[i]).dump(2), 4);
  }
  out << (reviews.empty() ? "]" : "\n  ]") << ",\n  \"errors\": ";
  WriteIndented(out, head["errors"].dump(2), 2);
  out << "\n}\n";
}

core::Status WriteFileAtomically(const std::string& path, const std::string& content) {
  return WriteFileAtomically(path, [&](std::ostream& out) { out << content; });
}

core::Status WriteFileAtomically(const std::string& path,
                                 const std::function<void(std::ostream&)>& write) {
  const std::string tmp = path + ".tmp";
  const PendingFile pending(tmp);
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) {
      return core::Status("output_unwritable",
                          path + ": cannot write (" + std::strerror(errno) + ")");
    }
    write(out);
    out.flush();
    if (!out) {
      std::remove(tmp.c_str());
      return core::Status("output_unwritable", path + ": write failed (disk full?)");
    }
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    const std::string why = std::strerror(errno);
    std::remove(tmp.c_str());
    return core::Status("output_unwritable", path + ": cannot replace (" + why + ")");
  }
  return core::Status::Ok();
}

}  // namespace uprx::pipeline
