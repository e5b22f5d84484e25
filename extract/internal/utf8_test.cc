#include "extract/internal/utf8.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace newsgraph {
namespace utf8 {
namespace {

struct DecodeCase {
  std::string bytes;
  char32_t cp;
  int length;
};

TEST(Utf8DecodeTest, ValidSequencesOfOneToFourBytes) {
  const std::vector<DecodeCase> cases = {
      {"A", U'A', 1},
      {std::string("\x00", 1), 0, 1},
      {"\x7F", 0x7F, 1},
      {"\xC3\xA1", 0xE1, 2},          // á
      {"\xD0\x9F", 0x41F, 2},         // П
      {"\xDF\xBF", 0x7FF, 2},         // largest 2-byte
      {"\xE2\x80\x99", 0x2019, 3},    // ’
      {"\xE2\x80\x9C", 0x201C, 3},    // “
      {"\xE0\xA0\x80", 0x800, 3},     // smallest 3-byte
      {"\xEF\xBF\xBD", 0xFFFD, 3},    // a literal U+FFFD
      {"\xF0\x9F\x98\x80", 0x1F600, 4},  // 😀
      {"\xF0\x90\x80\x80", 0x10000, 4},  // smallest 4-byte
      {"\xF4\x8F\xBF\xBF", 0x10FFFF, 4},  // largest code point
  };
  for (const DecodeCase& c : cases) {
    int length = -1;
    EXPECT_EQ(Decode(c.bytes, 0, &length), c.cp) << "bytes of U+" << std::hex
                                                  << static_cast<uint32_t>(c.cp);
    EXPECT_EQ(length, c.length) << "U+" << std::hex
                                << static_cast<uint32_t>(c.cp);
  }
}

TEST(Utf8DecodeTest, DecodesAtAnOffset) {
  const std::string text = "a\xC3\xA1\xF0\x9F\x98\x80z";
  int length = 0;
  EXPECT_EQ(Decode(text, 1, &length), 0xE1u);
  EXPECT_EQ(length, 2);
  EXPECT_EQ(Decode(text, 3, &length), 0x1F600u);
  EXPECT_EQ(length, 4);
  EXPECT_EQ(Decode(text, 7, &length), U'z');
  EXPECT_EQ(length, 1);
}

TEST(Utf8DecodeTest, InvalidSequencesYieldReplacementWithLengthOne) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"overlong 2-byte '/'", "\xC0\xAF"},
      {"overlong 2-byte NUL", "\xC1\x80"},
      {"overlong 3-byte", "\xE0\x80\xAF"},
      {"overlong 3-byte U+07FF", "\xE0\x9F\xBF"},
      {"overlong 4-byte", "\xF0\x80\x80\xAF"},
      {"overlong 4-byte U+FFFF", "\xF0\x8F\xBF\xBF"},
      {"surrogate D800", "\xED\xA0\x80"},
      {"surrogate DFFF", "\xED\xBF\xBF"},
      {"above U+10FFFF", "\xF4\x90\x80\x80"},
      {"F5 lead", "\xF5\x80\x80\x80"},
      {"FF byte", "\xFF"},
      {"lone continuation", "\x80"},
      {"truncated 2-byte", "\xC3"},
      {"truncated 3-byte", "\xE2\x80"},
      {"truncated 4-byte", "\xF0\x9F\x98"},
      {"bad continuation", "\xC3\x41"},
      {"bad 3rd byte", "\xE2\x80\x41"},
      {"bad 4th byte", "\xF0\x9F\x98\x41"},
  };
  for (const auto& [name, bytes] : cases) {
    int length = -1;
    EXPECT_EQ(Decode(bytes, 0, &length), kReplacement) << name;
    EXPECT_EQ(length, 1) << name;
  }
}

TEST(Utf8DecodeTest, TruncatedAtEndOfLongerText) {
  const std::string text = "ab\xE2\x80";  // "’" cut after two bytes
  int length = -1;
  EXPECT_EQ(Decode(text, 2, &length), kReplacement);
  EXPECT_EQ(length, 1);
}

TEST(Utf8AppendTest, RoundTripsThroughDecode) {
  for (char32_t cp : {char32_t{0x41}, char32_t{0xE1}, char32_t{0x7FF},
                      char32_t{0x800}, char32_t{0x2019}, char32_t{0xFFFD},
                      char32_t{0x10000}, char32_t{0x1F600},
                      char32_t{0x10FFFF}}) {
    std::string s;
    Append(cp, &s);
    int length = 0;
    EXPECT_EQ(Decode(s, 0, &length), cp);
    EXPECT_EQ(static_cast<size_t>(length), s.size());
  }
  std::string s = "x";
  Append(0x2014, &s);
  EXPECT_EQ(s, "x\xE2\x80\x94");
}

TEST(Utf8IsValidTest, Table) {
  const std::vector<std::pair<std::string, bool>> cases = {
      {"", true},
      {"plain ASCII", true},
      {"L\xC3\xA1vrov", true},
      {"\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0", true},  // Москва
      {"\xE2\x80\x9CHi\xE2\x80\x9D", true},
      {"\xF0\x9F\x98\x80", true},
      {"\xEF\xBF\xBD", true},  // literal U+FFFD is valid
      {"abc\xFF", false},
      {"\xC0\xAF", false},
      {"\xED\xA0\x80", false},
      {"ab\xE2\x80", false},
      {"\x80 start", false},
      {"\xF4\x90\x80\x80", false},
  };
  for (const auto& [text, valid] : cases) {
    EXPECT_EQ(IsValid(text), valid) << "\"" << text << "\"";
  }
}

TEST(Utf8RepairTest, ReplacesEachInvalidByte) {
  struct Case {
    std::string in;
    std::string out;
    size_t replaced;
  };
  const std::string r = "\xEF\xBF\xBD";
  const std::vector<Case> cases = {
      {"", "", 0},
      {"valid L\xC3\xA1vrov \xF0\x9F\x98\x80", "valid L\xC3\xA1vrov \xF0\x9F\x98\x80", 0},
      {"\xEF\xBF\xBD", "\xEF\xBF\xBD", 0},
      {"a\xFFz", "a" + r + "z", 1},
      {"\xC0\xAF", r + r, 2},               // overlong: both bytes replaced
      {"\xED\xA0\x80", r + r + r, 3},       // surrogate: every byte
      {"ab\xE2\x80", "ab" + r + r, 2},      // truncated at the end
      {"\xC3\x41", r + "A", 1},             // bad continuation keeps the 'A'
      {"x\x80\x80y", "x" + r + r + "y", 2},
  };
  for (const Case& c : cases) {
    size_t replaced = 12345;
    EXPECT_EQ(Repair(c.in, &replaced), c.out) << "\"" << c.in << "\"";
    EXPECT_EQ(replaced, c.replaced) << "\"" << c.in << "\"";
    EXPECT_TRUE(IsValid(Repair(c.in, nullptr)));
  }
}

TEST(Utf8ToCodePointOffsetsTest, MultiByteCharacters) {
  // “Путин’s” 😀 ok
  // bytes: “(3) П(2) у(2) т(2) и(2) н(2) ’(3) s(1) ”(3) space(1) 😀(4)
  //        space(1) o k
  const std::string text =
      "\xE2\x80\x9C\xD0\x9F\xD1\x83\xD1\x82\xD0\xB8\xD0\xBD\xE2\x80\x99s"
      "\xE2\x80\x9D \xF0\x9F\x98\x80 ok";
  ASSERT_EQ(text.size(), 28u);
  const std::vector<uint32_t> bytes = {0, 3, 5, 13, 16, 17, 20, 21, 25, 26,
                                       28};
  const std::vector<uint32_t> expected = {0, 1, 2, 6, 7, 8, 9, 10, 11, 12, 14};
  EXPECT_EQ(ToCodePointOffsets(text, bytes), expected);
}

TEST(Utf8ToCodePointOffsetsTest, AsciiIsIdentityAndRepeatsAreAllowed) {
  const std::string text = "Hello world";
  const std::vector<uint32_t> bytes = {0, 0, 5, 5, 11};
  EXPECT_EQ(ToCodePointOffsets(text, bytes), bytes);
  EXPECT_TRUE(ToCodePointOffsets(text, {}).empty());
}

}  // namespace
}  // namespace utf8
}  // namespace newsgraph
