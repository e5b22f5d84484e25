#include "extract/relation_attributes.h"

#include <string>

#include "gtest/gtest.h"

namespace newsgraph {
namespace {

// A relation in the one-sentence `text` whose head, trigger and tail are the
// first occurrences of the given strings.
ExtractedRelation Make(const std::string& text, const std::string& head,
                       const std::string& trigger, const std::string& tail) {
  ExtractedRelation r;
  const size_t h = text.find(head), g = text.find(trigger),
               t = text.find(tail);
  EXPECT_NE(h, std::string::npos);
  EXPECT_NE(g, std::string::npos);
  EXPECT_NE(t, std::string::npos);
  r.head_begin = h;
  r.head_end = h + head.size();
  r.trigger_begin = g;
  r.trigger_end = g + trigger.size();
  r.tail_begin = t;
  r.tail_end = t + tail.size();
  return r;
}

RelationAttributes Find(const std::string& text, const std::string& head,
                        const std::string& trigger, const std::string& tail) {
  return FindRelationAttributes(text, 0, Make(text, head, trigger, tail));
}

TEST(RelationAttributesTest, PlainAssertionHasNoFlags) {
  const RelationAttributes a =
      Find("Ankara warned Oslo about the storm.", "Ankara", "warned", "Oslo");
  EXPECT_FALSE(a.negated);
  EXPECT_FALSE(a.hedged);
}

TEST(RelationAttributesTest, Negation) {
  EXPECT_TRUE(Find("Ankara did not warn Oslo.", "Ankara", "warn", "Oslo")
                  .negated);
  EXPECT_TRUE(Find("Ankara didn't warn Oslo.", "Ankara", "warn", "Oslo")
                  .negated);
  EXPECT_TRUE(Find("Ankara didn’t warn Oslo.", "Ankara", "warn", "Oslo")
                  .negated);
  EXPECT_TRUE(Find("Mira Kovac never met Ian Holt.", "Mira Kovac", "met",
                   "Ian Holt")
                  .negated);
  EXPECT_TRUE(Find("Mira Kovac denied meeting Ian Holt.", "Mira Kovac",
                   "meeting", "Ian Holt")
                  .negated);
  // Passive: the tail comes first.
  EXPECT_TRUE(Find("Oslo was not warned by Ankara.", "Ankara", "warned", "Oslo")
                  .negated);
}

TEST(RelationAttributesTest, Hedging) {
  EXPECT_TRUE(Find("Mira Kovac reportedly met Ian Holt.", "Mira Kovac", "met",
                   "Ian Holt")
                  .hedged);
  EXPECT_TRUE(Find("Ankara allegedly warned Oslo.", "Ankara", "warned", "Oslo")
                  .hedged);
  EXPECT_TRUE(Find("Ankara may have warned Oslo.", "Ankara", "warned", "Oslo")
                  .hedged);
  EXPECT_TRUE(Find("Mira Kovac is believed to have met Ian Holt.",
                   "Mira Kovac", "met", "Ian Holt")
                  .hedged);
  EXPECT_TRUE(Find("Ankara has sought to cooperate with Oslo.", "Ankara",
                   "cooperate", "Oslo")
                  .hedged);
  // Trigger first: the cue stands before it.
  EXPECT_TRUE(Find("The floods could bring closer cooperation between Ankara "
                   "and Oslo.",
                   "Ankara", "cooperation", "Oslo")
                  .hedged);
  EXPECT_FALSE(Find("The floods could bring closer cooperation between Ankara "
                    "and Oslo.",
                    "Ankara", "cooperation", "Oslo")
                   .negated);
}

TEST(RelationAttributesTest, CuesOutsideTheScopeDoNotCount) {
  // The negation belongs to another clause before the head.
  EXPECT_FALSE(Find("Rain did not stop it, and Ankara warned Oslo.", "Ankara",
                    "warned", "Oslo")
                   .negated);
  // A clause break before a leading trigger ends the scope.
  EXPECT_FALSE(Find("It may rain, but talks between Ankara and Oslo went on.",
                    "Ankara", "talks", "Oslo")
                    .hedged);
  // "alleged" as an adjective is not a hedge on the relation.
  EXPECT_FALSE(Find("The alleged thieves, brothers Ian and Tom Holt, fled.",
                    "Ian", "brothers", "Tom Holt")
                   .hedged);
  // A cue after the trigger does not count either.
  EXPECT_FALSE(Find("Ankara warned Oslo, which did not listen.", "Ankara",
                    "warned", "Oslo")
                   .negated);
}

TEST(RelationAttributesTest, MarkSetsEveryRelation) {
  const std::string text = "Ankara did not warn Oslo. Oslo warned Ankara.";
  Segmentation seg;
  Sentence s1, s2;
  s1.begin = 0;
  s1.end = 25;
  s2.begin = 26;
  s2.end = static_cast<uint32_t>(text.size());
  seg.sentences = {s1, s2};
  std::vector<ExtractedRelation> rs = {Make(text, "Ankara", "warn", "Oslo")};
  ExtractedRelation second;
  second.sentence = 1;
  second.head_begin = 26;
  second.head_end = 30;
  second.trigger_begin = 31;
  second.trigger_end = 37;
  second.tail_begin = 38;
  second.tail_end = 44;
  rs.push_back(second);
  MarkRelationAttributes(text, seg, &rs);
  EXPECT_TRUE(rs[0].negated);
  EXPECT_FALSE(rs[1].negated);
  EXPECT_FALSE(rs[1].hedged);
}

}  // namespace
}  // namespace newsgraph
