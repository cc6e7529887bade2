#include "pipeline/eval/thematic_eval.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <ostream>
#include <set>
#include <sstream>

#include "pipeline/core/embedded_data.h"
#include "pipeline/formats/review_reader.h"

namespace uprx::pipeline {
namespace {

// A score of `kind` with nothing counted yet.
KindScore EmptyScore(const std::string& kind) {
  KindScore score;
  score.kind = kind;
  return score;
}

struct KindFile {
  const char* kind;
  const char* file;
};
constexpr KindFile kKindFiles[] = {
    {"themes", "uhri.tsv"}, {"groups", "uhri_persons.tsv"}, {"sdgs", "sdg.tsv"}};

// A leading code of a given label: "A12", "2.1.", "S16", "10" (a short token of letters, digits
// and dots with at least one digit).
bool IsCode(std::string_view token) {
  if (token.empty() || token.size() > 8) return false;
  bool digit = false;
  for (char c : token) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isdigit(u)) {
      digit = true;
    } else if (!std::isalpha(u) && c != '.') {
      return false;
    }
  }
  return digit;
}

const std::vector<std::string>& GivenOf(const core::GivenLabels& g, std::string_view kind) {
  return kind == "themes" ? g.themes : kind == "groups" ? g.affected_persons : g.sdgs;
}

const std::optional<std::vector<core::AssignedLabel>>& OursOf(const core::Labels& l,
                                                              std::string_view kind) {
  return kind == "themes" ? l.themes : kind == "groups" ? l.groups : l.sdgs;
}

using IdSet = std::set<std::string>;

// Adds one recommendation's gold and predicted ids to `s`.
void Count(const IdSet& gold, const IdSet& predicted, KindScore& s) {
  for (const std::string& g : gold) {
    if (predicted.count(g)) {
      ++s.per_label[g].tp;
      continue;
    }
    ++s.per_label[g].fn;
    for (const std::string& p : predicted) {
      if (!gold.count(p)) ++s.instead[g][p];
    }
  }
  for (const std::string& p : predicted) {
    if (gold.count(p)) continue;
    ++s.per_label[p].fp;
    for (const std::string& g : gold) {
      if (!predicted.count(g)) ++s.missed_there[p][g];
    }
  }
}

std::string Fixed(double v) {
  std::ostringstream o;
  o << std::fixed << std::setprecision(3) << v;
  return o.str();
}

void AddMaps(std::map<std::string, std::map<std::string, std::size_t>>& to,
             const std::map<std::string, std::map<std::string, std::size_t>>& from) {
  for (const auto& [label, inner] : from) {
    for (const auto& [other, n] : inner) to[label][other] += n;
  }
}

// "a 5, b 3, c 1" for the `n` largest counts.
std::string Top(const std::map<std::string, std::size_t>& counts, std::size_t n) {
  std::vector<std::pair<std::size_t, std::string>> v;
  for (const auto& [label, c] : counts) v.emplace_back(c, label);
  std::sort(v.begin(), v.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  std::string out;
  for (std::size_t i = 0; i < v.size() && i < n; ++i) {
    out += (i ? ", " : "") + v[i].second + " " + std::to_string(v[i].first);
  }
  return out.empty() ? "-" : out;
}

void PrintRow(std::ostream& o, const std::string& name, const KindScore& s, const KindScore& v) {
  const LabelCounts m = s.micro(), mv = v.micro();
  const std::vector<double> macro = s.macro();
  o << std::left << std::setw(26) << name << std::right << std::setw(5) << s.scored << std::setw(6)
    << m.tp + m.fn << std::setw(6) << m.tp + m.fp << std::setw(6) << m.tp << "  "
    << Fixed(m.precision()) << " " << Fixed(m.recall()) << " " << Fixed(m.f1()) << "   "
    << Fixed(macro[0]) << " " << Fixed(macro[1]) << " " << Fixed(macro[2]) << "   "
    << Fixed(mv.precision()) << " " << Fixed(mv.recall()) << " " << Fixed(mv.f1()) << " "
    << std::setw(5) << v.outside_vocabulary << "\n";
}

void PrintPerLabel(std::ostream& o, const KindScore& s, const classifiers::Taxonomy& t) {
  std::vector<std::pair<std::string, LabelCounts>> rows(s.per_label.begin(), s.per_label.end());
  std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
    return a.second.tp + a.second.fn > b.second.tp + b.second.fn;
  });
  o << "  label                          gold  ours    tp  P     R     F1     name\n";
  for (const auto& [id, c] : rows) {
    const classifiers::Label* l = t.FindLabel(id);
    o << "  " << std::left << std::setw(30) << id << std::right << std::setw(5) << c.tp + c.fn
      << std::setw(6) << c.tp + c.fp << std::setw(6) << c.tp << "  " << Fixed(c.precision()) << " "
      << Fixed(c.recall()) << " " << Fixed(c.f1()) << "  " << (l ? l->name : "?") << "\n";
  }
}

void PrintWorst(std::ostream& o, const KindScore& s, std::size_t worst) {
  std::vector<std::pair<std::string, LabelCounts>> rows(s.per_label.begin(), s.per_label.end());
  std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
    return a.second.fp + a.second.fn > b.second.fp + b.second.fn;
  });
  o << "  worst labels (most errors):\n";
  for (std::size_t i = 0; i < rows.size() && i < worst; ++i) {
    const auto& [id, c] = rows[i];
    auto instead = s.instead.find(id);
    auto missed = s.missed_there.find(id);
    o << "  " << id << ": F1 " << Fixed(c.f1()) << " (tp " << c.tp << ", fp " << c.fp << ", fn "
      << c.fn << ")\n"
      << "    missed " << c.fn
      << "; we gave instead: " << (instead == s.instead.end() ? "-" : Top(instead->second, 5))
      << "\n"
      << "    given wrongly " << c.fp << "; OHCHR gave there and we missed: "
      << (missed == s.missed_there.end() ? "-" : Top(missed->second, 5)) << "\n";
  }
}

}  // namespace

const classifiers::Label* MapGivenLabel(const classifiers::Taxonomy& taxonomy,
                                        std::string_view given) {
  if (const classifiers::Label* l = taxonomy.FindLabelByName(given)) return l;
  const std::size_t start = given.find_first_not_of(' ');
  if (start == std::string_view::npos) return nullptr;
  given.remove_prefix(start);
  const std::size_t space = given.find(' ');
  const std::string_view code = given.substr(0, space);
  if (!IsCode(code)) return nullptr;
  if (space != std::string_view::npos) {
    if (const classifiers::Label* l = taxonomy.FindLabelByName(given.substr(space + 1))) return l;
  }
  std::string_view bare = code;
  while (!bare.empty() && bare.back() == '.') bare.remove_suffix(1);
  return taxonomy.FindLabelByName(bare);
}

std::vector<std::string> CoveredLabels(const classifiers::Taxonomy& taxonomy,
                                       std::string_view given) {
  std::string_view name = given.substr(std::min(given.size(), given.find_first_not_of(' ')));
  const std::size_t space = name.find(' ');
  if (space != std::string_view::npos && IsCode(name.substr(0, space))) {
    name.remove_prefix(space + 1);
  }
  std::vector<std::string> out;
  const classifiers::Option* o = taxonomy.FindOption("covers:" + classifiers::FoldName(name));
  if (o == nullptr) return out;
  std::istringstream ids(o->value);
  for (std::string id; ids >> id;) out.push_back(id);
  return out;
}

double LabelCounts::precision() const {
  return tp + fp == 0 ? 0 : static_cast<double>(tp) / static_cast<double>(tp + fp);
}
double LabelCounts::recall() const {
  return tp + fn == 0 ? 0 : static_cast<double>(tp) / static_cast<double>(tp + fn);
}
double LabelCounts::f1() const {
  const double p = precision(), r = recall();
  return p + r == 0 ? 0 : 2 * p * r / (p + r);
}
LabelCounts& LabelCounts::operator+=(const LabelCounts& o) {
  tp += o.tp;
  fp += o.fp;
  fn += o.fn;
  return *this;
}

LabelCounts KindScore::micro() const {
  LabelCounts sum;
  for (const auto& [id, c] : per_label) sum += c;
  return sum;
}

std::vector<double> KindScore::macro() const {
  std::vector<double> m(3, 0.0);
  std::size_t n = 0;
  for (const auto& [id, c] : per_label) {
    if (c.tp + c.fn == 0) continue;
    m[0] += c.precision();
    m[1] += c.recall();
    m[2] += c.f1();
    ++n;
  }
  if (n > 0) {
    for (double& v : m) v /= static_cast<double>(n);
  }
  return m;
}

KindScore& KindScore::operator+=(const KindScore& o) {
  scored += o.scored;
  unlabelled += o.unlabelled;
  outside_vocabulary += o.outside_vocabulary;
  for (const auto& [id, c] : o.per_label) per_label[id] += c;
  for (const auto& [label, n] : o.unmapped) unmapped[label] += n;
  AddMaps(instead, o.instead);
  AddMaps(missed_there, o.missed_there);
  return *this;
}

core::Result<ThematicEvaluator> ThematicEvaluator::Create(
    std::shared_ptr<const classifiers::ReviewClassifier> reclassify) {
  ThematicEvaluator e;
  e.reclassify_ = std::move(reclassify);
  for (const KindFile& k : kKindFiles) {
    if (!EmbeddedData(k.file)) continue;
    auto t = classifiers::Taxonomy::LoadEmbedded(k.file);
    if (!t.ok()) return t.status();
    e.kinds_.push_back(
        {k.kind, std::make_shared<const classifiers::Taxonomy>(std::move(t).value())});
  }
  return e;
}

const classifiers::Taxonomy* ThematicEvaluator::TaxonomyOf(std::string_view kind) const {
  for (const Kind& k : kinds_) {
    if (k.kind == kind) return k.taxonomy.get();
  }
  return nullptr;
}

DocumentScore ThematicEvaluator::Score(const core::Review& review, const std::string& name) const {
  DocumentScore d{name, {}, {}};
  std::vector<core::Labels> relabelled;
  if (reclassify_) {
    for (const core::Recommendation& r : review.recommendations) {
      relabelled.push_back(reclassify_->ClassifyText(r.text));
    }
  }
  for (const Kind& k : kinds_) {
    KindScore strict = EmptyScore(k.kind), vocabulary = EmptyScore(k.kind);
    std::vector<std::optional<IdSet>> gold(review.recommendations.size());
    // Per recommendation: our finer label -> the coarse given label that covers it.
    std::vector<std::map<std::string, std::string>> covered(review.recommendations.size());
    IdSet document_vocabulary;
    for (std::size_t i = 0; i < review.recommendations.size(); ++i) {
      const std::vector<std::string>& given =
          GivenOf(review.recommendations[i].given_labels, k.kind);
      if (given.empty()) continue;
      gold[i].emplace();
      for (const std::string& g : given) {
        if (const classifiers::Label* l = MapGivenLabel(*k.taxonomy, g)) {
          gold[i]->insert(l->id);
          document_vocabulary.insert(l->id);
          for (std::string& id : CoveredLabels(*k.taxonomy, g)) {
            document_vocabulary.insert(id);
            covered[i].emplace(std::move(id), l->id);
          }
        } else {
          ++strict.unmapped[g];
        }
      }
    }
    for (std::size_t i = 0; i < gold.size(); ++i) {
      if (!gold[i]) continue;
      const core::Labels& labels = reclassify_ ? relabelled[i] : review.recommendations[i].labels;
      const auto& ours = OursOf(labels, k.kind);
      IdSet predicted, in_vocabulary;
      if (ours) {
        for (const core::AssignedLabel& l : *ours) {
          // A finer label under a coarse given one is that label, unless it was given itself.
          auto c = covered[i].find(l.id);
          predicted.insert(c != covered[i].end() && !gold[i]->count(l.id) ? c->second : l.id);
        }
      } else {
        ++strict.unlabelled;
      }
      for (const std::string& p : predicted) {
        if (document_vocabulary.count(p)) {
          in_vocabulary.insert(p);
        } else {
          ++vocabulary.outside_vocabulary;
        }
      }
      ++strict.scored;
      Count(*gold[i], predicted, strict);
      Count(*gold[i], in_vocabulary, vocabulary);
    }
    vocabulary.scored = strict.scored;
    vocabulary.unlabelled = strict.unlabelled;
    vocabulary.unmapped = strict.unmapped;
    d.strict.push_back(std::move(strict));
    d.vocabulary.push_back(std::move(vocabulary));
  }
  return d;
}

DocumentScore SumScores(const std::vector<DocumentScore>& documents, const std::string& name) {
  DocumentScore sum{name, {}, {}};
  for (const DocumentScore& d : documents) {
    if (sum.strict.empty()) {
      for (const KindScore& k : d.strict) sum.strict.push_back(EmptyScore(k.kind));
      for (const KindScore& k : d.vocabulary) sum.vocabulary.push_back(EmptyScore(k.kind));
    }
    for (std::size_t i = 0; i < d.strict.size() && i < sum.strict.size(); ++i) {
      sum.strict[i] += d.strict[i];
      sum.vocabulary[i] += d.vocabulary[i];
    }
  }
  return sum;
}

std::string FormatThematicReport(const std::vector<DocumentScore>& documents, std::size_t worst,
                                 const ThematicEvaluator& evaluator) {
  std::ostringstream o;
  const DocumentScore all = SumScores(documents, "overall");
  o << "Scored: recommendations with a given label of the kind. Macro: mean over labels with\n"
       "gold support. Vocabulary: labels the document never uses are set aside (out).\n";
  for (std::size_t k = 0; k < all.strict.size(); ++k) {
    const std::string& kind = all.strict[k].kind;
    const classifiers::Taxonomy* t = evaluator.TaxonomyOf(kind);
    o << "\n== " << kind << " (" << (t ? t->id() + " " + t->version() : "?") << ")\n"
      << std::left << std::setw(26) << "document" << std::right
      << " recs  gold  ours    tp  microP microR microF1 macroP macroR macroF1 | vocab P R F1 "
         "  out\n";
    for (const DocumentScore& d : documents) {
      if (k < d.strict.size() && d.strict[k].scored > 0) {
        PrintRow(o, d.name, d.strict[k], d.vocabulary[k]);
      }
    }
    PrintRow(o, "overall", all.strict[k], all.vocabulary[k]);
    if (all.strict[k].unlabelled > 0) {
      o << "  " << all.strict[k].unlabelled
        << " recommendations carry none of our labels of this kind (not classified: run `uprx "
           "run` again or use --reclassify)\n";
    }
    if (t) PrintPerLabel(o, all.strict[k], *t);
    PrintWorst(o, all.strict[k], worst);
    o << "  given labels that map to no label (" << all.strict[k].unmapped.size() << "):\n";
    for (const auto& [label, n] : all.strict[k].unmapped) o << "    " << n << "x " << label << "\n";
  }
  return o.str();
}

int RunThematicEval(const std::vector<std::string>& files, bool reclassify, std::size_t worst,
                    std::ostream& out, std::ostream& err,
                    const std::vector<std::string>& taxonomy_paths) {
  std::shared_ptr<const classifiers::ReviewClassifier> classifier;
  if (reclassify || !taxonomy_paths.empty()) {
    classifiers::ClassifierOptions options;
    options.taxonomy_paths = taxonomy_paths;
    auto c = classifiers::ReviewClassifier::Create(options);
    if (!c.ok()) {
      // A --taxonomy-file that cannot be used: a usage-class error, as in `uprx run`.
      err << "uprx eval-labels: " << c.status().message() << "\n";
      return 2;
    }
    classifier = std::make_shared<const classifiers::ReviewClassifier>(std::move(c).value());
  }
  auto evaluator = ThematicEvaluator::Create(classifier);
  if (!evaluator.ok()) {
    err << "uprx eval-labels: " << evaluator.status().ToString() << "\n";
    return 1;
  }
  int exit_code = 0;
  std::vector<DocumentScore> scores;
  for (const std::string& path : files) {
    auto file = ReadReviewsJson(path);
    if (!file.ok()) {
      err << "uprx eval-labels: " << file.status().ToString() << "\n";
      exit_code = 1;
      continue;
    }
    const std::string base = std::filesystem::path(path).filename().string();
    for (const core::Review& r : file.value().reviews) {
      const std::string name = file.value().reviews.size() == 1
                                   ? base
                                   : base + "#" + r.sur_iso3 + "-c" +
                                         (r.cycle ? std::to_string(*r.cycle) : std::string("?"));
      scores.push_back(evaluator.value().Score(r, name));
    }
  }
  out << FormatThematicReport(scores, worst, evaluator.value());
  return exit_code;
}

}  // namespace uprx::pipeline
