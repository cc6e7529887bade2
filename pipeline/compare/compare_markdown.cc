// The Markdown report of a comparison (compare_writer.h), and the helpers all reports share.
#include <cstdio>
#include <cstdlib>
#include <set>

#include "pipeline/compare/compare_writer.h"
#include "pipeline/formats/report_data.h"

namespace uprx::pipeline {

std::string ReviewTitle(const core::Review& review) {
  std::string title = review.sur_name.empty() ? "Unknown State" : review.sur_name;
  if (!review.sur_iso3.empty()) title += " (" + review.sur_iso3 + ")";
  if (review.cycle) title += " cycle " + std::to_string(*review.cycle);
  if (review.year) title += " (" + std::to_string(*review.year) + ")";
  return title;
}

namespace compare_report {

const Breakdown* FindBreakdown(const Comparison& c, const std::string& id) {
  for (const Breakdown& b : c.breakdowns) {
    if (b.id == id) return &b;
  }
  return nullptr;
}

const Breakdown& ThematicBreakdown(const Comparison& c) {
  const Breakdown* themes = FindBreakdown(c, "themes");
  if (themes != nullptr && themes->classified) return *themes;
  return *FindBreakdown(c, "terms");
}

std::string Score(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f", value);
  return buffer;
}

std::string States(const core::Recommendation& r) {
  std::string out;
  for (const core::StateRef& s : r.recommending_states) {
    out += (out.empty() ? "" : ", ") + (s.name.empty() ? StateKey(s) : s.name);
  }
  return out.empty() ? "-" : out;
}

std::string BreakdownTitle(const std::string& id) {
  static const std::pair<const char*, const char*> kTitles[] = {
      {"themes", "Themes (UHRI)"},
      {"action", "Action category"},
      {"ministries", "Ministries"},
      {"recommending_states", "Recommending States"},
      {"regional_groups", "Regional groups"},
      {"terms", "Instruments, bodies, groups and topics named"}};
  for (const auto& [key, title] : kTitles) {
    if (id == key) return title;
  }
  return id;
}

std::string NotClassifiedHint(const std::string& id) {
  if (id == "ministries") {
    return "Not classified: run `uprx run` with `--profile ISO3` (the government's ministries) "
           "on both reviews.";
  }
  return "Not classified: run `uprx run` (or `uprx classify`) on both reviews.";
}

std::string RowLabel(const CountRow& row) { return row.name.empty() ? row.key : row.name; }

std::string StateName(const Comparison& c, const std::string& key) {
  if (const Breakdown* states = FindBreakdown(c, "recommending_states")) {
    for (const CountRow& row : states->rows) {
      if (row.key == key && !row.name.empty()) return row.name;
    }
  }
  return key;
}

std::string LinkingWords(const MatchEvidence& e) {
  constexpr std::size_t kShown = 6;
  std::vector<std::string> shown(e.terms.begin(), e.terms.end());
  for (const std::string& w : e.words) {
    if (shown.size() >= kShown) break;
    shown.push_back(w);
  }
  std::string out;
  for (const std::string& s : shown) out += (out.empty() ? "" : ", ") + s;
  return out.empty() ? "no shared words" : out;
}

std::vector<std::string> CommitteeAnswer(const ComparedReviews& in, const Comparison& c) {
  const auto when = [](const core::Review& r, const char* otherwise) {
    if (r.year) return std::to_string(*r.year);
    return r.cycle ? "cycle " + std::to_string(*r.cycle) : std::string(otherwise);
  };
  std::set<std::size_t> raised;
  for (const Match& m : c.matches) raised.insert(m.old_index);
  int supported = 0, noted = 0;
  for (std::size_t o : raised) {
    const core::PositionValue p = in.old_review.recommendations[o].position.value;
    supported += p == core::PositionValue::kSupported, noted += p == core::PositionValue::kNoted;
  }
  std::set<std::size_t> partly;
  for (const Match& m : c.partial_links) {
    if (!raised.count(m.old_index)) partly.insert(m.old_index);
  }
  const std::string old_when = when(in.old_review, "earlier"),
                    new_when = when(in.new_review, "later");
  return {
      "Of the " + old_when + " review's " + std::to_string(in.old_review.recommendations.size()) +
          " recommendations, " + std::to_string(raised.size()) + " were made again in the " +
          new_when + " review" + "; of those you supported " + std::to_string(supported) +
          " then and noted " + std::to_string(noted) + ". " + std::to_string(c.dropped.size()) +
          " were not raised again (no new recommendation repeats them); " +
          std::to_string(partly.size()) +
          " of those are partly taken up by a new one (see partial links).",
      "Of the " + new_when + " review's " + std::to_string(in.new_review.recommendations.size()) +
          " recommendations, " + std::to_string(c.repeated.size()) + " repeat an earlier one and " +
          std::to_string(c.new_only.size()) + " are new; " +
          std::to_string(c.position_changes.size()) +
          " repeats carry a position different from the earlier one."};
}

}  // namespace compare_report

namespace {

using compare_report::LinkingWords;
using compare_report::Score;
using compare_report::States;

// Table cells are one line; a pipe would end the cell.
std::string Cell(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '|') {
      out += "\\|";
    } else {
      out += (c == '\n' || c == '\r') ? ' ' : c;
    }
  }
  return out;
}

std::string Signed(int change) { return (change > 0 ? "+" : "") + std::to_string(change); }

void WriteHeadline(std::ostream& out, const ComparedReviews& in, const Comparison& c) {
  out << "# " << ReviewTitle(in.old_review) << " → " << ReviewTitle(in.new_review) << "\n\n";
  for (const std::string& s : compare_report::CommitteeAnswer(in, c)) out << s << "\n\n";
  out << "Compared `" << in.old_file << "` (old) with `" << in.new_file
      << "` (new); a pair counts as a repeat from score " << Score(c.repeat_threshold)
      << " and as a partial link from " << Score(c.partial_threshold)
      << ".\n\n| | count |\n|---|---:|\n"
      << "| old recommendations | " << in.old_review.recommendations.size() << " |\n"
      << "| new recommendations | " << in.new_review.recommendations.size() << " |\n"
      << "| repeated (new ones repeating an old one) | " << c.repeated.size() << " |\n"
      << "| new | " << c.new_only.size() << " |\n"
      << "| not raised again (old ones no new one repeats) | " << c.dropped.size() << " |\n"
      << "| partial links (not counted as repeats) | " << c.partial_links.size() << " |\n"
      << "| position changes | " << c.position_changes.size() << " |\n\n";
}

void WriteBreakdown(std::ostream& out, const Breakdown& b) {
  out << "### " << compare_report::BreakdownTitle(b.id) << "\n\n";
  if (!b.classified) {
    out << compare_report::NotClassifiedHint(b.id) << "\n\n";
    return;
  }
  if (b.rows.empty()) {
    out << "None.\n\n";
    return;
  }
  out << "| | old | new | change |\n|---|---:|---:|---:|\n";
  for (const CountRow& r : b.rows) {
    out << "| " << Cell(compare_report::RowLabel(r)) << " | " << r.old_count << " | " << r.new_count
        << " | " << Signed(r.change()) << " |\n";
  }
  out << "\n";
}

void WritePositionChanges(std::ostream& out, const ComparedReviews& in, const Comparison& c) {
  out << "## Position changes\n\n";
  if (c.position_changes.empty()) {
    out << "None.\n\n";
    return;
  }
  out << "| change | old | new | new text |\n|---|---|---|---|\n";
  for (const PositionChange& p : c.position_changes) {
    const auto& o = in.old_review.recommendations[p.old_index];
    const auto& n = in.new_review.recommendations[p.new_index];
    out << "| " << core::PositionLabel(p.from) << " → " << core::PositionLabel(p.to) << " | "
        << o.id << " | " << n.id << " | " << Cell(n.text) << " |\n";
  }
  out << "\n";
}

void WriteLinks(std::ostream& out, const ComparedReviews& in, const Comparison& c,
                const std::vector<Match>& links, const char* verb) {
  std::size_t shown = 0, current = links.empty() ? 0 : links.front().new_index + 1;
  for (const Match& m : links) {
    if (m.new_index != current) {
      current = m.new_index, shown = 0;
      const core::Recommendation& r = in.new_review.recommendations[m.new_index];
      out << "- **" << r.id << "** (" << core::PositionLabel(r.position.value) << "; " << States(r)
          << "): " << r.text << "\n";
    }
    if (c.options.max_matches > 0 && ++shown > c.options.max_matches) continue;
    const core::Recommendation& o = in.old_review.recommendations[m.old_index];
    out << "  - " << verb << " **" << o.id << "** (" << core::PositionLabel(o.position.value)
        << "; " << States(o) << "; score " << Score(m.pair.score) << "; linked by "
        << LinkingWords(m.pair.evidence) << "): " << o.text << "\n";
  }
  out << "\n";
}

void WriteNotRaisedAgain(std::ostream& out, const ComparedReviews& in, const Comparison& c) {
  out << "## Not raised again\n\n";
  if (c.dropped.empty()) out << "None.\n";
  for (std::size_t i = 0; i < c.dropped.size(); ++i) {
    const core::Recommendation& r = in.old_review.recommendations[c.dropped[i]];
    out << "- **" << r.id << "** (" << core::PositionLabel(r.position.value) << "; " << States(r)
        << "): " << r.text << "\n";
    const Closest& closest = c.dropped_closest[i];
    if (!closest.new_index) continue;
    const core::Recommendation& n = in.new_review.recommendations[*closest.new_index];
    out << "  - closest new: **" << n.id << "** (score " << Score(closest.score) << "): " << n.text
        << "\n";
  }
  out << "\n";
}

void WriteList(std::ostream& out, const char* title, const core::Review& review,
               const std::vector<std::size_t>& indices) {
  out << "## " << title << "\n\n";
  if (indices.empty()) out << "None.\n";
  for (std::size_t i : indices) {
    const core::Recommendation& r = review.recommendations[i];
    out << "- **" << r.id << "** (" << core::PositionLabel(r.position.value) << "; " << States(r)
        << "): " << r.text << "\n";
  }
  out << "\n";
}

void WriteStatesInOneCycle(std::ostream& out, const Comparison& c) {
  const auto joined = [&](const std::vector<std::string>& keys) {
    std::string s;
    for (const std::string& k : keys)
      s += (s.empty() ? "" : ", ") + compare_report::StateName(c, k);
    return s.empty() ? std::string("none") : s;
  };
  out << "### States that recommended in one cycle only\n\n"
      << "- old cycle only: " << joined(c.states_old_only) << "\n"
      << "- new cycle only: " << joined(c.states_new_only) << "\n\n";
}

}  // namespace

void WriteCompareMarkdown(std::ostream& out, const ComparedReviews& in, const Comparison& c) {
  WriteHeadline(out, in, c);
  WritePositionChanges(out, in, c);
  out << "## Repeated recommendations\n\n";
  if (c.matches.empty()) out << "None.\n\n";
  WriteLinks(out, in, c, c.matches, "repeats");
  out << "## Partial links (part of the same ask; not counted as repeats)\n\n";
  if (c.partial_links.empty()) out << "None.\n\n";
  WriteLinks(out, in, c, c.partial_links, "partly takes up");
  WriteNotRaisedAgain(out, in, c);
  WriteList(out, "New recommendations", in.new_review, c.new_only);
  out << "## Counts per cycle\n\n";
  for (const Breakdown& b : c.breakdowns) WriteBreakdown(out, b);
  WriteStatesInOneCycle(out, c);
}

}  // namespace uprx::pipeline
