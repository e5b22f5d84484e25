#include "extract/evaluator.h"

#include <string>

#include "google/protobuf/text_format.h"
#include "gtest/gtest.h"

namespace newsgraph {
namespace {

template <typename T>
T Parse(const std::string& text) {
  T message;
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(text, &message))
      << text;
  return message;
}

// Gold: Obama [0,5) and Putin [10,15) PERSON, Russia [20,26) PLACE.
const char kGold[] = R"pb(
  doc: "d.txt"
  entities { id: "E1" type: "PERSON" canonical: "Barack Obama"
             mentions { begin: 0 end: 5 text: "Obama" } }
  entities { id: "E2" type: "PERSON" canonical: "Vladimir Putin"
             mentions { begin: 10 end: 15 text: "Putin" } }
  entities { id: "E3" type: "PLACE" canonical: "Russia"
             mentions { begin: 20 end: 26 text: "Russia" } }
  relations { type: "MEETING" head: "E1" tail: "E2" }
  relations { type: "LOCATED_IN" head: "E2" tail: "E3" }
)pb";

TEST(EvaluatorTest, PerfectPrediction) {
  const auto pred = Parse<DocumentGraph>(R"pb(
    document { id: "d" }
    entities { id: "E1" type: PERSON mentions { begin: 10 end: 15 type: PERSON } }
    entities { id: "E2" type: PERSON mentions { begin: 0 end: 5 type: PERSON } }
    entities { id: "E3" type: PLACE mentions { begin: 20 end: 26 type: PLACE } }
    relations { type: MEETING head: "E1" tail: "E2" }
    relations { type: LOCATED_IN head: "E1" tail: "E3" }
  )pb");
  const Scores s = Evaluate({Parse<GoldDocument>(kGold)}, {{"d", pred}});
  EXPECT_EQ(s.strict.at("micro").tp, 3);
  EXPECT_DOUBLE_EQ(s.strict.at("micro").f1(), 1.0);
  // MEETING is symmetric: the swapped order still counts.
  EXPECT_EQ(s.relations.at("MEETING").tp, 1);
  EXPECT_EQ(s.relations.at("LOCATED_IN").tp, 1);
  EXPECT_DOUBLE_EQ(s.relations.at("micro").f1(), 1.0);
}

TEST(EvaluatorTest, StrictAndLenientDiffer) {
  // "Obama" predicted as [0,4), Putin as PLACE, Russia missing, one extra.
  const auto pred = Parse<DocumentGraph>(R"pb(
    document { id: "d" }
    entities { id: "E1" type: PERSON mentions { begin: 0 end: 4 type: PERSON } }
    entities { id: "E2" type: PLACE mentions { begin: 10 end: 15 type: PLACE } }
    entities { id: "E3" type: AGENCY mentions { begin: 30 end: 33 type: AGENCY } }
    relations { type: LOCATED_IN head: "E2" tail: "E1" }
  )pb");
  const Scores s = Evaluate({Parse<GoldDocument>(kGold)}, {{"d", pred}});
  EXPECT_EQ(s.strict.at("PERSON").tp, 0);
  EXPECT_EQ(s.strict.at("PERSON").fp, 1);
  EXPECT_EQ(s.strict.at("PERSON").fn, 2);
  EXPECT_EQ(s.lenient.at("PERSON").tp, 1);  // overlap counts leniently
  EXPECT_EQ(s.lenient.at("PERSON").fn, 1);
  EXPECT_EQ(s.strict.at("PLACE").fp, 1);
  EXPECT_EQ(s.strict.at("PLACE").fn, 1);
  EXPECT_EQ(s.strict.at("AGENCY").fp, 1);
  EXPECT_EQ(s.strict.at("micro").tp, 0);
  EXPECT_EQ(s.strict.at("micro").fp, 3);
  EXPECT_EQ(s.strict.at("micro").fn, 3);
  // The relation's head maps to gold Putin, its tail to gold Obama: wrong.
  EXPECT_EQ(s.relations.at("LOCATED_IN").fp, 1);
  EXPECT_EQ(s.relations.at("LOCATED_IN").fn, 1);
  EXPECT_EQ(s.relations.at("MEETING").fn, 1);
}

TEST(EvaluatorTest, MissingPredictionCountsAllAsMissed) {
  const Scores s = Evaluate({Parse<GoldDocument>(kGold)}, {});
  EXPECT_EQ(s.missing_predictions, 1);
  EXPECT_EQ(s.strict.at("micro").fn, 3);
  EXPECT_EQ(s.relations.at("micro").fn, 2);
  EXPECT_DOUBLE_EQ(s.strict.at("micro").f1(), 0.0);
}

TEST(EvaluatorTest, EachGoldMentionMatchesOnce) {
  const auto pred = Parse<DocumentGraph>(R"pb(
    document { id: "d" }
    entities { id: "E1" type: PERSON
               mentions { begin: 0 end: 5 type: PERSON }
               mentions { begin: 0 end: 5 type: PERSON } }
  )pb");
  const Scores s = Evaluate({Parse<GoldDocument>(kGold)}, {{"d", pred}});
  EXPECT_EQ(s.strict.at("PERSON").tp, 1);
  EXPECT_EQ(s.strict.at("PERSON").fp, 1);
}

TEST(EvaluatorTest, NegatedAndHedgedRelationsAreNotScored) {
  // The right MEETING, but negated; a wrong LOCATED_IN, but hedged; a wrong
  // CRITICISM that counts.
  const auto pred = Parse<DocumentGraph>(R"pb(
    document { id: "d" }
    entities { id: "E1" type: PERSON canonical_name: "Obama"
               mentions { begin: 0 end: 5 type: PERSON } }
    entities { id: "E2" type: PERSON canonical_name: "Putin"
               mentions { begin: 10 end: 15 type: PERSON } }
    entities { id: "E3" type: PLACE canonical_name: "Russia"
               mentions { begin: 20 end: 26 type: PLACE } }
    relations { type: MEETING head: "E1" tail: "E2" negated: true }
    relations { type: LOCATED_IN head: "E1" tail: "E3" hedged: true }
    relations { type: CRITICISM head: "E1" tail: "E2"
                evidence { rule_id: "crit.test" } }
  )pb");
  const Scores s = Evaluate({Parse<GoldDocument>(kGold)}, {{"d", pred}});
  EXPECT_EQ(s.relations.at("MEETING").tp, 0);
  EXPECT_EQ(s.relations.at("MEETING").fn, 1);
  EXPECT_EQ(s.relations.count("LOCATED_IN") ? s.relations.at("LOCATED_IN").fp
                                            : 0, 0);
  EXPECT_EQ(s.relations.at("CRITICISM").fp, 1);
  // Each error is listed: the false CRITICISM with its rule, the two misses
  // with gold names.
  ASSERT_EQ(s.relation_errors.size(), 3u);
  bool listed_fp = false;
  for (const std::string& line : s.relation_errors) {
    if (line.find("FP\tCRITICISM\tBarack Obama\tVladimir Putin\tcrit.test") !=
        std::string::npos) {
      listed_fp = true;
    }
  }
  EXPECT_TRUE(listed_fp);
}

TEST(EvaluatorTest, CountsArithmetic) {
  Counts c;
  c.tp = 3;
  c.fp = 1;
  c.fn = 2;
  EXPECT_DOUBLE_EQ(c.precision(), 0.75);
  EXPECT_DOUBLE_EQ(c.recall(), 0.6);
  EXPECT_NEAR(c.f1(), 2 * 0.75 * 0.6 / 1.35, 1e-12);
}

TEST(EvaluatorTest, FormatShowsEveryTable) {
  const Scores s = Evaluate({Parse<GoldDocument>(kGold)}, {});
  const std::string text = FormatScores(s);
  EXPECT_NE(text.find("mentions, strict"), std::string::npos);
  EXPECT_NE(text.find("mentions, lenient"), std::string::npos);
  EXPECT_NE(text.find("relations"), std::string::npos);
  EXPECT_NE(text.find("micro"), std::string::npos);
}

}  // namespace
}  // namespace newsgraph
