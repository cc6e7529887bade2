#include "extractors/addendum_extractor.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "extractors/addendum_layout.h"
#include "extractors/addendum_lists.h"
#include "pipeline/core/text_util.h"

namespace uprx::extractors {
namespace {

// "paragraph 118 of the report": a paragraph of the WG report.
constexpr int kMaxParagraphReference = kMaxNumberPart;

std::string Join(const std::vector<std::string>& parts) {
  std::string out;
  for (const std::string& s : parts) out += (out.empty() ? "" : ", ") + s;
  return out;
}

// An item's answer is its explanation unless it is only the bare position ("Slovenia accepts
// the recommendation.").
std::optional<std::string> ItemExplanation(std::string_view text) {
  text = TrimSpace(text);
  if (text.size() <= 60 && text.find(". ") == std::string_view::npos) return std::nullopt;
  return std::string(text);
}

// Known positions a reading found.
std::size_t Known(const AddendumResult& r) {
  return static_cast<std::size_t>(
      std::count_if(r.statements.begin(), r.statements.end(), [](const core::PositionStatement& s) {
        return s.position.value != core::PositionValue::kUnknown;
      }));
}

class AddendumReader {
 public:
  AddendumReader(const Patterns& p, const core::NormalizedText& text,
                 const core::DocumentInfo& info)
      : p_(p),
        text_(text),
        info_(info),
        refs_(ParagraphReferences(p, text.text)),
        lists_(p, refs_.size() == 1 ? std::optional<int>(*refs_.begin()) : std::nullopt),
        layout_(p, text, lists_) {}

  AddendumResult Run();

 private:
  std::vector<Block> ReadAs(Reading reading);
  static std::set<int> ParagraphReferences(const Patterns& p, const std::string& text);
  void ReadBlocks(const std::vector<Block>& blocks);
  void ReadParagraph(const Block& b);
  bool IsList(std::string_view prefix, const NumberList& list, std::string_view after) const;
  void ReadList(const Block& b, const NumberList& list, std::string_view prefix, bool adjacent,
                std::size_t prev_first);
  void RemoveExceptions(const NumberList& list, bool adjacent, std::size_t prev_first,
                        std::size_t at);
  void ReadItem(const Block& b);
  void ReadRow(const Block& b);
  void ReadDeclared(const std::string& intro);
  void KeepFirstOfRepeats();
  void AttachExplanations(const std::vector<Block>& blocks);
  void CheckDeclared();
  void Add(const Cited& c, const std::optional<Found>& f, int paragraph,
           const std::optional<std::string>& explanation);
  void Diagnose(const char* severity, const char* code, std::size_t offset,
                const std::string& message);

  const Patterns& p_;
  const core::NormalizedText& text_;
  const core::DocumentInfo& info_;
  const std::set<int> refs_;  // "paragraph 115 of the Report": the paragraph of plain numbers
  const ListReader lists_;
  const AddendumLayout layout_;

  AddendumResult result_;
  std::optional<Found> section_;  // the position a heading states ("III. Noted recommendations")
  std::optional<int> earlier_;    // supported already at the Working Group stage
  std::size_t list_statements_ = 0;
};

std::set<int> AddendumReader::ParagraphReferences(const Patterns& p, const std::string& text) {
  std::set<int> out;
  re2::StringPiece sp(text);
  std::string n;
  while (RE2::FindAndConsume(&sp, p.Get("addendum_paragraph_reference"), &n)) {
    if (const auto number = core::ParseBoundedInt(n, 0, kMaxParagraphReference))
      out.insert(*number);
  }
  return out;
}

std::vector<Block> AddendumReader::ReadAs(Reading reading) {
  result_ = {};
  section_.reset();
  earlier_.reset();
  list_statements_ = 0;
  std::vector<Block> blocks = layout_.Segment(reading);
  ReadBlocks(blocks);
  return blocks;
}

AddendumResult AddendumReader::Run() {
  // The reading that finds more positions is the document's layout: one answer of a cycle-1
  // addendum citing "15.1 maternal deaths" must not make it a list document.
  std::vector<Block> blocks = ReadAs(Reading::kItems);
  AddendumResult items = std::move(result_);
  const std::optional<int> items_earlier = earlier_;
  std::vector<Block> list_blocks = ReadAs(Reading::kLists);
  if (Known(items) > Known(result_)) {
    result_ = std::move(items);
    earlier_ = items_earlier;
  } else {
    blocks = std::move(list_blocks);
  }
  KeepFirstOfRepeats();
  AttachExplanations(blocks);
  CheckDeclared();
  const bool unresolved = std::any_of(result_.statements.begin(), result_.statements.end(),
                                      [](const auto& s) { return s.number.starts_with("?."); });
  if (unresolved) {
    Diagnose("info", "addendum_paragraph_unknown", 0,
             std::string("plain recommendation numbers reported as ?.N: the addendum names ") +
                 (refs_.empty() ? "no" : "more than one") + " paragraph of the report");
  }
  if (result_.statements.empty()) {
    Diagnose("error", "addendum_no_statements", 0, "no position stated for any number found");
  }
  return std::move(result_);
}

void AddendumReader::ReadBlocks(const std::vector<Block>& blocks) {
  std::string intro;  // the text before the first statement: where totals are declared
  bool intro_done = false;
  for (const Block& b : blocks) {
    const std::size_t before = result_.statements.size();
    switch (b.kind) {
      case BlockKind::kIntro:
      case BlockKind::kParagraph:
        ReadParagraph(b);
        break;
      case BlockKind::kHeading:
        section_ = Decide(FindPositions(b.flow.text, p_));
        if (section_) section_->as_written = std::string(TrimSpace(b.flow.text));
        break;
      case BlockKind::kItem:
        ReadItem(b);
        break;
      case BlockKind::kRow:
        ReadRow(b);
        break;
      case BlockKind::kExplanation:
        break;
    }
    if (result_.statements.size() > before) intro_done = true;
    if (!intro_done) intro += b.flow.text + ' ';
  }
  ReadDeclared(intro);
}

void AddendumReader::ReadParagraph(const Block& b) {
  const std::string& s = b.flow.text;
  std::size_t prev_end = 0, prev_first = SIZE_MAX;
  bool listed = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (!ListMayStartAt(s, i)) continue;
    const auto list = lists_.Read(s, i);
    if (!list) continue;
    const std::size_t w = std::max(prev_end, SentenceStart(s, prev_end, i, p_));
    const std::string_view prefix = std::string_view(s).substr(w, i - w);
    i = std::max(i, list->end - 1);
    if (!IsList(prefix, *list, std::string_view(s).substr(list->end))) continue;
    const std::size_t first = result_.statements.size();
    ReadList(b, *list, prefix, w == prev_end && prev_first != SIZE_MAX, prev_first);
    prev_end = list->end;
    prev_first = first;
    listed = true;
  }
  if (!listed && b.kind == BlockKind::kParagraph && list_statements_ > 0 &&
      Decide(FindPositions(s, p_))) {
    Diagnose("info", "addendum_unread_statement", b.flow.Source(0),
             "paragraph " + std::to_string(b.paragraph) +
                 " states a position but lists no recommendation number");
  }
}

// Plain numbers are recommendations only right after "recommendations"; dotted ones also
// further on in a sentence about recommendations, or straight after a heading that states a
// position, when what follows them is not a word of their own sentence: "(from 15.1 maternal
// deaths" (A/HRC/14/15/Add.1) is a quantity.
bool AddendumReader::IsList(std::string_view prefix, const NumberList& list,
                            std::string_view after) const {
  if (RE2::PartialMatch(prefix, p_.Get("addendum_list_intro")) ||
      RE2::PartialMatch(prefix, p_.Get("addendum_except"))) {
    return true;
  }
  if (!list.dotted || !RE2::PartialMatch(after, p_.Get("addendum_list_end"))) return false;
  return RE2::PartialMatch(prefix, p_.Get("addendum_recommendation_word")) ||
         (TrimSpace(prefix).empty() && section_.has_value());
}

void AddendumReader::ReadList(const Block& b, const NumberList& list, std::string_view prefix,
                              bool adjacent, std::size_t prev_first) {
  const std::size_t at = b.flow.Source(list.begin);
  for (const std::string& r : list.repaired) {
    Diagnose("info", "addendum_separator_repaired", at, "read \"" + r + "\" as a list separator");
  }
  if (!list.unread.empty()) {
    Diagnose("warning", "addendum_unread_statement", at,
             "range(s) " + Join(list.unread) + " cannot be read");
  }
  const bool except = RE2::PartialMatch(prefix, p_.Get("addendum_except"));
  std::optional<Found> pos;
  if (!except) {
    const std::vector<Found> found = FindPositions(prefix, p_);
    if (!found.empty()) pos = found.back();
  }
  if (!pos) pos = PositionRightAfter(b.flow.text, list.end, p_);
  if (!pos && !except) pos = section_;
  if (except) {
    RemoveExceptions(list, adjacent, prev_first, at);
    if (!pos) return;
  } else if (!pos && !list.numbers.empty()) {  // a list of unreadable ranges only: said above
    Diagnose("warning", "addendum_unread_statement", at,
             "no position found for the recommendations listed from " +
                 list.numbers.front().printed + " (" + std::to_string(list.numbers.size()) +
                 " numbers)");
  }
  for (const Cited& c : list.numbers) Add(b.flow.Absolute(c), pos, b.paragraph, std::nullopt);
  list_statements_ += list.numbers.size();
}

// "accepts 110.1-110.20 except 110.7": 110.7 is not accepted.
void AddendumReader::RemoveExceptions(const NumberList& list, bool adjacent, std::size_t prev_first,
                                      std::size_t at) {
  if (!adjacent) {
    Diagnose("warning", "addendum_unread_statement", at,
             "a position for all recommendations except " + list.numbers.front().printed +
                 "...: the recommendations it covers are not listed");
    return;
  }
  std::set<std::string> out;
  for (const Cited& c : list.numbers) out.insert(c.number);
  auto& all = result_.statements;
  all.erase(std::remove_if(all.begin() + static_cast<std::ptrdiff_t>(prev_first), all.end(),
                           [&](const auto& s) { return out.count(s.number) > 0; }),
            all.end());
}

void AddendumReader::ReadItem(const Block& b) {
  std::optional<Found> pos = Decide(FindPositions(b.flow.text, p_));
  if (!pos) pos = section_;
  if (!pos && !b.labels.empty()) {
    Diagnose("warning", "addendum_unread_statement", b.labels.front().begin,
             "no position found in the answer to " + b.labels.front().printed + " \"" +
                 std::string(TrimSpace(b.flow.text)).substr(0, 80) + "\"");
  }
  const std::optional<std::string> explanation = ItemExplanation(b.flow.text);
  for (const Cited& c : b.labels) Add(c, pos, 0, explanation);
}

void AddendumReader::ReadRow(const Block& b) {
  std::vector<std::string_view> cells;
  std::string_view rest(b.flow.text);
  for (std::size_t tab; (tab = rest.find('\t')) != std::string_view::npos;) {
    cells.push_back(rest.substr(0, tab));
    rest.remove_prefix(tab + 1);
  }
  cells.push_back(rest);
  std::optional<Found> pos;
  std::string_view answer;
  for (std::size_t k = 1; k < cells.size() && !pos; ++k) {
    if ((pos = CellPosition(cells[k], p_))) answer = cells[k];
  }
  // Otherwise the answer is in words, in a column after the recommendation's own text.
  const std::size_t first_answer = b.number_only ? 2 : 1;
  for (std::size_t k = cells.size(); !pos && k-- > first_answer;) {
    if ((pos = Decide(FindPositions(cells[k], p_)))) answer = cells[k];
  }
  if (!pos) {
    Diagnose("warning", "addendum_unread_statement", b.labels.front().begin,
             "no position found in the table row of " + b.labels.front().printed);
  }
  std::optional<std::string> explanation;
  answer = TrimSpace(answer);
  if (pos && answer.size() > pos->as_written.size() + 1) explanation = std::string(answer);
  for (const Cited& c : b.labels) Add(c, pos, 0, explanation);
}

void AddendumReader::ReadDeclared(const std::string& intro) {
  const DeclaredCounts c = ReadDeclaredCounts(intro, p_);
  result_.declared = {c.received, c.supported, c.noted};
  earlier_ = c.earlier;
  if (earlier_ && c.supported) {
    Diagnose("info", "declared_totals_combined", 0,
             std::to_string(*earlier_) + " supported at the Working Group stage + " +
                 std::to_string(*c.supported) + " supported in this addendum");
    result_.declared.supported = *earlier_ + *c.supported;
  }
}

// One statement per number: a repeat with the same position adds nothing; a repeat with
// another position is kept beside the first, for the join to decide.
void AddendumReader::KeepFirstOfRepeats() {
  std::map<std::string, std::size_t> first;
  std::vector<core::PositionStatement> kept;
  for (core::PositionStatement& s : result_.statements) {
    const auto [it, fresh] = first.emplace(s.number, kept.size());
    if (fresh) {
      kept.push_back(std::move(s));
    } else if (kept[it->second].position.value == s.position.value) {
      Diagnose("info", "addendum_repeated_number", s.source.span_begin,
               s.number + " listed again as " + core::PositionKey(s.position.value));
    } else {
      Diagnose("warning", "position_conflict", s.source.span_begin,
               s.number + " is " + core::PositionKey(kept[it->second].position.value) + " (\"" +
                   kept[it->second].position.as_written + "\") and " +
                   core::PositionKey(s.position.value) + " (\"" + s.position.as_written + "\")");
      kept.push_back(std::move(s));
    }
  }
  result_.statements = std::move(kept);
}

void AddendumReader::AttachExplanations(const std::vector<Block>& blocks) {
  for (const Block& b : blocks) {
    const std::string_view text = TrimSpace(b.flow.text);
    if (b.kind != BlockKind::kExplanation || text.empty()) continue;
    std::vector<std::string> unmatched;
    for (const Cited& c : b.labels) {
      bool matched = false;
      for (core::PositionStatement& s : result_.statements) {
        if (s.number != c.number) continue;
        matched = true;
        auto& e = s.position.explanation;
        e = e ? *e + "\n" + std::string(text) : std::string(text);
      }
      if (!matched) unmatched.push_back(c.number);
    }
    if (!unmatched.empty()) {
      Diagnose("info", "addendum_explanation_unmatched", b.labels.front().begin,
               "explanation for " + Join(unmatched) + ", which no list states a position for");
    }
  }
}

// The totals the document declares for itself against the statements read from it; numbers
// supported at the Working Group stage are not answered here.
void AddendumReader::CheckDeclared() {
  const core::DeclaredTotals& d = result_.declared;
  const int earlier = earlier_.value_or(0);
  std::set<std::string> numbers;
  std::map<core::PositionValue, int> by_value;
  for (const auto& s : result_.statements) {
    if (numbers.insert(s.number).second) ++by_value[s.position.value];
  }
  auto check = [&](std::optional<int> declared, int read, const std::string& what) {
    if (!declared || *declared == read) return;
    Diagnose("warning", "declared_mismatch", 0,
             "the addendum declares " + std::to_string(*declared) + " " + what + "; " +
                 std::to_string(read) + " read");
  };
  if (d.received) check(*d.received - earlier, static_cast<int>(numbers.size()), "answered");
  if (d.supported)
    check(*d.supported - earlier, by_value[core::PositionValue::kSupported], "supported");
  check(d.noted, by_value[core::PositionValue::kNoted], "noted");
}

void AddendumReader::Add(const Cited& c, const std::optional<Found>& f, int paragraph,
                         const std::optional<std::string>& explanation) {
  core::PositionStatement s;
  s.number = c.number;
  s.printed = c.printed;
  s.position.value = f ? f->value : core::PositionValue::kUnknown;
  s.position.as_written = f ? f->as_written : "";
  s.position.stage = "addendum";
  s.position.document = info_.symbol;
  if (paragraph > 0) s.position.paragraph = paragraph;
  s.position.explanation = explanation;
  s.source = {info_.symbol, text_.map.Locate(c.begin).page, c.begin, c.end};
  result_.statements.push_back(std::move(s));
}

void AddendumReader::Diagnose(const char* severity, const char* code, std::size_t offset,
                              const std::string& message) {
  const int page = offset == 0 ? 0 : text_.map.Locate(offset).page;
  result_.diagnostics.push_back({severity, code, info_.symbol, page, message});
}

}  // namespace

AddendumResult AddendumExtractor::Extract(const core::NormalizedText& text,
                                          const core::DocumentInfo& info) const {
  return AddendumReader(patterns_, text, info).Run();
}

}  // namespace uprx::extractors
