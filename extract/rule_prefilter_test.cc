#include "extract/rule_prefilter.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "re2/re2.h"

namespace newsgraph {
namespace {

RE2::Options Quiet() {
  RE2::Options options;
  options.set_log_errors(false);
  return options;
}

// Which of `patterns` pass the filter on `text`, as a string of 0/1.
std::string Pass(const std::vector<std::string>& patterns,
                 const std::string& text, int min_atom_len = 3) {
  RulePrefilter filter(min_atom_len);
  for (const std::string& p : patterns) {
    EXPECT_NE(filter.Add(p, Quiet(), nullptr, nullptr), nullptr) << p;
  }
  filter.Compile();
  RulePrefilter::Scratch scratch;
  std::vector<uint8_t> may_match;
  filter.Filter(text, &scratch, &may_match);
  std::string out;
  for (uint8_t m : may_match) out += m ? '1' : '0';
  return out;
}

TEST(RulePrefilterTest, PatternWithoutItsWordsDoesNotPass) {
  EXPECT_EQ(Pass({R"(\b(?:said|told)\s+\w+)", R"(Senator\s+\w+)"},
                 "The senator told us nothing."),
            "11");
  EXPECT_EQ(Pass({R"(\b(?:said|told)\s+\w+)", R"(Senator\s+\w+)"},
                 "The mayor spoke to reporters."),
            "00");
}

TEST(RulePrefilterTest, PatternWithoutAtomsAlwaysPasses) {
  EXPECT_EQ(Pass({R"(\p{Lu}\p{Ll}+)", R"(Committee)"}, "nothing here"), "10");
}

TEST(RulePrefilterTest, AllRequiredWordsMustBePresent) {
  const std::vector<std::string> p = {R"(talks\s+between\s+\w+)"};
  EXPECT_EQ(Pass(p, "Talks were held between them"), "1");
  EXPECT_EQ(Pass(p, "Talks were held"), "0");
}

TEST(RulePrefilterTest, CaseInsensitivePartsMatchAnyCase) {
  const std::vector<std::string> p = {R"((?i:president)\s+\w+)"};
  EXPECT_EQ(Pass(p, "PRESIDENT Lincoln"), "1");
  // The Kelvin sign folds to k; the long s to s.
  EXPECT_EQ(Pass({R"((?i:kings))"}, "\xE2\x84\xAAing\xC5\xBF"), "1");
  EXPECT_TRUE(RE2::PartialMatch("\xE2\x84\xAAing\xC5\xBF", "(?i:kings)"));
}

TEST(RulePrefilterTest, NonAsciiAtomsAreAlwaysPresent) {
  // "Élysée" in another case would be missed by ASCII lower-casing, so the
  // pattern must pass whatever the text.
  EXPECT_EQ(Pass({R"((?i:élysée palace))"}, "the ÉLYSÉE PALACE"), "1");
}

TEST(RulePrefilterTest, CaselessNonAsciiAtomsAreSearchedFor) {
  // A curly apostrophe has no case: "’s wife" is looked for like ASCII.
  const std::vector<std::string> p = {R"(\w+’s\s+wife)"};
  EXPECT_EQ(Pass(p, "Smith’s wife spoke."), "1");
  EXPECT_EQ(Pass(p, "SMITH’S WIFE spoke."), "1");
  EXPECT_EQ(Pass(p, "Smith's wife spoke."), "0");
  EXPECT_EQ(Pass(p, "The wife spoke."), "0");
  EXPECT_EQ(Pass({R"((?:’s|'s)\s+(?:wife|husband))"}, "Smith's husband"), "1");
}

TEST(RulePrefilterTest, ShortAtomsCountWithSmallerMinimum) {
  const std::vector<std::string> p = {"\\x01[PA]\\d+\\x02 met"};
  EXPECT_EQ(Pass(p, "\x01L3\x02 met", 2), "0");
  EXPECT_EQ(Pass(p, "\x01P3\x02 met", 2), "1");
}

TEST(RulePrefilterTest, BadPatternReportsRe2Error) {
  RulePrefilter filter;
  std::string error, arg;
  EXPECT_EQ(filter.Add("a(b", Quiet(), &error, &arg), nullptr);
  EXPECT_FALSE(error.empty());
  EXPECT_EQ(filter.size(), 0u);
  const RE2* re = filter.Add("a(b)", Quiet(), &error, &arg);
  ASSERT_NE(re, nullptr);
  EXPECT_TRUE(RE2::FullMatch("ab", *re));
  filter.Compile();
  EXPECT_EQ(filter.size(), 1u);
}

TEST(RulePrefilterTest, EmptyFilterPassesNothing) {
  RulePrefilter filter;
  filter.Compile();
  RulePrefilter::Scratch scratch;
  std::vector<uint8_t> may_match = {1, 1};
  filter.Filter("text", &scratch, &may_match);
  EXPECT_TRUE(may_match.empty());
}

}  // namespace
}  // namespace newsgraph
