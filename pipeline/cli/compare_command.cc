// `uprx compare OLD.json NEW.json`: flags, read both reviews, compare, write. The matching is in
// compare.{h,cc}, the outputs in compare_writer.h.
#include <boost/program_options.hpp>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "pipeline/cli/command_line.h"
#include "pipeline/cli/commands.h"
#include "pipeline/compare/compare.h"
#include "pipeline/compare/compare_sqlite.h"
#include "pipeline/compare/compare_writer.h"
#include "pipeline/formats/json_writer.h"
#include "pipeline/formats/review_reader.h"

namespace uprx::pipeline {
namespace {

namespace po = boost::program_options;

constexpr const char* kUsage =
    R"(Usage: uprx compare OLD.json NEW.json [-o FILE] [--format json|md|html|sqlite]

Compares two reviews of one State (uprx/1 files with one review each, as `uprx run --out DIR`
writes them): which recommendations were made again (also when reworded), which are new, which
were not raised again, how the State's positions moved, and the counts per theme, action
category, ministry (when classified), recommending State and regional group in each cycle.

Example:
  uprx run ../shared/corpora/slovenia --out svn
  uprx compare svn/SVN-c3.json svn/SVN-c4.json --format html -o svn-c3-c4.html
  uprx compare svn/SVN-c3.json svn/SVN-c4.json --format sqlite -o upr.db   # adds to upr.db

Options)";

struct Options {
  std::vector<std::string> inputs;
  std::string output;
  std::string format = "json";
  double threshold = 0;  // 0: the model's
  std::size_t max_matches = 0;
};

po::options_description Described(Options& o) {
  po::options_description d(kUsage, 100);
  auto add = d.add_options();
  add("help,h", "show this help");
  add("output,o", po::value(&o.output)->value_name("FILE"), "write here (default: stdout)");
  add("format", po::value(&o.format)->value_name("FORMAT"),
      "json (uprx.compare/1, the default), md (Markdown), html (one self-contained page) or "
      "sqlite (both reviews and the matches added to the database -o FILE; docs/sqlite.md)");
  add("threshold", po::value(&o.threshold)->value_name("X"),
      "score from which a pair counts as a repeat (default: the model's, chosen by "
      "leave-one-review-pair-out validation; docs/compare.md)");
  add("max-matches", po::value(&o.max_matches)->value_name("N"),
      "show at most N repeats per new recommendation in md/html (default: all); counts and the "
      "JSON lists never change");
  add("quiet,q", "no progress messages (compare prints none; accepted for scripts)");
  return d;
}

// The one review of a file; an error names the file when it holds none or several.
core::Result<core::Review> OneReview(const std::string& path) {
  core::Result<ReviewFile> file = ReadReviewsJson(path);
  if (!file.ok()) return file.status();
  std::vector<core::Review>& reviews = file.value().reviews;
  if (reviews.size() != 1) {
    return core::Status("not_one_review", path + ": holds " + std::to_string(reviews.size()) +
                                              " reviews; compare needs one review per file "
                                              "(uprx run --out DIR writes one per file)");
  }
  return std::move(reviews.front());
}

std::string Render(const Options& o, const ComparedReviews& in, const Comparison& c) {
  std::ostringstream out;
  if (o.format == "md") {
    WriteCompareMarkdown(out, in, c);
  } else if (o.format == "html") {
    WriteCompareHtml(out, in, c);
  } else {
    out << CompareToJson(in, c).dump(2) << "\n";
  }
  return out.str();
}

// Both reviews and the comparison added to the database at `path` (made when missing).
core::Status WriteSqlite(const std::string& path, const ComparedReviews& in, const Comparison& c) {
  SqliteWriter db;
  if (core::Status s = db.Open(path); !s.ok()) return s;
  if (core::Status s = AddComparison(db, in, c); !s.ok()) return s;
  return db.Commit({});
}

}  // namespace

int RunCompareCommand(const std::vector<std::string>& args) {
  Options o;
  const po::options_description described = Described(o);
  if (auto exit_code = ParseCommandLine(args, "compare", described, &o.inputs)) return *exit_code;
  if (o.inputs.size() != 2) return UsageError("compare", "give two files: OLD.json NEW.json");
  if (o.format != "json" && o.format != "md" && o.format != "html" && o.format != "sqlite") {
    return UsageError("compare", "--format must be json, md, html or sqlite");
  }
  if (o.format == "sqlite" && (o.output.empty() || o.output == "-")) {
    return UsageError("compare", "--format sqlite writes a database: give -o FILE");
  }
  if (!(o.threshold >= 0 && o.threshold <= 1)) {
    return UsageError("compare", "--threshold must be in (0, 1]");
  }
  core::Result<core::Review> old_review = OneReview(o.inputs[0]);
  core::Result<core::Review> new_review = OneReview(o.inputs[1]);
  for (const auto* r : {&old_review, &new_review}) {
    if (!r->ok()) {
      std::cerr << "uprx compare: " << r->status().ToString() << "\n";
      return 1;
    }
  }
  const core::Result<CompareTerms> terms = CompareTerms::LoadDefault();
  const core::Result<CompareModel> model = CompareModel::LoadDefault();
  for (const core::Status* s : {&terms.status(), &model.status()}) {
    if (!s->ok()) {
      std::cerr << "uprx compare: " << s->ToString() << "\n";
      return 1;
    }
  }
  CompareOptions options;
  if (o.threshold > 0) options.repeat_threshold = o.threshold;
  options.max_matches = o.max_matches;
  const Comparer comparer(terms.value(), model.value(), options);
  const core::Result<Comparison> c = comparer.Compare(old_review.value(), new_review.value());
  if (!c.ok()) {
    std::cerr << "uprx compare: " << c.status().ToString() << "\n";
    return 1;
  }
  const ComparedReviews in{old_review.value(), new_review.value(), o.inputs[0], o.inputs[1]};
  if (o.format == "sqlite") {
    const core::Status written = WriteSqlite(o.output, in, c.value());
    if (!written.ok()) std::cerr << "uprx compare: " << written.ToString() << "\n";
    return written.ok() ? 0 : 1;
  }
  const std::string text = Render(o, in, c.value());
  if (o.output.empty()) {
    std::cout << text;
    return std::cout ? 0 : 1;
  }
  const core::Status written = WriteFileAtomically(o.output, text);
  if (!written.ok()) std::cerr << "uprx compare: " << written.ToString() << "\n";
  return written.ok() ? 0 : 1;
}

}  // namespace uprx::pipeline
