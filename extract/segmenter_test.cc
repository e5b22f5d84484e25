#include "extract/segmenter.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "gtest/gtest.h"

namespace newsgraph {
namespace {

const char* KindName(Token::Kind kind) {
  switch (kind) {
    case Token::kWord:
      return "W";
    case Token::kNumber:
      return "N";
    case Token::kAbbrev:
      return "A";
    case Token::kPossessive:
      return "S";
    case Token::kPunct:
      return "P";
  }
  return "?";
}

// "[W Putin 0-5] [S ’s 5-9]": kind, text and byte offsets of each token.
std::string Tokens(absl::string_view text, const Segmentation& seg) {
  std::vector<std::string> parts;
  for (const Token& t : seg.tokens) {
    parts.push_back(absl::StrCat("[", KindName(t.kind), " ",
                                 text.substr(t.begin, t.end - t.begin), " ",
                                 t.begin, "-", t.end, "]"));
  }
  return absl::StrJoin(parts, " ");
}

std::string Tokens(absl::string_view text) {
  return Tokens(text, Segmenter().Segment(text));
}

// The text of each sentence, joined by " || ".
std::string Sentences(absl::string_view text, const Segmentation& seg) {
  std::vector<std::string> parts;
  for (const Sentence& s : seg.sentences) {
    parts.push_back(std::string(text.substr(s.begin, s.end - s.begin)));
  }
  return absl::StrJoin(parts, " || ");
}

std::string Sentences(absl::string_view text) {
  return Sentences(text, Segmenter().Segment(text));
}

struct TokenCase {
  std::string text;
  std::string tokens;
};

TEST(SegmenterTokenTest, Table) {
  const std::vector<TokenCase> cases = {
      {"U.S.", "[A U.S. 0-4]"},
      // The last period may be missing.
      {"the U.S said", "[W the 0-3] [A U.S 4-7] [W said 8-12]"},
      {"U.S .", "[A U.S 0-3] [P . 4-5]"},
      {"the U.N. said", "[W the 0-3] [A U.N. 4-8] [W said 9-13]"},
      {"Mr. Smith", "[A Mr. 0-3] [W Smith 4-9]"},
      {"Vladimir V. Putin",
       "[W Vladimir 0-8] [A V. 9-11] [W Putin 12-17]"},
      // ’ is 3 bytes.
      {"Putin\xE2\x80\x99s", "[W Putin 0-5] [S \xE2\x80\x99s 5-9]"},
      {"Russia's army", "[W Russia 0-6] [S 's 6-8] [W army 9-13]"},
      {"O'Brien", "[W O'Brien 0-7]"},
      {"don\xE2\x80\x99t", "[W don\xE2\x80\x99t 0-7]"},
      {"3.5 percent", "[N 3.5 0-3] [W percent 4-11]"},
      {"70,000 troops", "[N 70,000 0-6] [W troops 7-13]"},
      {"in 2014.", "[W in 0-2] [N 2014 3-7] [P . 7-8]"},
      // em dash, curly double quotes.
      {"war\xE2\x80\x94peace", "[W war 0-3] [P \xE2\x80\x94 3-6] [W peace 6-11]"},
      {"\xE2\x80\x9CYes\xE2\x80\x9D",
       "[P \xE2\x80\x9C 0-3] [W Yes 3-6] [P \xE2\x80\x9D 6-9]"},
      {"al-Qaeda", "[W al 0-2] [P - 2-3] [W Qaeda 3-8]"},
      {"pro-Kremlin", "[W pro 0-3] [P - 3-4] [W Kremlin 4-11]"},
      // Cyrillic letters are word characters: "Путин" is 10 bytes.
      {"\xD0\x9F\xD1\x83\xD1\x82\xD0\xB8\xD0\xBD!",
       "[W \xD0\x9F\xD1\x83\xD1\x82\xD0\xB8\xD0\xBD 0-10] [P ! 10-11]"},
      {"", ""},
      {"  \n ", ""},
  };
  for (const TokenCase& c : cases) {
    EXPECT_EQ(Tokens(c.text), c.tokens) << "text: \"" << c.text << "\"";
  }
}

TEST(SegmenterTokenTest, CaseFlags) {
  const std::string text = "NATO Moscow iPhone U.S.";
  const Segmentation seg = Segmenter().Segment(text);
  ASSERT_EQ(seg.tokens.size(), 4u);
  EXPECT_TRUE(seg.tokens[0].all_caps);
  EXPECT_TRUE(seg.tokens[0].capitalized);
  EXPECT_FALSE(seg.tokens[1].all_caps);
  EXPECT_TRUE(seg.tokens[1].capitalized);
  EXPECT_FALSE(seg.tokens[2].all_caps);
  EXPECT_FALSE(seg.tokens[2].capitalized);
  EXPECT_TRUE(seg.tokens[3].all_caps);
  EXPECT_TRUE(seg.tokens[3].capitalized);
}

TEST(SegmenterTokenTest, CustomAbbreviations) {
  Segmenter::Options options;
  options.abbreviations = {"Xyz"};
  const std::string text = "Xyz. Mr. Smith";
  // "Mr" is not in the custom list, so its period is a token of its own.
  EXPECT_EQ(Tokens(text, Segmenter(options).Segment(text)),
            "[A Xyz. 0-4] [W Mr 5-7] [P . 7-8] [W Smith 9-14]");
}

struct SentenceCase {
  std::string text;
  std::string sentences;
};

TEST(SegmenterSentenceTest, Table) {
  const std::vector<SentenceCase> cases = {
      {"He left. She stayed.", "He left. || She stayed."},
      {"Is it? Yes! Fine.", "Is it? || Yes! || Fine."},
      {"Mr. Smith arrived. He spoke.", "Mr. Smith arrived. || He spoke."},
      {"Vladimir V. Putin spoke.", "Vladimir V. Putin spoke."},
      {"Dr. No met Sen. Graham.", "Dr. No met Sen. Graham."},
      {"He moved to the U.S. from Russia.",
       "He moved to the U.S. from Russia."},
      {"He moved to the U.S. He liked it.",
       "He moved to the U.S. || He liked it."},
      {"It cost 3.5 billion. Prices rose.",
       "It cost 3.5 billion. || Prices rose."},
      {"no split.here", "no split.here"},
      {"lower case. after a period", "lower case. after a period"},
      {"Headline\nBody text here.", "Headline || Body text here."},
      {"First line\r\nSecond line", "First line || Second line"},
      // Closing quotes after the period stay with the first sentence.
      {"He said: \xE2\x80\x9CWe won.\xE2\x80\x9D Then he left.",
       "He said: \xE2\x80\x9CWe won.\xE2\x80\x9D || Then he left."},
      {"He said \"Never.\" Then he left.",
       "He said \"Never.\" || Then he left."},
      {"It ended. \xE2\x80\x9CGood,\xE2\x80\x9D he said.",
       "It ended. || \xE2\x80\x9CGood,\xE2\x80\x9D he said."},
      {"Sales fell. 2015 was worse.", "Sales fell. || 2015 was worse."},
  };
  for (const SentenceCase& c : cases) {
    EXPECT_EQ(Sentences(c.text), c.sentences) << "text: \"" << c.text << "\"";
  }
}

TEST(SegmenterSentenceTest, NewlineOptionOff) {
  Segmenter::Options options;
  options.newline_ends_sentence = false;
  const std::string text = "Headline\nbody text. Next one.";
  EXPECT_EQ(Sentences(text, Segmenter(options).Segment(text)),
            "Headline\nbody text. || Next one.");
}

TEST(SegmenterSentenceTest, SentenceTokenRangesAreContiguous) {
  const std::string text = "Ab cd. Ef gh ij. Kl.";
  const Segmentation seg = Segmenter().Segment(text);
  ASSERT_EQ(seg.sentences.size(), 3u);
  uint32_t next = 0;
  for (const Sentence& s : seg.sentences) {
    EXPECT_EQ(s.first_token, next);
    EXPECT_LT(s.first_token, s.end_token);
    EXPECT_EQ(s.begin, seg.tokens[s.first_token].begin);
    EXPECT_EQ(s.end, seg.tokens[s.end_token - 1].end);
    next = s.end_token;
  }
  EXPECT_EQ(next, seg.tokens.size());
}

TEST(SegmentationTest, SentenceAt) {
  const std::string text = "He left. She stayed. They ran.";
  //                        0       8 9         20 21
  const Segmentation seg = Segmenter().Segment(text);
  ASSERT_EQ(seg.sentences.size(), 3u);
  const std::vector<std::pair<uint32_t, uint32_t>> cases = {
      {0, 0}, {3, 0}, {7, 0}, {8, 0},  // the space after "left." is still 0
      {9, 1}, {19, 1}, {20, 1}, {21, 2}, {29, 2}, {30, 2}};
  for (const auto& [offset, sentence] : cases) {
    EXPECT_EQ(seg.SentenceAt(offset), sentence) << "offset " << offset;
  }
}

TEST(SegmentationTest, SentenceAtBeforeFirstSentence) {
  const std::string text = "   Leading spaces.";
  const Segmentation seg = Segmenter().Segment(text);
  ASSERT_EQ(seg.sentences.size(), 1u);
  EXPECT_EQ(seg.sentences[0].begin, 3u);
  EXPECT_EQ(seg.SentenceAt(0), 0u);
}

}  // namespace
}  // namespace newsgraph

namespace newsgraph {
namespace {

TEST(SegmenterSentenceTest, NonTitleAbbreviationMayEndASentence) {
  EXPECT_EQ(Sentences("He works at Acme Inc. The firm grew."),
            "He works at Acme Inc. || The firm grew.");
  EXPECT_EQ(Sentences("He works at Acme Corp. He likes it."),
            "He works at Acme Corp. || He likes it.");
}

TEST(SegmenterSentenceTest, ShortNonTitleAbbreviationMayEndASentence) {
  EXPECT_EQ(Sentences("He works at Smith & Co. The firm grew."),
            "He works at Smith & Co. || The firm grew.");
  EXPECT_EQ(Sentences("He met Martin Luther King Jr. He was moved."),
            "He met Martin Luther King Jr. || He was moved.");
}

TEST(SegmenterTokenTest, CapitalizedLatinExtendedA) {
  EXPECT_EQ(Sentences("He left. \xC5\x81\xC3\xB3" "d\xC5\xBA is big."),
            "He left. || \xC5\x81\xC3\xB3" "d\xC5\xBA is big.");
  // "Łódź" (Ł is U+0141) and "Žilina" (Ž is U+017D), "Ćuprija" (U+0106).
  for (const std::string text :
       {"\xC5\x81\xC3\xB3" "d\xC5\xBA", "\xC5\xBD" "ilina", "\xC4\x86uprija"}) {
    const Segmentation seg = Segmenter().Segment(text);
    ASSERT_EQ(seg.tokens.size(), 1u) << text;
    EXPECT_TRUE(seg.tokens[0].capitalized) << text;
  }
}

}  // namespace
}  // namespace newsgraph
