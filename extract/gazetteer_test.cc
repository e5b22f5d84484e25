#include "extract/gazetteer.h"

#include <algorithm>
#include <memory>
#include <sstream>
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

// Every candidate of `g` on `text` as "begin end label entry id", in order.
std::string AllCandidates(const Gazetteer& g, const Segmenter& segmenter,
                          absl::string_view text) {
  std::vector<Candidate> out;
  g.Match(text, segmenter.Segment(text), &out);
  std::vector<std::string> parts;
  for (const Candidate& c : out) {
    parts.push_back(absl::StrCat(c.begin, " ", c.end, " ", LabelName(c.label),
                                 " ", c.priority, " ", c.entry, " ",
                                 c.rule_id));
  }
  return absl::StrJoin(parts, "; ");
}

TEST_F(GazetteerTest, ImageRoundTripMatchesTheSame) {
  std::stringstream image;
  ASSERT_TRUE(gazetteer_->Write(&image).ok());
  auto back = Gazetteer::Read(&image);
  ASSERT_TRUE(back.ok()) << back.status();
  const Gazetteer& g = **back;
  EXPECT_EQ(g.size(), gazetteer_->size());
  EXPECT_EQ(g.node_count(), gazetteer_->node_count());
  for (const char* text :
       {"Russia and China", "in New York City today", "MOSCOW (Reuters)",
        "the TALIBAN and the taliban", "al-Qaeda and al Qaeda",
        "L\xC3\xB3pez met Lopez in Washington D.C.", "Putin's Georgia",
        "made in china by China", "U.S. and US and United States of America"}) {
    const std::string expected = AllCandidates(*gazetteer_, segmenter_, text);
    EXPECT_FALSE(expected.empty()) << text;
    EXPECT_EQ(AllCandidates(g, segmenter_, text), expected) << text;
  }
  for (int32_t i = 0; i < static_cast<int32_t>(g.size()); ++i) {
    const GazetteerEntry a = gazetteer_->full_entry(i), b = g.full_entry(i);
    EXPECT_EQ(b.id, a.id);
    EXPECT_EQ(b.canonical, a.canonical);
    EXPECT_EQ(b.aliases, a.aliases);
    EXPECT_EQ(b.location, a.location);
    EXPECT_EQ(b.priority, a.priority);
    EXPECT_EQ(g.Find(a.id), gazetteer_->Find(a.id));
  }
  // The same gazetteer writes the same bytes.
  std::stringstream again, twice;
  ASSERT_TRUE(g.Write(&again).ok());
  ASSERT_TRUE(gazetteer_->Write(&twice).ok());
  EXPECT_EQ(again.str(), twice.str());
}

TEST_F(GazetteerTest, DamagedImagesAreRefused) {
  std::stringstream image;
  ASSERT_TRUE(gazetteer_->Write(&image).ok());
  const std::string bytes = image.str();
  // Truncated anywhere.
  for (size_t n : {size_t{0}, size_t{3}, size_t{40}, bytes.size() / 2,
                   bytes.size() - 1}) {
    std::stringstream cut(bytes.substr(0, n));
    EXPECT_FALSE(Gazetteer::Read(&cut).ok()) << n;
  }
  // Another version.
  std::string other = bytes;
  other[0] = static_cast<char>(Gazetteer::kImageVersion + 1);
  std::stringstream versioned(other);
  const auto v = Gazetteer::Read(&versioned);
  ASSERT_FALSE(v.ok());
  EXPECT_TRUE(absl::StrContains(v.status().message(), "version")) << v.status();
  // Every single flipped byte either reads as a valid gazetteer or is
  // refused; none crashes (run under --config=asan to be sure).
  for (size_t i = 4; i < bytes.size(); i += 7) {
    std::string flipped = bytes;
    flipped[i] = static_cast<char>(flipped[i] ^ 0x5A);
    std::stringstream in(flipped);
    auto g = Gazetteer::Read(&in);
    if (g.ok()) AllCandidates(**g, segmenter_, "Russia and New York City");
  }
}

TEST(GazetteerBuildTest, NameFormsAgree) {
  // Names that take the plain path (ASCII letters, digits and spaces) and
  // names the Segmenter splits must match the same way.
  std::vector<GazetteerEntry> entries;
  const std::vector<std::string> names = {
      "Ann Lee", "Ann  Lee Jr", "G7 Summit", "Ann-Lee Kim", "St. Ann",
      "O'Neil Park", "Ann Lee's", "ANN LEE", "ann lee"};
  for (size_t i = 0; i < names.size(); ++i) {
    GazetteerEntry e;
    e.id = absl::StrCat("e", i);
    e.canonical = names[i];
    e.location = absl::StrCat("n.tsv:", i + 1);
    entries.push_back(e);
  }
  const Segmenter segmenter;
  auto g = Gazetteer::Build(entries, segmenter);
  ASSERT_TRUE(g.ok()) << g.status();
  auto count = [&](absl::string_view text, absl::string_view id) {
    std::vector<Candidate> out;
    (*g)->Match(text, segmenter.Segment(text), &out);
    return std::count_if(out.begin(), out.end(),
                         [&](const Candidate& c) { return c.rule_id == id; });
  };
  EXPECT_EQ(count("then Ann Lee said", "e0"), 1);
  EXPECT_EQ(count("then ANN LEE said", "e0"), 1);  // all caps
  EXPECT_EQ(count("then ann Lee said", "e0"), 0);  // other case
  EXPECT_EQ(count("then Ann Lee Jr said", "e1"), 1);
  EXPECT_EQ(count("the G7 Summit", "e2"), 1);
  EXPECT_EQ(count("Ann Lee Kim", "e3"), 1);  // hyphen skipped
  EXPECT_EQ(count("Ann-Lee Kim", "e3"), 1);
  EXPECT_EQ(count("at St Ann", "e4"), 1);  // periods dropped
  EXPECT_EQ(count("in O\xE2\x80\x99Neil Park", "e5"), 1);
  EXPECT_EQ(count("at Ann Lee's house", "e6"), 1);
  EXPECT_EQ(count("at Ann Lee house", "e6"), 0);  // "'s" is a token
  EXPECT_EQ(count("then Ann Lee said", "e7"), 0);
  EXPECT_EQ(count("then ann lee said", "e8"), 1);
  EXPECT_EQ(count("then ann lee said", "e0"), 0);
}

}  // namespace
}  // namespace newsgraph
