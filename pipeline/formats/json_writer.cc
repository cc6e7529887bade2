#include "pipeline/formats/json_writer.h"

#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <sstream>

#include "pipeline/core/text_util.h"

namespace uprx::pipeline {
namespace {

using Json = nlohmann::ordered_json;

// Action categories and SDG goals are written as numbers; their taxonomies were refused at
// load unless every id is one (ReviewClassifier::Create), so null is never written for them.
Json NumberOrNull(const std::string& id) {
  const std::optional<int> n = core::ParseBoundedInt(id, 0, std::numeric_limits<int>::max());
  return n ? Json(*n) : Json(nullptr);
}

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
  j["status"] = d.draft ? "draft" : "final";
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
  return {{"value", core::PositionKey(p.value)}, {"as_written", StringOrNull(p.as_written)},
          {"stage", StringOrNull(p.stage)},      {"document", StringOrNull(p.document)},
          {"paragraph", OrNull(p.paragraph)},    {"explanation", OrNull(p.explanation)}};
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
    j["category"] = NumberOrNull(l.id);
  } else if (kind == "sdgs") {
    j["goal"] = NumberOrNull(l.id);
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

}  // namespace

Json PositionCountsToJson(const core::Review& review) {
  const std::map<core::PositionValue, int> counts = core::CountPositions(review.recommendations);
  Json out = Json::object();
  for (const core::PositionValue v : core::kPositionValues)
    out[core::PositionKey(v)] = counts.at(v);
  return out;
}

namespace {

Json SummaryToJson(const core::Review& review) {
  std::set<std::string> states;
  for (const auto& r : review.recommendations) {
    for (const auto& s : r.recommending_states) states.insert(s.iso3.empty() ? s.name : s.iso3);
  }
  return {{"recommendations", review.recommendations.size()},
          {"recommending_states", states.size()},
          {"positions", PositionCountsToJson(review)}};
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

}  // namespace

// Names its file as the one to remove on SIGINT/SIGTERM while it lives; the file named before
// (an outer pending file) is named again when it goes.
class PendingFile {
 public:
  explicit PendingFile(const std::string& path) {
    static const bool installed = [] {
      std::signal(SIGINT, RemovePendingAndExit);
      std::signal(SIGTERM, RemovePendingAndExit);
      return true;
    }();
    (void)installed;
    previous_ = g_pending_path;
    std::snprintf(g_pending_path, sizeof g_pending_path, "%s", path.c_str());
  }
  ~PendingFile() { std::snprintf(g_pending_path, sizeof g_pending_path, "%s", previous_.c_str()); }
  PendingFile(const PendingFile&) = delete;
  PendingFile& operator=(const PendingFile&) = delete;

 private:
  std::string previous_;
};

namespace {

// The three parts of the output document; WriteJson and JsonStreamWriter give the same bytes.
void WriteHead(std::ostream& out, const std::map<std::string, std::string>& versions) {
  Json head = OutputToJson({}, {});
  for (const auto& [id, version] : versions) head["generator"]["taxonomies"][id] = version;
  out << "{\n  \"schema\": " << head["schema"].dump() << ",\n  \"generator\": ";
  WriteIndented(out, head["generator"].dump(2), 2);
  out << ",\n  \"reviews\": [";
}

void WriteReview(std::ostream& out, const core::Review& review, bool first) {
  out << (first ? "\n    " : ",\n    ");
  WriteIndented(out, ReviewToJson(review).dump(2), 4);
}

void WriteTail(std::ostream& out, bool any_review, const std::vector<core::FileError>& errors) {
  out << (any_review ? "\n  ]" : "]") << ",\n  \"errors\": ";
  WriteIndented(out, OutputToJson({}, errors)["errors"].dump(2), 2);
  out << "\n}\n";
}

}  // namespace

void WriteJson(std::ostream& out, const std::vector<core::Review>& reviews,
               const std::vector<core::FileError>& errors) {
  std::map<std::string, std::string> versions;
  for (const auto& r : reviews) versions.insert(r.taxonomies.begin(), r.taxonomies.end());
  WriteHead(out, versions);
  for (std::size_t i = 0; i < reviews.size(); ++i) WriteReview(out, reviews[i], i == 0);
  WriteTail(out, !reviews.empty(), errors);
}

JsonStreamWriter::JsonStreamWriter() : body_(std::tmpfile()) {}

JsonStreamWriter::~JsonStreamWriter() {
  if (body_) std::fclose(body_);
}

core::Status JsonStreamWriter::Add(const core::Review& review) {
  if (!body_) return core::Status("output_unwritable", "cannot make a temporary file");
  versions_.insert(review.taxonomies.begin(), review.taxonomies.end());
  std::ostringstream text;
  WriteReview(text, review, reviews_ == 0);
  const std::string bytes = text.str();
  if (std::fwrite(bytes.data(), 1, bytes.size(), body_) != bytes.size()) {
    return core::Status("output_unwritable", "temporary file: write failed (disk full?)");
  }
  ++reviews_;
  return core::Status::Ok();
}

core::Status JsonStreamWriter::Finish(std::ostream& out,
                                      const std::vector<core::FileError>& errors) {
  if (!body_) return core::Status("output_unwritable", "cannot make a temporary file");
  WriteHead(out, versions_);
  std::rewind(body_);
  char buffer[1 << 16];
  for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, body_)) > 0;) {
    out.write(buffer, static_cast<std::streamsize>(n));
  }
  if (std::ferror(body_)) return core::Status("output_unwritable", "temporary file: read failed");
  WriteTail(out, reviews_ > 0, errors);
  return core::Status::Ok();
}

core::Status WriteFileAtomically(const std::string& path, const std::string& content) {
  return WriteFileAtomically(path, [&](std::ostream& out) { out << content; });
}

core::Status WriteFileAtomically(const std::string& path,
                                 const std::function<void(std::ostream&)>& write) {
  AtomicFile file;
  if (core::Status s = file.Open(path); !s.ok()) return s;
  write(file.stream());
  return file.Commit();
}

core::Status AtomicFile::Open(const std::string& path) {
  path_ = path;
  tmp_ = path + ".tmp";
  pending_ = std::make_unique<PendingFile>(tmp_);
  out_.open(tmp_, std::ios::binary | std::ios::trunc);
  if (!out_) {
    pending_.reset();
    return core::Status("output_unwritable",
                        path + ": cannot write (" + std::strerror(errno) + ")");
  }
  return core::Status::Ok();
}

core::Status AtomicFile::Commit() {
  out_.flush();
  const bool written = static_cast<bool>(out_);
  out_.close();
  if (!written || !out_) {
    Discard();
    return core::Status("output_unwritable", path_ + ": write failed (disk full?)");
  }
  if (std::rename(tmp_.c_str(), path_.c_str()) != 0) {
    const std::string why = std::strerror(errno);
    Discard();
    return core::Status("output_unwritable", path_ + ": cannot replace (" + why + ")");
  }
  pending_.reset();
  return core::Status::Ok();
}

void AtomicFile::Discard() {
  if (!pending_) return;
  if (out_.is_open()) out_.close();
  std::remove(tmp_.c_str());
  pending_.reset();
}

AtomicFile::AtomicFile() = default;
AtomicFile::~AtomicFile() { Discard(); }

}  // namespace uprx::pipeline
