// The Markdown report of a comparison (compare_writer.h), and the helpers all reports share.
#include <cstdio>
#include <cstdlib>

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
    out += (out.empty() ? "" : ", ") + StateKey(s);
  }
  return out.empty() ? "-" : out;
}

}  // namespace compare_report

namespace {

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

const char* kBreakdownTitles[][2] = {{"themes", "Themes (UHRI)"},
                                     {"action", "Action category"},
                                     {"ministries", "Ministries"},
                                     {"recommending_states", "Recommending States"},
                                     {"regional_groups", "Regional groups"},
                                     {"terms", "Instruments, bodies, groups and topics named"}};

void WriteHeadline(std::ostream& out, const ComparedReviews& in, const Comparison& c) {
  out << "# " << ReviewTitle(in.old_review) << " → " << ReviewTitle(in.new_review) << "\n\n"
      << "Compared `" << in.old_file << "` (old) with `" << in.new_file
      << "` (new); a pair counts as a repeat from score " << Score(c.options.repeat_threshold)
      << ".\n\n| | count |\n|---|---:|\n"
      << "| old recommendations | " << in.old_review.recommendations.size() << " |\n"
      << "| new recommendations | " << in.new_review.recommendations.size() << " |\n"
      << "| repeated (new ones matching an old one) | " << c.repeated.size() << " |\n"
      << "| new | " << c.new_only.size() << " |\n"
      << "| not raised again (old ones without a match) | " << c.dropped.size() << " |\n"
      << "| position changes | " << c.position_changes.size() << " |\n\n";
}

void WriteBreakdown(std::ostream& out, const Breakdown& b, const char* title) {
  out << "### " << title << "\n\n";
  if (!b.classified) {
    out << "Not classified (run `uprx classify` on both reviews).\n\n";
    return;
  }
  if (b.rows.empty()) {
    out << "None.\n\n";
    return;
  }
  out << "| | old | new | change |\n|---|---:|---:|---:|\n";
  for (const CountRow& r : b.rows) {
    const std::string label = r.name.empty() || r.name == r.key ? r.key : r.key + " " + r.name;
    out << "| " << Cell(label) << " | " << r.old_count << " | " << r.new_count << " | "
        << Signed(r.change()) << " |\n";
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
    out << "| " << PositionName(p.from) << " → " << PositionName(p.to) << " | " << o.id << " | "
        << n.id << " | " << Cell(n.text) << " |\n";
  }
  out << "\n";
}

void WriteRepeated(std::ostream& out, const ComparedReviews& in, const Comparison& c) {
  out << "## Repeated recommendations\n\n";
  if (c.repeated.empty()) out << "None.\n\n";
  for (std::size_t n : c.repeated) {
    const core::Recommendation& r = in.new_review.recommendations[n];
    out << "- **" << r.id << "** (" << PositionName(r.position.value) << "; " << States(r)
        << "): " << r.text << "\n";
    for (const Match& m : c.matches) {
      if (m.new_index != n) continue;
      const core::Recommendation& o = in.old_review.recommendations[m.old_index];
      out << "  - repeats **" << o.id << "** (" << PositionName(o.position.value) << "; "
          << States(o) << "; score " << Score(m.pair.score) << "): " << o.text << "\n";
    }
  }
  out << "\n";
}

void WriteList(std::ostream& out, const char* title, const core::Review& review,
               const std::vector<std::size_t>& indices) {
  out << "## " << title << "\n\n";
  if (indices.empty()) out << "None.\n";
  for (std::size_t i : indices) {
    const core::Recommendation& r = review.recommendations[i];
    out << "- **" << r.id << "** (" << PositionName(r.position.value) << "; " << States(r)
        << "): " << r.text << "\n";
  }
  out << "\n";
}

void WriteStatesInOneCycle(std::ostream& out, const Comparison& c) {
  const auto joined = [](const std::vector<std::string>& keys) {
    std::string s;
    for (const std::string& k : keys) s += (s.empty() ? "" : ", ") + k;
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
  out << "## Counts per cycle\n\n";
  for (const auto& [id, title] : kBreakdownTitles) {
    if (const Breakdown* b = compare_report::FindBreakdown(c, id)) WriteBreakdown(out, *b, title);
  }
  WriteStatesInOneCycle(out, c);
  WriteRepeated(out, in, c);
  WriteList(out, "New recommendations", in.new_review, c.new_only);
  WriteList(out, "Not raised again", in.old_review, c.dropped);
}

}  // namespace uprx::pipeline
