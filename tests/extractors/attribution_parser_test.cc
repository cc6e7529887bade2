#include "extractors/attribution_parser.h"

#include <gtest/gtest.h>

namespace uprx::extractors {
namespace {

struct Case {
  const char* input;
  std::vector<std::pair<std::string, std::vector<std::string>>> clauses;  // text -> ISO3s
  std::string trailing;
};

void Check(const Case& c) {
  AttributionParser parser(StateResolver::Default());
  const Attribution a = parser.Parse(c.input);
  ASSERT_EQ(a.clauses.size(), c.clauses.size()) << c.input;
  for (std::size_t i = 0; i < c.clauses.size(); ++i) {
    EXPECT_EQ(a.clauses[i].text, c.clauses[i].first) << c.input;
    std::vector<std::string> iso3;
    for (const auto& s : a.clauses[i].states) iso3.push_back(s.state ? s.state->iso3 : "?");
    EXPECT_EQ(iso3, c.clauses[i].second) << c.input;
  }
  EXPECT_EQ(a.trailing, c.trailing) << c.input;
}

TEST(AttributionParser, MergedGroupsOfA2026DraftEachNameOneState) {
  // Drafts of WG session 52 (2026): one parenthesis per State, separated by ";".
  Check({"Ratify ICPPED (Belgium); (Côte d'Ivoire); (Türkiye); (Netherlands (Kingdom of the));",
         {{"Ratify ICPPED", {"BEL", "CIV", "TUR", "NLD"}}},
         ""});
}

TEST(AttributionParser, ATrailingStateWhoseOpeningParenthesisWasLost) {
  // A/HRC/28/11 Angola 2014, 135.7.
  Check({"Ratify the Rome Statute of the International Criminal Court Ghana)",
         {{"Ratify the Rome Statute of the International Criminal Court", {"GHA"}}},
         ""});
  Check({"Protect minorities Republic of Korea);", {{"Protect minorities", {"KOR"}}}, ""});
  // Not a State, or a closing parenthesis that has its opening one: left as they were.
  Check({"Adopt the law on data (2010-2012)", {{"Adopt the law on data (2010-2012)", {}}}, ""});
  Check({"Adopt the plan of action 2020)", {{"Adopt the plan of action 2020)", {}}}, ""});
}

TEST(AttributionParser, OneStateAtTheEnd) {
  Check({"Ratify the Optional Protocol to ICCPR (Austria);",
         {{"Ratify the Optional Protocol to ICCPR", {"AUT"}}},
         ""});
}

TEST(AttributionParser, SeveralGroupsInARowShareTheClause) {
  Check({"Ratify OP-CAT (Algeria) (Cabo Verde) (Paraguay).",
         {{"Ratify OP-CAT", {"DZA", "CPV", "PRY"}}},
         ""});
}

TEST(AttributionParser, NamesWithParenthesesAreOneGroup) {
  Check(
      {"Abolish the death penalty (Iran (Islamic Republic of)) (Venezuela (Bolivarian Republic "
       "of));",
       {{"Abolish the death penalty", {"IRN", "VEN"}}},
       ""});
}

TEST(AttributionParser, ListsInsideOneGroupMatchLongestNames) {
  Check({"Ratify CED (Spain, France, United Kingdom of Great Britain and Northern Ireland);",
         {{"Ratify CED", {"ESP", "FRA", "GBR"}}},
         ""});
  Check({"Ratify CED (Germany, Bosnia and Herzegovina, Azerbaijan);",
         {{"Ratify CED", {"DEU", "BIH", "AZE"}}},
         ""});
  // A/HRC/23/10 (Luxembourg 2013) omits a comma.
  Check({"Ratify CED (Belarus, Chile Egypt, Guatemala);",
         {{"Ratify CED", {"BLR", "CHL", "EGY", "GTM"}}},
         ""});
}

TEST(AttributionParser, FootnoteMarksOnNamesAreDropped) {
  // A/HRC/13/5 (Norway 2009).
  Check({"Ratify CED (New Zealand, Chile,1 China,2 Mexico3);",
         {{"Ratify CED", {"NZL", "CHL", "CHN", "MEX"}}},
         ""});
}

TEST(AttributionParser, AShortClauseAfterASemicolonLeansOnTheOneBefore) {
  // A/HRC/12/4 (Belize 2009), item 6.
  Check(
      {"Accede to OP-CAT (Czech Republic); consider its ratification (United Kingdom, "
       "Argentina);",
       {{"Accede to OP-CAT", {"CZE"}},
        {"Accede to OP-CAT; consider its ratification", {"GBR", "ARG"}}},
       ""});
}

TEST(AttributionParser, UnclosedParenthesisDoesNotHideTheState) {
  Check({"Ratify CRPD and its Optional Protocol (OP- CRPD (Spain);",
         {{"Ratify CRPD and its Optional Protocol (OP- CRPD", {"ESP"}}},
         ""});
}

TEST(AttributionParser, ListsInsideOneGroup) {
  Check({"Adopt measures against domestic violence (Italy, Mexico).",
         {{"Adopt measures against domestic violence", {"ITA", "MEX"}}},
         ""});
  Check({"Ratify CED (Argentina and Chile);", {{"Ratify CED", {"ARG", "CHL"}}}, ""});
}

TEST(AttributionParser, EachClauseKeepsItsOwnState) {
  Check({"Ratify the Convention (Ukraine); Increase efforts towards ratification (Slovakia);",
         {{"Ratify the Convention", {"UKR"}}, {"Increase efforts towards ratification", {"SVK"}}},
         ""});
}

TEST(AttributionParser, LetteredSubItemsLoseTheirLetter) {
  Check({"(a) Continue to cooperate (Pakistan); (b) cooperate with partners (Egypt);",
         {{"Continue to cooperate", {"PAK"}}, {"cooperate with partners", {"EGY"}}},
         ""});
}

TEST(AttributionParser, GroupsThatAreNotStatesStayInTheText) {
  Check({"Ratify the Convention on the Rights of the Child (CRC) (Brazil);",
         {{"Ratify the Convention on the Rights of the Child (CRC)", {"BRA"}}},
         ""});
  Check({"Implement the plan (2006-2012) fully (Chile);",
         {{"Implement the plan (2006-2012) fully", {"CHL"}}},
         ""});
}

TEST(AttributionParser, StatesNamedMidSentenceJoinTheirClause) {
  // A/HRC/12/17 (Slovakia 2009), item 3.
  Check({"Ratify CED (Argentina, Croatia) as soon as possible (France);",
         {{"Ratify CED as soon as possible", {"ARG", "HRV", "FRA"}}},
         ""});
  // A/HRC/10/71 (Burundi 2009), item 4: one sentence, four States.
  Check(
      {"Establish a commission (South Africa, Malaysia) in compliance with the Paris "
       "Principles (Portugal, Egypt) with a strong mandate (Portugal), and finalize the bill "
       "(Egypt);",
       {{"Establish a commission in compliance with the Paris Principles with a strong "
         "mandate, and finalize the bill",
         {"ZAF", "MYS", "PRT", "EGY"}}},
       ""});
  // A/HRC/13/10 (Portugal 2009): the object comes after every State.
  Check(
      {"Consider ratifying (Mauritius)/ratify (Argentina) as soon as possible (France) the "
       "Optional Protocol (United Kingdom);",
       {{"Consider ratifying/ratify as soon as possible the Optional Protocol",
         {"MUS", "ARG", "FRA", "GBR"}}},
       ""});
}

TEST(AttributionParser, TextAfterTheLastStateIsReported) {
  Check({"Ratify CED (France). As soon as possible",
         {{"Ratify CED", {"FRA"}}},
         "As soon as possible"});
  Check({"Ratify CED (France) as soon as possible",
         {{"Ratify CED", {"FRA"}}},
         "as soon as possible"});
}

TEST(AttributionParser, NoStateGivesOneClauseWithoutStates) {
  Check({"Bahrain would consider inviting special procedures.",
         {{"Bahrain would consider inviting special procedures.", {}}},
         ""});
}

// Former bugs.
TEST(AttributionParser, RunningNumberAfterTheStateIsDropped) {
  // A/HRC/16/18 (Lebanon 2011) numbers each State's recommendations: "(Canada 4)".
  Check({"Establish a national preventive mechanism (Canada 4);",
         {{"Establish a national preventive mechanism", {"CAN"}}},
         ""});
}

TEST(AttributionParser, LineBrokenNamesResolve) {
  Check({"Continue training (United Kingdom of Great\nBritain and Northern Ireland);",
         {{"Continue training", {"GBR"}}},
         ""});
}

TEST(AttributionParser, SlashSeparatedWordingsKeepTheirStatesInTheText) {
  // A/HRC/14/15 (Slovenia 2010), item 1: who proposed each wording, then all of them again.
  Check({"To examine joining (Algeria)/sign and ratify (Egypt) the Convention (Algeria, Egypt);",
         {{"To examine joining/sign and ratify the Convention", {"DZA", "EGY"}}},
         ""});
}

TEST(AttributionParser, AStateNamedTwiceForOneClauseCountsOnce) {
  Check({"Ratify CED (Spain, Argentina) (Argentina);", {{"Ratify CED", {"ESP", "ARG"}}}, ""});
}

}  // namespace
}  // namespace uprx::extractors
