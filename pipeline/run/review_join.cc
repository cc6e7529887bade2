#include "pipeline/run/review_join.h"

#include <algorithm>
#include <map>
#include <optional>
#include <tuple>

namespace uprx::pipeline {
namespace {

using Key = std::tuple<std::string, int, std::string>;

// Reviews are keyed by State and cycle; a document with neither keeps its own key (its file).
Key ReviewKey(const ProcessedDocument& d) {
  if (d.info.sur_iso3.empty() || !d.info.cycle) return {"~", 0, d.path};
  return {d.info.sur_iso3, *d.info.cycle, ""};
}

// "A/HRC/59/15/Add.1" -> "A/HRC/59/15".
std::string BaseSymbol(const std::string& symbol) {
  const std::size_t add = symbol.find("/Add.");
  return add == std::string::npos ? symbol : symbol.substr(0, add);
}

// Replaces the position, keeping the one it replaces in the history.
void Override(core::Recommendation& r, const core::Position& later) {
  if (r.position.value != core::PositionValue::kUnknown || !r.position.as_written.empty()) {
    r.position_history.push_back(r.position);
  }
  r.position = later;
}

std::string List(const std::vector<std::string>& numbers, std::size_t most = 12) {
  std::string out;
  for (std::size_t i = 0; i < numbers.size() && i < most; ++i) out += (i ? ", " : "") + numbers[i];
  if (numbers.size() > most) out += ", ... (" + std::to_string(numbers.size()) + " in all)";
  return out;
}

class ReviewBuilder {
 public:
  explicit ReviewBuilder(core::Review& review) : r_(review) {}

  void AddBase(std::vector<core::Recommendation> recs) {
    for (auto& rec : recs) {
      index_[rec.number] = r_.recommendations.size();
      r_.recommendations.push_back(std::move(rec));
    }
  }

  // A thematic list restates each recommendation with OHCHR's labels and the final position.
  void MergeThematicList(const ProcessedDocument& d) {
    std::vector<std::string> absent;
    for (const core::Recommendation& t : d.recommendations) {
      core::Recommendation* base = Find(t.number);
      if (!base) {
        absent.push_back(t.number);
        continue;
      }
      base->given_labels = t.given_labels;
      if (core::IsFinalPosition(t.position.value)) Override(*base, t.position);
    }
    if (!absent.empty()) {
      Warn("listed_but_absent", d.info.symbol.empty() ? d.path : d.info.symbol,
           "the thematic list has numbers the report lacks: " + List(absent));
    }
  }

  // An addendum's answers, by number.
  void ApplyAddendum(const ProcessedDocument& d) {
    const std::string doc = d.info.symbol.empty() ? d.path : d.info.symbol;
    std::vector<std::string> absent;
    std::map<std::string, core::PositionValue> seen;  // number -> value given
    for (const core::PositionStatement& s : d.statements) {
      const std::string number = Resolve(s.number);
      core::Recommendation* base = Find(number);
      if (!base) {
        absent.push_back(s.printed.empty() ? s.number : s.printed);
        continue;
      }
      auto [it, fresh] = seen.emplace(number, s.position.value);
      if (!fresh && it->second != s.position.value) {
        Warn("position_conflict", doc,
             number + " is listed as " + core::PositionKey(it->second) + " and as " +
                 core::PositionKey(s.position.value));
      }
      if (base->position.stage == "thematic_list" && base->position.value != s.position.value &&
          core::IsFinalPosition(s.position.value)) {
        Warn("sources_disagree", doc,
             number + ": addendum says " + core::PositionKey(s.position.value) +
                 ", thematic list " + core::PositionKey(base->position.value) +
                 "; the addendum is kept");
      }
      Override(*base, s.position);
    }
    if (!absent.empty()) {
      Warn("answered_but_absent", doc,
           "the addendum answers numbers the report lacks: " + List(absent));
    }
  }

  // What no source settled, and the totals documents declare against what was counted.
  void Reconcile(const std::vector<const ProcessedDocument*>& addenda) {
    std::vector<std::string> open;
    for (const auto& rec : r_.recommendations) {
      if (!core::IsFinalPosition(rec.position.value)) open.push_back(rec.number);
    }
    if (!open.empty() && !addenda.empty()) {
      Warn("no_final_position", "",
           std::to_string(open.size()) + " recommendations have no final position: " + List(open));
    }
    for (const ProcessedDocument* a : addenda) CheckDeclared(*a);
  }

 private:
  void CheckDeclared(const ProcessedDocument& a) {
    const core::DeclaredTotals& d = a.info.declared;
    const std::map<core::PositionValue, int> counted = core::CountPositions(r_.recommendations);
    const int received = static_cast<int>(r_.recommendations.size());
    auto check = [&](const char* what, std::optional<int> declared, int found) {
      if (!declared || *declared == found) return;
      Warn("declared_total_mismatch", a.info.symbol,
           std::string(what) + ": the addendum declares " + std::to_string(*declared) +
               ", counted " + std::to_string(found));
    };
    check("received", d.received, received);
    check("supported", d.supported, counted.at(core::PositionValue::kSupported));
    check("noted", d.noted, counted.at(core::PositionValue::kNoted));
  }

  // Cycle-1 addenda cite items by their own number ("?.5"): they belong to the report's one
  // paragraph of recommendations still open at the WG stage (A/HRC/14/15: paragraph 111).
  std::string Resolve(const std::string& number) {
    if (!number.starts_with("?.")) return number;
    if (!pending_paragraph_) pending_paragraph_ = PendingParagraph();
    if (*pending_paragraph_ == 0) return number;
    return std::to_string(*pending_paragraph_) + number.substr(1);
  }

  int PendingParagraph() const {
    std::map<int, int> open;  // paragraph -> recommendations not settled at the WG stage
    for (const auto& rec : r_.recommendations) {
      if (!core::IsFinalPosition(rec.position.value)) ++open[rec.paragraph];
    }
    return open.size() == 1 ? open.begin()->first : 0;
  }

  core::Recommendation* Find(const std::string& number) {
    auto it = index_.find(number);
    return it == index_.end() ? nullptr : &r_.recommendations[it->second];
  }

  void Warn(const char* code, const std::string& document, const std::string& message) {
    r_.diagnostics.push_back({"warning", code, document, 0, message});
  }

  core::Review& r_;
  std::map<std::string, std::size_t> index_;
  std::optional<int> pending_paragraph_;
};

std::string Name(const ProcessedDocument& d) {
  return d.info.symbol.empty() ? d.path : d.info.symbol + " (" + d.path + ")";
}

// A draft WG report and the final report of the same review hold the same recommendations:
// the final report is the base and the drafts are set aside. Among drafts alone (two versions
// of one draft, or a draft and a list cut from it) the first complete draft (it has a symbol;
// a list has none, nor lead-ins with positions) is the base, else the first.
void SetAsideDrafts(std::vector<const ProcessedDocument*>& reports, core::Review& r) {
  const auto final_report = std::find_if(reports.begin(), reports.end(),
                                         [](const ProcessedDocument* d) { return !d->info.draft; });
  const bool has_final = final_report != reports.end();
  const ProcessedDocument* base = has_final ? *final_report : nullptr;
  if (!base) {
    const auto complete = std::find_if(reports.begin(), reports.end(),
                                       [](const auto* d) { return !d->info.symbol.empty(); });
    if (complete != reports.end()) base = *complete;
  }
  std::vector<const ProcessedDocument*> kept;
  for (const ProcessedDocument* d : reports) {
    if (!base) base = d;
    if (!d->info.draft || d == base) {
      kept.push_back(d);
      continue;
    }
    r.diagnostics.push_back(
        {"info", has_final ? "draft_superseded" : "draft_duplicate", d->info.symbol, 0,
         "the " + std::string(has_final ? "final" : "draft") + " report " + Name(*base) +
             " is the base of this review; the draft " + Name(*d) + " (" +
             std::to_string(d->recommendations.size()) + " recommendations) is set aside"});
  }
  reports = std::move(kept);
}

core::Review JoinOne(const std::vector<const ProcessedDocument*>& docs) {
  core::Review r;
  std::vector<const ProcessedDocument*> reports, lists, addenda;
  for (const ProcessedDocument* d : docs) {
    if (r.sur_iso3.empty()) {
      r.sur_name = d->info.sur_name;
      r.sur_iso3 = d->info.sur_iso3;
    }
    if (!r.cycle) r.cycle = d->info.cycle;
    if (!r.wg_session) r.wg_session = d->info.wg_session;
    if (!r.year) r.year = d->info.year;
    r.documents.push_back(d->info);
    for (const auto& diag : d->diagnostics) r.diagnostics.push_back(diag);
    switch (d->info.kind) {
      case core::DocumentKind::kThematicList:
        lists.push_back(d);
        break;
      case core::DocumentKind::kAddendum:
        addenda.push_back(d);
        break;
      default:
        reports.push_back(d);
        break;
    }
  }
  ReviewBuilder builder(r);
  SetAsideDrafts(reports, r);
  // The WG report is the base; a thematic list read alone stands in for it.
  for (const ProcessedDocument* d : reports) builder.AddBase(d->recommendations);
  if (reports.empty() && !lists.empty()) {
    builder.AddBase(lists.front()->recommendations);
    lists.erase(lists.begin());
  }
  // Later sources override earlier ones: OHCHR's list restates the answers; the addendum is
  // the State's own answer and comes last.
  for (const ProcessedDocument* d : lists) builder.MergeThematicList(*d);
  for (const ProcessedDocument* d : addenda) builder.ApplyAddendum(*d);
  builder.Reconcile(addenda);
  // The review knows its State and cycle even when one document did not say them.
  for (auto& rec : r.recommendations)
    rec.id = core::RecommendationId(r.sur_iso3, r.cycle, rec.number);
  return r;
}

}  // namespace

std::vector<std::vector<std::size_t>> PlanReviews(
    const std::vector<const ProcessedDocument*>& documents) {
  // Sorted by symbol then file, so the result does not depend on the order of the inputs.
  std::vector<std::size_t> order(documents.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return std::tie(documents[a]->info.symbol, documents[a]->path) <
           std::tie(documents[b]->info.symbol, documents[b]->path);
  });
  // An addendum's cover rarely names the session: it joins the review of the report whose
  // symbol it extends (A/HRC/59/15/Add.1 -> A/HRC/59/15).
  std::map<std::string, Key> by_symbol;
  for (std::size_t i : order) {
    const ProcessedDocument& d = *documents[i];
    if (!d.error && d.info.cycle && !d.info.symbol.empty())
      by_symbol.emplace(d.info.symbol, ReviewKey(d));
  }
  std::map<Key, std::vector<std::size_t>> groups;
  for (std::size_t i : order) {
    const ProcessedDocument& d = *documents[i];
    if (d.error) continue;
    Key key = ReviewKey(d);
    if (!d.info.cycle) {
      auto it = by_symbol.find(BaseSymbol(d.info.symbol));
      if (it != by_symbol.end()) key = it->second;
    }
    groups[key].push_back(i);
  }
  std::vector<std::vector<std::size_t>> out;
  for (auto& [key, members] : groups) out.push_back(std::move(members));
  return out;
}

core::Review JoinReview(const std::vector<const ProcessedDocument*>& documents) {
  return JoinOne(documents);
}

std::vector<core::Review> JoinReviews(std::vector<ProcessedDocument> documents) {
  std::vector<const ProcessedDocument*> all;
  for (const ProcessedDocument& d : documents) all.push_back(&d);
  std::vector<core::Review> out;
  for (const std::vector<std::size_t>& members : PlanReviews(all)) {
    std::vector<const ProcessedDocument*> docs;
    for (std::size_t i : members) docs.push_back(all[i]);
    out.push_back(JoinOne(docs));
  }
  return out;
}

}  // namespace uprx::pipeline
