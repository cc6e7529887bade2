#include "pipeline/formats/review_reader.h"

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>

#include "pipeline/core/text_util.h"

namespace uprx::pipeline {
namespace {

using Json = nlohmann::json;
constexpr std::string_view kSchema = "uprx/1";

// Typed access to the members of JSON objects. Null and missing members read as empty values;
// a member of another type records the first error with its JSON path, and reading goes on
// with an empty value so that callers need not check after every field.
class FieldReader {
 public:
  const std::string& error() const { return error_; }
  void Fail(const std::string& path, const std::string& why) {
    if (error_.empty()) error_ = (path.empty() ? "document" : path) + ": " + why;
  }

  // The member, or nullptr when it is missing or null (or `object` is not an object).
  const Json* Member(const Json& object, const std::string& path, const char* key) {
    if (!object.is_object()) {
      Fail(path, "expected an object");
      return nullptr;
    }
    auto it = object.find(key);
    return it == object.end() || it->is_null() ? nullptr : &*it;
  }

  std::optional<std::string> OptionalString(const Json& object, const std::string& path,
                                            const char* key) {
    const Json* v = Member(object, path, key);
    if (v == nullptr) return std::nullopt;
    if (!v->is_string()) {
      Fail(Join(path, key), "expected a string");
      return std::nullopt;
    }
    return v->get<std::string>();
  }
  std::string String(const Json& object, const std::string& path, const char* key) {
    return OptionalString(object, path, key).value_or("");
  }

  std::optional<std::int64_t> Integer(const Json& v, const std::string& path) {
    if (v.is_number_unsigned() &&
        v.get<std::uint64_t>() > std::uint64_t{std::numeric_limits<std::int64_t>::max()}) {
      Fail(path, "integer out of range");
      return std::nullopt;
    }
    if (!v.is_number_integer()) {
      Fail(path, "expected an integer");
      return std::nullopt;
    }
    return v.get<std::int64_t>();
  }
  // An int member; out of int range is an error (never a silent wrap).
  std::optional<int> OptionalInt(const Json& object, const std::string& path, const char* key) {
    const Json* v = Member(object, path, key);
    if (v == nullptr) return std::nullopt;
    const std::optional<std::int64_t> n = Integer(*v, Join(path, key));
    if (!n) return std::nullopt;
    if (*n < std::numeric_limits<int>::min() || *n > std::numeric_limits<int>::max()) {
      Fail(Join(path, key), "integer out of range");
      return std::nullopt;
    }
    return static_cast<int>(*n);
  }
  int Int(const Json& object, const std::string& path, const char* key) {
    return OptionalInt(object, path, key).value_or(0);
  }
  double Number(const Json& object, const std::string& path, const char* key) {
    const Json* v = Member(object, path, key);
    if (v == nullptr) return 0;
    if (!v->is_number()) Fail(Join(path, key), "expected a number");
    return v->is_number() ? v->get<double>() : 0;
  }
  std::vector<std::string> Strings(const Json& object, const std::string& path, const char* key) {
    std::vector<std::string> out;
    ForEach(object, path, key, [&](const Json& v, const std::string& at) {
      if (v.is_string()) {
        out.push_back(v.get<std::string>());
      } else {
        Fail(at, "expected a string");
      }
    });
    return out;
  }

  // Calls visit(element, element_path) for each element of the array member `key`.
  template <typename Visit>
  void ForEach(const Json& object, const std::string& path, const char* key, Visit visit) {
    const Json* v = Member(object, path, key);
    if (v == nullptr) return;
    const std::string at = Join(path, key);
    if (!v->is_array()) {
      Fail(at, "expected an array");
      return;
    }
    for (std::size_t i = 0; i < v->size() && error_.empty(); ++i) {
      visit((*v)[i], at + "[" + std::to_string(i) + "]");
    }
  }

  static std::string Join(const std::string& path, const char* key) {
    return path.empty() ? std::string(key) : path + "." + key;
  }

 private:
  std::string error_;
};

core::Format FormatNamed(const std::string& name) {
  for (core::Format f : {core::Format::kPdf, core::Format::kDocx, core::Format::kDoc,
                         core::Format::kText, core::Format::kHtml}) {
    if (name == core::FormatName(f)) return f;
  }
  return core::Format::kUnknown;
}

core::DocumentKind KindNamed(const std::string& name) {
  for (core::DocumentKind k : {core::DocumentKind::kWgReport, core::DocumentKind::kAddendum,
                               core::DocumentKind::kThematicList, core::DocumentKind::kOther}) {
    if (name == core::DocumentKindName(k)) return k;
  }
  return core::DocumentKind::kUnknown;
}

core::DocumentInfo ReadDocument(FieldReader& r, const Json& j, const std::string& path) {
  core::DocumentInfo d;
  d.file = r.String(j, path, "file");
  d.sha256 = r.String(j, path, "sha256");
  d.format = FormatNamed(r.String(j, path, "format"));
  d.pages = r.Int(j, path, "pages");
  d.language = r.String(j, path, "language");
  d.symbol = r.String(j, path, "symbol");
  d.kind = KindNamed(r.String(j, path, "kind"));
  d.date = r.String(j, path, "date");
  // Files written before "status" existed are of final reports.
  d.draft = r.OptionalString(j, path, "status").value_or("final") == "draft";
  if (const Json* declared = r.Member(j, path, "declared")) {
    const std::string at = FieldReader::Join(path, "declared");
    d.declared.received = r.OptionalInt(*declared, at, "received");
    d.declared.supported = r.OptionalInt(*declared, at, "supported");
    d.declared.noted = r.OptionalInt(*declared, at, "noted");
  }
  return d;
}

core::StateRef ReadState(FieldReader& r, const Json& j, const std::string& path) {
  core::StateRef s;
  s.name = r.String(j, path, "name");
  s.iso3 = r.String(j, path, "iso3");
  s.regional_group = r.String(j, path, "regional_group");
  s.as_written = r.String(j, path, "as_written");
  s.segment = r.String(j, path, "segment");
  return s;
}

core::Position ReadPosition(FieldReader& r, const Json& j, const std::string& path) {
  core::Position p;
  const std::string value = r.OptionalString(j, path, "value").value_or("unknown");
  if (const auto v = core::ParsePositionKey(value)) {
    p.value = *v;
  } else {
    r.Fail(FieldReader::Join(path, "value"), "unknown position \"" + value + "\"");
  }
  p.as_written = r.String(j, path, "as_written");
  p.stage = r.String(j, path, "stage");
  p.document = r.String(j, path, "document");
  p.paragraph = r.OptionalInt(j, path, "paragraph");
  p.explanation = r.OptionalString(j, path, "explanation");
  return p;
}

// The writer's key for a label kind ("category" for action, "goal" for SDGs) becomes the id;
// kinds whose labels do not carry a taxonomy get the one AssignedLabel documents for them.
core::AssignedLabel ReadLabel(FieldReader& r, const Json& j, const std::string& path,
                              const std::string& kind) {
  static const std::map<std::string, std::string> kTaxonomyOfKind = {
      {"action", "action"}, {"sdgs", "sdg"}, {"groups", "groups"}, {"ministries", "ministries"}};
  core::AssignedLabel l;
  if (kind == "action" || kind == "sdgs") {
    l.id = std::to_string(r.Int(j, path, kind == "action" ? "category" : "goal"));
  } else {
    l.id = r.String(j, path, "id");
  }
  auto taxonomy = kTaxonomyOfKind.find(kind);
  l.taxonomy = taxonomy != kTaxonomyOfKind.end() ? taxonomy->second : r.String(j, path, "taxonomy");
  l.name = r.String(j, path, "name");
  if (kind == "ministries") l.role = r.String(j, path, "role");
  l.score = r.Number(j, path, "score");
  l.method = r.String(j, path, "method");
  l.evidence = r.Strings(j, path, "evidence");
  return l;
}

std::optional<std::vector<core::AssignedLabel>> ReadLabelList(FieldReader& r, const Json& j,
                                                              const std::string& path,
                                                              const char* kind) {
  if (r.Member(j, path, kind) == nullptr) return std::nullopt;  // not computed
  std::vector<core::AssignedLabel> list;
  r.ForEach(j, path, kind, [&](const Json& v, const std::string& at) {
    list.push_back(ReadLabel(r, v, at, kind));
  });
  return list;
}

core::Labels ReadLabels(FieldReader& r, const Json& j, const std::string& path) {
  core::Labels l;
  l.themes = ReadLabelList(r, j, path, "themes");
  l.issues = ReadLabelList(r, j, path, "issues");
  if (const Json* action = r.Member(j, path, "action")) {
    l.action = ReadLabel(r, *action, FieldReader::Join(path, "action"), "action");
  }
  l.sdgs = ReadLabelList(r, j, path, "sdgs");
  l.groups = ReadLabelList(r, j, path, "groups");
  l.ministries = ReadLabelList(r, j, path, "ministries");
  return l;
}

void ReadSource(FieldReader& r, const Json& j, const std::string& path, core::SourceRef& s) {
  s.document = r.String(j, path, "document");
  s.page = r.Int(j, path, "page");
  std::vector<std::size_t> span;
  r.ForEach(j, path, "span", [&](const Json& v, const std::string& at) {
    const std::optional<std::int64_t> n = r.Integer(v, at);
    if (n && *n < 0) r.Fail(at, "expected a non-negative offset");
    span.push_back(n && *n >= 0 ? static_cast<std::size_t>(*n) : 0);
  });
  if (span.size() == 2) {
    s.span_begin = span[0];
    s.span_end = span[1];
  } else if (!span.empty()) {
    r.Fail(FieldReader::Join(path, "span"), "expected [begin, end]");
  }
}

core::Recommendation ReadRecommendation(FieldReader& r, const Json& j, const std::string& path) {
  core::Recommendation rec;
  rec.id = r.String(j, path, "id");
  rec.number = r.String(j, path, "number");
  rec.paragraph = r.Int(j, path, "paragraph");
  rec.printed_number = r.String(j, path, "printed_number");
  rec.text = r.String(j, path, "text");
  r.ForEach(j, path, "recommending_states", [&](const Json& v, const std::string& at) {
    rec.recommending_states.push_back(ReadState(r, v, at));
  });
  if (const Json* p = r.Member(j, path, "position")) {
    rec.position = ReadPosition(r, *p, FieldReader::Join(path, "position"));
  }
  r.ForEach(j, path, "position_history", [&](const Json& v, const std::string& at) {
    rec.position_history.push_back(ReadPosition(r, v, at));
  });
  if (const Json* s = r.Member(j, path, "source")) {
    ReadSource(r, *s, FieldReader::Join(path, "source"), rec.source);
  }
  if (const Json* l = r.Member(j, path, "labels")) {
    rec.labels = ReadLabels(r, *l, FieldReader::Join(path, "labels"));
  }
  if (const Json* g = r.Member(j, path, "given_labels")) {
    const std::string at = FieldReader::Join(path, "given_labels");
    rec.given_labels.themes = r.Strings(*g, at, "themes");
    rec.given_labels.affected_persons = r.Strings(*g, at, "affected_persons");
    rec.given_labels.sdgs = r.Strings(*g, at, "sdgs");
  }
  return rec;
}

core::Diagnostic ReadDiagnostic(FieldReader& r, const Json& j, const std::string& path) {
  core::Diagnostic d;
  d.severity = r.String(j, path, "severity");
  d.code = r.String(j, path, "code");
  d.document = r.String(j, path, "document");
  d.page = r.Int(j, path, "page");
  d.message = r.String(j, path, "message");
  return d;
}

core::Review ReadReview(FieldReader& r, const Json& j, const std::string& path) {
  core::Review review;
  if (const Json* sur = r.Member(j, path, "state_under_review")) {
    const std::string at = FieldReader::Join(path, "state_under_review");
    review.sur_name = r.String(*sur, at, "name");
    review.sur_iso3 = r.String(*sur, at, "iso3");
  }
  review.cycle = r.OptionalInt(j, path, "cycle");
  review.wg_session = r.OptionalInt(j, path, "wg_session");
  review.year = r.OptionalInt(j, path, "year");
  r.ForEach(j, path, "documents", [&](const Json& v, const std::string& at) {
    review.documents.push_back(ReadDocument(r, v, at));
  });
  r.ForEach(j, path, "recommendations", [&](const Json& v, const std::string& at) {
    review.recommendations.push_back(ReadRecommendation(r, v, at));
  });
  r.ForEach(j, path, "diagnostics", [&](const Json& v, const std::string& at) {
    review.diagnostics.push_back(ReadDiagnostic(r, v, at));
  });
  return review;
}

std::map<std::string, std::string> ReadTaxonomies(FieldReader& r, const Json& doc) {
  std::map<std::string, std::string> versions;
  const Json* generator = r.Member(doc, "", "generator");
  const Json* taxonomies = generator ? r.Member(*generator, "generator", "taxonomies") : nullptr;
  if (taxonomies == nullptr) return versions;
  if (!taxonomies->is_object()) {
    r.Fail("generator.taxonomies", "expected an object");
    return versions;
  }
  for (const auto& [id, version] : taxonomies->items()) {
    versions[id] = r.String(*taxonomies, "generator.taxonomies", id.c_str());
  }
  return versions;
}

ReviewFile ReadDocumentRoot(FieldReader& r, const Json& doc) {
  ReviewFile file;
  const std::map<std::string, std::string> taxonomies = ReadTaxonomies(r, doc);
  r.ForEach(doc, "", "reviews", [&](const Json& v, const std::string& at) {
    file.reviews.push_back(ReadReview(r, v, at));
    file.reviews.back().taxonomies = taxonomies;
  });
  r.ForEach(doc, "", "errors", [&](const Json& v, const std::string& at) {
    file.errors.push_back(
        {r.String(v, at, "file"), r.String(v, at, "code"), r.String(v, at, "message")});
  });
  return file;
}

}  // namespace

core::Result<ReviewFile> ParseReviewsJson(std::string_view text, std::string_view source) {
  const std::string name(source);
  Json doc;
  try {
    doc = Json::parse(text);
  } catch (const Json::parse_error& e) {
    return core::Status("json_invalid",
                        name + ": not JSON at byte " + std::to_string(e.byte) + ": " + e.what());
  } catch (const Json::exception& e) {
    return core::Status("json_invalid", name + ": " + e.what());
  }
  const auto schema = doc.is_object() ? doc.find("schema") : doc.end();
  if (!doc.is_object() || schema == doc.end() || *schema != kSchema) {
    return core::Status("json_invalid", name + ": not a uprx/1 document (no \"schema\": \"" +
                                            std::string(kSchema) + "\")");
  }
  if (auto reviews = doc.find("reviews"); reviews == doc.end() || !reviews->is_array()) {
    return core::Status("json_invalid", name + ": no \"reviews\" array");
  }
  try {
    FieldReader reader;
    ReviewFile file = ReadDocumentRoot(reader, doc);
    if (!reader.error().empty()) return core::Status("json_invalid", name + ": " + reader.error());
    return file;
  } catch (const Json::exception& e) {  // not expected: every access checks the type first
    return core::Status("json_invalid", name + ": " + e.what());
  }
}

core::Result<ReviewFile> ReadReviewsJson(const std::string& path) {
  auto bytes = core::ReadWholeFile(path, "a uprx/1 file");
  if (!bytes.ok()) return bytes.status();
  return ParseReviewsJson(bytes.value(), path);
}

}  // namespace uprx::pipeline
