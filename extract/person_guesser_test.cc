#include "extract/person_guesser.h"

#include <memory>
#include <string>
#include <vector>

#include "extract/internal/test_rules.h"
#include "gtest/gtest.h"

namespace newsgraph {
namespace {

class PersonGuesserTest : public ::testing::Test {
 protected:
  void SetUp() override {
    GazetteerEntry will = MakeEntry("given.will", Label::kGivenName, "Will");
    will.subtype = "common_word";
    GazetteerEntry clinton_town =
        MakeEntry("place.city.clinton", Label::kPlace, "Clinton");
    clinton_town.priority = -1;
    std::vector<GazetteerEntry> entries = {
        MakeEntry("given.maria", Label::kGivenName, "Maria"),
        MakeEntry("given.anna", Label::kGivenName, "Anna"),
        MakeEntry("given.hillary", Label::kGivenName, "Hillary"),
        MakeEntry("given.jean", Label::kGivenName, "Jean"),
        MakeEntry("given.june", Label::kGivenName, "June"),
        MakeEntry("given.ludwig", Label::kGivenName, "Ludwig"),
        MakeEntry("given.georgia", Label::kGivenName, "Georgia"),
        MakeEntry("given.george", Label::kGivenName, "George"),
        will,
        clinton_town,
        MakeEntry("place.GE", Label::kPlace, "Georgia"),
        MakeEntry("person.putin", Label::kPerson, "Vladimir Putin", {"Putin"}),
        MakeEntry("given.kerry", Label::kGivenName, "Kerry"),
        MakeEntry("person.kerry", Label::kPerson, "John Kerry", {"Kerry"}),
        MakeEntry("given.princess", Label::kGivenName, "Princess"),
        MakeEntry("given.philippine", Label::kGivenName, "Philippine"),
        MakeEntry("demonym.PH", Label::kDemonym, "Philippine"),
        MakeEntry("given.mark", Label::kGivenName, "Mark"),
        MakeEntry("place.new_york", Label::kPlace, "New York"),
    };
    gazetteer_ = *Gazetteer::Build(std::move(entries), segmenter_);
    guesser_ = std::make_unique<PersonGuesser>(gazetteer_.get());
  }

  // The surfaces of the guessed PERSON candidates in `text`.
  std::vector<std::string> Guess(const std::string& text) {
    const Segmentation seg = segmenter_.Segment(text);
    std::vector<Candidate> candidates;
    gazetteer_->Match(text, seg, &candidates);
    const size_t known = candidates.size();
    guesser_->Guess(text, seg, &candidates);
    std::vector<std::string> out;
    bare_.clear();
    list_.clear();
    initials_.clear();
    for (size_t i = known; i < candidates.size(); ++i) {
      const Candidate& c = candidates[i];
      EXPECT_EQ(c.label, Label::kPerson);
      const std::string surface = text.substr(c.begin, c.end - c.begin);
      if (c.rule_id == "person.bare_given") {
        EXPECT_EQ(c.priority, -2);
        bare_.push_back(surface);
      } else if (c.rule_id == "person.initials_first") {
        EXPECT_EQ(c.priority, -1);
        initials_.push_back(surface);
      } else if (c.rule_id == "person.list") {
        EXPECT_EQ(c.priority, 0);
        list_.push_back(surface);
      } else {
        EXPECT_EQ(c.rule_id, "person.given_name");
        EXPECT_EQ(c.priority, 0);
        out.push_back(surface);
      }
    }
    return out;
  }

  // The bare given names and list members proposed by the last Guess().
  std::vector<std::string> bare_;
  std::vector<std::string> list_;
  std::vector<std::string> initials_;

  Segmenter segmenter_;
  std::unique_ptr<Gazetteer> gazetteer_;
  std::unique_ptr<PersonGuesser> guesser_;
};

using Names = std::vector<std::string>;

TEST_F(PersonGuesserTest, GivenNameAndSurname) {
  EXPECT_EQ(Guess("The report was written by Maria Kuznetsova last year."),
            Names{"Maria Kuznetsova"});
}

TEST_F(PersonGuesserTest, InitialsParticlesAndHyphens) {
  EXPECT_EQ(Guess("She met Anna V. Petrova there."), Names{"Anna V. Petrova"});
  EXPECT_EQ(Guess("A letter from Ludwig van Beethoven was sold."),
            Names{"Ludwig van Beethoven"});
  EXPECT_EQ(Guess("Then Jean-Claude Juncker spoke."),
            Names{"Jean-Claude Juncker"});
  EXPECT_EQ(Guess("Then Anna al-Tayeb spoke."), Names{"Anna al-Tayeb"});
}

TEST_F(PersonGuesserTest, NicknameInQuotes) {
  EXPECT_EQ(Guess("The lawyer Maria \"Masha\" Kuznetsova spoke."),
            Names{"Maria \"Masha\" Kuznetsova"});
  EXPECT_EQ(Guess("The lawyer Maria \u201cMasha\u201d Kuznetsova spoke."),
            Names{"Maria \u201cMasha\u201d Kuznetsova"});
}

TEST_F(PersonGuesserTest, BareGivenNameIsAWeakCandidate) {
  EXPECT_TRUE(Guess("It was Maria.").empty());
  EXPECT_EQ(bare_, Names{"Maria"});
  // At the start of a sentence only before a lower-case word, a comma or
  // a possessive; not a month, not before a number.
  EXPECT_TRUE(Guess("Maria said nothing.").empty());
  EXPECT_EQ(bare_, Names{"Maria"});
  Guess("Maria's car left.");
  EXPECT_EQ(bare_, Names{"Maria"});
  EXPECT_TRUE(Guess("Maria, however, left.").empty());
  EXPECT_EQ(bare_, Names{"Maria"});
  EXPECT_TRUE(Guess("Maria. Then nothing.").empty());
  EXPECT_TRUE(bare_.empty());
  EXPECT_TRUE(Guess("It ended in June and in Maria 4 too.").empty());
  EXPECT_TRUE(bare_.empty());
  // A common word alone is never a name.
  Guess("They will see what Will does.");
  EXPECT_TRUE(bare_.empty());
}

TEST_F(PersonGuesserTest, GivenNameWithARegnalNumber) {
  EXPECT_EQ(Guess("The court of Ludwig XIV moved."), Names{"Ludwig XIV"});
  EXPECT_TRUE(bare_.empty());
}

TEST_F(PersonGuesserTest, StopsAtStopWordsPossessivesAndLineBreaks) {
  EXPECT_TRUE(Guess("He studied at George Mason University for years.")
                  .empty());
  EXPECT_TRUE(Guess("Maria Theresa Empire is not a thing.").empty());
  // Armed units, companies and venues have head nouns too.
  EXPECT_TRUE(Guess("The George Hammer Brigade advanced.").empty());
  EXPECT_TRUE(Guess("A film by Maria Kuznetsova Productions opened.").empty());
  EXPECT_EQ(Guess("A visit by Ludwig Hammer II ended."),
            Names{"Ludwig Hammer II"});
  EXPECT_EQ(Guess("That was Maria Kuznetsova's plan."),
            Names{"Maria Kuznetsova"});
  EXPECT_TRUE(Guess("A note to Maria\nKuznetsova was found.").empty());
  EXPECT_TRUE(Guess("In June The talks began.").empty());
}

TEST_F(PersonGuesserTest, GivenNameThatIsAPlaceProposesNothing) {
  EXPECT_TRUE(Guess("Troops left Georgia Tuesday after Georgia Tech won.")
                  .empty());
}

TEST_F(PersonGuesserTest, KnownNamesEndTheGuessButWeakOnesDoNot) {
  // A known person's full name is not the family name of a guess.
  EXPECT_TRUE(Guess("Then Anna Vladimir Putin spoke.").empty());
  // A bare known family name does not stop a different person's name.
  EXPECT_EQ(Guess("Then Maria Putin spoke."), Names{"Maria Putin"});
  // The town of Clinton (priority -1) does not stop "Hillary Clinton".
  EXPECT_EQ(Guess("He met Hillary Clinton on Monday."),
            Names{"Hillary Clinton"});
  // "Kerry" is a known person's name: no guess starts there.
  EXPECT_TRUE(Guess("Then Kerry Arrived.").empty());
}

TEST_F(PersonGuesserTest, CommonWordGivenNamesNeedContext) {
  EXPECT_EQ(Guess("The film starred Will Smith as a spy."),
            Names{"Will Smith"});
  // Three capitalised words after a common word: a title, not a name.
  EXPECT_TRUE(Guess("He directed The Wind Will Carry Us in 1999.").empty());
  // First word of a sentence: "Will" is the verb here.
  EXPECT_TRUE(Guess("Will Moscow agree? Nobody knows.").empty());
}

TEST_F(PersonGuesserTest, CommonWordStartingASentenceNeedsTheNameAgain) {
  EXPECT_EQ(Guess("Will Harmon is a pilot. Harmon flew."),
            Names{"Will Harmon"});
  EXPECT_TRUE(Guess("Will Harmon fly? Nobody knows.").empty());
}

TEST_F(PersonGuesserTest, TitlesDemonymsAndArticlesStartNoName) {
  // "Princess" is a given name and a title: person.title takes "Emma".
  EXPECT_TRUE(Guess("They met Princess Emma in Oslo.").empty());
  // "Philippine" is a given name and a demonym.
  EXPECT_TRUE(Guess("It went to Philippine Legislature members.").empty());
  // After an article: an event or a title, not a person.
  EXPECT_TRUE(Guess("He sold cakes at a Mark Fair in the Anna Hall.").empty());
  EXPECT_EQ(Guess("He met Mark Fair."), Names{"Mark Fair"});
}

TEST_F(PersonGuesserTest, GivenNamesInsidePlaceNamesProposeNothing) {
  EXPECT_TRUE(
      Guess("They sailed from St. George Harbour to San Maria Lopez.").empty());
  EXPECT_TRUE(bare_.empty());
  EXPECT_TRUE(Guess("The dam holds back the Maria Reservoir.").empty());
}

TEST_F(PersonGuesserTest, NothingInHeadlinesOrOnKnownNames) {
  EXPECT_TRUE(Guess("Ministers Say Talks Will Resume Soon").empty());
  EXPECT_TRUE(Guess("Maria Kuznetsova Arrives In Moscow For Talks").empty());
}

TEST_F(PersonGuesserTest, AllCapsAndLowerCaseGivenNamesAreIgnored) {
  EXPECT_TRUE(Guess("MARIA KUZNETSOVA SPOKE").empty());
  EXPECT_TRUE(Guess("the will of the people").empty());
}

TEST_F(PersonGuesserTest, NamesStartingWithInitials) {
  Guess(
      "A novel by H.G. Wells and one by J. R. R. Tolkien, and K.C. "
      "Constantine Bardo.");
  EXPECT_EQ(initials_, (Names{"H.G. Wells", "J. R. R. Tolkien",
                              "K.C. Constantine Bardo"}));
  // Not after a name word ("World War I."), not before a stop word or a
  // head noun.
  Guess("It was World War I. Then came J. Paul Museum and J. The end.");
  EXPECT_TRUE(initials_.empty());
}

TEST_F(PersonGuesserTest, FullNamesOfPeopleNamedByAPattern) {
  // "Abaaoud" is a person by a pattern (here a hand-made candidate):
  // "Abdelhamid Abaaoud" is his full name.
  const std::string text =
      "Abdelhamid Abaaoud was killed. While Abaaoud slept, the President "
      "Abaaoud left. Later Mr Abaaoud was seen.";
  const Segmentation seg = segmenter_.Segment(text);
  std::vector<Candidate> candidates;
  gazetteer_->Match(text, seg, &candidates);
  Candidate abaaoud;
  abaaoud.begin = text.rfind("Abaaoud");
  abaaoud.end = abaaoud.begin + 7;
  abaaoud.label = Label::kPerson;
  abaaoud.source = Source::kRegex;
  abaaoud.rule_id = "person.title";
  candidates.push_back(abaaoud);
  guesser_->Guess(text, seg, &candidates);
  Names full;
  for (const Candidate& c : candidates) {
    if (c.rule_id == "person.full_name") {
      EXPECT_EQ(c.priority, 0);
      full.push_back(text.substr(c.begin, c.end - c.begin));
    }
  }
  // Not after a function word, an article or a title.
  EXPECT_EQ(full, Names{"Abdelhamid Abaaoud"});
}

TEST_F(PersonGuesserTest, ListsOfPeopleTakeUnknownMembers) {
  // "Clinton" is a town, "Bloodgood" nobody's given name: in a list with a
  // guessed person both are people.
  EXPECT_EQ(Guess("It starred Maria Kuznetsova, Tom Clinton and Moon "
                  "Bloodgood."),
            Names{"Maria Kuznetsova"});
  EXPECT_EQ(list_, (Names{"Tom Clinton", "Moon Bloodgood"}));
  EXPECT_EQ(Guess("The songs are by Ras Moran & Anna Petrova, Ram Ji, Bo Bu."),
            Names{"Anna Petrova"});
  EXPECT_EQ(list_, (Names{"Ras Moran", "Ram Ji", "Bo Bu"}));
  // Known people count too; particles belong to a member ("P. Jairaj" is
  // a name of its own, by its initial).
  Guess("With Vladimir Putin, P. Jairaj, and Ras van Hal.");
  EXPECT_EQ(initials_, Names{"P. Jairaj"});
  EXPECT_EQ(list_, Names{"Ras van Hal"});
}

TEST_F(PersonGuesserTest, WhatListsDoNotTake) {
  // A comma alone is no list.
  Guess("Maria Kuznetsova, Dark Horse singer, spoke.");
  EXPECT_TRUE(list_.empty());
  // No person in the list.
  Guess("Teams from Ras Moran and Moon Bloodgood came.");
  EXPECT_TRUE(list_.empty());
  // Single words, known places, titles, names of other things, a member
  // after an article.
  Guess(
      "Maria Kuznetsova, Moscow, New York, Princess Emma, Mark Hall "
      "College and the Red Star.");
  EXPECT_TRUE(list_.empty());
  // A nationality word or a title before a known name: not one name.
  Guess("Maria Kuznetsova and Philippine Envoy Moon Bloodgood met.");
  EXPECT_TRUE(list_.empty());
  Guess("Maria Kuznetsova and Envoy Ras Vladimir Putin met.");
  EXPECT_TRUE(list_.empty());
  // A bare given name is no person to start a list.
  Guess("It is in Oak Hill, Maria, New Town.");
  EXPECT_TRUE(list_.empty());
  // Not in headlines.
  Guess("Maria Kuznetsova And Moon Bloodgood Arrive");
  EXPECT_TRUE(list_.empty());
}

}  // namespace
}  // namespace newsgraph
