#include "extract/relation_extractor.h"

#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "extract/rule_set.h"
#include "extract/internal/test_rules.h"
#include "gtest/gtest.h"

namespace newsgraph {
namespace {

std::vector<GazetteerEntry> TestGazetteer() {
  return {MakeEntry("person.obama", Label::kPerson, "Barack Obama", {"Obama"}),
          MakeEntry("person.putin", Label::kPerson, "Vladimir Putin", {"Putin"}),
          MakeEntry("person.lavrov", Label::kPerson, "Sergei Lavrov", {"Lavrov"}),
          MakeEntry("person.peskov", Label::kPerson, "Dmitry Peskov", {"Peskov"}),
          MakeEntry("agency.fsb", Label::kAgency, "Federal Security Service",
                {"FSB"}),
          MakeEntry("agency.fbi", Label::kAgency, "FBI"),
          MakeEntry("place.RU", Label::kPlace, "Russia"),
          MakeEntry("demonym.RU", Label::kDemonym, "Russian", {}, "place.RU")};
}

// Runs the stages up to relation extraction with `rules` and renders each
// relation as "TYPE(head -> tail) role=... trigger=...".
std::string Extract(const std::string& text, std::vector<RelationRule> rules) {
  auto rs = RuleSet::FromRules(TestGazetteer(), {}, std::move(rules), "test");
  EXPECT_TRUE(rs.ok()) << rs.status();
  if (!rs.ok()) return "";
  const RuleSet& r = **rs;
  const Segmentation seg = r.segmenter().Segment(text);
  std::vector<Candidate> candidates;
  r.gazetteer().Match(text, seg, &candidates);
  Resolver resolver(&r.gazetteer());
  const ResolvedDocument doc = resolver.Resolve(text, seg, candidates);
  std::vector<std::string> out;
  for (const ExtractedRelation& x :
       r.relations().Extract(text, seg, doc, r.gazetteer())) {
    out.push_back(absl::StrCat(
        RelationType_Name(x.type), "(", doc.entities[x.head].canonical_name,
        " -> ", doc.entities[x.tail].canonical_name, ")",
        x.role.empty() ? "" : absl::StrCat(" role=", x.role), " trigger=",
        text.substr(x.trigger_begin, x.trigger_end - x.trigger_begin)));
  }
  return absl::StrJoin(out, "; ");
}

TEST(ExpandPatternTest, Placeholders) {
  EXPECT_EQ(*RelationExtractor::ExpandPattern("{PERSON:head} met {ANY:tail}"),
            "(?P<head>\\x01[P]\\d+\\x02) met (?P<tail>\\x01[PAL]\\d+\\x02)");
  EXPECT_EQ(*RelationExtractor::ExpandPattern("{AGENCY|PLACE}"),
            "(?:\\x01[AL]\\d+\\x02)");
  // RE2 repetitions and Unicode classes are left alone.
  EXPECT_EQ(*RelationExtractor::ExpandPattern("a{2,3}\\p{Lu}"),
            "a{2,3}\\p{Lu}");
}

TEST(ExpandPatternTest, Errors) {
  EXPECT_FALSE(RelationExtractor::ExpandPattern("{PERSONS:head}").ok());
  EXPECT_FALSE(RelationExtractor::ExpandPattern("{PERSON:subject}").ok());
  EXPECT_FALSE(RelationExtractor::ExpandPattern("{PERSON:head:x}").ok());
}

TEST(RelationExtractorTest, CreateReportsEveryBadRule) {
  auto x = RelationExtractor::Create(
      {MakeRelationRule("a", MEETING, "{PERSON:head} met"),  // no tail
       MakeRelationRule("b", MEETING, "{PERSON:head} (met {PERSON:tail}"),
       MakeRelationRule("c", MEETING, "{PERSON:head} met {PERSON:tail}")});
  ASSERT_FALSE(x.ok());
  const std::string message(x.status().message());
  EXPECT_NE(message.find("rules.tsv:1:1: pattern needs a {TYPE:head} and a "
                         "{TYPE:tail}"),
            std::string::npos)
      << message;
  EXPECT_NE(message.find("bad regular expression: missing )"),
            std::string::npos)
      << message;
}

TEST(RelationExtractorTest, VerbWithSubjectAndObject) {
  EXPECT_EQ(Extract("Obama met Putin on Monday.",
                    {MakeRelationRule("m", MEETING,
                          "{PERSON:head} (?P<trigger>met) {PERSON:tail}")}),
            "MEETING(Barack Obama -> Vladimir Putin) trigger=met");
}

TEST(RelationExtractorTest, DefaultTriggerIsTextBetweenArguments) {
  EXPECT_EQ(Extract("Obama spoke by phone with Putin.",
                    {MakeRelationRule("m", MEETING, "{PERSON:head} spoke {GAP}{PERSON:tail}",
                          "phone call")}),
            "MEETING(Barack Obama -> Vladimir Putin) role=phone call "
            "trigger=spoke by phone with");
}

TEST(RelationExtractorTest, RoleGroupTakesTextAndPossessives) {
  EXPECT_EQ(
      Extract("Putin’s spokesman, Dmitry Peskov, declined.",
              {MakeRelationRule("a", AFFILIATION,
                    "{PERSON:tail}(?:’s|'s) (?P<role>spokesman),? {PERSON:head}")}),
      "AFFILIATION(Dmitry Peskov -> Vladimir Putin) role=spokesman "
      "trigger=spokesman");
}

// Each rule's Latin-1 twin searches the sentence transcoded to one byte per
// character: ASCII or not, it finds the relations the rule itself would,
// with Unicode classes and non-ASCII words in the pattern.
TEST(RelationExtractorTest, AsciiAndNonAsciiSentencesMatchAlike) {
  const std::vector<RelationRule> rules = {MakeRelationRule(
      "a", AFFILIATION,
      "{PERSON:tail}(?:’s|'s) (?P<role>\\p{Ll}+),? {PERSON:head}")};
  EXPECT_EQ(Extract("Putin's spokesman, Dmitry Peskov, declined.", rules),
            "AFFILIATION(Dmitry Peskov -> Vladimir Putin) role=spokesman "
            "trigger=spokesman");
  EXPECT_EQ(Extract("Putin’s spokesman, Dmitry Peskov, declined.", rules),
            "AFFILIATION(Dmitry Peskov -> Vladimir Putin) role=spokesman "
            "trigger=spokesman");
  // \p{Ll} takes non-ASCII letters.
  EXPECT_EQ(Extract("Putin's portavozé, Dmitry Peskov, declined.", rules),
            "AFFILIATION(Dmitry Peskov -> Vladimir Putin) "
            "role=portavozé trigger=portavozé");
  EXPECT_EQ(Extract("Putin's Spokesman, Dmitry Peskov, declined.", rules), "");
}

TEST(RelationExtractorTest, PassiveVoiceSwapsRoles) {
  EXPECT_EQ(
      Extract("The FBI was warned by the FSB in 2011.",
              {MakeRelationRule("w", WARNING,
                    "{ANY:tail} was (?P<trigger>warned) by (?:the )?{ANY:head}")}),
      "WARNING(Federal Security Service -> FBI) trigger=warned");
}

TEST(RelationExtractorTest, DemonymStandsForCountryNamedInDocument) {
  const std::vector<RelationRule> rules = {
      MakeRelationRule("a", AFFILIATION,
           "{DEMONYM:tail} (?P<role>Foreign Minister) {PERSON:head}")};
  EXPECT_EQ(Extract("Russia said so. Russian Foreign Minister Sergei Lavrov "
                    "agreed.",
                    rules),
            "AFFILIATION(Sergei Lavrov -> Russia) role=Foreign Minister "
            "trigger=Foreign Minister");
  // Without Russia in the text there is no entity to tie the fact to.
  EXPECT_EQ(Extract("Russian Foreign Minister Sergei Lavrov agreed.", rules),
            "");
}

TEST(RelationExtractorTest, OneArgumentInSeveralMatches) {
  EXPECT_EQ(Extract("Obama met Putin and Lavrov.",
                    {MakeRelationRule("m", MEETING,
                                      "{NOLIST}{PERSON:head} met {PERSON:tail}"),
                     MakeRelationRule("m2", MEETING,
                          "{NOLIST}{PERSON:head} met {PERSON} and {PERSON:tail}")}),
            "MEETING(Barack Obama -> Vladimir Putin) trigger=met; "
            "MEETING(Barack Obama -> Sergei Lavrov) trigger=met Putin and");
  // After a match the search goes on after its first argument, so the
  // second argument can head the next match.
  EXPECT_EQ(Extract("Obama met Putin met Lavrov.",
                    {MakeRelationRule("m", MEETING, "{PERSON:head} met {PERSON:tail}")}),
            "MEETING(Barack Obama -> Vladimir Putin) trigger=met; "
            "MEETING(Vladimir Putin -> Sergei Lavrov) trigger=met");
}

TEST(RelationExtractorTest, CoordinatedArgumentsStandForEveryMember) {
  const RelationRule met =
      MakeRelationRule("m", MEETING, "{PERSON:head} met {PERSON:tail}");
  // "X met Y and Z": the tail list.
  EXPECT_EQ(Extract("Obama met Putin and Lavrov.", {met}),
            "MEETING(Barack Obama -> Vladimir Putin) trigger=met; "
            "MEETING(Barack Obama -> Sergei Lavrov) trigger=met");
  // "X and Y met Z": the head list, with a parenthesis after a name.
  EXPECT_EQ(Extract("Obama (left) and Lavrov met Putin.", {met}),
            "MEETING(Barack Obama -> Vladimir Putin) trigger=met; "
            "MEETING(Sergei Lavrov -> Vladimir Putin) trigger=met");
  // Both arguments in one list: every pair, for a symmetric type.
  EXPECT_EQ(Extract("Obama, Lavrov and Putin met.",
                    {MakeRelationRule("m", MEETING,
                                      "{PERSON:head} and {PERSON:tail} met")}),
            "MEETING(Barack Obama -> Sergei Lavrov) trigger=and; "
            "MEETING(Barack Obama -> Vladimir Putin) trigger=and; "
            "MEETING(Sergei Lavrov -> Vladimir Putin) trigger=and");
  // A comma alone is no list ("Obama, Lavrov met" is an apposition).
  EXPECT_EQ(Extract("Obama, Lavrov met Putin.",
                    {MakeRelationRule("m", MEETING,
                                      "{PERSON:head} met {PERSON:tail}")}),
            "MEETING(Sergei Lavrov -> Vladimir Putin) trigger=met");
  // {NOLIST} turns it off.
  EXPECT_EQ(Extract("Obama met Putin and Lavrov.",
                    {MakeRelationRule("m", MEETING,
                                      "{NOLIST}{PERSON:head} met {PERSON:tail}")}),
            "MEETING(Barack Obama -> Vladimir Putin) trigger=met");
}

TEST(RelationExtractorTest, PronounArgument) {
  const RelationRule rule = MakeRelationRule(
      "f", FAMILY, "{PRONOUN:head} (?P<role>brother),? {PERSON:tail}");
  // "his" is the nearest person before it, here in the previous sentence.
  EXPECT_EQ(Extract("Lavrov arrived. Later his brother, Peskov, came.", {rule}),
            "FAMILY(Sergei Lavrov -> Dmitry Peskov) role=brother "
            "trigger=brother");
  // ... but never the other argument.
  EXPECT_EQ(Extract("Lavrov spoke. Peskov came; his brother Peskov too.",
                    {rule}),
            "FAMILY(Sergei Lavrov -> Dmitry Peskov) role=brother "
            "trigger=brother");
  // No person before it: no relation.
  EXPECT_EQ(Extract("His brother Peskov came.", {rule}), "");
  EXPECT_FALSE(RelationExtractor::ExpandPattern("{PRONOUN|PERSON:head}").ok());
  EXPECT_FALSE(RelationExtractor::ExpandPattern("{PRONOUN}").ok());
}

TEST(RelationExtractorTest, TitleAndWordsMacros) {
  const RelationRule rule = MakeRelationRule(
      "m", MEETING, "{PERSON:head} met {TITLE}{PERSON:tail}");
  EXPECT_EQ(Extract("Obama met Russian Foreign Minister Lavrov.", {rule}),
            "MEETING(Barack Obama -> Sergei Lavrov) "
            "trigger=met Russian Foreign Minister");
  EXPECT_EQ(Extract("Obama met his Russian counterpart Putin.", {rule}),
            "MEETING(Barack Obama -> Vladimir Putin) "
            "trigger=met his Russian counterpart");
  EXPECT_EQ(Extract("Obama met a lot of people and Putin.", {rule}), "");
  const RelationRule words = MakeRelationRule(
      "m", MEETING, "{PERSON:head} met {WORDS:1-2}with {PERSON:tail}");
  EXPECT_EQ(Extract("Obama met on Monday with Putin.", {words}),
            "MEETING(Barack Obama -> Vladimir Putin) trigger=met on Monday with");
  EXPECT_EQ(Extract("Obama met with Putin.", {words}), "");
  EXPECT_EQ(Extract("Obama met on a cold Monday with Putin.", {words}), "");
  // {SPAN} crosses mentions; {GAP} does not.
  EXPECT_EQ(Extract("Obama, back from Russia, met Putin.",
                    {MakeRelationRule("m", MEETING,
                                      "{PERSON:head}{SPAN} met {PERSON:tail}")}),
            "MEETING(Barack Obama -> Vladimir Putin) "
            "trigger=back from Russia, met");
  EXPECT_EQ(Extract("Obama, back from Russia, met Putin.",
                    {MakeRelationRule("m", MEETING,
                                      "{PERSON:head}{GAP} met {PERSON:tail}")}),
            "");
  EXPECT_FALSE(RelationExtractor::ExpandPattern("{WORDS:3-1}").ok());
  EXPECT_FALSE(RelationExtractor::ExpandPattern("{WORDS:x}").ok());
}

TEST(RelationExtractorTest, ArgumentsMustBeInOneSentence) {
  EXPECT_EQ(Extract("Obama spoke. Putin met nobody.",
                    {MakeRelationRule("m", MEETING, "{PERSON:head}{GAP}{PERSON:tail}")}),
            "");
}

TEST(RelationExtractorTest, NoRelationOfAnEntityWithItself) {
  EXPECT_EQ(Extract("Putin met Putin.",
                    {MakeRelationRule("m", MEETING, "{PERSON:head} met {PERSON:tail}")}),
            "");
}

}  // namespace
}  // namespace newsgraph
