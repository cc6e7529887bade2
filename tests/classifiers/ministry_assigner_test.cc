// The ministry assigner: one lead (or an explicit NONE with its reason) and the supporting
// institutions, each with the words that decided.
#include "classifiers/ministry_assigner.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace uprx::classifiers {
namespace {

std::shared_ptr<const FunctionScorer> Scorer() {
  static const auto kScorer = [] {
    auto s = FunctionScorer::LoadEmbedded();
    EXPECT_TRUE(s.ok()) << s.status().ToString();
    return std::make_shared<const FunctionScorer>(std::move(s).value());
  }();
  return kScorer;
}

MinistryAssigner Assigner(const std::string& profile) {
  auto p = Profile::LoadEmbedded(profile, Scorer()->taxonomy());
  EXPECT_TRUE(p.ok()) << p.status().ToString();
  auto a =
      MinistryAssigner::Create(Scorer(), std::make_shared<const Profile>(std::move(p).value()));
  EXPECT_TRUE(a.ok());
  return std::move(a).value();
}

bool Has(const std::vector<core::AssignedLabel>& labels, const std::string& id,
         const std::string& role) {
  return std::any_of(labels.begin(), labels.end(),
                     [&](const auto& l) { return l.id == id && l.role == role; });
}

TEST(MinistryAssigner, GivesCambodianLeadsFromFunctionsAndNationalNames) {
  const MinistryAssigner a = Assigner("KHM");
  const struct {
    const char* text;
    const char* lead;
    const char* supporting;  // one expected supporting institution, or ""
  } kCases[] = {
      {"Ratify the Convention on the Rights of Persons with Disabilities", "MFAIC", ""},
      {"Improve access to health care in rural areas", "MOH", "MRD"},
      {"Revise the Law on Associations and Non-Governmental Organizations", "MOI", ""},
      {"Ensure adequate funding of the Extraordinary Chambers", "ECCC", ""},
      {"Ensure the full independence of the National Election Committee", "NEC", ""},
      {"Establish a national preventive mechanism under OPCAT", "MOI", "CHRC"},
      {"Combat trafficking in persons, especially women and children", "NCCT", ""},
      {"Guarantee the independence of the judiciary", "MOJ", "SCM"},
      {"Halt forced evictions and resolve land disputes", "MLMUPC", "MOI"},
      {"Eliminate the worst forms of child labour", "MLVT", "CNCC"},
  };
  for (const auto& c : kCases) {
    const auto labels = a.Assign(c.text, {});
    ASSERT_FALSE(labels.empty()) << c.text;
    EXPECT_EQ(labels.front().role, "lead");
    EXPECT_EQ(labels.front().id, c.lead) << c.text;
    EXPECT_FALSE(labels.front().evidence.empty()) << c.text;
    if (*c.supporting) {
      EXPECT_TRUE(Has(labels, c.supporting, "supporting")) << c.text;
    }
    EXPECT_EQ(
        std::count_if(labels.begin(), labels.end(), [](const auto& l) { return l.role == "lead"; }),
        1)
        << c.text;
  }
}

TEST(MinistryAssigner, SaysWhyWhenNoInstitutionFits) {
  const auto labels = Assigner("KHM").Assign("Have a pleasant day", {});
  ASSERT_EQ(labels.size(), 1u);
  EXPECT_EQ(labels[0].id, kNoInstitution);
  EXPECT_EQ(labels[0].role, "lead");
  EXPECT_EQ(labels[0].score, 0);
  ASSERT_EQ(labels[0].evidence.size(), 1u);
  EXPECT_NE(labels[0].evidence[0].find("no clear institution"), std::string::npos);
}

TEST(MinistryAssigner, ThemesAlreadyGivenCountAsEvidence) {
  const core::AssignedLabel theme{"uhri", "E51", "Right to education", 0.9, "rules", {"x"}, ""};
  const auto labels = Assigner("KHM").Assign("Take further measures in this area", {theme});
  ASSERT_FALSE(labels.empty());
  EXPECT_EQ(labels[0].id, "MOEYS");
  EXPECT_NE(
      std::find(labels[0].evidence.begin(), labels[0].evidence.end(), "theme: Right to education"),
      labels[0].evidence.end());
}

TEST(MinistryAssigner, GenericProfileNamesFunctions) {
  const auto labels = Assigner("generic").Assign("Improve the quality of schools", {});
  ASSERT_FALSE(labels.empty());
  EXPECT_EQ(labels[0].id, "education");
  EXPECT_EQ(labels[0].role, "lead");
}

TEST(MinistryAssigner, SupportingNeverRepeatsTheLead) {
  const auto labels = Assigner("KHM").Assign(
      "Strengthen the independence of the judiciary and the courts and reform the Penal Code", {});
  for (std::size_t i = 1; i < labels.size(); ++i) EXPECT_NE(labels[i].id, labels[0].id);
}

TEST(FunctionScorer, RefusesBadThemeRecords) {
  const std::string head = "taxonomy\tf\nversion\t1\nlabel\tjustice\tJustice\tcourts\n";
  const struct {
    std::string line;
    std::string message;
  } kCases[] = {
      {"theme\tjustise\tjustice\t0.3", "t.tsv:4: theme for unknown function 'justise'"},
      {"theme\tjustice\t(\t0.3", "t.tsv:4: bad RE2 pattern"},
      {"theme\tjustice\tjustice\t3", "t.tsv:4: weight '3'"},
      {"theme\tjustice\tjustice", "t.tsv:4: 'theme' takes 3"},
  };
  for (const auto& c : kCases) {
    auto s = FunctionScorer::Parse(head + c.line + "\n", "t.tsv");
    ASSERT_FALSE(s.ok()) << c.line;
    EXPECT_NE(s.status().message().find(c.message), std::string::npos) << s.status().message();
  }
}

TEST(MinistryStage, RefusesAnUnknownProfile) {
  auto s = MinistryStage::Create("XYZ");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), "profile_missing");
}

TEST(MinistryStage, AutoPicksTheStateUnderReviewsProfile) {
  auto stage = MinistryStage::Create("auto");
  ASSERT_TRUE(stage.ok()) << stage.status().ToString();
  core::Review khm, svn;
  khm.sur_iso3 = "KHM";
  svn.sur_iso3 = "SVN";
  EXPECT_EQ(stage.value().AssignerFor(khm)->profile().id(), "KHM");
  EXPECT_EQ(stage.value().AssignerFor(svn)->profile().id(), "generic");
  svn.recommendations.push_back({});
  svn.recommendations.back().text = "Improve schools";
  stage.value().Assign(svn);
  ASSERT_TRUE(svn.recommendations[0].labels.ministries);
  EXPECT_EQ(svn.recommendations[0].labels.ministries->front().id, "education");
  ASSERT_EQ(svn.diagnostics.size(), 1u);
  EXPECT_EQ(svn.diagnostics[0].code, "ministries_functions_only");
}

}  // namespace
}  // namespace uprx::classifiers
