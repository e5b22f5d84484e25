// The default entity rules (rules/gazetteer, rules/patterns) run through the
// whole pipeline on sentences written for this test: each normalisation case
// of the gazetteer matcher, stop-word protection, the person guesser, the
// overlap policy, name-variant clustering, acronym linking and demonym
// mapping. A test fails when a default list or rule stops covering a case or
// starts to fire where it must not.
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "extract/internal/default_rules.h"
#include "extract/pipeline.h"
#include "extract/rule_set.h"
#include "gtest/gtest.h"

namespace newsgraph {
namespace {

class EntityRulesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto rules = LoadDefaultRules();
    ASSERT_TRUE(rules.ok()) << rules.status();
    pipeline_ = new Pipeline(*rules,
                             Pipeline::Options());
  }

  static DocumentGraph Process(const std::string& text) {
    Document doc;
    doc.set_id("t");
    doc.set_text(text);
    return pipeline_->Process(doc);
  }

  // Every mention of `text` as "TYPE surface".
  static std::set<std::string> Mentions(const std::string& text) {
    std::set<std::string> out;
    const DocumentGraph g = Process(text);
    for (const Entity& e : g.entities()) {
      for (const Mention& m : e.mentions()) {
        out.insert(absl::StrCat(EntityType_Name(e.type()), " ", m.text()));
      }
    }
    return out;
  }

  // Every entity of `text` as "TYPE canonical: surface|surface".
  static std::set<std::string> Entities(const std::string& text) {
    std::set<std::string> out;
    const DocumentGraph g = Process(text);
    for (const Entity& e : g.entities()) {
      std::vector<std::string> surfaces;
      for (const Mention& m : e.mentions()) surfaces.push_back(m.text());
      out.insert(absl::StrCat(EntityType_Name(e.type()), " ",
                              e.canonical_name(), ": ",
                              absl::StrJoin(surfaces, "|")));
    }
    return out;
  }

  static void ExpectMention(const std::string& text,
                            const std::string& mention) {
    const std::set<std::string> found = Mentions(text);
    EXPECT_TRUE(found.count(mention))
        << "missing: " << mention << "\n in: " << text
        << "\n found: " << absl::StrJoin(found, "; ");
  }

  // No mention of any type whose surface is `surface`.
  static void ExpectNoMention(const std::string& text,
                              const std::string& surface) {
    for (const std::string& m : Mentions(text)) {
      EXPECT_NE(m.substr(m.find(' ') + 1), surface)
          << "unexpected: " << m << "\n in: " << text;
    }
  }

  static void ExpectEntity(const std::string& text,
                           const std::string& entity) {
    const std::set<std::string> found = Entities(text);
    EXPECT_TRUE(found.count(entity))
        << "missing: " << entity << "\n in: " << text
        << "\n found: " << absl::StrJoin(found, "; ");
  }

  static Pipeline* pipeline_;
};

Pipeline* EntityRulesTest::pipeline_ = nullptr;

TEST_F(EntityRulesTest, DiacriticsAreIgnored) {
  ExpectMention("Sergei L\xC3\xA1vrov arrived late.",
                "PERSON Sergei L\xC3\xA1vrov");
  ExpectMention("Officials in Bogot\xC3\xA1 agreed.",
                "PLACE Bogot\xC3\xA1");
}

TEST_F(EntityRulesTest, PeriodsInAbbreviationsAreOptional) {
  ExpectMention("Officials in the U.S. agreed.", "PLACE U.S.");
  ExpectMention("Officials in the US agreed.", "PLACE US");
  ExpectMention("Officials in the U.S agreed.", "PLACE U.S");
  ExpectEntity("The U.S. and the US and the United States agreed.",
               "PLACE United States: U.S.|US|United States");
}

TEST_F(EntityRulesTest, HyphenOrSpaceInsideAName) {
  ExpectMention("A cell of al Qaeda was found.", "AGENCY al Qaeda");
  ExpectMention("A cell of al-Qaeda was found.", "AGENCY al-Qaeda");
}

TEST_F(EntityRulesTest, PossessivesWithStraightAndCurlyApostrophes) {
  ExpectMention("Russia's army moved.", "PLACE Russia");
  ExpectMention("Putin\xE2\x80\x99s aide spoke.", "PERSON Putin");
  ExpectNoMention("Putin\xE2\x80\x99s aide spoke.", "Putin\xE2\x80\x99s");
}

TEST_F(EntityRulesTest, NameAcrossALineBreak) {
  ExpectMention("A spokesman for the White\nHouse declined to comment.",
                "AGENCY White\nHouse");
}

TEST_F(EntityRulesTest, AllCapsDatelines) {
  ExpectMention("MOSCOW \xE2\x80\x94 The talks went on.", "PLACE MOSCOW");
}

TEST_F(EntityRulesTest, StopWordsDoNotFireInTheWrongCaseOrContext) {
  ExpectNoMention("The meeting is on May 5 in the capital.", "May");
  ExpectNoMention("Lawmakers passed the bill on Tuesday.", "bill");
  ExpectNoMention("Reading the report took an hour.", "Reading");
  ExpectNoMention("Mobile phones were seized.", "Mobile");
  ExpectNoMention("The plates were made of fine china.", "china");
  ExpectNoMention("Will Moscow agree? Nobody knows.", "Will Moscow");
  // In the right context the same words are names.
  ExpectMention("Trade with China grew.", "PLACE China");
}

TEST_F(EntityRulesTest, GivenNamesFindUnknownPeople) {
  ExpectMention("The lawyer Anna Kovalenko declined to comment.",
                "PERSON Anna Kovalenko");
  ExpectEntity("Dmitri Zaitsev left the city. Zaitsev later returned.",
               "PERSON Dmitri Zaitsev: Dmitri Zaitsev|Zaitsev");
}

TEST_F(EntityRulesTest, CitiesFromGeoNames) {
  ExpectMention("The convoy reached Tampere at noon.", "PLACE Tampere");
  ExpectMention("He was born in Gujranwala.", "PLACE Gujranwala");
}

TEST_F(EntityRulesTest, OverlapPolicyLongestNameWins) {
  // The newspaper, not the city inside its name.
  ExpectMention("The Moscow Times reported it.", "AGENCY Moscow Times");
  ExpectNoMention("The Moscow Times reported it.", "Moscow");
  // An organisation named after a place.
  ExpectMention("She studied at the University of Tampere.",
                "AGENCY University of Tampere");
  ExpectNoMention("She studied at the University of Tampere.", "Tampere");
}

TEST_F(EntityRulesTest, NameVariantsClusterIntoOnePerson) {
  ExpectEntity(
      "Vladimir V. Putin spoke. Later Putin left. Vladimir Putin returned.",
      "PERSON Vladimir Putin: Vladimir V. Putin|Putin|Vladimir Putin");
}

TEST_F(EntityRulesTest, SharedFamilyNameGoesToThePersonJustNamed) {
  const std::set<std::string> found = Entities(
      "Tamerlan Tsarnaev traveled to Dagestan. Dzhokhar Tsarnaev stayed in "
      "Boston. Tsarnaev was a student there.");
  EXPECT_TRUE(found.count(
      "PERSON Dzhokhar Tsarnaev: Dzhokhar Tsarnaev|Tsarnaev"))
      << absl::StrJoin(found, "; ");
  EXPECT_TRUE(found.count("PERSON Tamerlan Tsarnaev: Tamerlan Tsarnaev"))
      << absl::StrJoin(found, "; ");
}

TEST_F(EntityRulesTest, AcronymsLinkToTheirExpansion) {
  ExpectEntity(
      "The Federal Security Service (FSB) warned. Later the FSB said more.",
      "AGENCY Federal Security Service: Federal Security Service|FSB|FSB");
  // An organisation no list knows, and its acronym.
  ExpectEntity(
      "The Committee for Civic Oversight (CCO) met. The CCO then voted.",
      "AGENCY Committee for Civic Oversight: Committee for Civic "
      "Oversight|CCO|CCO");
}

TEST_F(EntityRulesTest, DemonymsMapToCountriesWithoutBeingMentions) {
  const DocumentGraph g = Process(
      "Talks in Russia ended. Russian Foreign Minister Sergei Lavrov spoke.");
  for (const Entity& e : g.entities()) {
    for (const Mention& m : e.mentions()) EXPECT_NE(m.text(), "Russian");
  }
  // The demonym still ties Lavrov to Russia, the entity the document names.
  bool affiliation = false;
  for (const Relation& r : g.relations()) {
    if (r.type() != AFFILIATION) continue;
    for (const Entity& e : g.entities()) {
      if (e.id() == r.tail() && e.canonical_name() == "Russia") {
        affiliation = true;
      }
    }
  }
  EXPECT_TRUE(affiliation);
}

TEST_F(EntityRulesTest, CanonicalIdsAreStableAcrossDocuments) {
  auto ids = [](const std::string& text) {
    std::set<std::string> out;
    const DocumentGraph g = Process(text);
    for (const Entity& e : g.entities()) {
      out.insert(e.canonical_id());
    }
    return out;
  };
  const std::set<std::string> a =
      ids("Anna Kovalenko flew to Moscow on Friday.");
  const std::set<std::string> b =
      ids("In Moscow, a court heard Anna Kovalenko again.");
  EXPECT_EQ(a, b);
  EXPECT_TRUE(a.count("auto.person.anna_kovalenko")) << absl::StrJoin(a, " ");
}

}  // namespace
}  // namespace newsgraph
