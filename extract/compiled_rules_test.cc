#include "extract/compiled_rules.h"

#include <filesystem>
#include <string>

#include "absl/strings/match.h"
#include "extract/internal/temp_rule_dir.h"
#include "extract/rule_set.h"
#include "gtest/gtest.h"

namespace newsgraph {
namespace {

void WriteSet(const TempRuleDir& dir) {
  dir.Write("MANIFEST",
            "gazetteer\tg.tsv\npatterns\tp.tsv\nrelations\tr.tsv\n"
            "examples\tx.tsv\n");
  dir.Write("g.tsv",
            "place.aland\tPLACE\tAland\tAland Islands|Ahvenanmaa\tregion\tAX"
            "\t2\tci\n"
            "person.anna\tPERSON\tAnna Petrova\tPetrova\n");
  dir.Write("p.tsv", "person.title\tPERSON\t-1\tMayor (?P<name>[A-Z]\\w+)\n");
  dir.Write("r.tsv",
            "meet\tMEETING\tguest\t{PERSON:head} met {PERSON:tail}\n");
  dir.Write("x.tsv",
            "ex.1\tMayor Ollo met Anna Petrova.\t+PERSON Ollo"
            "\t+MEETING Ollo -> Anna Petrova\n");
}

TEST(CompiledRulesTest, RoundTripKeepsEveryRuleAndTheFingerprint) {
  TempRuleDir dir("rt");
  WriteSet(dir);
  std::vector<std::string> errors;
  const ParsedRules parsed = ParseRuleLayers({dir.path()}, &errors);
  ASSERT_TRUE(errors.empty()) << errors[0];
  const std::string ngr = ::testing::TempDir() + "/rt.ngr";
  ASSERT_TRUE(WriteCompiledRules(parsed, ngr).ok());

  ParsedRules back;
  const absl::Status s = ReadCompiledRules(ngr, &back);
  ASSERT_TRUE(s.ok()) << s;
  EXPECT_EQ(back.fingerprint, parsed.fingerprint);
  ASSERT_EQ(back.entries.size(), 2u);
  const GazetteerEntry& e = back.entries[0];
  EXPECT_EQ(e.id, "place.aland");
  EXPECT_EQ(e.label, Label::kPlace);
  EXPECT_EQ(e.canonical, "Aland");
  EXPECT_EQ(e.aliases, parsed.entries[0].aliases);
  EXPECT_EQ(e.subtype, "region");
  EXPECT_EQ(e.external_id, "AX");
  EXPECT_EQ(e.priority, 2);
  EXPECT_TRUE(e.case_insensitive);
  EXPECT_EQ(e.location, parsed.entries[0].location);
  ASSERT_EQ(back.patterns.size(), 1u);
  EXPECT_EQ(back.patterns[0].pattern, parsed.patterns[0].pattern);
  EXPECT_EQ(back.patterns[0].priority, -1);
  ASSERT_EQ(back.relations.size(), 1u);
  EXPECT_EQ(back.relations[0].type, MEETING);
  EXPECT_EQ(back.relations[0].role, "guest");
  ASSERT_EQ(back.examples.size(), 1u);
  ASSERT_EQ(back.examples[0].expectations.size(), 2u);
  EXPECT_TRUE(back.examples[0].expectations[1].is_relation);

  // Loading the compiled file gives the same rule set and provenance.
  auto from_dir = RuleSet::Load(dir.path());
  auto from_ngr = RuleSet::LoadLayers({ngr});
  ASSERT_TRUE(from_dir.ok()) << from_dir.status();
  ASSERT_TRUE(from_ngr.ok()) << from_ngr.status();
  EXPECT_EQ((*from_ngr)->fingerprint(), (*from_dir)->fingerprint());
  EXPECT_EQ((*from_ngr)->gazetteer().size(), 2u);
  EXPECT_EQ((*from_ngr)->examples().size(), 1u);
}

TEST(CompiledRulesTest, StaleCompiledFileIsRefused) {
  TempRuleDir dir("stale");
  WriteSet(dir);
  std::vector<std::string> errors;
  const ParsedRules parsed = ParseRuleLayers({dir.path()}, &errors);
  ASSERT_TRUE(errors.empty());
  const std::string ngr = ::testing::TempDir() + "/stale.ngr";
  ASSERT_TRUE(WriteCompiledRules(parsed, ngr).ok());
  dir.Write("g.tsv", "place.aland\tPLACE\tAland\n");

  ParsedRules back;
  const absl::Status s = ReadCompiledRules(ngr, &back);
  EXPECT_EQ(s.code(), absl::StatusCode::kFailedPrecondition) << s;
  EXPECT_TRUE(absl::StrContains(s.message(), "stale compiled rules")) << s;
  EXPECT_TRUE(absl::StrContains(s.message(), "g.tsv")) << s;
  auto rs = RuleSet::LoadLayers({ngr});
  EXPECT_FALSE(rs.ok());

  // Once the sources are gone, the compiled file stands alone.
  std::filesystem::remove_all(dir.path());
  EXPECT_TRUE(ReadCompiledRules(ngr, &back).ok());
  EXPECT_EQ(back.entries.size(), 2u);
}

TEST(CompiledRulesTest, ReaderGivesTheRulesFirstAndTheGazetteerSecond) {
  TempRuleDir dir("reader");
  WriteSet(dir);
  std::vector<std::string> errors;
  const ParsedRules parsed = ParseRuleLayers({dir.path()}, &errors);
  ASSERT_TRUE(errors.empty());
  const std::string ngr = ::testing::TempDir() + "/reader.ngr";
  ASSERT_TRUE(WriteCompiledRules(parsed, ngr).ok());

  CompiledRulesReader reader;
  ParsedRules back;
  ASSERT_TRUE(reader.Open(ngr, &back).ok());
  EXPECT_TRUE(back.entries.empty());
  ASSERT_EQ(back.patterns.size(), 1u);
  ASSERT_EQ(back.relations.size(), 1u);
  EXPECT_EQ(back.fingerprint, parsed.fingerprint);
  auto g = reader.ReadGazetteer();
  ASSERT_TRUE(g.ok()) << g.status();
  ASSERT_EQ((*g)->size(), 2u);
  EXPECT_EQ((*g)->entry(1).canonical, "Anna Petrova");

  // Staleness is checked by the second step: a source changed in between
  // is caught.
  CompiledRulesReader late;
  ASSERT_TRUE(late.Open(ngr, &back).ok());
  dir.Write("p.tsv", "person.title\tPERSON\t0\tMayor (?P<name>[A-Z]\\w+)\n");
  auto stale = late.ReadGazetteer();
  EXPECT_EQ(stale.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_TRUE(absl::StrContains(stale.status().message(), "p.tsv"))
      << stale.status();

  // A truncated gazetteer image is reported as corrupt, with the path.
  std::filesystem::remove_all(dir.path());
  const std::string cut = ::testing::TempDir() + "/cut.ngr";
  std::filesystem::copy_file(ngr, cut,
                             std::filesystem::copy_options::overwrite_existing);
  std::filesystem::resize_file(cut, std::filesystem::file_size(ngr) - 16);
  CompiledRulesReader truncated;
  ASSERT_TRUE(truncated.Open(cut, &back).ok());
  auto bad = truncated.ReadGazetteer();
  EXPECT_FALSE(bad.ok());
  EXPECT_TRUE(absl::StrContains(bad.status().message(), "cut.ngr:1:1:"))
      << bad.status();
}

TEST(CompiledRulesTest, OtherFilesAreNotCompiledRules) {
  TempRuleDir dir("notngr");
  dir.Write("x.ngr", "gazetteer\tg.tsv\n");
  ParsedRules back;
  const absl::Status s = ReadCompiledRules(dir.path() + "/x.ngr", &back);
  EXPECT_FALSE(s.ok());
  EXPECT_TRUE(absl::StrContains(s.message(), "x.ngr:1:1: not a compiled"))
      << s;
  dir.Write("y.ngr", std::string("NGRULES2\xff\xff\xff", 11));
  EXPECT_FALSE(ReadCompiledRules(dir.path() + "/y.ngr", &back).ok());
  // A file of format 1 asks to be compiled again.
  dir.Write("z.ngr", std::string("NGRULES1\x10\x01", 10));
  const absl::Status old = ReadCompiledRules(dir.path() + "/z.ngr", &back);
  EXPECT_FALSE(old.ok());
  EXPECT_TRUE(absl::StrContains(old.message(), "recompile")) << old;
}

}  // namespace
}  // namespace newsgraph
