#include "extractors/dialogue_references.h"

#include <gtest/gtest.h>

#include "extractors/normalizer.h"

namespace uprx::extractors {
namespace {

std::vector<std::string> Labels(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& r : ParseDialogueReferences(text, Patterns::Default())) out.push_back(r.Label());
  return out;
}

TEST(DialogueReferences, ParsesListsOfParagraphsAndLetters) {
  EXPECT_EQ(
      Labels("Recommendations noted in paragraphs 28 (a); 33 (a); 36; 39 (c) and "
             "75 (c), (d) and (e) in section I above, will be examined"),
      (std::vector<std::string>{"28 (a)", "33 (a)", "36", "39 (c)", "75 (c)", "75 (d)", "75 (e)"}));
  EXPECT_EQ(Labels("noted in the report in paragraphs 19(a), 19(b), 20(e) did not enjoy"),
            (std::vector<std::string>{"19 (a)", "19 (b)", "20 (e)"}));
}

TEST(DialogueReferences, SeveralLettersInOneParenthesis) {
  // A/HRC/11/29 (Jordan 2009).
  EXPECT_EQ(Labels("paragraphs 38 (a, d), 39 (c), 48 (b, c) above"),
            (std::vector<std::string>{"38 (a)", "38 (d)", "39 (c)", "48 (b)", "48 (c)"}));
}

TEST(DialogueReferences, RomanSubItemsBelongToTheirLetter) {
  EXPECT_EQ(Labels("in paragraphs 35 (a), (b), (e) and (g) (i); 41 (b)"),
            (std::vector<std::string>{"35 (a)", "35 (b)", "35 (e)", "35 (g)", "41 (b)"}));
}

TEST(DialogueReferences, NoListNoReferences) {
  EXPECT_TRUE(Labels("The following recommendations enjoy the support of Testland:").empty());
}

TEST(DialogueReferences, FindsTheLetteredPartAndTheStateOpeningTheParagraph) {
  core::SourceDocument doc;
  doc.format = core::Format::kText;
  doc.pages.push_back({1, R"(1. The Working Group held its session.
2. Portugal noted the visits of two Special Rapporteurs. It recommended to Testland:
(a) to address torture and implement safeguards and (b) combat impunity; (c) reconsider
an office. Portugal thanked the delegation.
3. The United Kingdom of Great Britain and Northern Ireland recommended that Testland
ratify the Convention. It asked about prisons.
Conclusions and/or recommendations
)"});
  const auto text = Normalizer().Normalize(doc);
  const DialogueIndex index(text, text.text.find("Conclusions"), StateResolver::Default(),
                            Patterns::Default());
  auto a = index.Find({2, "a"});
  ASSERT_TRUE(a);
  EXPECT_EQ(a->text, "Address torture and implement safeguards");
  EXPECT_EQ(a->state->iso3, "PRT");
  auto c = index.Find({2, "c"});
  ASSERT_TRUE(c);
  EXPECT_EQ(c->text, "Reconsider an office");
  auto whole = index.Find({3, ""});
  ASSERT_TRUE(whole);
  EXPECT_EQ(whole->text, "Testland ratify the Convention");
  EXPECT_EQ(whole->state->iso3, "GBR");
  EXPECT_FALSE(index.Find({9, "a"}));
}

TEST(DialogueReferences, LettersWithoutOpeningParenthesisAndSpeakersInsideTheSentence) {
  core::SourceDocument doc;
  doc.format = core::Format::kText;
  doc.pages.push_back({1, R"(1. The Working Group held its session.
2. Noting reports by non-governmental organizations, Finland recommended that Testland
a) take further steps against trafficking; b) withdraw its reservations. Finland thanked it.
3. Mexico recommended that Testland adopt a moratorium. It also recommended that Testland
abolish the death penalty. Mexico welcomed the report.
Conclusions and/or recommendations
)"});
  const auto text = Normalizer().Normalize(doc);
  const DialogueIndex index(text, text.text.find("Conclusions"), StateResolver::Default(),
                            Patterns::Default(), "ZZZ");
  auto b = index.Find({2, "b"});
  ASSERT_TRUE(b);
  EXPECT_EQ(b->text, "Withdraw its reservations");
  ASSERT_TRUE(b->state);
  EXPECT_EQ(b->state->iso3, "FIN");
  auto whole = index.Find({3, ""});
  ASSERT_TRUE(whole);
  EXPECT_EQ(whole->text, "Testland adopt a moratorium; Testland abolish the death penalty");
}

}  // namespace
}  // namespace uprx::extractors
