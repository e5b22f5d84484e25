#include "extract/rule_check.h"

#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "extract/internal/temp_rule_dir.h"
#include "gtest/gtest.h"

namespace newsgraph {
namespace {

std::string Join(const std::vector<std::string>& lines) {
  return absl::StrJoin(lines, "\n");
}

// A rule set with one file of each kind, `kind`'s file being `contents`.
struct Case {
  std::string name;
  std::string kind;      // gazetteer, patterns, relations, examples
  std::string contents;  // of the file f.tsv
  std::string location;  // expected "f.tsv:line:column:" (after the dir)
  std::string message;   // expected part of the message
  bool warning = false;
};

RuleCheckResult CheckOneFile(const TempRuleDir& dir, const Case& c) {
  dir.Write("MANIFEST", absl::StrCat(c.kind, "\tf.tsv\n"));
  dir.Write("f.tsv", c.contents);
  return CheckRuleLayers({dir.path()});
}

// Every message the checker gives, each with its path:line:column.
TEST(RuleCheckTest, EveryProblemHasItsLocation) {
  const std::vector<Case> cases = {
      {"bad regex", "patterns",
       "p.ok\tPERSON\t0\tMr\\. (?P<name>\\w+)\n"
       "p.bad\tPERSON\t0\tPresident (?P<name>[A-Z\\w+)\n",
       "f.tsv:2:16:", "bad regular expression: missing ]: [A-Z\\w+)"},
      {"bad relation regex", "relations",
       "r.bad\tMEETING\t\t{PERSON:head} (met {PERSON:tail}\n", "f.tsv:1:16:",
       "bad regular expression: missing ): {PERSON:head} (met {PERSON:tail}"},
      {"unknown entity type", "gazetteer", "x.1\tPERSONN\tSomeone\n",
       "f.tsv:1:5:", "unknown type \"PERSONN\""},
      {"unknown pattern type", "patterns", "x.1\tCITY\t0\tfoo\n",
       "f.tsv:1:5:", "unknown type \"CITY\""},
      {"unknown relation type", "relations",
       "r.1\tMARRIED\t\t{PERSON:head} wed {PERSON:tail}\n", "f.tsv:1:5:",
       "unknown relation type \"MARRIED\""},
      {"unknown placeholder type", "relations",
       "r.1\tMEETING\t\t{PERSON:head} met {CITY:tail}\n", "f.tsv:1:14:",
       "unknown type \"CITY\" in placeholder"},
      {"duplicate id", "gazetteer",
       "x.1\tPERSON\tAnna Petrova\n# c\nx.1\tPLACE\tPetrovo\n", "f.tsv:3:1:",
       "duplicate id \"x.1\""},
      {"conflict", "gazetteer",
       "x.1\tPERSON\tJordan Vale\n\nx.2\tPLACE\tJordan Vale\n", "f.tsv:3:1:",
       "conflicts with x.1 (PERSON"},
      {"empty file", "gazetteer", "", "f.tsv:1:1:", "empty rule file"},
      {"invalid UTF-8", "gazetteer",
       "x.1\tPLACE\tAland\nx.2\tPLACE\tB\xC3land\n", "f.tsv:2:1:",
       "invalid UTF-8"},
      {"name without words", "gazetteer", "x.1\tPLACE\tAland\t...\n",
       "f.tsv:1:1:", "alias \"...\" of x.1 has no words"},
      {"bad example", "examples",
       "ex.1\tAnna met Bob.\t+PERSON Anna\t*PERSON Bob\n", "f.tsv:1:33:",
       "must start with +"},
      {"bad example type", "examples", "ex.1\tAnna met Bob.\t+HUMAN Anna\n",
       "f.tsv:1:20:", "unknown type \"HUMAN\""},
      {"shadowed", "gazetteer",
       "x.1\tPLACE\tNew Aland\n"
       "x.2\tPLACE\tAland City\tNew-Aland\n",
       "f.tsv:2:1:", "name \"New Aland\" of x.2 is shadowed by x.1", true},
      {"shadowed by priority", "gazetteer",
       "x.1\tPLACE\tAland\t\t\t\t-1\n"
       "x.2\tPLACE\tAland\t\t\t\t3\n",
       "f.tsv:1:1:", "higher priority", true},
      {"empty-only regex", "patterns", "p.1\tPERSON\t0\t\\b\n", "f.tsv:1:14:",
       "can only match the empty string", true},
      {"glued placeholder", "relations",
       "r.1\tMEETING\t\t{PERSON:head}met {PERSON:tail}\n", "f.tsv:1:14:",
       "can never match: in \"{PERSON:head}m\"", true},
  };
  for (const Case& c : cases) {
    TempRuleDir dir("check");
    const RuleCheckResult r = CheckOneFile(dir, c);
    const std::vector<std::string>& found = c.warning ? r.warnings : r.errors;
    ASSERT_EQ(found.size(), 1u)
        << c.name << "\nerrors:\n" << Join(r.errors) << "\nwarnings:\n"
        << Join(r.warnings);
    const std::string prefix = absl::StrCat(dir.path(), "/", c.location,
                                            c.warning ? " warning: " : " ");
    EXPECT_TRUE(absl::StartsWith(found[0], prefix))
        << c.name << ": " << found[0] << "\nexpected prefix: " << prefix;
    EXPECT_TRUE(absl::StrContains(found[0], c.message))
        << c.name << ": " << found[0];
    // Warnings alone leave the rule set usable.
    EXPECT_EQ(r.ok(), c.warning) << c.name;
  }
}

TEST(RuleCheckTest, UnreadableFileIsReportedAtItsManifestLine) {
  TempRuleDir dir("unreadable");
  dir.Write("MANIFEST", "gazetteer\tg.tsv\n# c\npatterns\tmissing.tsv\n");
  dir.Write("g.tsv", "x.1\tPLACE\tAland\n");
  const RuleCheckResult r = CheckRuleLayers({dir.path()});
  ASSERT_EQ(r.errors.size(), 1u) << Join(r.errors);
  EXPECT_TRUE(absl::StartsWith(r.errors[0], dir.path() + "/MANIFEST:3:1: "))
      << r.errors[0];
  EXPECT_TRUE(absl::StrContains(r.errors[0], "missing.tsv: cannot open"))
      << r.errors[0];
}

TEST(RuleCheckTest, ReportsEveryProblemNotJustTheFirst) {
  TempRuleDir dir("many");
  dir.Write("MANIFEST",
            "gazetteer\tg.tsv\npatterns\tp.tsv\nrelations\tr.tsv\n");
  dir.Write("g.tsv", "x.1\tPLACE\tAland\nx.2\tTOWN\tBland\nx.1\tPLACE\tC\n");
  dir.Write("p.tsv", "p.1\tPERSON\t0\t(\np.2\tPERSON\t0\t)\n");
  dir.Write("r.tsv", "r.1\tMEETING\t\t{PERSON:head} met\n");
  const RuleCheckResult r = CheckRuleLayers({dir.path()});
  const std::string all = Join(r.errors);
  EXPECT_EQ(r.errors.size(), 5u) << all;
  for (const char* where : {"g.tsv:2:5:", "g.tsv:3:1:", "p.tsv:1:14:",
                            "p.tsv:2:14:", "r.tsv:1:14:"}) {
    EXPECT_TRUE(absl::StrContains(all, where)) << where << "\n" << all;
  }
}

TEST(RuleCheckTest, DifferentTypesWithDifferentPrioritiesAreFine) {
  TempRuleDir dir("priorities");
  dir.Write("MANIFEST", "gazetteer\tg.tsv\n");
  dir.Write("g.tsv",
            "x.1\tPLACE\tJordan\t\t\t\t1\n"
            "x.2\tPERSON\tJordan\n"
            "x.3\tDEMONYM\tAlandic\t\t\tx.1\n"
            "x.4\tPLACE\tAlandic Sea\n");
  const RuleCheckResult r = CheckRuleLayers({dir.path()});
  EXPECT_TRUE(r.errors.empty()) << Join(r.errors);
  EXPECT_TRUE(r.warnings.empty()) << Join(r.warnings);
  EXPECT_EQ(r.entries, 4u);
}

TEST(RuleCheckTest, NotesPatternsThatRunOnEverySentence) {
  TempRuleDir dir("unfiltered");
  dir.Write("MANIFEST", "patterns\tp.tsv\n");
  dir.Write("p.tsv",
            "t.long\tPERSON\t0\t(?:President|Senator)\\s+(?P<name>[A-Z]\\w+)\n"
            "t.short\tPERSON\t0\t(?:President|Mr)\\s+(?P<name>[A-Z]\\w+)\n");
  const RuleCheckResult r = CheckRuleLayers({dir.path()});
  EXPECT_TRUE(r.errors.empty()) << Join(r.errors);
  EXPECT_TRUE(r.warnings.empty()) << Join(r.warnings);
  // "Mr" is too short to look for, so t.short has nothing to look for.
  ASSERT_EQ(r.notes.size(), 1u) << Join(r.notes);
  EXPECT_TRUE(absl::StrContains(r.notes[0], "p.tsv:2:")) << r.notes[0];
  EXPECT_TRUE(absl::StrContains(r.notes[0], "note: pattern of t.short"))
      << r.notes[0];
}

TEST(RuleCheckTest, ChecksTheMergedLayers) {
  TempRuleDir base("base"), user("user");
  base.Write("MANIFEST", "gazetteer\tg.tsv\n");
  base.Write("g.tsv", "x.1\tPLACE\tAland\n");
  user.Write("MANIFEST", "gazetteer\tg.tsv\ndisable\toff.txt\n");
  user.Write("g.tsv", "u.1\tPERSON\tAland\n");
  user.Write("off.txt", "x.9\n");
  const RuleCheckResult r = CheckRuleLayers({base.path(), user.path()});
  const std::string all = Join(r.errors);
  ASSERT_EQ(r.errors.size(), 2u) << all;
  EXPECT_TRUE(absl::StrContains(
      all, user.path() + "/off.txt:1:1: cannot disable \"x.9\""))
      << all;
  EXPECT_TRUE(absl::StrContains(all, user.path() + "/g.tsv:1:1: name \"Aland\""))
      << all;
}

}  // namespace
}  // namespace newsgraph
