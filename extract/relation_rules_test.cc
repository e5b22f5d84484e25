// The default relation rules (rules/relations/relations.tsv) run through the
// whole pipeline on sentences written for this test, one test per pattern
// family of the annotation guidelines. Each expectation is a typed
// "head -> tail" pair of canonical names, so a test fails when a rule stops
// firing, fires with the wrong direction or type, or when negation and
// hedging are not recognised.
#include <map>
#include <memory>
#include <set>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "extract/internal/default_rules.h"
#include "extract/pipeline.h"
#include "extract/rule_set.h"
#include "gtest/gtest.h"

namespace newsgraph {
namespace {

class RelationRulesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto rules = LoadDefaultRules();
    ASSERT_TRUE(rules.ok()) << rules.status();
    pipeline_ = new Pipeline(*rules,
                             Pipeline::Options());
  }

  // The asserted relations of `text` as "TYPE head -> tail" (symmetric
  // types with the names sorted); negated ones as "not TYPE ...", hedged
  // ones as "maybe TYPE ...".
  static std::set<std::string> Relations(const std::string& text) {
    Document doc;
    doc.set_id("t");
    doc.set_text(text);
    const DocumentGraph g = pipeline_->Process(doc);
    std::map<std::string, std::string> names;
    for (const Entity& e : g.entities()) names[e.id()] = e.canonical_name();
    std::set<std::string> out;
    for (const Relation& r : g.relations()) {
      std::string h = names[r.head()], t = names[r.tail()];
      if ((r.type() == MEETING || r.type() == FAMILY ||
           r.type() == COOPERATION) &&
          t < h) {
        std::swap(h, t);
      }
      out.insert(absl::StrCat(r.negated() ? "not " : "",
                              r.hedged() && !r.negated() ? "maybe " : "",
                              RelationType_Name(r.type()), " ", h, " -> ", t));
    }
    return out;
  }

  // Expects `relation` among the relations of `text`.
  static void ExpectRelation(const std::string& text,
                             const std::string& relation) {
    const std::set<std::string> found = Relations(text);
    EXPECT_TRUE(found.count(relation))
        << "missing: " << relation << "\n in: " << text
        << "\n found: " << absl::StrJoin(found, "; ");
  }
  static void ExpectNoRelation(const std::string& text,
                               const std::string& relation) {
    const std::set<std::string> found = Relations(text);
    EXPECT_FALSE(found.count(relation))
        << "unexpected: " << relation << "\n in: " << text;
  }

  static Pipeline* pipeline_;
};

Pipeline* RelationRulesTest::pipeline_ = nullptr;

TEST_F(RelationRulesTest, Appositive) {
  ExpectRelation("Dmitry Peskov, spokesman for Vladimir Putin, spoke today.",
                 "AFFILIATION Dmitry Peskov -> Vladimir Putin");
  ExpectRelation("Reporters later met Christopher Wray, director of the FBI.",
                 "AFFILIATION Christopher Wray -> Federal Bureau of Investigation");
  ExpectRelation("The talks were led by Vladimir Putin's spokesman, Dmitry "
                 "Peskov, on Friday.",
                 "AFFILIATION Dmitry Peskov -> Vladimir Putin");
  ExpectRelation("Sergei Kislyak, Russia's ambassador to the United States, "
                 "left early.",
                 "AFFILIATION Sergei Kislyak -> Russia");
  ExpectRelation("John Kerry, a former Massachusetts senator, smiled.",
                 "AFFILIATION John Kerry -> Massachusetts");
}

TEST_F(RelationRulesTest, Title) {
  // Through the demonym.
  ExpectRelation("In Russia, Russian Foreign Minister Sergei Lavrov spoke.",
                 "AFFILIATION Sergei Lavrov -> Russia");
  ExpectRelation("President Vladimir Putin of Russia flew home.",
                 "AFFILIATION Vladimir Putin -> Russia");
  ExpectRelation("U.S. Defense Secretary Chuck Hagel spoke briefly.",
                 "AFFILIATION Chuck Hagel -> United States");
  // A title of a person is not a title of the next name in a list.
  ExpectNoRelation("U.S. Defense Secretary Chuck Hagel and Sergei Lavrov met.",
                   "AFFILIATION Sergei Lavrov -> United States");
}

TEST_F(RelationRulesTest, VerbTriggers) {
  ExpectRelation("Barack Obama and Vladimir Putin spoke by telephone on "
                 "Tuesday.",
                 "MEETING Barack Obama -> Vladimir Putin");
  ExpectRelation("John Kerry held talks with Sergei Lavrov in the morning.",
                 "MEETING John Kerry -> Sergei Lavrov");
  ExpectRelation("Angela Merkel met on Sunday with Russian President Vladimir "
                 "Putin in Russia.",
                 "MEETING Angela Merkel -> Vladimir Putin");
  ExpectRelation("The FSB warned the FBI about the man in 2011.",
                 "WARNING Federal Security Service -> Federal Bureau of "
                 "Investigation");
  ExpectRelation("The FSB sent information to the FBI twice.",
                 "WARNING Federal Security Service -> Federal Bureau of "
                 "Investigation");
  ExpectRelation("France cooperated with Germany on the inquiry.",
                 "COOPERATION France -> Germany");
  ExpectRelation("He praised the cooperation between Norway and Sweden.",
                 "COOPERATION Norway -> Sweden");
  ExpectRelation("Vladimir Putin criticized the United States on Monday.",
                 "CRITICISM Vladimir Putin -> United States");
  ExpectRelation("Syria accused Turkey of shelling its border.",
                 "CRITICISM Syria -> Turkey");
  ExpectRelation("\"We are ready,\" Dmitry Peskov told Interfax.",
                 "STATEMENT_TO Dmitry Peskov -> Interfax");
  ExpectRelation("Vladimir Putin said in an interview with CNN that he was "
                 "calm.",
                 "STATEMENT_TO Vladimir Putin -> CNN");
}

TEST_F(RelationRulesTest, PassiveVoice) {
  ExpectRelation("The FBI was warned by the FSB in March.",
                 "WARNING Federal Security Service -> Federal Bureau of "
                 "Investigation");
}

TEST_F(RelationRulesTest, LocationAndMovement) {
  ExpectRelation("John Kerry arrived in Moscow on Tuesday.",
                 "LOCATED_IN John Kerry -> Moscow");
  ExpectRelation("Sergei Lavrov traveled to Geneva last week.",
                 "LOCATED_IN Sergei Lavrov -> Geneva");
  ExpectRelation("The months that Sergei Lavrov spent in the cold northern "
                 "region of Murmansk were hard.",
                 "LOCATED_IN Sergei Lavrov -> Murmansk");
  // The pronoun stands for the person named before it.
  ExpectRelation("John Kerry was tired. Later he traveled to Paris.",
                 "LOCATED_IN John Kerry -> Paris");
}

TEST_F(RelationRulesTest, Origin) {
  ExpectRelation("Chuck Hagel has roots in Nebraska.",
                 "ORIGIN Chuck Hagel -> Nebraska");
  ExpectRelation("Garry Kasparov was born in Baku.",
                 "ORIGIN Garry Kasparov -> Baku");
  ExpectRelation("In Russia, Russian lawyer Sergei Magnitsky was arrested.",
                 "ORIGIN Sergei Magnitsky -> Russia");
}

TEST_F(RelationRulesTest, PartOf) {
  ExpectRelation("Police in Boston, Massachusetts, closed the road.",
                 "PART_OF Boston -> Massachusetts");
  ExpectRelation("Troops left Russia for the Russian region of Chechnya.",
                 "PART_OF Chechnya -> Russia");
  // A list is no part-of.
  ExpectNoRelation("They spoke about Iran, Syria and trade.",
                   "PART_OF Iran -> Syria");
}

TEST_F(RelationRulesTest, Family) {
  ExpectRelation("Bill Clinton's wife, Hillary Clinton, waved.",
                 "FAMILY Bill Clinton -> Hillary Clinton");
  // The pronoun stands for the person named before it.
  ExpectRelation("Bill Clinton arrived first. His wife, Hillary Clinton, "
                 "came later.",
                 "FAMILY Bill Clinton -> Hillary Clinton");
}

TEST_F(RelationRulesTest, Coordination) {
  // "X and Y met Z": both heads.
  ExpectRelation("John Kerry and Chuck Hagel met with Sergei Lavrov.",
                 "MEETING Chuck Hagel -> Sergei Lavrov");
  ExpectRelation("John Kerry and Chuck Hagel met with Sergei Lavrov.",
                 "MEETING John Kerry -> Sergei Lavrov");
  // "X, Y and Z met": every pair.
  const std::set<std::string> found =
      Relations("John Kerry, Chuck Hagel and Sergei Lavrov met on Friday.");
  EXPECT_TRUE(found.count("MEETING Chuck Hagel -> John Kerry"));
  EXPECT_TRUE(found.count("MEETING Chuck Hagel -> Sergei Lavrov"));
  EXPECT_TRUE(found.count("MEETING John Kerry -> Sergei Lavrov"));
  // "X traveled to A and B".
  ExpectRelation("John Kerry traveled to Paris and Berlin.",
                 "LOCATED_IN John Kerry -> Berlin");
}

TEST_F(RelationRulesTest, NegationAndHedging) {
  ExpectRelation("The FSB did not warn the FBI.",
                 "not WARNING Federal Security Service -> Federal Bureau of "
                 "Investigation");
  ExpectRelation("John Kerry never met Sergei Lavrov.",
                 "not MEETING John Kerry -> Sergei Lavrov");
  ExpectRelation("John Kerry reportedly met Sergei Lavrov.",
                 "maybe MEETING John Kerry -> Sergei Lavrov");
  ExpectRelation("The FSB allegedly warned the FBI.",
                 "maybe WARNING Federal Security Service -> Federal Bureau of "
                 "Investigation");
  ExpectRelation("The FSB may have warned the FBI.",
                 "maybe WARNING Federal Security Service -> Federal Bureau of "
                 "Investigation");
  ExpectRelation("Turkey has sought to cooperate with Greece.",
                 "maybe COOPERATION Greece -> Turkey");
}

TEST_F(RelationRulesTest, EvidenceCarriesRuleSpansAndRole) {
  const std::string text =
      "Dmitry Peskov, spokesman for Vladimir Putin, spoke. Then Barack Obama "
      "and Vladimir Putin spoke by telephone.";
  Document doc;
  doc.set_id("t");
  doc.set_text(text);
  const DocumentGraph g = pipeline_->Process(doc);
  bool affiliation = false, meeting = false;
  for (const Relation& r : g.relations()) {
    ASSERT_GT(r.evidence_size(), 0);
    const Evidence& ev = r.evidence(0);
    EXPECT_FALSE(ev.rule_id().empty());
    EXPECT_LT(ev.sentence().begin(), ev.sentence().end());
    EXPECT_LE(ev.sentence().begin(), ev.trigger().begin());
    EXPECT_LE(ev.trigger().end(), ev.sentence().end());
    const std::string trigger = text.substr(
        ev.trigger().begin(), ev.trigger().end() - ev.trigger().begin());
    if (r.type() == AFFILIATION) {
      affiliation = true;
      EXPECT_EQ(r.role(), "spokesman");
      EXPECT_EQ(trigger, "spokesman");
      EXPECT_EQ(ev.rule_id(), "aff.appositive_of");
    }
    if (r.type() == MEETING) {
      meeting = true;
      EXPECT_EQ(r.role(), "phone call");
      EXPECT_EQ(trigger, "spoke by telephone");
    }
  }
  EXPECT_TRUE(affiliation);
  EXPECT_TRUE(meeting);
}

}  // namespace
}  // namespace newsgraph
