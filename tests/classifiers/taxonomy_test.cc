#include "classifiers/taxonomy.h"

#include <gtest/gtest.h>

namespace uprx::classifiers {
namespace {

constexpr const char* kGood =
    "# a comment\n"
    "taxonomy\tdemo\n"
    "version\tdemo-1\n"
    "label\ta\tAlpha\tthe first\n"
    "label\tb\tBeta\tthe second\n"
    "define\tV\t(?:go|come)\n"
    "option\tlead_in\t^{V}\\s+\n"
    "rule\ta\t^({V})\\b\t10\n"
    "rule\tb\tx{2,3}\t1.5\n";

TEST(Taxonomy, ParsesLabelsRulesDefinesAndOptions) {
  auto t = Taxonomy::Parse(kGood, "demo.tsv");
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_EQ(t.value().id(), "demo");
  EXPECT_EQ(t.value().version(), "demo-1");
  ASSERT_EQ(t.value().labels().size(), 2u);
  EXPECT_EQ(t.value().FindLabel("b")->name, "Beta");
  ASSERT_EQ(t.value().rules().size(), 2u);
  EXPECT_EQ(t.value().rules()[0].pattern, "^((?:go|come))\\b");
  EXPECT_EQ(t.value().rules()[0].id, "demo:8");
  EXPECT_EQ(t.value().rules()[1].pattern, "x{2,3}");  // a repetition, not a define
  EXPECT_DOUBLE_EQ(t.value().rules()[1].weight, 1.5);
  EXPECT_EQ(t.value().FindOption("lead_in")->value, "^(?:go|come)\\s+");
  EXPECT_EQ(t.value().FindOption("lead_in")->line, 7);
  EXPECT_EQ(t.value().FindOption("nothing"), nullptr);
}

struct BadCase {
  const char* extra_line;  // appended as line 10 to kGood
  const char* message;
};

TEST(Taxonomy, ReportsFileAndLineOfEveryBadRecord) {
  const BadCase cases[] = {
      {"label\ta\tAgain\tdup", "demo.tsv:10: duplicate label id 'a'"},
      {"rule\tz\tfoo\t1", "demo.tsv:10: rule for unknown label 'z'"},
      {"rule\ta\t(unclosed\t1", "demo.tsv:10: bad RE2 pattern: missing ): (unclosed"},
      {"rule\ta\tfoo\t-1", "demo.tsv:10: weight '-1' is not a positive number"},
      {"rule\ta\tfoo\tabc", "demo.tsv:10: weight 'abc' is not a positive number"},
      {"rule\ta\t{NOPE}x\t1", "demo.tsv:10: unknown {NOPE}"},
      {"rule\ta\tfoo",
       "demo.tsv:10: 'rule' takes 3 tab-separated fields (label, RE2, weight), "
       "found 2"},
      {"lable\ta\tb\tc",
       "demo.tsv:10: unknown record 'lable' (taxonomy, version, label, alias, "
       "define, option, rule, exclude, unless, context)"},
      {"alias\tnope\tOther name", "demo.tsv:10: alias for unknown label 'nope'"},
      {"exclude\ta\tfoo\t1",
       "demo.tsv:10: 'exclude' takes 2 tab-separated fields (label, RE2), found 3"},
      {"version\t2", "demo.tsv:10: second 'version' record"},
      {"define\tV\tx", "demo.tsv:10: duplicate define 'V'"},
  };
  for (const BadCase& c : cases) {
    auto t = Taxonomy::Parse(std::string(kGood) + c.extra_line + "\n", "demo.tsv");
    ASSERT_FALSE(t.ok()) << c.extra_line;
    EXPECT_EQ(t.status().code(), "taxonomy_invalid");
    EXPECT_EQ(t.status().message(), c.message);
  }
}

TEST(Taxonomy, NeedsIdVersionAndLabels) {
  EXPECT_EQ(Taxonomy::Parse("version\t1\n", "x.tsv").status().message(),
            "x.tsv:1: no 'taxonomy' record");
  EXPECT_EQ(Taxonomy::Parse("taxonomy\tx\nversion\t1\n", "x.tsv").status().message(),
            "x.tsv:2: no 'label' record");
}

// Former bug (taxonomy_fuzz): a label name in Latin-1 reached the JSON writer, which threw
// nlohmann's type_error 316 and aborted the run.
TEST(Taxonomy, AFileThatIsNotUtf8IsRefusedAtItsLine) {
  const auto t = Taxonomy::Parse(
      "taxonomy\tdemo\nversion\t1\nlabel\ta\tCaf\xe9s\tthe first\nrule\ta\tx\t1\n", "x.tsv");
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().code(), "taxonomy_invalid");
  EXPECT_EQ(t.status().message(), "x.tsv:3: not valid UTF-8 at byte 35; save the file as UTF-8");
}

TEST(Taxonomy, EmbeddedActionTaxonomyLoads) {
  auto t = Taxonomy::LoadEmbedded("action.tsv");
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_EQ(t.value().id(), "action");
  EXPECT_FALSE(t.value().version().empty());
  EXPECT_EQ(t.value().labels().size(), 5u);
  EXPECT_EQ(Taxonomy::LoadEmbedded("nope.tsv").status().code(), "taxonomy_missing");
}

}  // namespace
}  // namespace uprx::classifiers

namespace uprx::classifiers {
namespace {

TEST(Taxonomy, FindsALabelByItsIdNameOrAliasWhateverTheSpelling) {
  const std::string text = std::string(kGood) +
                           "alias\ta\tA12 Acceptance of international norms\n"
                           "alias\tb\tBudget & resources (for implementation)\n";
  auto t = Taxonomy::Parse(text, "demo.tsv");
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  const struct {
    const char* name;
    const char* id;  // nullptr: no label
  } cases[] = {
      {"a", "a"},
      {"ALPHA", "a"},
      {"a12  acceptance of International Norms", "a"},
      {"Budget &resources (for implementation)", "b"},
      {"budget and resources for implementation", "b"},
      {"Gamma", nullptr},
      {"", nullptr},
  };
  for (const auto& c : cases) {
    const Label* l = t.value().FindLabelByName(c.name);
    if (c.id == nullptr) {
      EXPECT_EQ(l, nullptr) << c.name;
    } else {
      ASSERT_NE(l, nullptr) << c.name;
      EXPECT_EQ(l->id, c.id) << c.name;
    }
  }
}

TEST(Taxonomy, AnAliasNamingTwoLabelsIsRefused) {
  auto t = Taxonomy::Parse(std::string(kGood) + "alias\ta\tShared\nalias\tb\tshared\n", "demo.tsv");
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().message(), "demo.tsv:11: alias 'shared' already names label 'a'");
}

TEST(Taxonomy, UnlessAndContextRecordsAreRead) {
  auto t = Taxonomy::Parse(std::string(kGood) + "unless\tb\tcovenant\\s+on\\s+this\n" +
                               "rule\tb\tmoratorium\t0.9\ncontext\texecutions?\n",
                           "demo.tsv");
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  ASSERT_EQ(t.value().rules().size(), 4u);
  EXPECT_TRUE(t.value().rules()[2].unless);
  EXPECT_FALSE(t.value().rules()[2].exclude);
  EXPECT_EQ(t.value().rules()[3].context, "executions?");
  EXPECT_TRUE(t.value().rules()[0].context.empty());
}

TEST(Taxonomy, AContextMustFollowTheRuleItQualifies) {
  const struct {
    const char* extra;
    const char* message;
  } cases[] = {
      {"alias\ta\tFirst\ncontext\texecutions?\n",
       "demo.tsv:11: 'context' must follow the 'rule' it qualifies"},
      {"exclude\tb\tx\ncontext\ty\n", "demo.tsv:11: 'context' must follow the 'rule' it qualifies"},
      {"rule\tb\tx\t1\ncontext\ty\ncontext\tz\n",
       "demo.tsv:12: second 'context' for the rule of line 10"},
      {"rule\tb\tx\t1\ncontext\t(y\n", "demo.tsv:11: bad RE2 pattern: missing ): (y"},
      {"rule\tb\tx\t1\ncontext\ty\tz\n",
       "demo.tsv:11: 'context' takes 1 tab-separated field (RE2), found 2"},
      {"unless\tb\tx\t1\n",
       "demo.tsv:10: 'unless' takes 2 tab-separated fields (label, RE2), found 3"},
  };
  for (const auto& c : cases) {
    auto t = Taxonomy::Parse(std::string(kGood) + c.extra, "demo.tsv");
    ASSERT_FALSE(t.ok()) << c.extra;
    EXPECT_EQ(t.status().message(), c.message) << c.extra;
  }
}

TEST(Taxonomy, ExcludeRecordsAreVetoesWithoutWeight) {
  auto t = Taxonomy::Parse(std::string(kGood) + "exclude\tb\tnot\\s+this\n", "demo.tsv");
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  ASSERT_EQ(t.value().rules().size(), 3u);
  EXPECT_TRUE(t.value().rules()[2].exclude);
  EXPECT_FALSE(t.value().rules()[0].exclude);
}

// Former bug: a label id of 30 digits reached std::stoi in the JSON writer and aborted the run.
TEST(Taxonomy, NumericIdsAreCheckedWithTheLineOfTheFirstBadLabel) {
  const char* const kGoals =
      "taxonomy\tsdg\n"
      "version\tmine-1\n"
      "label\t16\tPeace\tjustice and institutions\n"
      "label\t123456789012345678901234567890\tToo big\tnot a goal\n"
      "label\tx\tNot a number\tneither\n";
  auto t = Taxonomy::Parse(kGoals, "goals.tsv");
  ASSERT_TRUE(t.ok()) << t.status().ToString();  // ids are text until a classifier says otherwise
  const core::Status s = t.value().CheckNumericIds(1, 17);
  EXPECT_EQ(s.code(), "taxonomy_invalid");
  EXPECT_EQ(s.message(),
            "goals.tsv:4: label id '123456789012345678901234567890' of taxonomy sdg must be a "
            "whole number from 1 to 17 (it is written as a number in the JSON)");
  EXPECT_TRUE(
      Taxonomy::Parse("taxonomy\tsdg\nversion\t1\nlabel\t1\ta\tb\nlabel\t17\tc\td\n", "ok.tsv")
          .value()
          .CheckNumericIds(1, 17)
          .ok());
}

}  // namespace
}  // namespace uprx::classifiers
