// The document model shared by every stage. A SourceDocument is what a reader produced from
// bytes (pages of UTF-8 text); a NormalizedText is one clean text with a map back to page and
// original offset; DocumentInfo is what the identifier learned; Recommendation, Diagnostic and
// Review are what extraction and the join produce and the writers serialise (SCHEMA.md, uprx/1).
#ifndef UPRX_PIPELINE_CORE_DOCUMENT_H_
#define UPRX_PIPELINE_CORE_DOCUMENT_H_

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/core/position_value.h"

namespace uprx::core {

enum class Format { kUnknown, kPdf, kDocx, kDoc, kText, kHtml };
const char* FormatName(Format f);  // "pdf", "docx", "doc", "txt", "html", "unknown"

// One page as the reader saw it. For formats without pages (DOCX, text) the whole document is
// one page. Lines are separated by '\n'; table cells of a DOCX row by '\t'.
struct Page {
  int number = 0;  // 1-based
  std::string text;
};

struct SourceDocument {
  std::string path;    // as given on the command line ("-" for stdin)
  std::string sha256;  // of the bytes read
  Format format = Format::kUnknown;
  std::vector<Page> pages;
};

// Where a normalised offset came from.
struct SourceLocation {
  int page = 0;                 // 1-based page
  std::size_t page_offset = 0;  // byte offset in that page's original text
};

// Piecewise map from offsets in the normalised text back to the pages. Each anchor says "from
// normalised offset `at`, text comes from `source` onward"; lookups add the distance.
class OffsetMap {
 public:
  void Add(std::size_t at, SourceLocation source);
  SourceLocation Locate(std::size_t offset) const;
  bool empty() const { return anchors_.empty(); }

 private:
  struct Anchor {
    std::size_t at;
    SourceLocation source;
  };
  std::vector<Anchor> anchors_;
};

// One clean text: NFC, ligatures unfolded, quotes and dashes unified, running headers and
// footers gone, hyphenated line ends joined. Lines are kept ('\n'): extractors rely on line
// starts to see numbered items.
struct NormalizedText {
  std::string text;
  OffsetMap map;
};

// One line of a normalised text: its span and its content (a view into the text).
struct TextLine {
  std::size_t begin = 0, end = 0;
  std::string_view text;
};

// The lines of `text` ('\n'-separated), each with its offsets.
std::vector<TextLine> SplitLines(std::string_view text);

enum class DocumentKind { kUnknown, kWgReport, kAddendum, kThematicList, kOther };
const char* DocumentKindName(DocumentKind k);  // "wg_report", "addendum", ... ("other")

struct DeclaredTotals {
  std::optional<int> received, supported, noted;
  bool operator==(const DeclaredTotals&) const = default;
};

struct DocumentInfo {
  std::string file;
  std::string sha256;
  Format format = Format::kUnknown;
  int pages = 0;
  std::string language;  // ISO 639-1, "" when unknown
  std::string symbol;    // "A/HRC/26/16"
  DocumentKind kind = DocumentKind::kUnknown;
  std::string kind_detail;  // for kOther: what it is ("HRC decision", "national report", ...)
  std::string date;         // ISO 8601, "" when unknown
  std::string sur_name;     // State under review as written
  std::string sur_iso3;
  std::optional<int> wg_session, cycle, year;
  DeclaredTotals declared;
  bool draft = false;  // a draft WG report circulated to the State (status "draft", else "final")
  bool operator==(const DocumentInfo&) const = default;
};

struct StateRef {
  std::string name;  // canonical short UN name, or as written when unresolved
  std::string iso3;  // "" when unresolved
  std::string regional_group;
  std::string as_written;
  // The clause this State made when an item holds several clauses each with its own State
  // ("A (Ukraine); B (Slovakia)"); empty when the State made the whole recommendation.
  std::string segment;
  bool operator==(const StateRef&) const = default;
};

struct Position {
  PositionValue value = PositionValue::kUnknown;
  std::string as_written;
  std::string stage;  // working_group | addendum | thematic_list
  std::string document;
  std::optional<int> paragraph;
  std::optional<std::string> explanation;
  bool operator==(const Position&) const = default;
};

struct SourceRef {
  std::string document;
  int page = 0;
  std::size_t span_begin = 0, span_end = 0;  // offsets into the normalised text
  bool operator==(const SourceRef&) const = default;
};

// Labels a document gave a recommendation (OHCHR thematic lists), kept as written for
// evaluation: UHRI themes (coded "A12 Acceptance of international norms" or uncoded), affected
// persons, SDG goals.
struct GivenLabels {
  std::vector<std::string> themes, affected_persons, sdgs;
  bool empty() const { return themes.empty() && affected_persons.empty() && sdgs.empty(); }
  bool operator==(const GivenLabels&) const = default;
};

// One label a classifier (or a person) gave a recommendation. `method` says who: "rules",
// "model", "rules+model" or "manual"; `evidence` holds the words that decided (rules) or the
// model's strongest features, never nothing. `role` is used by the ministries only ("lead" or
// "supporting"); elsewhere it is empty.
struct AssignedLabel {
  std::string taxonomy;  // "uhri", "uprinfo", "action", "sdg", "groups", "ministries"
  std::string id;        // the label's id in its taxonomy ("5" for an action category)
  std::string name;
  double score = 0;  // 0..1
  std::string method;
  std::vector<std::string> evidence;
  std::string role;
  bool operator==(const AssignedLabel&) const = default;
};

// What the classify stage added. A list that was not computed is nullopt (written as null), so
// "not classified" and "classified, no label" (an empty list) differ.
struct Labels {
  std::optional<std::vector<AssignedLabel>> themes;      // uhri
  std::optional<std::vector<AssignedLabel>> issues;      // uprinfo
  std::optional<AssignedLabel> action;                   // action (id "1".."5")
  std::optional<std::vector<AssignedLabel>> sdgs;        // sdg (id "1".."17")
  std::optional<std::vector<AssignedLabel>> groups;      // uhri affected persons
  std::optional<std::vector<AssignedLabel>> ministries;  // profile institutions, lead first
  bool empty() const { return !themes && !issues && !action && !sdgs && !groups && !ministries; }
  bool operator==(const Labels&) const = default;
};

struct Recommendation {
  std::string id;      // <ISO3>-c<cycle>-<number>
  std::string number;  // "118.1"
  int paragraph = 0;
  std::string printed_number;
  std::string text;
  std::vector<StateRef> recommending_states;
  Position position;
  // Positions from earlier sources that a later one replaced (the WG stage's "pending" before
  // the addendum's "supported"), oldest first: an override is never silent.
  std::vector<Position> position_history;
  SourceRef source;
  GivenLabels given_labels;  // thematic lists only
  Labels labels;             // the classify stage's; empty until it runs
  bool operator==(const Recommendation&) const = default;
};

// What an addendum (or another later document) says of one recommendation by its number.
struct PositionStatement {
  std::string number;   // "140.7" as it will be matched; printed form in `printed`
  std::string printed;  // "140.35." or "110.3-110.20" (the range it came from)
  Position position;    // stage "addendum"; explanation when the document gives one
  SourceRef source;
  bool operator==(const PositionStatement&) const = default;
};

struct Diagnostic {
  std::string severity;  // info | warning | error
  std::string code;
  std::string document;
  int page = 0;  // 0 when not tied to a page
  std::string message;
  bool operator==(const Diagnostic&) const = default;
};

struct FileError {
  std::string file;
  std::string code;
  std::string message;
  bool operator==(const FileError&) const = default;
};

// The stable id of a recommendation: "<ISO3>-c<cycle>-<number>" ("KHM-c2-118.109"); "UNK" and
// "c0" stand for a State or cycle not known.
std::string RecommendationId(const std::string& iso3, std::optional<int> cycle,
                             const std::string& number);

// One State under review in one cycle, assembled from one or more documents.
struct Review {
  std::string sur_name, sur_iso3;
  std::optional<int> cycle, wg_session, year;
  std::vector<DocumentInfo> documents;
  std::vector<Recommendation> recommendations;
  std::vector<Diagnostic> diagnostics;
  // Taxonomy id -> version of every taxonomy that labelled this review (generator.taxonomies).
  std::map<std::string, std::string> taxonomies;
};

// How many of the recommendations hold each position; every value is present, zero or not.
std::map<PositionValue, int> CountPositions(const std::vector<Recommendation>& recommendations);

}  // namespace uprx::core

#endif  // UPRX_PIPELINE_CORE_DOCUMENT_H_
