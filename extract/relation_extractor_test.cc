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
                    {MakeRelationRule("m", MEETING, "{PERSON:head} met {PERSON:tail}"),
                     MakeRelationRule("m2", MEETING,
                          "{PERSON:head} met {PERSON} and {PERSON:tail}")}),
            "MEETING(Barack Obama -> Vladimir Putin) trigger=met; "
            "MEETING(Barack Obama -> Sergei Lavrov) trigger=met Putin and");
  // After a match the search goes on after its first argument, so the
  // second argument can head the next match.
  EXPECT_EQ(Extract("Obama met Putin met Lavrov.",
                    {MakeRelationRule("m", MEETING, "{PERSON:head} met {PERSON:tail}")}),
            "MEETING(Barack Obama -> Vladimir Putin) trigger=met; "
            "MEETING(Vladimir Putin -> Sergei Lavrov) trigger=met");
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
