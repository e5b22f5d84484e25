#include "extract/latin1_twin.h"

#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "re2/re2.h"

namespace newsgraph {
namespace {

RE2::Options Quiet() {
  RE2::Options options;
  options.set_log_errors(false);
  return options;
}

TEST(Latin1TwinTest, IsAscii) {
  EXPECT_TRUE(IsAscii(""));
  EXPECT_TRUE(IsAscii("The quick brown fox jumps over the lazy dog."));
  EXPECT_FALSE(IsAscii("The quick brown fox jumps over the lazy dog\xE2\x80\x99s"));
  EXPECT_FALSE(IsAscii("caf\xC3\xA9"));
}

// Checks that every twin finds, on the transcoded text, the matches and
// groups its pattern finds on the text, searching from every offset.
void ExpectSameMatches(const std::vector<std::string>& patterns,
                       const std::vector<std::string>& texts) {
  Latin1Twins twins;
  std::vector<std::unique_ptr<RE2>> res, twin_res;
  for (const std::string& p : patterns) {
    res.push_back(std::make_unique<RE2>(p, Quiet()));
    ASSERT_TRUE(res.back()->ok()) << p;
    twin_res.push_back(twins.Add(p, *res.back(), Quiet()));
    ASSERT_NE(twin_res.back(), nullptr) << p;
  }
  twins.Compile();
  for (const std::string& t : texts) {
    Latin1Text view;
    ASSERT_TRUE(twins.Transcode(t, &view)) << t;
    const re2::StringPiece v(view.bytes().data(), view.bytes().size());
    for (size_t k = 0; k < patterns.size(); ++k) {
      const RE2& re = *res[k];
      const RE2& twin = *twin_res[k];
      const int n = 1 + re.NumberOfCapturingGroups();
      re2::StringPiece a[4], b[4];
      for (size_t pos = 0; pos <= view.bytes().size(); ++pos) {
        const size_t at = view.ToOriginal(pos);
        const bool ma = re.Match(t, at, t.size(), RE2::UNANCHORED, a, n);
        const bool mb = twin.Match(v, pos, v.size(), RE2::UNANCHORED, b, n);
        ASSERT_EQ(ma, mb) << patterns[k] << " on " << t << " at " << at;
        if (!ma) break;
        for (int g = 0; g < n; ++g) {
          ASSERT_EQ(a[g].data() == nullptr, b[g].data() == nullptr);
          if (a[g].data() == nullptr) continue;
          const size_t tb = b[g].data() - v.data();
          EXPECT_EQ(static_cast<size_t>(a[g].data() - t.data()),
                    view.ToOriginal(tb))
              << patterns[k] << " group " << g << " on " << t;
          EXPECT_EQ(a[g].data() + a[g].size() - t.data(),
                    view.ToOriginal(tb + b[g].size()))
              << patterns[k] << " group " << g << " on " << t;
        }
      }
    }
  }
}

const std::vector<std::string>& Patterns() {
  static const auto* const kPatterns = new std::vector<std::string>{
      R"(\b(?P<name>\p{Lu}[\p{Ll}’'\-]+(?:\s+\p{Lu}[\p{Ll}’'\-]+){0,2})\b)",
      R"((?P<name>\p{Lu}\p{L}*)’?s\b)",
      R"((?m)^\s*By\s+(?P<name>\p{Lu}\p{Ll}+)(?:\b|$))",
      R"(\b(?P<name>\p{Lu}(?:[\p{L}\-]|['’]\p{L}{2,})*)\s+(?:said|says))",
      R"((?:[^\p{L}\s][ \t]*)(?P<name>\p{Lu}\p{Ll}{2,}),[^,\n]{1,8},)",
      R"(\((?:née[ \t]|\d{4}[ \t]*[–-]))",
      R"(\d[ \t\xA0]?(?P<name>EUR|USD)\b|\x{2014}(\p{N}+))",
  };
  return *kPatterns;
}

TEST(Latin1TwinTest, SameMatchesOnAsciiText) {
  ExpectSameMatches(Patterns(),
                    {"President Barack Obama met Vladimir Putin.",
                     "By John Smith\nand Mary Jones said the Court's ruling.",
                     "the Kremlin's O'Neil-Smith says PRESIDENT lincoln spoke",
                     "Moscow Times reported, Ms. Bell said", "", "5 EUR (1950-"});
}

TEST(Latin1TwinTest, SameMatchesOnTextBeyondAscii) {
  ExpectSameMatches(
      Patterns(),
      {"Émile Zola’s friend, Łukasz Wałęsa, said the Élysée’s “Ōsaka” plan.",
       "\xC2\xA0" "By Ørsted Ålesund\nthen ﺑﺮﻟﻴﻦ said, ǅemal, 12 ☃ x,",
       "Jean (née Dupont) was born (1950–2001) for 5\xC2\xA0" "EUR — ٣٤ items",
       "Ǆ\xC2\x85" "x Ƶebra says \xF0\x9F\x98\x80 Ŋa’s fine\xE2\x80\x99s",
       "ab\xCC\x81" "c D\xCC\x81" "ef said, ÀÞßÿ µ ª º ² ¼ × ÷"});
}

// The twin classes treat each Latin-1 byte as RE2's Unicode tables treat
// the character: the stand-ins depend on it.
TEST(Latin1TwinTest, Latin1BytesHaveTheirCharactersClasses) {
  RE2::Options latin1 = Quiet();
  latin1.set_encoding(RE2::Options::EncodingLatin1);
  for (const char* name : {"L", "Lu", "Ll", "Lo", "N", "Nd", "No", "P", "S",
                           "Z", "C", "Cc", "M"}) {
    const RE2 utf(absl::StrCat("\\p{", name, "}"), Quiet());
    const RE2 one(absl::StrCat("\\p{", name, "}"), latin1);
    for (int b = 0x80; b <= 0xFF; ++b) {
      std::string ch;
      ch.push_back(static_cast<char>(0xC0 | (b >> 6)));
      ch.push_back(static_cast<char>(0x80 | (b & 0x3F)));
      const std::string byte(1, static_cast<char>(b));
      EXPECT_EQ(RE2::FullMatch(ch, utf), RE2::FullMatch(byte, one))
          << name << " " << b;
    }
  }
}

TEST(Latin1TwinTest, TranscodeMapsOffsets) {
  Latin1Twins twins;
  RE2 re("’", Quiet());
  ASSERT_NE(twins.Add("’", re, Quiet()), nullptr);
  twins.Compile();
  Latin1Text view;
  const std::string ascii = "plain text";
  ASSERT_TRUE(twins.Transcode(ascii, &view));
  EXPECT_EQ(view.bytes().data(), ascii.data());  // no copy
  const std::string text = "a\xE2\x80\x99" "b\xC3\xA9" "c";  // a’béc
  ASSERT_TRUE(twins.Transcode(text, &view));
  ASSERT_EQ(view.bytes().size(), 5u);
  EXPECT_EQ(view.bytes()[2], 'b');
  EXPECT_EQ(static_cast<unsigned char>(view.bytes()[3]), 0xE9);
  EXPECT_EQ(view.ToOriginal(2), 4u);
  EXPECT_EQ(view.ToOriginal(5), text.size());
  EXPECT_EQ(view.ToTranscoded(4), 2u);
  EXPECT_EQ(view.ToTranscoded(2), 2u);  // inside ’: the next character
  EXPECT_FALSE(twins.Transcode("bad \xFF byte", &view));
}

TEST(Latin1TwinTest, NoTwinWhereItCouldDiffer) {
  for (const char* p :
       {R"(\Q’\E)", "(?i)straße", "(?i:k)", R"(\p{Greek}+)", "[é-ü]",
        "[a-\xC3\xA9]", "x\xC2\x85", R"(\C)", R"([\x{2019}-\x{201d}])"}) {
    Latin1Twins twins;
    RE2 re(p, Quiet());
    ASSERT_TRUE(re.ok()) << p;
    EXPECT_EQ(twins.Add(p, re, Quiet()), nullptr) << p;
  }
}

// With only \p{L} and \p{Lt} in use, a lower-case letter beyond Latin-1
// has a stand-in but a title-case one ("ǅ") has none: that text does not
// transcode. Nor does any non-ASCII text when a pattern's class holds a
// character the patterns name (’ is punctuation).
TEST(Latin1TwinTest, TextWithoutStandInsDoesNotTranscode) {
  Latin1Twins twins;
  RE2 re(R"(\p{L}\p{Lt})", Quiet());
  ASSERT_NE(twins.Add(R"(\p{L}\p{Lt})", re, Quiet()), nullptr);
  twins.Compile();
  Latin1Text view;
  EXPECT_TRUE(twins.Transcode("ł", &view));
  EXPECT_FALSE(twins.Transcode("ǅ", &view));

  Latin1Twins punct;
  RE2 p1("’", Quiet()), p2(R"(\p{P})", Quiet());
  ASSERT_NE(punct.Add("’", p1, Quiet()), nullptr);
  ASSERT_NE(punct.Add(R"(\p{P})", p2, Quiet()), nullptr);
  punct.Compile();
  EXPECT_TRUE(punct.Transcode("ascii", &view));
  EXPECT_FALSE(punct.Transcode("é", &view));
}

}  // namespace
}  // namespace newsgraph
