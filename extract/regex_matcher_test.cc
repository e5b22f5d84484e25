#include "extract/regex_matcher.h"

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "gtest/gtest.h"
#include "re2/re2.h"

namespace newsgraph {
namespace {

PatternRule Rule(std::string id, Label label, std::string pattern,
                 int32_t priority = 0) {
  PatternRule r;
  r.id = std::move(id);
  r.label = label;
  r.pattern = std::move(pattern);
  r.priority = priority;
  r.location = absl::StrCat("patterns.tsv:", r.id.size(), ":9");
  return r;
}

// "[PERSON John Smith 10-20 rule.id]" per candidate, in output order.
std::string MatchAll(std::vector<PatternRule> rules, absl::string_view text) {
  auto m = RegexMatcher::Create(std::move(rules));
  EXPECT_TRUE(m.ok()) << m.status();
  if (!m.ok()) return "<error>";
  std::vector<Candidate> out;
  (*m)->Match(text, {}, &out);
  std::vector<std::string> parts;
  for (const Candidate& c : out) {
    EXPECT_EQ(c.source, Source::kRegex);
    EXPECT_EQ(c.entry, -1);
    parts.push_back(absl::StrCat("[", LabelName(c.label), " ",
                                 text.substr(c.begin, c.end - c.begin), " ",
                                 c.begin, "-", c.end, " ", c.rule_id, "]"));
  }
  return absl::StrJoin(parts, " ");
}

TEST(RegexMatcherTest, NameGroupYieldsOnlyTheGroup) {
  EXPECT_EQ(MatchAll({Rule("person.title", Label::kPerson,
                      R"(President (?P<name>[A-Z]\w+ [A-Z]\w+))")},
                "Then President Barack Obama spoke."),
            "[PERSON Barack Obama 15-27 person.title]");
}

TEST(RegexMatcherTest, WithoutGroupTheWholeMatch) {
  EXPECT_EQ(MatchAll({Rule("agency.committee", Label::kAgency,
                      R"([A-Z]\w+ Committee)")},
                "the Intelligence Committee met"),
            "[AGENCY Intelligence Committee 4-26 agency.committee]");
}

TEST(RegexMatcherTest, OtherGroupsDoNotMatter) {
  // Unnamed groups before `name` do not shift the mention.
  EXPECT_EQ(MatchAll({Rule("p", Label::kPerson,
                      R"((Mr|Mrs)\. (?P<name>[A-Z]\w+))")},
                "Mrs. Clinton and Mr. Trump"),
            "[PERSON Clinton 5-12 p] [PERSON Trump 21-26 p]");
}

TEST(RegexMatcherTest, VetoPassesThroughWithLabel) {
  auto m = RegexMatcher::Create(
      {Rule("veto.street", Label::kVeto, R"([A-Z]\w+ Street)", 3)});
  ASSERT_TRUE(m.ok()) << m.status();
  const std::string text = "on Moscow Street today";
  std::vector<Candidate> out;
  (*m)->Match(text, {}, &out);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].label, Label::kVeto);
  EXPECT_EQ(out[0].begin, 3u);
  EXPECT_EQ(out[0].end, 16u);
  EXPECT_EQ(out[0].priority, 3);
  EXPECT_EQ(out[0].rule_id, "veto.street");
}

TEST(RegexMatcherTest, LeadingTheIsTrimmed) {
  const PatternRule rule =
      Rule("agency.times", Label::kAgency, R"((?:[Tt]he )?Moscow Times)");
  EXPECT_EQ(MatchAll({rule}, "The Moscow Times reported"),
            "[AGENCY Moscow Times 4-16 agency.times]");
  EXPECT_EQ(MatchAll({rule}, "said the Moscow Times"),
            "[AGENCY Moscow Times 9-21 agency.times]");
  EXPECT_EQ(MatchAll({rule}, "Moscow Times"),
            "[AGENCY Moscow Times 0-12 agency.times]");
  // Only "The " with its space: "Theodore" stays whole.
  EXPECT_EQ(MatchAll({Rule("p", Label::kPerson, R"(Theodore \w+)")},
                "Theodore Roosevelt"),
            "[PERSON Theodore Roosevelt 0-18 p]");
  // A match that is only "The " yields nothing.
  EXPECT_EQ(MatchAll({Rule("p", Label::kPerson, R"(The )")}, "The end"), "");
}

TEST(RegexMatcherTest, MultipleNonOverlappingMatches) {
  EXPECT_EQ(MatchAll({Rule("num", Label::kPlace, R"(Area \d+)", 1)},
                "Area 51, Area 52 and Area 7."),
            "[PLACE Area 51 0-7 num] [PLACE Area 52 9-16 num] "
            "[PLACE Area 7 21-27 num]");
  // Matches of one rule do not overlap: "aaaa" is two "aa", not three.
  EXPECT_EQ(MatchAll({Rule("aa", Label::kPlace, "aa")}, "aaaa"),
            "[PLACE aa 0-2 aa] [PLACE aa 2-4 aa]");
}

TEST(RegexMatcherTest, EveryRuleIsApplied) {
  EXPECT_EQ(MatchAll({Rule("a", Label::kPerson, "Smith"),
                 Rule("b", Label::kAgency, "Smith Inc")},
                "Smith Inc"),
            "[PERSON Smith 0-5 a] [AGENCY Smith Inc 0-9 b]");
  EXPECT_EQ(MatchAll({}, "anything"), "");
}

TEST(RegexMatcherTest, UnicodeClasses) {
  // "Путин" (10 bytes) after "President ".
  EXPECT_EQ(MatchAll({Rule("p", Label::kPerson, R"(President (?P<name>\p{Lu}\p{Ll}+))")},
                "President \xD0\x9F\xD1\x83\xD1\x82\xD0\xB8\xD0\xBD."),
            "[PERSON \xD0\x9F\xD1\x83\xD1\x82\xD0\xB8\xD0\xBD 10-20 p]");
}

TEST(RegexMatcherTest, UnmatchedOptionalNameGroupYieldsNothing) {
  EXPECT_EQ(MatchAll({Rule("p", Label::kPerson, R"(x(?P<name>y)?)")}, "x"), "");
}

// Sentences covering the given byte ranges.
std::vector<Sentence> Sentences(
    std::vector<std::pair<uint32_t, uint32_t>> spans) {
  std::vector<Sentence> out;
  for (const auto& [b, e] : spans) {
    Sentence s;
    s.begin = b;
    s.end = e;
    out.push_back(s);
  }
  return out;
}

TEST(RegexMatcherTest, SentencesFindEveryMatchInsideASentence) {
  auto m = RegexMatcher::Create(
      {Rule("said", Label::kPerson, R"(\bsaid (?P<name>[A-Z]\w+))"),
       Rule("mr", Label::kPerson, R"(Mr\. (?P<name>[A-Z]\w+))"),
       Rule("caps", Label::kAgency, R"([A-Z]\w+ [A-Z]\w+ Ministry)")});
  ASSERT_TRUE(m.ok()) << m.status();
  //                       0         1         2         3         4
  //                       0123456789012345678901234567890123456789012345
  const std::string text = "So said Smith. Mr. Jones ran. The Foreign "
                           "Trade Ministry said Brown.";
  std::vector<Candidate> whole, split;
  (*m)->Match(text, {}, &whole);
  (*m)->Match(text, Sentences({{0, 14}, {15, 29}, {30, 70}}), &split);
  ASSERT_EQ(split.size(), 4u);
  ASSERT_EQ(whole.size(), split.size());
  for (size_t i = 0; i < whole.size(); ++i) {
    EXPECT_EQ(whole[i].begin, split[i].begin) << i;
    EXPECT_EQ(whole[i].end, split[i].end) << i;
    EXPECT_EQ(whole[i].rule_id, split[i].rule_id) << i;
  }
  EXPECT_EQ(text.substr(split[0].begin, split[0].end - split[0].begin),
            "Smith");
  EXPECT_EQ(text.substr(split[1].begin, split[1].end - split[1].begin),
            "Brown");
}

TEST(RegexMatcherTest, MatchAcrossASentenceBoundaryIsNotSearched) {
  // "talks" and "between" are both required words; they are in different
  // sentences, so neither sentence can hold a match.
  auto m = RegexMatcher::Create({Rule(
      "talks", Label::kPerson, R"(talks\.\s+Between (?P<name>[A-Z]\w+))")});
  ASSERT_TRUE(m.ok()) << m.status();
  const std::string text = "They held talks. Between Smith and Jones.";
  std::vector<Candidate> whole, split;
  (*m)->Match(text, {}, &whole);
  EXPECT_EQ(whole.size(), 1u);
  (*m)->Match(text, Sentences({{0, 16}, {17, 41}}), &split);
  EXPECT_TRUE(split.empty());
}

TEST(RegexMatcherTest, MatchMayStartInThePunctuationBeforeASentence) {
  // The rule wants the ". " before the name; "said" is only in the second
  // sentence, so only that one passes the prefilter.
  auto m = RegexMatcher::Create({Rule(
      "said", Label::kPerson, R"([.!?]\s+(?P<name>[A-Z]\w+) said)")});
  ASSERT_TRUE(m.ok()) << m.status();
  const std::string text = "We met on Monday.  Smith said no.";
  std::vector<Candidate> out;
  (*m)->Match(text, Sentences({{0, 17}, {19, 33}}), &out);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(text.substr(out[0].begin, out[0].end - out[0].begin), "Smith");
  // One character before the closing punctuation is reached, no more (the
  // whole text has a match for both rules).
  auto letter = RegexMatcher::Create({Rule(
      "l", Label::kPerson, R"([a-z]\.\s+(?P<name>[A-Z]\w+) said)")});
  auto word = RegexMatcher::Create({Rule(
      "w", Label::kPerson, R"([a-z]{2}\.\s+(?P<name>[A-Z]\w+) said)")});
  ASSERT_TRUE(letter.ok());
  ASSERT_TRUE(word.ok());
  std::vector<Candidate> whole, one, none;
  (*word)->Match(text, {}, &whole);
  EXPECT_EQ(whole.size(), 1u);
  (*letter)->Match(text, Sentences({{0, 17}, {19, 33}}), &one);
  EXPECT_EQ(one.size(), 1u);
  (*word)->Match(text, Sentences({{0, 17}, {19, 33}}), &none);
  EXPECT_TRUE(none.empty());
}

TEST(RegexMatcherTest, AsciiAndNonAsciiSentencesFindTheSameMatches) {
  // Rules search the text transcoded to one byte per character (with their
  // Latin-1 twins); matches are those of a search of the whole text,
  // including one whose context starts in the sentence before ("channel.
  // CBBC").
  auto m = RegexMatcher::Create(
      {Rule("said", Label::kPerson, R"((?P<name>\p{Lu}\p{Ll}+) said)"),
       Rule("acronym", Label::kAgency, R"([a-z]\.\s+(?P<name>[A-Z]{3,})\b)")});
  ASSERT_TRUE(m.ok()) << m.status();
  const std::string text =
      "Smith said yes. Müller said no. On the channel. CBBC airs at 7\xC2\xA0"
      "am."
      " Jones said “maybe”. Álvarez said so.";
  const std::vector<Sentence> sentences =
      Sentences({{0, 15}, {16, 32}, {33, 48}, {49, 68}, {69, 92}, {93, 110}});
  std::vector<Candidate> whole, pieces;
  (*m)->Match(text, {}, &whole);
  (*m)->Match(text, sentences, &pieces);
  auto spans = [&](std::vector<Candidate> v) {
    std::vector<std::string> out;
    for (const Candidate& c : v) {
      out.push_back(text.substr(c.begin, c.end - c.begin));
    }
    std::sort(out.begin(), out.end());
    return out;
  };
  EXPECT_EQ(spans(whole), (std::vector<std::string>{
                              "CBBC", "Jones", "Müller", "Smith", "Álvarez"}));
  EXPECT_EQ(spans(pieces), spans(whole));
}

// Rules without words for the prefilter run only on the pieces where one
// RE2::Set pass of all of them finds them; matches are those of a search of
// the whole text, including one that starts in the piece before.
TEST(RegexMatcherTest, RulesWithoutRequiredWordsAreGatedTogether) {
  auto m = RegexMatcher::Create(
      {Rule("acronym", Label::kAgency, R"(\b(?P<name>[A-Z]{3,5})\b)"),
       Rule("number", Label::kPerson, R"((?P<name>\p{Lu}\p{Ll}+) \d)"),
       Rule("after_dot", Label::kPlace, R"([a-z]\.\s+(?P<name>\p{Lu}\p{Ll}+)\b)")});
  ASSERT_TRUE(m.ok()) << m.status();
  for (size_t i = 0; i < (*m)->size(); ++i) EXPECT_TRUE((*m)->Unfiltered(i));
  const std::string text =
      "The NATO summit ended. Émile 3 won. no capitals here. Oslo hosted it.";
  //   0         1         2         3         4         5         6
  //   0123456789012345678901234567890123456789012345678901234567890123456789
  const std::vector<Sentence> sentences =
      Sentences({{0, 22}, {23, 36}, {37, 53}, {54, 70}});
  std::vector<Candidate> whole, pieces;
  (*m)->Match(text, {}, &whole);
  (*m)->Match(text, sentences, &pieces);
  auto render = [&](std::vector<Candidate> v) {
    std::vector<std::string> out;
    for (const Candidate& c : v) {
      out.push_back(absl::StrCat(c.rule_id, ":",
                                 text.substr(c.begin, c.end - c.begin)));
    }
    std::sort(out.begin(), out.end());
    return out;
  };
  EXPECT_EQ(render(pieces), (std::vector<std::string>{
                                "acronym:NATO", "after_dot:Oslo",
                                "after_dot:\xC3\x89mile",
                                "number:\xC3\x89mile"}));
  EXPECT_EQ(render(pieces), render(whole));
}

// A rule without a Latin-1 twin ((?i) folds "ſ" to "s") searches the text
// itself; offsets after characters of two, three and four bytes are right
// either way.
TEST(RegexMatcherTest, RulesWithAndWithoutTwinGiveTheSameOffsets) {
  const std::string text =
      "Łódź’s mayor 😀 "
      "Jan Kowalski said. Mr Émile Zola spoke.";
  const std::string with_twin = MatchAll(
      {Rule("said", Label::kPerson, R"((?P<name>\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+) said)"),
       Rule("mr", Label::kPerson, R"(Mr (?P<name>\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+))")},
      text);
  EXPECT_EQ(with_twin,
            "[PERSON Jan Kowalski 23-35 said] "
            "[PERSON Émile Zola 45-56 mr]");
  const std::string without_twin = MatchAll(
      {Rule("said", Label::kPerson,
            R"((?i:(?P<name>\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+) said))"),
       Rule("mr", Label::kPerson,
            R"((?i:mr) (?P<name>\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+))")},
      text);
  EXPECT_EQ(without_twin, with_twin);
}

TEST(RegexMatcherTest, ContextAroundASentenceCountsForWordBoundaries) {
  // The sentence starts inside a word: \b must see the letter before it.
  auto m = RegexMatcher::Create(
      {Rule("w", Label::kPlace, R"(\bburg\b)")});
  ASSERT_TRUE(m.ok()) << m.status();
  const std::string text = "Hamburg burg";
  std::vector<Candidate> out;
  (*m)->Match(text, Sentences({{0, 3}, {3, 12}}), &out);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].begin, 8u);
}

TEST(RegexMatcherCreateTest, ReportsAllBadPatterns) {
  PatternRule good = Rule("good", Label::kPerson, "fine");
  PatternRule bad1 = Rule("bad1", Label::kPerson, "(unclosed");
  bad1.location = "rules/p.tsv:4:21";
  PatternRule bad2 = Rule("bad2", Label::kAgency, "a**");
  bad2.location = "rules/p.tsv:9:13";
  auto m = RegexMatcher::Create({bad1, good, bad2});
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.status().code(), absl::StatusCode::kInvalidArgument);
  const std::string message(m.status().message());

  RE2::Options quiet;
  quiet.set_log_errors(false);
  const RE2 re1("(unclosed", quiet);
  const RE2 re2("a**", quiet);
  ASSERT_FALSE(re1.ok());
  ASSERT_FALSE(re2.ok());
  EXPECT_TRUE(absl::StrContains(
      message, absl::StrCat("rules/p.tsv:4:21: bad regular expression: ",
                            re1.error())))
      << message;
  EXPECT_TRUE(absl::StrContains(
      message, absl::StrCat("rules/p.tsv:9:13: bad regular expression: ",
                            re2.error())))
      << message;
  // One line per bad rule.
  EXPECT_EQ(std::count(message.begin(), message.end(), '\n'), 1) << message;
  EXPECT_FALSE(absl::StrContains(message, "good")) << message;
}

TEST(RegexMatcherCreateTest, GoodRulesCompile) {
  auto m = RegexMatcher::Create({Rule("a", Label::kPerson, "a"),
                                 Rule("b", Label::kVeto, "b")});
  ASSERT_TRUE(m.ok()) << m.status();
  EXPECT_EQ((*m)->size(), 2u);
}

}  // namespace
}  // namespace newsgraph
