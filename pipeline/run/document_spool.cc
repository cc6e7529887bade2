#include "pipeline/run/document_spool.h"

#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>

namespace uprx::pipeline {
namespace {

using Json = nlohmann::json;

// Every field of the document model a ProcessedDocument can hold, by short keys. A field added
// to core/document.h must be added here too: the round-trip test compares whole documents.
template <typename T>
Json Opt(const std::optional<T>& v) {
  return v ? Json(*v) : Json(nullptr);
}
template <typename T>
std::optional<T> GetOpt(const Json& j) {
  if (j.is_null()) return std::nullopt;
  return j.get<T>();
}

Json ToJson(const core::Position& p) {
  return {{"v", p.value},    {"w", p.as_written},     {"s", p.stage},
          {"d", p.document}, {"p", Opt(p.paragraph)}, {"e", Opt(p.explanation)}};
}
core::Position PositionFrom(const Json& j) {
  return {j.at("v"),
          j.at("w"),
          j.at("s"),
          j.at("d"),
          GetOpt<int>(j.at("p")),
          GetOpt<std::string>(j.at("e"))};
}

Json ToJson(const core::SourceRef& s) {
  return Json::array({s.document, s.page, s.span_begin, s.span_end});
}
core::SourceRef SourceFrom(const Json& j) { return {j.at(0), j.at(1), j.at(2), j.at(3)}; }

Json ToJson(const core::AssignedLabel& l) {
  return Json::array({l.taxonomy, l.id, l.name, l.score, l.method, l.evidence, l.role});
}
core::AssignedLabel LabelFrom(const Json& j) {
  return {j.at(0), j.at(1), j.at(2), j.at(3), j.at(4), j.at(5), j.at(6)};
}

Json ToJson(const std::optional<std::vector<core::AssignedLabel>>& labels) {
  if (!labels) return nullptr;
  Json out = Json::array();
  for (const auto& l : *labels) out.push_back(ToJson(l));
  return out;
}
std::optional<std::vector<core::AssignedLabel>> LabelsFrom(const Json& j) {
  if (j.is_null()) return std::nullopt;
  std::vector<core::AssignedLabel> out;
  for (const Json& l : j) out.push_back(LabelFrom(l));
  return out;
}

Json ToJson(const core::Labels& l) {
  return Json::array({ToJson(l.themes), ToJson(l.issues),
                      l.action ? ToJson(*l.action) : Json(nullptr), ToJson(l.sdgs),
                      ToJson(l.groups), ToJson(l.ministries)});
}
core::Labels LabelSetFrom(const Json& j) {
  core::Labels l;
  l.themes = LabelsFrom(j.at(0));
  l.issues = LabelsFrom(j.at(1));
  if (!j.at(2).is_null()) l.action = LabelFrom(j.at(2));
  l.sdgs = LabelsFrom(j.at(3));
  l.groups = LabelsFrom(j.at(4));
  l.ministries = LabelsFrom(j.at(5));
  return l;
}

Json ToJson(const core::Recommendation& r) {
  Json states = Json::array();
  for (const core::StateRef& s : r.recommending_states) {
    states.push_back(Json::array({s.name, s.iso3, s.regional_group, s.as_written, s.segment}));
  }
  Json history = Json::array();
  for (const core::Position& p : r.position_history) history.push_back(ToJson(p));
  return {{"id", r.id},
          {"n", r.number},
          {"para", r.paragraph},
          {"pn", r.printed_number},
          {"t", r.text},
          {"st", states},
          {"pos", ToJson(r.position)},
          {"hist", history},
          {"src", ToJson(r.source)},
          {"given", Json::array({r.given_labels.themes, r.given_labels.affected_persons,
                                 r.given_labels.sdgs})},
          {"labels", ToJson(r.labels)}};
}
core::Recommendation RecommendationFrom(const Json& j) {
  core::Recommendation r;
  r.id = j.at("id");
  r.number = j.at("n");
  r.paragraph = j.at("para");
  r.printed_number = j.at("pn");
  r.text = j.at("t");
  for (const Json& s : j.at("st")) {
    r.recommending_states.push_back({s.at(0), s.at(1), s.at(2), s.at(3), s.at(4)});
  }
  r.position = PositionFrom(j.at("pos"));
  for (const Json& p : j.at("hist")) r.position_history.push_back(PositionFrom(p));
  r.source = SourceFrom(j.at("src"));
  const Json& given = j.at("given");
  r.given_labels = {given.at(0), given.at(1), given.at(2)};
  r.labels = LabelSetFrom(j.at("labels"));
  return r;
}

Json ToJson(const core::DocumentInfo& i) {
  return {{"file", i.file},
          {"sha", i.sha256},
          {"fmt", static_cast<int>(i.format)},
          {"pages", i.pages},
          {"lang", i.language},
          {"sym", i.symbol},
          {"kind", static_cast<int>(i.kind)},
          {"detail", i.kind_detail},
          {"date", i.date},
          {"sur", i.sur_name},
          {"iso3", i.sur_iso3},
          {"wg", Opt(i.wg_session)},
          {"cycle", Opt(i.cycle)},
          {"year", Opt(i.year)},
          {"declared", Json::array({Opt(i.declared.received), Opt(i.declared.supported),
                                    Opt(i.declared.noted)})},
          {"draft", i.draft}};
}
core::DocumentInfo InfoFrom(const Json& j) {
  core::DocumentInfo i;
  i.file = j.at("file");
  i.sha256 = j.at("sha");
  i.format = static_cast<core::Format>(j.at("fmt").get<int>());
  i.pages = j.at("pages");
  i.language = j.at("lang");
  i.symbol = j.at("sym");
  i.kind = static_cast<core::DocumentKind>(j.at("kind").get<int>());
  i.kind_detail = j.at("detail");
  i.date = j.at("date");
  i.sur_name = j.at("sur");
  i.sur_iso3 = j.at("iso3");
  i.wg_session = GetOpt<int>(j.at("wg"));
  i.cycle = GetOpt<int>(j.at("cycle"));
  i.year = GetOpt<int>(j.at("year"));
  const Json& d = j.at("declared");
  i.declared = {GetOpt<int>(d.at(0)), GetOpt<int>(d.at(1)), GetOpt<int>(d.at(2))};
  i.draft = j.at("draft").get<bool>();
  return i;
}

constexpr const char* kSpoolFormat = "uprx-spool/1";

}  // namespace

std::vector<std::uint8_t> SerializeDocument(const ProcessedDocument& d) {
  Json recs = Json::array(), statements = Json::array(), diagnostics = Json::array();
  for (const auto& r : d.recommendations) recs.push_back(ToJson(r));
  for (const auto& s : d.statements) {
    statements.push_back(Json::array({s.number, s.printed, ToJson(s.position), ToJson(s.source)}));
  }
  for (const auto& x : d.diagnostics) {
    diagnostics.push_back(Json::array({x.severity, x.code, x.document, x.page, x.message}));
  }
  Json error = nullptr;
  if (d.error) error = Json::array({d.error->file, d.error->code, d.error->message});
  const Json j = {{"format", kSpoolFormat},   {"path", d.path},
                  {"info", ToJson(d.info)},   {"recs", recs},
                  {"statements", statements}, {"diagnostics", diagnostics},
                  {"error", error},           {"failed", d.failed}};
  return Json::to_cbor(j);
}

core::Result<ProcessedDocument> ParseDocument(const std::vector<std::uint8_t>& bytes) {
  try {
    const Json j = Json::from_cbor(bytes);
    if (!j.is_object() || j.value("format", "") != kSpoolFormat) {
      return core::Status("spool_invalid", "not a uprx spool record");
    }
    ProcessedDocument d;
    d.path = j.at("path");
    d.info = InfoFrom(j.at("info"));
    for (const Json& r : j.at("recs")) d.recommendations.push_back(RecommendationFrom(r));
    for (const Json& s : j.at("statements")) {
      d.statements.push_back({s.at(0), s.at(1), PositionFrom(s.at(2)), SourceFrom(s.at(3))});
    }
    for (const Json& x : j.at("diagnostics")) {
      d.diagnostics.push_back({x.at(0), x.at(1), x.at(2), x.at(3), x.at(4)});
    }
    if (const Json& e = j.at("error"); !e.is_null()) d.error = {e.at(0), e.at(1), e.at(2)};
    d.failed = j.at("failed");
    return d;
  } catch (const Json::exception& e) {
    return core::Status("spool_invalid", std::string("bad spool record: ") + e.what());
  }
}

DocumentSpool::DocumentSpool(std::size_t documents, const std::string& directory)
    : slots_(documents) {
  std::string base = directory;
  if (base.empty()) {
    const char* tmp = std::getenv("TMPDIR");
    base = tmp && *tmp ? tmp : "/tmp";
  }
  std::string name = (std::filesystem::path(base) / "uprx-spool-XXXXXX").string();
  fd_ = ::mkstemp(name.data());
  if (fd_ < 0) {
    Warn("cannot make a spool file under " + base + " (" + std::strerror(errno) + ")");
    return;
  }
  ::unlink(name.c_str());  // nameless from now on: nothing is left behind, even on a kill
}

DocumentSpool::~DocumentSpool() {
  if (fd_ >= 0) ::close(fd_);
}

void DocumentSpool::Warn(const std::string& why) {
  if (warned_) return;
  warned_ = true;
  std::cerr << "uprx: warning: " << why
            << "; finished documents stay in memory until they are joined\n";
}

void DocumentSpool::Put(std::size_t index, ProcessedDocument d) {
  Slot& slot = slots_.at(index);
  slot.header.path = d.path;
  slot.header.info = d.info;
  slot.header.error = d.error;
  slot.header.failed = d.failed;
  const std::vector<std::uint8_t> bytes = SerializeDocument(d);
  const std::lock_guard<std::mutex> lock(mutex_);
  if (fd_ >= 0) {
    std::size_t done = 0;
    while (done < bytes.size()) {
      const ssize_t n =
          ::pwrite(fd_, bytes.data() + done, bytes.size() - done, static_cast<off_t>(end_ + done));
      if (n <= 0) break;
      done += static_cast<std::size_t>(n);
    }
    if (done == bytes.size()) {
      slot.offset = end_;
      slot.length = bytes.size();
      end_ += bytes.size();
      return;
    }
    Warn(std::string("cannot write the spool file (") + std::strerror(errno) + ")");
  }
  slot.resident = std::move(d);
}

ProcessedDocument DocumentSpool::Take(std::size_t index) {
  Slot& slot = slots_.at(index);
  if (slot.resident) {
    ProcessedDocument d = std::move(*slot.resident);
    slot.resident.reset();
    return d;
  }
  ProcessedDocument out = slot.header;
  if (slot.length == 0) return out;  // taken already
  std::vector<std::uint8_t> bytes(slot.length);
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::pread(fd_, bytes.data() + done, bytes.size() - done,
                              static_cast<off_t>(slot.offset + done));
    if (n <= 0) break;
    done += static_cast<std::size_t>(n);
  }
  slot.length = 0;
  auto parsed = done == bytes.size()
                    ? ParseDocument(bytes)
                    : core::Result<ProcessedDocument>(core::Status(
                          "spool_unreadable", std::string("short read: ") + std::strerror(errno)));
  if (parsed.ok()) return std::move(parsed).value();
  out.error = core::FileError{out.path, "spool_unreadable",
                              out.path + ": its extracted data could not be read back from the " +
                                  "spool file (" + parsed.status().message() + ")"};
  out.failed = true;
  return out;
}

std::size_t DocumentSpool::in_memory() const {
  std::size_t n = 0;
  for (const Slot& s : slots_) n += s.resident.has_value();
  return n;
}

}  // namespace uprx::pipeline
