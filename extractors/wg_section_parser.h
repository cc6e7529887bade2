// The recommendations section of a Working Group report read as a numbered sequence (see
// wg_report_extractor.h for why): lines become paragraph and item blocks. Used only by the
// WG-report extractor; separate because the sequence rules are a unit of their own.
#ifndef UPRX_EXTRACTORS_WG_SECTION_PARSER_H_
#define UPRX_EXTRACTORS_WG_SECTION_PARSER_H_

#include <optional>
#include <string>
#include <vector>

#include "extractors/attribution_parser.h"
#include "extractors/patterns.h"
#include "pipeline/core/document.h"

namespace uprx::extractors {

using LineRef = core::TextLine;

enum class LabelKind { kDotted, kPlain, kBare };

// A number at the start of a line, before the sequence decides whether it is a label.
struct LabelCandidate {
  LabelKind kind;
  int first = 0;   // paragraph (dotted) or the number (plain, bare)
  int second = 0;  // item (dotted)
  std::string printed;
  std::size_t rest = 0;  // offset in the line where the text after the label starts
};

// A paragraph or an item as the sequence accepted it.
struct SectionBlock {
  bool is_item = false;
  int paragraph = 0;
  int item = 0;
  std::string printed;
  std::size_t begin = 0, end = 0;
  std::string text;
};

class SectionParser {
 public:
  SectionParser(const Patterns& p, const AttributionParser& attribution,
                const std::vector<LineRef>& lines, std::vector<core::Diagnostic>& diags,
                const core::NormalizedText& norm, const std::string& symbol)
      : p_(p),
        attribution_(attribution),
        lines_(lines),
        diags_(diags),
        norm_(norm),
        symbol_(symbol) {}

  std::vector<SectionBlock> Parse(std::size_t first_line, std::size_t end_line);

 private:
  std::optional<LabelCandidate> CandidateAt(std::size_t i) const;
  std::string ContentFrom(std::size_t i, std::size_t rest) const;
  std::optional<LabelCandidate> NextCandidate(std::size_t i) const;
  bool LooksLikeParagraph(const std::string& content) const;
  bool Accept(std::size_t i, const LabelCandidate& c);
  void StartBlock(std::size_t i, const LabelCandidate& c, bool is_item, int paragraph, int item);
  void Diagnose(std::size_t offset, const char* code, const std::string& message);

  const Patterns& p_;
  const AttributionParser& attribution_;
  const std::vector<LineRef>& lines_;
  std::vector<core::Diagnostic>& diags_;
  const core::NormalizedText& norm_;
  const std::string& symbol_;
  std::size_t end_line_ = 0;

  std::vector<SectionBlock> blocks_;
  int para_ = 0;
  int last_item_ = 0;
  enum class Items { kNone, kDotted, kPlain } items_ = Items::kNone;
  bool stop_ = false;
};

}  // namespace uprx::extractors

#endif  // UPRX_EXTRACTORS_WG_SECTION_PARSER_H_
