#include "extract/resolver.h"

#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "extract/internal/test_rules.h"
#include "gtest/gtest.h"

namespace newsgraph {
namespace {

GazetteerEntry Entry(std::string id, Label label, std::string canonical,
                     std::vector<std::string> aliases, int priority = 0) {
  GazetteerEntry e =
      MakeEntry(std::move(id), label, std::move(canonical), std::move(aliases));
  e.priority = priority;
  return e;
}

class ResolverTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto g = Gazetteer::Build(
        {Entry("person.vladimir_putin", Label::kPerson, "Vladimir Putin",
               {"Putin"}),
         Entry("agency.fsb", Label::kAgency, "Federal Security Service",
               {"FSB"}),
         Entry("place.RU", Label::kPlace, "Russia", {}),
         Entry("place.moscow", Label::kPlace, "Moscow", {}),
         Entry("agency.moscow_times", Label::kAgency, "Moscow Times", {}),
         Entry("demonym.RU", Label::kDemonym, "Russian", {}),
         Entry("place.city.buchanan", Label::kPlace, "Buchanan", {}, -1),
         Entry("given.david", Label::kGivenName, "David", {}),
         Entry("given.guillermo", Label::kGivenName, "Guillermo", {})},
        segmenter_);
    ASSERT_TRUE(g.ok()) << g.status();
    gazetteer_ = std::move(*g);
  }

  // Candidate for the first occurrence of `surface` in `text_`, as a regex
  // rule would produce it.
  Candidate Regex(const std::string& surface, Label label, int priority = 0,
                  size_t from = 0) {
    Candidate c;
    c.begin = static_cast<uint32_t>(text_.find(surface, from));
    EXPECT_NE(c.begin, std::string::npos) << surface;
    c.end = c.begin + surface.size();
    c.label = label;
    c.source = Source::kRegex;
    c.priority = priority;
    c.rule_id = "test.rule";
    return c;
  }

  ResolvedDocument Resolve(const std::string& text,
                           std::vector<Candidate> extra = {}) {
    text_ = text;
    seg_ = segmenter_.Segment(text_);
    std::vector<Candidate> candidates = std::move(extra);
    gazetteer_->Match(text_, seg_, &candidates);
    Resolver resolver(gazetteer_.get());
    return resolver.Resolve(text_, seg_, candidates);
  }

  // "[PERSON Vladimir Putin: Vladimir V. Putin|Putin]" per entity.
  std::string Entities(const ResolvedDocument& doc) {
    std::vector<std::string> out;
    for (const ResolvedEntity& e : doc.entities) {
      std::vector<std::string> mentions;
      for (int32_t m : e.mentions) {
        const ResolvedMention& rm = doc.mentions[m];
        mentions.push_back(text_.substr(rm.begin, rm.end - rm.begin));
      }
      out.push_back(absl::StrCat("[", LabelName(e.label), " ",
                                 e.canonical_name, ": ",
                                 absl::StrJoin(mentions, "|"), "]"));
    }
    return absl::StrJoin(out, " ");
  }

  Segmenter segmenter_;
  std::unique_ptr<Gazetteer> gazetteer_;
  std::string text_;
  Segmentation seg_;
};

TEST_F(ResolverTest, LongestCandidateWins) {
  const ResolvedDocument doc = Resolve("He read The Moscow Times in Moscow.");
  EXPECT_EQ(Entities(doc),
            "[AGENCY Moscow Times: Moscow Times] [PLACE Moscow: Moscow]");
  // The shorter "Moscow" inside "Moscow Times" lost to it.
  ASSERT_EQ(doc.rejected.size(), 1u);
  EXPECT_EQ(doc.rejected[0].candidate.rule_id, "place.moscow");
  EXPECT_EQ(doc.rejected[0].beaten_by, 0);
  EXPECT_EQ(doc.rejected[0].reason, "shorter");
}

TEST_F(ResolverTest, PriorityBeatsLength) {
  const std::string text = "Officials at Moscow Times Square spoke.";
  text_ = text;
  const ResolvedDocument doc =
      Resolve(text, {Regex("Moscow Times Square", Label::kPlace, -1)});
  EXPECT_EQ(Entities(doc), "[AGENCY Moscow Times: Moscow Times]");
  bool found = false;
  for (const RejectedCandidate& r : doc.rejected) {
    if (r.candidate.rule_id == "test.rule") {
      found = true;
      EXPECT_EQ(r.reason, "lower priority");
    }
  }
  EXPECT_TRUE(found);
}

TEST_F(ResolverTest, VetoRemovesCandidatesInsideItsSpan) {
  text_ = "Russia and Moscow.";
  Candidate veto = Regex("Russia", Label::kVeto);
  const ResolvedDocument doc = Resolve("Russia and Moscow.", {veto});
  EXPECT_EQ(Entities(doc), "[PLACE Moscow: Moscow]");
  ASSERT_EQ(doc.rejected.size(), 1u);
  EXPECT_EQ(doc.rejected[0].beaten_by, -1);
}

TEST_F(ResolverTest, NameVariantsJoinTheGazetteerPerson) {
  const std::string text =
      "President Vladimir V. Putin spoke. Later Putin left. Vladimir Putin "
      "returned.";
  text_ = text;
  const ResolvedDocument doc =
      Resolve(text, {Regex("Vladimir V. Putin", Label::kPerson)});
  EXPECT_EQ(Entities(doc),
            "[PERSON Vladimir Putin: Vladimir V. Putin|Putin|Vladimir Putin]");
  EXPECT_EQ(doc.entities[0].canonical_id, "person.vladimir_putin");
}

TEST_F(ResolverTest, AcronymInBracketsAndLaterBareAcronymJoinExpansion) {
  const std::string text =
      "The Federal Bureau of Investigation (FBI) said so. The FBI agreed.";
  text_ = text;
  const ResolvedDocument doc = Resolve(
      text, {Regex("Federal Bureau of Investigation", Label::kAgency)});
  EXPECT_EQ(Entities(doc),
            "[AGENCY Federal Bureau of Investigation: Federal Bureau of "
            "Investigation|FBI|FBI]");
  EXPECT_EQ(doc.mentions[1].rule_id, "resolver.acronym");
  EXPECT_EQ(doc.entities[0].canonical_id,
            "auto.agency.federal_bureau_of_investigation");
}

TEST_F(ResolverTest, GazetteerAcronymLinksToItsEntry) {
  const ResolvedDocument doc =
      Resolve("The Federal Security Service (FSB) warned. FSB agents left.");
  EXPECT_EQ(Entities(doc),
            "[AGENCY Federal Security Service: Federal Security "
            "Service|FSB|FSB]");
}

TEST_F(ResolverTest, SharedFamilyNameGoesToNearestPrecedingPerson) {
  const std::string text =
      "Tamerlan Tsarnaev died. Dzhokhar Tsarnaev fled. Tsarnaev was caught.";
  text_ = text;
  const ResolvedDocument doc =
      Resolve(text, {Regex("Tamerlan Tsarnaev", Label::kPerson),
                     Regex("Dzhokhar Tsarnaev", Label::kPerson)});
  EXPECT_EQ(Entities(doc),
            "[PERSON Tamerlan Tsarnaev: Tamerlan Tsarnaev] "
            "[PERSON Dzhokhar Tsarnaev: Dzhokhar Tsarnaev|Tsarnaev]");
}

TEST_F(ResolverTest, FamilyNameBeforeFirstFullNameGoesToFollowingPerson) {
  const std::string text = "Tsarnaev was named. Dzhokhar Tsarnaev fled.";
  text_ = text;
  const ResolvedDocument doc =
      Resolve(text, {Regex("Dzhokhar Tsarnaev", Label::kPerson)});
  EXPECT_EQ(Entities(doc),
            "[PERSON Dzhokhar Tsarnaev: Tsarnaev|Dzhokhar Tsarnaev]");
}

TEST_F(ResolverTest, PluralFamilyNameAndBrothersFormAGroupEntity) {
  const std::string text =
      "Tamerlan Tsarnaev and Dzhokhar Tsarnaev lived here. The Tsarnaev "
      "brothers left. The Tsarnaevs never returned.";
  text_ = text;
  const ResolvedDocument doc =
      Resolve(text, {Regex("Tamerlan Tsarnaev", Label::kPerson),
                     Regex("Dzhokhar Tsarnaev", Label::kPerson)});
  EXPECT_EQ(Entities(doc),
            "[PERSON Tamerlan Tsarnaev: Tamerlan Tsarnaev] "
            "[PERSON Dzhokhar Tsarnaev: Dzhokhar Tsarnaev] "
            "[PERSON Tsarnaev brothers: Tsarnaev|Tsarnaevs]");
  EXPECT_EQ(doc.entities[2].canonical_id, "auto.person.group.tsarnaev");
}

TEST_F(ResolverTest, UniqueGivenNameJoinsItsPerson) {
  const std::string text = "Tamerlan Tsarnaev traveled. Tamerlan came back.";
  text_ = text;
  const ResolvedDocument doc =
      Resolve(text, {Regex("Tamerlan Tsarnaev", Label::kPerson)});
  EXPECT_EQ(Entities(doc),
            "[PERSON Tamerlan Tsarnaev: Tamerlan Tsarnaev|Tamerlan]");
}

TEST_F(ResolverTest, FamilyNameWithAParticleIsOneMention) {
  const std::string text =
      "Francesco De Masi wrote it. Later De Masi and de Masi left. Masi stayed.";
  text_ = text;
  const ResolvedDocument doc =
      Resolve(text, {Regex("Francesco De Masi", Label::kPerson)});
  // "De Masi" (either case of the particle) is the family name; "De" alone
  // is never one.
  EXPECT_EQ(Entities(doc),
            "[PERSON Francesco De Masi: Francesco De Masi|De Masi|de Masi|Masi]");
}

TEST_F(ResolverTest, WeakPlaceThatIsAFamilyNameBecomesThePerson) {
  const std::string text =
      "Mary Buchanan arrived. Buchanan said the town of Buchanan is small.";
  text_ = text;
  const ResolvedDocument doc =
      Resolve(text, {Regex("Mary Buchanan", Label::kPerson)});
  // The family name wins over the city (priority -1) everywhere in the
  // document: a text about a person rarely names a town after them too.
  EXPECT_EQ(Entities(doc),
            "[PERSON Mary Buchanan: Mary Buchanan|Buchanan|Buchanan]");
  EXPECT_EQ(doc.mentions[1].rule_id, "resolver.surname");
}

TEST_F(ResolverTest, OneWordPersonIsNamedSoAgain) {
  const std::string text =
      "Mr Kowalczyk met Mr Buchanan. Later Kowalczyk went to Buchanan.";
  text_ = text;
  const ResolvedDocument doc = Resolve(
      text,
      {Regex("Kowalczyk", Label::kPerson), Regex("Buchanan", Label::kPerson)});
  // A one-word name found by a rule recurs and is one entity; it does not
  // take a weak place of that name (the town of Buchanan stays a place).
  EXPECT_EQ(Entities(doc),
            "[PERSON Kowalczyk: Kowalczyk|Kowalczyk] [PERSON Buchanan: "
            "Buchanan] [PLACE Buchanan: Buchanan]");
  EXPECT_EQ(doc.mentions[2].rule_id, "resolver.surname");
  // A weak guess (priority below -1) is not repeated.
  const ResolvedDocument weak =
      Resolve(text, {Regex("Kowalczyk", Label::kPerson, -2)});
  EXPECT_EQ(
      Entities(weak),
      "[PERSON Kowalczyk: Kowalczyk] [PLACE Buchanan: Buchanan|Buchanan]");
}

TEST_F(ResolverTest, StrongPlaceIsNotTakenForAFamilyName) {
  const std::string text = "Anna Moscow wrote. Moscow said no.";
  text_ = text;
  const ResolvedDocument doc =
      Resolve(text, {Regex("Anna Moscow", Label::kPerson)});
  EXPECT_EQ(Entities(doc),
            "[PERSON Anna Moscow: Anna Moscow] [PLACE Moscow: Moscow]");
}

TEST_F(ResolverTest, MiddleFamilyNameOfALongNameJoinsThePerson) {
  const std::string text =
      "Guillermo David Endara Galimany won. Endara thanked Galimany voters.";
  text_ = text;
  const ResolvedDocument doc =
      Resolve(text, {Regex("Guillermo David Endara Galimany", Label::kPerson)});
  EXPECT_EQ(Entities(doc),
            "[PERSON Guillermo David Endara Galimany: Guillermo David Endara "
            "Galimany|Endara|Galimany]");
  // "David" is a given name: it is not taken as a family name.
  const ResolvedDocument other = Resolve(
      "Guillermo David Endara Galimany won. David came.",
      {Regex("Guillermo David Endara Galimany", Label::kPerson)});
  EXPECT_EQ(other.mentions.size(), 1u);
}

TEST_F(ResolverTest, DemonymsAreNotMentions) {
  const ResolvedDocument doc = Resolve("The Russian minister visited Russia.");
  EXPECT_EQ(Entities(doc), "[PLACE Russia: Russia]");
  ASSERT_EQ(doc.demonyms.size(), 1u);
  EXPECT_EQ(gazetteer_->entry(doc.demonyms[0].entry).id, "demonym.RU");
}

TEST_F(ResolverTest, LabelPrecedenceBreaksTies) {
  const std::string text = "Georgia spoke.";
  text_ = text;
  std::vector<Candidate> both = {Regex("Georgia", Label::kPerson),
                                 Regex("Georgia", Label::kPlace)};
  ResolvedDocument doc = Resolve(text, both);
  EXPECT_EQ(Entities(doc), "[PLACE Georgia: Georgia]");
  Resolver::Options options;
  options.label_precedence = {Label::kPerson, Label::kPlace, Label::kAgency};
  Resolver person_first(gazetteer_.get(), options);
  doc = person_first.Resolve(text_, seg_, both);
  EXPECT_EQ(Entities(doc), "[PERSON Georgia: Georgia]");
}

TEST_F(ResolverTest, GazetteerEntryBeatsRegexGuessOfTheSameSpan) {
  // A regex guess says AGENCY (first in label precedence), the gazetteer
  // says PLACE: the curated entry wins.
  const std::string text = "Russia spoke.";
  text_ = text;
  const ResolvedDocument doc = Resolve(text, {Regex("Russia", Label::kAgency)});
  EXPECT_EQ(Entities(doc), "[PLACE Russia: Russia]");
}

TEST_F(ResolverTest, MentionsCarrySentenceIndex) {
  const ResolvedDocument doc = Resolve("Russia spoke. Then Moscow answered.");
  ASSERT_EQ(doc.mentions.size(), 2u);
  EXPECT_EQ(doc.mentions[0].sentence, 0u);
  EXPECT_EQ(doc.mentions[1].sentence, 1u);
}

TEST_F(ResolverTest, EmptyText) {
  const ResolvedDocument doc = Resolve("");
  EXPECT_TRUE(doc.entities.empty());
  EXPECT_TRUE(doc.mentions.empty());
}

}  // namespace
}  // namespace newsgraph
