#include "extract/gazetteer.h"

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "gtest/gtest.h"

namespace newsgraph {
namespace {

GazetteerEntry Entry(std::string id, Label label, std::string canonical,
                     std::vector<std::string> aliases = {},
                     bool case_insensitive = false) {
  GazetteerEntry e;
  e.id = std::move(id);
  e.label = label;
  e.canonical = std::move(canonical);
  e.aliases = std::move(aliases);
  e.case_insensitive = case_insensitive;
  e.location = absl::StrCat("test.tsv:", e.id.size());
  return e;
}

class GazetteerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::vector<GazetteerEntry> entries = {
        Entry("place.RU", Label::kPlace, "Russia", {"Russian Federation"}),
        Entry("place.CN", Label::kPlace, "China"),
        Entry("place.moscow", Label::kPlace, "Moscow"),
        Entry("place.US", Label::kPlace, "United States",
              {"U.S.", "United States of America"}),
        Entry("place.york", Label::kPlace, "York"),
        Entry("place.ny", Label::kPlace, "New York"),
        Entry("place.nyc", Label::kPlace, "New York City"),
        Entry("person.lavrov", Label::kPerson, "Sergei Lavrov", {"Lavrov"}),
        Entry("person.lopez", Label::kPerson, "L\xC3\xB3pez"),  // López
        Entry("person.putin", Label::kPerson, "Vladimir Putin", {"Putin"}),
        Entry("agency.qaeda", Label::kAgency, "al-Qaeda"),
        Entry("agency.taliban", Label::kAgency, "Taliban", {}, true),
        Entry("agency.whitehouse", Label::kAgency, "White House"),
        Entry("agency.nato", Label::kAgency, "NATO"),
        // Two entries share the alias "Georgia".
        Entry("place.GE", Label::kPlace, "Georgia", {"Sakartvelo"}),
        Entry("place.US-GA", Label::kPlace, "State of Georgia", {"Georgia"}),
        Entry("place.US-DC", Label::kPlace, "Washington",
              {"Washington D.C.", "DC"}),
    };
    auto g = Gazetteer::Build(std::move(entries), segmenter_);
    ASSERT_TRUE(g.ok()) << g.status();
    gazetteer_ = std::move(*g);
  }

  // "[PLACE Moscow place.moscow]" for every candidate, sorted by position
  // (begin, then longer first) and then id.
  std::string Match(absl::string_view text) const {
    const Segmentation seg = segmenter_.Segment(text);
    std::vector<Candidate> candidates;
    gazetteer_->Match(text, seg, &candidates);
    std::sort(candidates.begin(), candidates.end(),
              [](const Candidate& a, const Candidate& b) {
                if (a.begin != b.begin) return a.begin < b.begin;
                if (a.end != b.end) return a.end > b.end;
                return a.rule_id < b.rule_id;
              });
    std::vector<std::string> parts;
    for (const Candidate& c : candidates) {
      EXPECT_EQ(c.source, Source::kGazetteer);
      EXPECT_GE(c.entry, 0);
      EXPECT_EQ(gazetteer_->entry(c.entry).id, c.rule_id);
      parts.push_back(absl::StrCat("[", LabelName(c.label), " ",
                                   text.substr(c.begin, c.end - c.begin), " ",
                                   c.rule_id, "]"));
    }
    return absl::StrJoin(parts, " ");
  }

  Segmenter segmenter_;
  std::unique_ptr<Gazetteer> gazetteer_;
};

struct MatchCase {
  std::string text;
  std::string expected;
};

TEST_F(GazetteerTest, Matches) {
  const std::vector<MatchCase> cases = {
      {"Russia and China", "[PLACE Russia place.RU] [PLACE China place.CN]"},
      {"the Russian Federation said",
       "[PLACE Russian Federation place.RU]"},
      {"nothing here", ""},
      // Longest and shorter names are all reported.
      {"in New York City today",
       "[PLACE New York City place.nyc] [PLACE New York place.ny] "
       "[PLACE York place.york]"},
      {"Sergei Lavrov spoke",
       "[PERSON Sergei Lavrov person.lavrov] [PERSON Lavrov person.lavrov]"},
      // Case: a case-sensitive name needs the same case...
      {"made in china", ""},
      {"RUSSIA and china", "[PLACE RUSSIA place.RU]"},
      {"moscow", ""},
      // ...unless the text is ALL CAPS (datelines).
      {"MOSCOW (Reuters)", "[PLACE MOSCOW place.moscow]"},
      {"UNITED STATES", "[PLACE UNITED STATES place.US]"},
      {"Nato said", ""},
      // The "ci" flag matches any case.
      {"taliban TALIBAN TaLiBaN Taliban",
       "[AGENCY taliban agency.taliban] [AGENCY TALIBAN agency.taliban] "
       "[AGENCY TaLiBaN agency.taliban] [AGENCY Taliban agency.taliban]"},
      // Diacritics are ignored both ways.
      {"L\xC3\xA1vrov said", "[PERSON L\xC3\xA1vrov person.lavrov]"},
      {"Lopez said", "[PERSON Lopez person.lopez]"},
      {"L\xC3\xB3pez said", "[PERSON L\xC3\xB3pez person.lopez]"},
      // Periods: "US" matches the alias "U.S." and "D.C." the alias "DC".
      {"the US said", "[PLACE US place.US]"},
      {"the U.S. said", "[PLACE U.S. place.US]"},
      {"in D.C. today", "[PLACE D.C. place.US-DC]"},
      {"Washington DC",
       "[PLACE Washington DC place.US-DC] [PLACE Washington place.US-DC] "
       "[PLACE DC place.US-DC]"},
      // Possessives: the candidate ends before the apostrophe.
      {"Russia's army", "[PLACE Russia place.RU]"},
      {"Putin\xE2\x80\x99s aide", "[PERSON Putin person.putin]"},
      {"Vladimir Putin's aide",
       "[PERSON Vladimir Putin person.putin] [PERSON Putin person.putin]"},
      // Hyphen and space variants.
      {"al Qaeda", "[AGENCY al Qaeda agency.qaeda]"},
      {"al-Qaeda", "[AGENCY al-Qaeda agency.qaeda]"},
      {"Al-Qaeda", ""},
      {"AL-QAEDA", "[AGENCY AL-QAEDA agency.qaeda]"},
      // A name across a line break.
      {"the White\nHouse said", "[AGENCY White\nHouse agency.whitehouse]"},
      // An alias shared by two entries yields a candidate for each.
      {"Georgia", "[PLACE Georgia place.GE] [PLACE Georgia place.US-GA]"},
      {"State of Georgia",
       "[PLACE State of Georgia place.US-GA] [PLACE Georgia place.GE] "
       "[PLACE Georgia place.US-GA]"},
  };
  for (const MatchCase& c : cases) {
    EXPECT_EQ(Match(c.text), c.expected) << "text: \"" << c.text << "\"";
  }
}

TEST_F(GazetteerTest, CandidateOffsetsAndFields) {
  const std::string text = "Putin\xE2\x80\x99s visit to Russia";
  const Segmentation seg = segmenter_.Segment(text);
  std::vector<Candidate> candidates;
  gazetteer_->Match(text, seg, &candidates);
  ASSERT_EQ(candidates.size(), 2u);
  EXPECT_EQ(candidates[0].begin, 0u);
  EXPECT_EQ(candidates[0].end, 5u);  // before the ’
  EXPECT_EQ(candidates[0].label, Label::kPerson);
  EXPECT_EQ(candidates[0].entry, gazetteer_->Find("person.putin"));
  EXPECT_EQ(candidates[1].begin, 19u);
  EXPECT_EQ(candidates[1].end, 25u);
  EXPECT_EQ(candidates[1].rule_id, "place.RU");
}

TEST_F(GazetteerTest, PriorityIsCopied) {
  std::vector<GazetteerEntry> entries = {
      Entry("place.x", Label::kPlace, "Xland")};
  entries[0].priority = 7;
  auto g = Gazetteer::Build(std::move(entries), segmenter_);
  ASSERT_TRUE(g.ok()) << g.status();
  const std::string text = "Xland";
  std::vector<Candidate> out;
  (*g)->Match(text, segmenter_.Segment(text), &out);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].priority, 7);
}

TEST_F(GazetteerTest, Find) {
  EXPECT_EQ(gazetteer_->size(), 17u);
  const int32_t i = gazetteer_->Find("place.moscow");
  ASSERT_GE(i, 0);
  EXPECT_EQ(gazetteer_->entry(i).canonical, "Moscow");
  EXPECT_EQ(gazetteer_->entry(gazetteer_->Find("place.RU")).id, "place.RU");
  EXPECT_EQ(gazetteer_->Find("place.nowhere"), -1);
  EXPECT_EQ(gazetteer_->Find(""), -1);
}

TEST(GazetteerBuildTest, NameWithoutWordsFailsWithLocation) {
  const std::vector<std::pair<std::string, bool>> cases = {
      {"...", false}, {"-", false}, {"   ", false}, {"- . -", false}};
  for (const auto& [name, as_alias] : cases) {
    for (bool alias : {false, true}) {
      GazetteerEntry good;
      good.id = "place.ok";
      good.canonical = "Okland";
      good.location = "rules/a.tsv:3";
      GazetteerEntry bad;
      bad.id = "place.bad";
      bad.location = "rules/b.tsv:17";
      if (alias) {
        bad.canonical = "Badland";
        bad.aliases = {"Bad", name};
      } else {
        bad.canonical = name;
      }
      auto g = Gazetteer::Build({good, bad}, Segmenter());
      ASSERT_FALSE(g.ok()) << "name \"" << name << "\" alias=" << alias;
      EXPECT_EQ(g.status().code(), absl::StatusCode::kInvalidArgument);
      EXPECT_TRUE(absl::StartsWith(g.status().message(), "rules/b.tsv:17"))
          << g.status();
      EXPECT_TRUE(absl::StrContains(g.status().message(),
                                    absl::StrCat("\"", name, "\"")))
          << g.status();
    }
  }
}

TEST(GazetteerBuildTest, EmptyGazetteerMatchesNothing) {
  auto g = Gazetteer::Build({}, Segmenter());
  ASSERT_TRUE(g.ok()) << g.status();
  const std::string text = "Russia and China";
  std::vector<Candidate> out;
  (*g)->Match(text, Segmenter().Segment(text), &out);
  EXPECT_TRUE(out.empty());
  EXPECT_EQ((*g)->size(), 0u);
}

}  // namespace
}  // namespace newsgraph
