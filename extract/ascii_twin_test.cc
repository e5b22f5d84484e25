#include "extract/ascii_twin.h"

#include <memory>
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

TEST(AsciiTwinTest, IsAscii) {
  EXPECT_TRUE(IsAscii(""));
  EXPECT_TRUE(IsAscii("The quick brown fox jumps over the lazy dog."));
  EXPECT_FALSE(IsAscii("The quick brown fox jumps over the lazy dog\xE2\x80\x99s"));
  EXPECT_FALSE(IsAscii("caf\xC3\xA9"));
}

// On ASCII texts the twin finds the same matches with the same groups.
TEST(AsciiTwinTest, SameMatchesOnAsciiText) {
  const std::vector<std::string> patterns = {
      R"(\b(?P<name>\p{Lu}[\p{Ll}’'\-]+(?:\s+\p{Lu}[\p{Ll}’'\-]+){0,2})\b)",
      R"((?P<name>\p{Lu}\p{L}*)’?s\b)",
      R"((?i:president)\s+(?P<name>[^\s’]+))",
      R"((?m)^\s*By\s+(?P<name>\p{Lu}\p{Ll}+)(?:\b|$))",
      R"(\b(?P<name>\p{Lu}(?:[\p{L}\-]|['’]\p{L}{2,})*)\s+(?:said|says))",
  };
  const std::vector<std::string> texts = {
      "President Barack Obama met Vladimir Putin.",
      "By John Smith\nand Mary Jones said the Court's ruling was final.",
      "the Kremlin's O'Neil-Smith says PRESIDENT lincoln spoke",
      "Moscow Times reported, Ms. Bell said",
      "",
  };
  for (const std::string& p : patterns) {
    RE2 re(p, Quiet());
    ASSERT_TRUE(re.ok()) << p;
    std::unique_ptr<RE2> twin = CompileAsciiTwin(p, re, Quiet());
    ASSERT_NE(twin, nullptr) << p;
    const int n = 1 + re.NumberOfCapturingGroups();
    for (const std::string& t : texts) {
      re2::StringPiece a[4], b[4];
      for (size_t pos = 0; pos <= t.size(); ++pos) {
        const bool ma = re.Match(t, pos, t.size(), RE2::UNANCHORED, a, n);
        const bool mb = twin->Match(t, pos, t.size(), RE2::UNANCHORED, b, n);
        ASSERT_EQ(ma, mb) << p << " on " << t << " at " << pos;
        if (!ma) break;
        for (int g = 0; g < n; ++g) {
          EXPECT_EQ(a[g].data(), b[g].data()) << p << " group " << g;
          EXPECT_EQ(a[g].size(), b[g].size()) << p << " group " << g;
        }
      }
    }
  }
}

TEST(AsciiTwinTest, SubmatchesOfSpanUseTheOriginalOnNonAscii) {
  const std::string p = R"((?P<name>\p{Lu}\p{Ll}+)\s+said)";
  RE2 re(p, Quiet());
  std::unique_ptr<RE2> twin = CompileAsciiTwin(p, re, Quiet());
  ASSERT_NE(twin, nullptr);
  const std::string text = "then \xC3\x89mile said";  // Émile
  re2::StringPiece whole;
  ASSERT_TRUE(re.Match(text, 0, text.size(), RE2::UNANCHORED, &whole, 1));
  const size_t b = whole.data() - text.data();
  re2::StringPiece groups[2];
  ASSERT_TRUE(SubmatchesOfSpan(re, twin.get(), text, b, b + whole.size(),
                               groups, 2));
  EXPECT_EQ(std::string(groups[1].data(), groups[1].size()), "\xC3\x89mile");
}

TEST(AsciiTwinTest, NoTwinForQuotedText) {
  RE2 re(R"(\Q’\E)", Quiet());
  EXPECT_EQ(CompileAsciiTwin(R"(\Q’\E)", re, Quiet()), nullptr);
}

}  // namespace
}  // namespace newsgraph
