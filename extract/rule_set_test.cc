#include "extract/rule_set.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "extract/internal/temp_rule_dir.h"
#include "gtest/gtest.h"

namespace newsgraph {
namespace {

std::string Errors(const std::vector<std::string>& errors) {
  return absl::StrJoin(errors, "\n");
}

// ---------------------------------------------------------------------------
// ParseGazetteerFile

TEST(ParseGazetteerFileTest, GoodLines) {
  const std::string contents =
      "# comment\n"
      "#id\ttype\tcanonical\taliases\tsubtype\texternal_id\tpriority\tflags\n"
      "place.RU\tPLACE\tRussia\tRussian Federation | RF|Rossiya\tcountry\tRU\t5\n"
      "\n"
      "agency.taliban\tAGENCY\tTaliban\t\t\t\t\tci\n"
      "person.putin\tPERSON\tVladimir Putin\tPutin\n"
      "demonym.RU\tDEMONYM\tRussian\tRussians\tnationality\tplace.RU\t-2\t\r\n";
  std::vector<GazetteerEntry> entries;
  std::vector<std::string> errors;
  ParseGazetteerFile("g.tsv", contents, &entries, &errors);
  EXPECT_TRUE(errors.empty()) << Errors(errors);
  ASSERT_EQ(entries.size(), 4u);

  const GazetteerEntry& ru = entries[0];
  EXPECT_EQ(ru.id, "place.RU");
  EXPECT_EQ(ru.label, Label::kPlace);
  EXPECT_EQ(ru.canonical, "Russia");
  EXPECT_EQ(ru.aliases,
            (std::vector<std::string>{"Russian Federation", "RF", "Rossiya"}));
  EXPECT_EQ(ru.subtype, "country");
  EXPECT_EQ(ru.external_id, "RU");
  EXPECT_EQ(ru.priority, 5);
  EXPECT_FALSE(ru.case_insensitive);
  EXPECT_EQ(ru.location, "g.tsv:3");

  const GazetteerEntry& taliban = entries[1];
  EXPECT_EQ(taliban.label, Label::kAgency);
  EXPECT_TRUE(taliban.aliases.empty());
  EXPECT_TRUE(taliban.case_insensitive);
  EXPECT_EQ(taliban.priority, 0);
  EXPECT_EQ(taliban.location, "g.tsv:5");

  EXPECT_EQ(entries[2].label, Label::kPerson);
  EXPECT_EQ(entries[2].aliases, (std::vector<std::string>{"Putin"}));
  EXPECT_FALSE(entries[2].case_insensitive);

  EXPECT_EQ(entries[3].label, Label::kDemonym);
  EXPECT_EQ(entries[3].external_id, "place.RU");
  EXPECT_EQ(entries[3].priority, -2);
  EXPECT_EQ(entries[3].location, "g.tsv:7");
}

struct ErrorCase {
  std::string name;
  std::string contents;
  std::string expected_prefix;  // "path:line:column:"
  std::string expected_text;    // part of the message
};

// Checks that parsing the case gave exactly its one expected error.
void ExpectOneError(const ErrorCase& c, const std::vector<std::string>& errors) {
  ASSERT_EQ(errors.size(), 1u) << c.name << ":\n" << Errors(errors);
  EXPECT_TRUE(absl::StartsWith(errors[0], c.expected_prefix))
      << c.name << ": " << errors[0];
  EXPECT_TRUE(absl::StrContains(errors[0], c.expected_text))
      << c.name << ": " << errors[0];
}

TEST(ParseGazetteerFileTest, ErrorsNameLineAndColumn) {
  const std::vector<ErrorCase> cases = {
      {"unknown type", "# c\nplace.X\tCITY\tXland\n", "g.tsv:2:9:",
       "unknown type \"CITY\""},
      {"VETO is not a gazetteer type", "x\tVETO\tXland\n", "g.tsv:1:3:",
       "unknown type \"VETO\""},
      {"too few fields", "\n\nplace.X\tPLACE\n", "g.tsv:3:1:",
       "expected at least 3"},
      {"bad priority", "place.X\tPLACE\tXland\t\t\t\thigh\n", "g.tsv:1:24:",
       "priority \"high\""},
      {"unknown flag", "place.X\tPLACE\tXland\t\t\t\t1\tci,loud\n",
       "g.tsv:1:26:", "unknown flag \"loud\""},
      {"invalid UTF-8", "place.A\tPLACE\tA\nplace.X\tPLACE\tX\xFFland\n",
       "g.tsv:2:1:", "invalid UTF-8"},
      {"empty canonical", "place.X\tPLACE\t \n", "g.tsv:1:15:",
       "empty canonical"},
      {"canonical without a letter", "agency.X\tAGENCY\t1975\n",
       "g.tsv:1:17:", "name \"1975\" has no letter"},
      {"alias without a letter", "agency.X\tAGENCY\tThe Band\tB|#2\n",
       "g.tsv:1:26:", "name \"#2\" has no letter"},
      {"number with punctuation", "place.X\tPLACE\tXland\t1.5\n",
       "g.tsv:1:21:", "name \"1.5\" has no letter"},
  };
  for (const ErrorCase& c : cases) {
    std::vector<GazetteerEntry> entries;
    std::vector<std::string> errors;
    ParseGazetteerFile("g.tsv", c.contents, &entries, &errors);
    ExpectOneError(c, errors);
  }
}

TEST(ParseGazetteerFileTest, ReportsEveryErrorAndKeepsGoodLines) {
  const std::string contents =
      "place.A\tPLACE\tAland\n"
      "place.B\tTOWN\tBland\n"
      "place.C\tPLACE\n"
      "place.D\tPLACE\tDland\t\t\t\tx1\n"
      "place.E\tPLACE\tEland\n";
  std::vector<GazetteerEntry> entries;
  std::vector<std::string> errors;
  ParseGazetteerFile("dir/g.tsv", contents, &entries, &errors);
  ASSERT_EQ(errors.size(), 3u) << Errors(errors);
  EXPECT_TRUE(absl::StartsWith(errors[0], "dir/g.tsv:2:9: ")) << errors[0];
  EXPECT_TRUE(absl::StartsWith(errors[1], "dir/g.tsv:3:1: ")) << errors[1];
  EXPECT_TRUE(absl::StartsWith(errors[2], "dir/g.tsv:4:24: ")) << errors[2];
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].id, "place.A");
  EXPECT_EQ(entries[1].id, "place.E");
}

// ---------------------------------------------------------------------------
// ParsePatternFile

TEST(ParsePatternFileTest, GoodLines) {
  const std::string contents =
      "#id\ttype\tpriority\tpattern\n"
      "person.title\tPERSON\t2\tPresident (?P<name>\\w+)\n"
      "veto.street\tVETO\t\t\\w+ Street\n"
      "agency.x\tAGENCY\t-1\tX Corp\n"
      "place.y\tPLACE\t0\tY City\n";
  std::vector<PatternRule> rules;
  std::vector<std::string> errors;
  ParsePatternFile("p.tsv", contents, &rules, &errors);
  EXPECT_TRUE(errors.empty()) << Errors(errors);
  ASSERT_EQ(rules.size(), 4u);
  EXPECT_EQ(rules[0].id, "person.title");
  EXPECT_EQ(rules[0].label, Label::kPerson);
  EXPECT_EQ(rules[0].priority, 2);
  EXPECT_EQ(rules[0].pattern, "President (?P<name>\\w+)");
  EXPECT_EQ(rules[0].location, "p.tsv:2:23");  // column of the pattern
  EXPECT_EQ(rules[1].label, Label::kVeto);
  EXPECT_EQ(rules[1].priority, 0);
  EXPECT_EQ(rules[1].pattern, "\\w+ Street");
  EXPECT_EQ(rules[2].label, Label::kAgency);
  EXPECT_EQ(rules[2].priority, -1);
  EXPECT_EQ(rules[3].label, Label::kPlace);
}

TEST(ParsePatternFileTest, ErrorsNameLineAndColumn) {
  const std::vector<ErrorCase> cases = {
      {"unknown type", "x\tPEOPLE\t0\tfoo\n", "p.tsv:1:3:",
       "unknown type \"PEOPLE\""},
      {"DEMONYM is not a pattern type", "x\tDEMONYM\t0\tfoo\n", "p.tsv:1:3:",
       "unknown type \"DEMONYM\""},
      {"too few fields", "#c\nx\tPERSON\tfoo\n", "p.tsv:2:1:",
       "expected 4"},
      {"too many fields", "x\tPERSON\t0\tfoo\tbar\n", "p.tsv:1:1:",
       "expected 4"},
      {"bad priority", "x\tPERSON\t1.5\tfoo\n", "p.tsv:1:10:",
       "priority \"1.5\""},
      {"invalid UTF-8", "\n\n\nx\tPERSON\t0\t\xC0\xAF\n", "p.tsv:4:1:",
       "invalid UTF-8"},
      {"empty pattern", "x\tPERSON\t0\t\n", "p.tsv:1:12:", "empty pattern"},
  };
  for (const ErrorCase& c : cases) {
    std::vector<PatternRule> rules;
    std::vector<std::string> errors;
    ParsePatternFile("p.tsv", c.contents, &rules, &errors);
    ExpectOneError(c, errors);
    EXPECT_TRUE(rules.empty()) << c.name;
  }
}

// ---------------------------------------------------------------------------
// ParseRelationFile

TEST(ParseRelationFileTest, GoodLines) {
  const std::string contents =
      "# relations\n"
      "meet.with\tMEETING\tmeeting\t{PERSON:head} met {PERSON:tail}\n"
      "aff.spokesman\tAFFILIATION\t\t{AGENCY:tail} spokesman {PERSON:head}\n";
  std::vector<RelationRule> rules;
  std::vector<std::string> errors;
  ParseRelationFile("r.tsv", contents, &rules, &errors);
  EXPECT_TRUE(errors.empty()) << Errors(errors);
  ASSERT_EQ(rules.size(), 2u);
  EXPECT_EQ(rules[0].id, "meet.with");
  EXPECT_EQ(rules[0].type, MEETING);
  EXPECT_EQ(rules[0].role, "meeting");
  EXPECT_EQ(rules[0].pattern, "{PERSON:head} met {PERSON:tail}");
  EXPECT_EQ(rules[0].location, "r.tsv:2:27");
  EXPECT_EQ(rules[1].type, AFFILIATION);
  EXPECT_EQ(rules[1].role, "");
}

TEST(ParseRelationFileTest, ErrorsNameLineAndColumn) {
  const std::vector<ErrorCase> cases = {
      {"unknown relation type", "x\tFRIENDSHIP\t\t{PERSON:head} {PERSON:tail}\n",
       "r.tsv:1:3:", "unknown relation type \"FRIENDSHIP\""},
      {"unspecified type",
       "x\tRELATION_TYPE_UNSPECIFIED\t\t{PERSON:head} {PERSON:tail}\n",
       "r.tsv:1:3:", "unknown relation type"},
      {"too few fields", "\nx\tMEETING\t{PERSON:head}\n", "r.tsv:2:1:",
       "expected 4"},
      {"invalid UTF-8", "x\tMEETING\t\t\xED\xA0\x80\n", "r.tsv:1:1:",
       "invalid UTF-8"},
  };
  for (const ErrorCase& c : cases) {
    std::vector<RelationRule> rules;
    std::vector<std::string> errors;
    ParseRelationFile("r.tsv", c.contents, &rules, &errors);
    ExpectOneError(c, errors);
    EXPECT_TRUE(rules.empty()) << c.name;
  }
}

// ---------------------------------------------------------------------------
// RuleSet::Load

class RuleSetLoadTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const ::testing::TestInfo* info =
        ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = absl::StrCat(::testing::TempDir(), "/rules_", info->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_ + "/gazetteer");
  }

  void Write(const std::string& name, const std::string& contents) {
    std::ofstream out(dir_ + "/" + name, std::ios::binary | std::ios::trunc);
    out << contents;
    ASSERT_TRUE(out.good()) << name;
  }

  void WriteGoodSet() {
    Write("MANIFEST",
          "# rules\n"
          "gazetteer\tgazetteer/places.tsv\n"
          "gazetteer gazetteer/people.tsv\n"
          "patterns\tpatterns.tsv\n"
          "relations\trelations.tsv\n");
    Write("gazetteer/places.tsv",
          "place.RU\tPLACE\tRussia\tRussian Federation\tcountry\tRU\n"
          "place.US\tPLACE\tUnited States\tU.S.|US\tcountry\tUS\n");
    Write("gazetteer/people.tsv",
          "person.putin\tPERSON\tVladimir Putin\tPutin\n");
    Write("patterns.tsv",
          "person.title\tPERSON\t0\tPresident (?P<name>[A-Z]\\w+)\n");
    Write("relations.tsv",
          "meet\tMEETING\t\t{PERSON:head} met {PERSON:tail}\n");
  }

  std::string dir_;
};

TEST_F(RuleSetLoadTest, GoodSetLoads) {
  WriteGoodSet();
  auto rs = RuleSet::Load(dir_);
  ASSERT_TRUE(rs.ok()) << rs.status();
  EXPECT_EQ((*rs)->gazetteer().size(), 3u);
  EXPECT_GE((*rs)->gazetteer().Find("person.putin"), 0);
  EXPECT_EQ((*rs)->patterns().size(), 1u);
  EXPECT_EQ((*rs)->relations().size(), 1u);
  const std::string& fp = (*rs)->fingerprint();
  ASSERT_EQ(fp.size(), 16u) << fp;
  for (char c : fp) {
    EXPECT_TRUE(absl::ascii_isxdigit(static_cast<unsigned char>(c))) << fp;
  }

  // The gazetteer works on text segmented by the rule set's segmenter.
  const std::string text = "Putin visited the U.S.";
  std::vector<Candidate> out;
  (*rs)->gazetteer().Match(text, (*rs)->segmenter().Segment(text), &out);
  EXPECT_EQ(out.size(), 2u);
}

TEST_F(RuleSetLoadTest, FingerprintIsStableAndChangesWithAFile) {
  WriteGoodSet();
  auto first = RuleSet::Load(dir_);
  ASSERT_TRUE(first.ok()) << first.status();
  auto again = RuleSet::Load(dir_);
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ((*first)->fingerprint(), (*again)->fingerprint());

  Write("gazetteer/people.tsv",
        "person.putin\tPERSON\tVladimir Putin\tPutin|V. Putin\n");
  auto changed = RuleSet::Load(dir_);
  ASSERT_TRUE(changed.ok()) << changed.status();
  EXPECT_NE((*first)->fingerprint(), (*changed)->fingerprint());
  EXPECT_EQ((*changed)->fingerprint().size(), 16u);
}

TEST_F(RuleSetLoadTest, DuplicateIdAcrossFilesReportsBothLocations) {
  WriteGoodSet();
  Write("gazetteer/people.tsv",
        "# people\n"
        "person.putin\tPERSON\tVladimir Putin\tPutin\n"
        "place.RU\tPLACE\tRossiya\n");
  auto rs = RuleSet::Load(dir_);
  ASSERT_FALSE(rs.ok());
  EXPECT_EQ(rs.status().code(), absl::StatusCode::kInvalidArgument);
  const std::string message(rs.status().message());
  EXPECT_TRUE(absl::StrContains(message, "place.RU")) << message;
  EXPECT_TRUE(absl::StrContains(message, dir_ + "/gazetteer/people.tsv:3"))
      << message;
  EXPECT_TRUE(absl::StrContains(message, dir_ + "/gazetteer/places.tsv:1"))
      << message;
}

TEST_F(RuleSetLoadTest, MissingFileIsReportedWithTheManifestLine) {
  WriteGoodSet();
  Write("MANIFEST",
        "gazetteer\tgazetteer/places.tsv\n"
        "\n"
        "gazetteer\tgazetteer/missing.tsv\n");
  auto rs = RuleSet::Load(dir_);
  ASSERT_FALSE(rs.ok());
  const std::string message(rs.status().message());
  EXPECT_TRUE(absl::StrContains(message, dir_ + "/MANIFEST:3:")) << message;
  EXPECT_TRUE(absl::StrContains(message, "missing.tsv")) << message;
}

TEST_F(RuleSetLoadTest, MissingManifest) {
  auto rs = RuleSet::Load(dir_ + "/nowhere");
  ASSERT_FALSE(rs.ok());
  EXPECT_EQ(rs.status().code(), absl::StatusCode::kNotFound);
  EXPECT_TRUE(absl::StrContains(rs.status().message(), "MANIFEST"))
      << rs.status();
}

TEST_F(RuleSetLoadTest, UnknownKindIsReported) {
  WriteGoodSet();
  Write("MANIFEST",
        "gazetteer\tgazetteer/places.tsv\n"
        "synonyms\tpatterns.tsv\n");
  auto rs = RuleSet::Load(dir_);
  ASSERT_FALSE(rs.ok());
  const std::string message(rs.status().message());
  EXPECT_TRUE(absl::StrContains(message, dir_ + "/MANIFEST:2:")) << message;
  EXPECT_TRUE(absl::StrContains(message, "unknown kind \"synonyms\""))
      << message;
}

TEST_F(RuleSetLoadTest, BadRegexIsReportedWithItsLocation) {
  WriteGoodSet();
  Write("patterns.tsv",
        "person.title\tPERSON\t0\tPresident (?P<name>[A-Z]\\w+)\n"
        "person.bad\tPERSON\t0\tMr\\. (?P<name>[A-Z]\n");
  auto rs = RuleSet::Load(dir_);
  ASSERT_FALSE(rs.ok());
  const std::string message(rs.status().message());
  EXPECT_TRUE(absl::StrContains(message, dir_ + "/patterns.tsv:2:21: "))
      << message;
  EXPECT_TRUE(absl::StrContains(message, "bad regular expression"))
      << message;
}

TEST_F(RuleSetLoadTest, EveryProblemIsReported) {
  WriteGoodSet();
  Write("gazetteer/people.tsv", "person.x\tHUMAN\tX\n");
  Write("relations.tsv", "r\tLOVE\t\t{PERSON:head} {PERSON:tail}\n");
  auto rs = RuleSet::Load(dir_);
  ASSERT_FALSE(rs.ok());
  const std::string message(rs.status().message());
  EXPECT_TRUE(absl::StrContains(message, dir_ + "/gazetteer/people.tsv:1:10: "))
      << message;
  EXPECT_TRUE(absl::StrContains(message, dir_ + "/relations.tsv:1:3: "))
      << message;
}

// ---------------------------------------------------------------------------
// Layers

TEST(SplitRuleLayersTest, DefaultTokenAndEmptyElementMeanTheBundledRules) {
  EXPECT_EQ(SplitRuleLayers("", "B"), (std::vector<std::string>{"B"}));
  EXPECT_EQ(SplitRuleLayers("mine", "B"), (std::vector<std::string>{"mine"}));
  EXPECT_EQ(SplitRuleLayers("default,mine", "B"),
            (std::vector<std::string>{"B", "mine"}));
  EXPECT_EQ(SplitRuleLayers(",mine, more.ngr", "B"),
            (std::vector<std::string>{"B", "mine", "more.ngr"}));
}

class RuleLayersTest : public ::testing::Test {
 protected:
  RuleLayersTest() : base_("base"), user_("user") {
    base_.Write("MANIFEST", "gazetteer\tg.tsv\npatterns\tp.tsv\n");
    base_.Write("g.tsv",
                "place.aland\tPLACE\tAland\n"
                "place.bland\tPLACE\tBland\n"
                "agency.x\tAGENCY\tX Council\n");
    base_.Write("p.tsv", "person.mayor\tPERSON\t0\tMayor (?P<name>[A-Z]\\w+)\n");
  }
  TempRuleDir base_, user_;
};

TEST_F(RuleLayersTest, UserLayerAddsOverridesAndDisables) {
  user_.Write("MANIFEST", "gazetteer\tmine.tsv\ndisable\toff.txt\n");
  user_.Write("mine.tsv",
              "place.bland\tPLACE\tBland\tBlandia\n"  // override
              "agency.y\tAGENCY\tY Board\n");           // new
  user_.Write("off.txt", "# not wanted\nagency.x\nperson.mayor\n");
  std::vector<std::string> errors;
  const ParsedRules r = ParseRuleLayers({base_.path(), user_.path()}, &errors);
  ASSERT_TRUE(errors.empty()) << Errors(errors);
  ASSERT_EQ(r.entries.size(), 3u);
  EXPECT_EQ(r.entries[0].id, "place.aland");
  EXPECT_EQ(r.entries[1].id, "place.bland");  // replaced in place
  EXPECT_EQ(r.entries[1].aliases, (std::vector<std::string>{"Blandia"}));
  EXPECT_TRUE(absl::StartsWith(r.entries[1].location, user_.path()));
  EXPECT_EQ(r.entries[2].id, "agency.y");
  EXPECT_TRUE(r.patterns.empty());

  // The fingerprint covers both layers.
  std::vector<std::string> e2;
  const ParsedRules base_only = ParseRuleLayers({base_.path()}, &e2);
  EXPECT_TRUE(absl::StartsWith(r.fingerprint, base_only.fingerprint + "+"))
      << r.fingerprint;
  auto rs = RuleSet::LoadLayers({base_.path(), user_.path()});
  ASSERT_TRUE(rs.ok()) << rs.status();
  EXPECT_EQ((*rs)->fingerprint(), r.fingerprint);
  EXPECT_LT((*rs)->gazetteer().Find("agency.x"), 0);
}

TEST_F(RuleLayersTest, ADuplicateWithinALayerIsAnErrorAcrossLayersAnOverride) {
  user_.Write("MANIFEST", "gazetteer\ta.tsv\ngazetteer\tb.tsv\n");
  user_.Write("a.tsv", "place.aland\tPLACE\tAland\n");
  user_.Write("b.tsv", "place.aland\tPLACE\tAaland\n");
  std::vector<std::string> errors;
  ParseRuleLayers({base_.path(), user_.path()}, &errors);
  ASSERT_EQ(errors.size(), 1u) << Errors(errors);
  EXPECT_TRUE(absl::StartsWith(errors[0], user_.path() + "/b.tsv:1:1: "
                                                         "duplicate id"))
      << errors[0];
}

TEST_F(RuleLayersTest, DisablingAnUnknownIdIsAnError) {
  user_.Write("MANIFEST", "disable\toff.txt\n");
  user_.Write("off.txt", "agency.x\n\nagency.nope\n");
  std::vector<std::string> errors;
  ParseRuleLayers({base_.path(), user_.path()}, &errors);
  ASSERT_EQ(errors.size(), 1u) << Errors(errors);
  EXPECT_TRUE(absl::StartsWith(errors[0], user_.path() + "/off.txt:3:1: "
                                                         "cannot disable"))
      << errors[0];
}

TEST_F(RuleLayersTest, MissingLayerIsReported) {
  std::vector<std::string> errors;
  ParseRuleLayers({base_.path(), base_.path() + "/nope"}, &errors);
  ASSERT_EQ(errors.size(), 1u) << Errors(errors);
  EXPECT_TRUE(absl::StrContains(errors[0], "no such rule directory"))
      << errors[0];
}

}  // namespace
}  // namespace newsgraph
