#include "extract/internal/regex_set.h"

#include <vector>

#include "gtest/gtest.h"

namespace newsgraph {
namespace {

TEST(RegexSetTest, ReportsExactlyThePatternsThatMatch) {
  RegexSet set{RE2::Options()};
  EXPECT_TRUE(set.Add(R"(\bPresident\s+(?P<name>\p{Lu}\p{Ll}+))"));
  EXPECT_TRUE(set.Add(R"(met\s+with)"));
  EXPECT_TRUE(set.Add(R"(^By\s+\w+)"));
  set.Compile();
  std::vector<int> hits;
  set.Match("Yesterday President Obama met with aides.", &hits);
  EXPECT_EQ(hits, (std::vector<int>{0, 1}));
  set.Match("By Anna Smith", &hits);
  EXPECT_EQ(hits, (std::vector<int>{2}));
  set.Match("nothing here", &hits);
  EXPECT_TRUE(hits.empty());
}

TEST(RegexSetTest, AgreesWithRe2OnEachPattern) {
  const std::vector<std::string> patterns = {
      R"(\b(?P<name>May)\s+\d)", R"((?m)^\s*By\s+\p{Lu})",
      R"(\x01[PL]\d+\x02\s+and)", R"(city\s+of\s+\p{Lu})"};
  const std::vector<std::string> texts = {
      "In May 2013 the city of Boston", "\n  By Ivan", "\x01P3\x02 and x",
      "may 5", ""};
  RegexSet set{RE2::Options()};
  for (const auto& p : patterns) ASSERT_TRUE(set.Add(p));
  set.Compile();
  for (const auto& text : texts) {
    std::vector<int> hits;
    set.Match(text, &hits);
    std::vector<int> expected;
    for (size_t i = 0; i < patterns.size(); ++i) {
      if (RE2::PartialMatch(text, RE2(patterns[i]))) expected.push_back(i);
    }
    EXPECT_EQ(hits, expected) << text;
  }
}

TEST(RegexSetTest, ReportsEveryPatternWhenItCannotTell) {
  RegexSet set{RE2::Options()};
  EXPECT_TRUE(set.Add("abc"));
  EXPECT_FALSE(set.Add("(unclosed"));
  set.Compile();
  std::vector<int> hits;
  set.Match("zzz", &hits);
  EXPECT_EQ(hits, (std::vector<int>{0, 1}));
}

}  // namespace
}  // namespace newsgraph
