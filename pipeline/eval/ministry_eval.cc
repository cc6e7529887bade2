#include "pipeline/eval/ministry_eval.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "pipeline/core/text_util.h"
#include "pipeline/formats/review_reader.h"

namespace uprx::pipeline {
namespace {

constexpr int kConfusionsShown = 12;

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::stringstream in(s);
  for (std::string f; std::getline(in, f, sep);) out.push_back(f);
  if (!s.empty() && s.back() == sep) out.emplace_back();
  return out;
}

std::vector<std::string> Ids(const std::string& cell) {
  std::vector<std::string> out;
  for (std::string& id : Split(cell, ';')) {
    id.erase(std::remove(id.begin(), id.end(), ' '), id.end());
    if (!id.empty()) out.push_back(id);
  }
  return out;
}

struct Predicted {
  std::string lead = "(not found)";
  std::set<std::string> supporting;
};

std::map<std::string, Predicted> Predictions(const std::vector<core::Review>& reviews) {
  std::map<std::string, Predicted> out;
  for (const core::Review& review : reviews) {
    for (const core::Recommendation& r : review.recommendations) {
      Predicted& p = out[r.id];
      p.lead = "(unassigned)";  // a recommendation without a lead label: what must never happen
      for (const auto& l : r.labels.ministries.value_or(std::vector<core::AssignedLabel>{})) {
        if (l.role == "lead") p.lead = l.id;
        if (l.role == "supporting") p.supporting.insert(l.id);
      }
    }
  }
  return out;
}

void Add(MinistryPartScore& s, const MinistryGoldRow& g, const Predicted* p) {
  ++s.rows;
  if (p == nullptr) {
    ++s.missing;
    s.support_fn += static_cast<int>(g.supporting.size());
    s.confusions[{g.lead, "(not found)"}].push_back(g.id);
    return;
  }
  if (p->lead == "NONE") ++s.predicted_none;
  if (p->lead == g.lead) {
    ++s.lead_correct;
  } else {
    s.confusions[{g.lead, p->lead}].push_back(g.id);
  }
  const std::set<std::string> gold(g.supporting.begin(), g.supporting.end());
  for (const std::string& id : p->supporting) (gold.count(id) ? s.support_tp : s.support_fp)++;
  for (const std::string& id : gold) s.support_fn += p->supporting.count(id) ? 0 : 1;
}

std::string Percent(double v) {
  char b[16];
  std::snprintf(b, sizeof b, "%.1f%%", 100 * v);
  return b;
}

void PrintText(const std::map<std::string, MinistryPartScore>& scores) {
  std::printf("Ministry assignment against the gold set\n");
  std::printf("  %-8s %5s %8s %13s %8s %8s %7s %6s\n", "part", "rows", "missing", "lead accuracy",
              "sup. P", "sup. R", "sup. F1", "NONE");
  for (const auto& [part, s] : scores) {
    const double p = s.support_precision(), r = s.support_recall();
    std::printf("  %-8s %5d %8d %13s %8s %8s %7s %6d\n", part.c_str(), s.rows, s.missing,
                (Percent(s.lead_accuracy()) + " (" + std::to_string(s.lead_correct) + ")").c_str(),
                Percent(p).c_str(), Percent(r).c_str(),
                Percent(p + r > 0 ? 2 * p * r / (p + r) : 0).c_str(), s.predicted_none);
  }
  const MinistryPartScore& all = scores.at("all");
  std::vector<std::pair<std::pair<std::string, std::string>, std::vector<std::string>>> c(
      all.confusions.begin(), all.confusions.end());
  std::stable_sort(c.begin(), c.end(),
                   [](const auto& a, const auto& b) { return a.second.size() > b.second.size(); });
  std::printf("\nLead confusions (gold -> predicted), most frequent first:\n");
  for (int i = 0; i < kConfusionsShown && i < static_cast<int>(c.size()); ++i) {
    const auto& [pair, ids] = c[static_cast<std::size_t>(i)];
    std::string list;
    for (std::size_t k = 0; k < ids.size() && k < 6; ++k) list += (k ? " " : "") + ids[k];
    std::printf("  %3zu  %-7s -> %-12s %s%s\n", ids.size(), pair.first.c_str(), pair.second.c_str(),
                list.c_str(), ids.size() > 6 ? " ..." : "");
  }
}

void PrintJson(const std::map<std::string, MinistryPartScore>& scores) {
  nlohmann::json j = nlohmann::json::object();
  for (const auto& [part, s] : scores) {
    nlohmann::json confusions = nlohmann::json::array();
    for (const auto& [pair, ids] : s.confusions) {
      confusions.push_back({{"gold", pair.first}, {"predicted", pair.second}, {"ids", ids}});
    }
    j[part] = {{"rows", s.rows},
               {"missing", s.missing},
               {"lead_correct", s.lead_correct},
               {"lead_accuracy", s.lead_accuracy()},
               {"support_precision", s.support_precision()},
               {"support_recall", s.support_recall()},
               {"predicted_none", s.predicted_none},
               {"confusions", confusions}};
  }
  std::cout << j.dump(2) << "\n";
}

bool WriteFailures(const std::string& path, const std::vector<MinistryGoldRow>& gold,
                   const std::map<std::string, Predicted>& predicted) {
  std::ofstream out(path);
  out << "id\tpart\tgold_lead\tpredicted_lead\tgold_supporting\tpredicted_supporting\treason\n";
  for (const MinistryGoldRow& g : gold) {
    auto it = predicted.find(g.id);
    const Predicted p = it == predicted.end() ? Predicted{} : it->second;
    const std::set<std::string> gs(g.supporting.begin(), g.supporting.end());
    if (p.lead == g.lead && p.supporting == gs) continue;
    std::string ps, gss;
    for (const auto& s : p.supporting) ps += (ps.empty() ? "" : ";") + s;
    for (const auto& s : gs) gss += (gss.empty() ? "" : ";") + s;
    out << g.id << '\t' << g.part << '\t' << g.lead << '\t' << p.lead << '\t' << gss << '\t' << ps
        << '\t' << g.reason << '\n';
  }
  if (!out) std::cerr << "uprx eval: " << path << ": cannot write\n";
  return static_cast<bool>(out);
}

}  // namespace

core::Result<std::vector<MinistryGoldRow>> ParseMinistryGold(std::string_view text,
                                                             std::string_view source) {
  auto error = [&](int line, const std::string& why) {
    return core::Status("gold_invalid",
                        std::string(source) + ":" + std::to_string(line) + ": " + why);
  };
  std::vector<MinistryGoldRow> rows;
  std::map<std::string, std::size_t> column;
  for (const auto& [line, number] : core::DataLines(text)) {
    const std::vector<std::string> f = Split(std::string(line), '\t');
    if (column.empty()) {
      for (std::size_t i = 0; i < f.size(); ++i) column[f[i]] = i;
      for (const char* need : {"id", "lead", "supporting", "reason"}) {
        if (!column.count(need)) return error(number, std::string("no column '") + need + "'");
      }
      continue;
    }
    if (f.size() != column.size()) {
      return error(number, std::to_string(f.size()) + " fields, the header has " +
                               std::to_string(column.size()));
    }
    MinistryGoldRow r{f[column["id"]],
                      f[column["lead"]],
                      Ids(f[column["supporting"]]),
                      f[column["reason"]],
                      column.count("part") ? f[column["part"]] : "",
                      number};
    if (r.id.empty() || r.lead.empty()) return error(number, "a row without id or lead");
    rows.push_back(std::move(r));
  }
  if (column.empty()) return error(core::LineCount(text), "no header");
  return rows;
}

core::Result<std::vector<MinistryGoldRow>> ReadMinistryGold(const std::string& path) {
  auto text = core::ReadWholeFile(path, "gold file");
  if (!text.ok()) return text.status();
  return ParseMinistryGold(text.value(), path);
}

std::map<std::string, MinistryPartScore> ScoreMinistries(const std::vector<MinistryGoldRow>& gold,
                                                         const std::vector<core::Review>& reviews) {
  const std::map<std::string, Predicted> predicted = Predictions(reviews);
  std::map<std::string, MinistryPartScore> scores;
  scores["all"];
  for (const MinistryGoldRow& g : gold) {
    auto it = predicted.find(g.id);
    const Predicted* p = it == predicted.end() ? nullptr : &it->second;
    Add(scores["all"], g, p);
    if (!g.part.empty()) Add(scores[g.part], g, p);
  }
  return scores;
}

int RunMinistryEval(const std::string& gold_path, const std::vector<std::string>& inputs,
                    const std::string& failures, bool json) {
  auto gold = ReadMinistryGold(gold_path);
  if (!gold.ok()) {
    std::cerr << "uprx eval: " << gold.status().ToString() << "\n";
    return 1;
  }
  std::vector<core::Review> reviews;
  for (const std::string& input : inputs) {
    auto f = ReadReviewsJson(input);
    if (!f.ok()) {
      std::cerr << "uprx eval: " << f.status().ToString() << "\n";
      return 1;
    }
    for (core::Review& r : f.value().reviews) reviews.push_back(std::move(r));
  }
  const auto scores = ScoreMinistries(gold.value(), reviews);
  json ? PrintJson(scores) : PrintText(scores);
  if (!failures.empty() && !WriteFailures(failures, gold.value(), Predictions(reviews))) return 1;
  return 0;
}

}  // namespace uprx::pipeline
