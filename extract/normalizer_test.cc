#include "extract/normalizer.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace newsgraph {
namespace {

std::string Norm(absl::string_view token, bool fold_case) {
  std::string out = "garbage that must be replaced";
  NormalizeToken(token, fold_case, &out);
  return out;
}

struct NormCase {
  std::string in;
  std::string cased;   // fold_case = false
  std::string folded;  // fold_case = true
};

TEST(NormalizeTokenTest, Table) {
  const std::vector<NormCase> cases = {
      {"Moscow", "Moscow", "moscow"},
      {"L\xC3\xA1vrov", "Lavrov", "lavrov"},                 // Lávrov
      {"Z\xC3\xBCrich", "Zurich", "zurich"},                 // Zürich
      {"\xC5\x81\xC3\xB3" "d\xC5\xBA", "Lodz", "lodz"},      // Łódź
      {"\xC3\x89" "LYS\xC3\x89" "E", "ELYSEE", "elysee"},    // ÉLYSÉE
      {"Dvo\xC5\x99\xC3\xA1k", "Dvorak", "dvorak"},          // Dvořák
      {"Erdo\xC4\x9F" "an", "Erdogan", "erdogan"},           // Erdoğan
      {"\xC5\xA0" "ojgu", "Sojgu", "sojgu"},                 // Šojgu
      {"Stra\xC3\x9F" "e", "Strasse", "strasse"},            // Straße
      {"\xC3\x86sir", "AEsir", "aesir"},                     // Æsir
      // A combining acute accent is dropped: "Le" + U+0301 + "on".
      {"Le\xCC\x81on", "Leon", "leon"},
      {"O\xE2\x80\x99" "Brien", "O'Brien", "o'brien"},       // O’Brien
      {"O'Brien", "O'Brien", "o'brien"},
      {"O\xE2\x80\x98" "Brien", "O'Brien", "o'brien"},       // ‘
      {"O`Brien", "O'Brien", "o'brien"},
      {"\xE2\x80\x99s", "'s", "'s"},
      {"U.S.", "US", "us"},
      {"Mr.", "Mr", "mr"},
      {".", "", ""},
      {"3.5", "35", "35"},
      {"", "", ""},
      // Cyrillic: "Москва" / "москва"; "ЁЛКА" -> "ёлка".
      {"\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0",
       "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0",
       "\xD0\xBC\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0"},
      {"\xD0\x81\xD0\x9B\xD0\x9A\xD0\x90",
       "\xD0\x81\xD0\x9B\xD0\x9A\xD0\x90",
       "\xD1\x91\xD0\xBB\xD0\xBA\xD0\xB0"},
      // Other scripts pass through unchanged: 東京.
      {"\xE6\x9D\xB1\xE4\xBA\xAC", "\xE6\x9D\xB1\xE4\xBA\xAC",
       "\xE6\x9D\xB1\xE4\xBA\xAC"},
  };
  for (const NormCase& c : cases) {
    EXPECT_EQ(Norm(c.in, false), c.cased) << "\"" << c.in << "\" fold off";
    EXPECT_EQ(Norm(c.in, true), c.folded) << "\"" << c.in << "\" fold on";
  }
}

TEST(NormalizeTokenTest, VariantsMeet) {
  // Lávrov == Lavrov; U.S. == US; O’Brien == O'Brien, case folded.
  const std::vector<std::pair<std::string, std::string>> pairs = {
      {"L\xC3\xA1vrov", "LAVROV"},
      {"U.S.", "us"},
      {"O\xE2\x80\x99" "Brien", "o'brien"},
      {"\xD0\x9F\xD1\x83\xD1\x82\xD0\xB8\xD0\xBD",  // Путин
       "\xD0\x9F\xD0\xA3\xD0\xA2\xD0\x98\xD0\x9D"},  // ПУТИН
  };
  for (const auto& [a, b] : pairs) {
    EXPECT_EQ(Norm(a, true), Norm(b, true)) << a << " vs " << b;
  }
  EXPECT_NE(Norm("Lavrov", false), Norm("LAVROV", false));
}

TEST(IsAllCapsTest, Table) {
  const std::vector<std::pair<std::string, bool>> cases = {
      {"MOSCOW", true},
      {"Moscow", false},
      {"moscow", false},
      {"U.S.", true},
      {"FBI's", false},  // the 's is lower case
      {"123", false},
      {"", false},
      {"...", false},
      {"G7", true},
      {"\xC3\x89LYS\xC3\x89" "E", true},                   // ÉLYSÉE
      {"\xC3\x89lys\xC3\xA9" "e", false},                  // Élysée
      {"\xD0\x9C\xD0\x9E\xD0\xA1\xD0\x9A\xD0\x92\xD0\x90", true},   // МОСКВА
      {"\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0", false},  // Москва
      {"\xC5\xA0" "KODA", true},                           // ŠKODA
      {"\xC5\xA1" "koda", false},                          // škoda
  };
  for (const auto& [token, expected] : cases) {
    EXPECT_EQ(IsAllCaps(token), expected) << "\"" << token << "\"";
  }
}

TEST(IsAllCapsTest, LatinExtendedAWithOddUpperCase) {
  EXPECT_TRUE(IsAllCaps("\xC5\x81\xC3\x93" "D\xC5\xB9"));   // ŁÓDŹ
  EXPECT_TRUE(IsAllCaps("\xC5\xBD" "ILINA"));               // ŽILINA
  EXPECT_FALSE(IsAllCaps("\xC5\x82"));                      // ł
}

}  // namespace
}  // namespace newsgraph
