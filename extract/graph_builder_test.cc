#include "extract/graph_builder.h"

#include <memory>
#include <string>
#include <vector>

#include "extract/pipeline.h"
#include "extract/rule_set.h"
#include "google/protobuf/util/message_differencer.h"
#include "extract/internal/test_rules.h"
#include "gtest/gtest.h"

namespace newsgraph {
namespace {

using google::protobuf::util::MessageDifferencer;

class GraphBuilderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto rules = RuleSet::FromRules(
        {MakeEntry("person.obama", Label::kPerson, "Barack Obama", {"Obama"}),
         MakeEntry("person.putin", Label::kPerson, "Vladimir Putin", {"Putin"}),
         MakeEntry("place.RU", Label::kPlace, "Russia")},
        {},
        {MakeRelationRule("meet", MEETING, "{PERSON:head} (?P<trigger>met) {PERSON:tail}"),
         MakeRelationRule("visit", LOCATED_IN,
              "{PERSON:head} (?P<trigger>visited) {PLACE:tail}")},
        "fp");
    ASSERT_TRUE(rules.ok()) << rules.status();
    pipeline_ = std::make_unique<Pipeline>(
        std::shared_ptr<const RuleSet>(std::move(*rules)), Pipeline::Options());
  }

  DocumentGraph Process(const std::string& id, const std::string& text) {
    Document d;
    d.set_id(id);
    d.set_text(text);
    return pipeline_->Process(d);
  }

  std::unique_ptr<Pipeline> pipeline_;
};

TEST_F(GraphBuilderTest, EntitiesMentionsAndCodePointOffsets) {
  // "“" and "—" are 3 bytes and one code point each.
  const std::string text = "“Obama” — Putin visited Russia.";
  const DocumentGraph g = Process("d1", text);
  ASSERT_EQ(g.entities_size(), 3);
  EXPECT_EQ(g.entities(0).id(), "E1");
  EXPECT_EQ(g.entities(0).canonical_id(), "person.obama");
  const Mention& obama = g.entities(0).mentions(0);
  EXPECT_EQ(obama.begin(), 3u);
  EXPECT_EQ(obama.end(), 8u);
  EXPECT_EQ(obama.cp_begin(), 1u);
  EXPECT_EQ(obama.cp_end(), 6u);
  EXPECT_EQ(obama.text(), "Obama");
  EXPECT_EQ(obama.rule_id(), "person.obama");
  const Mention& putin = g.entities(1).mentions(0);
  EXPECT_EQ(text.substr(putin.begin(), putin.end() - putin.begin()), "Putin");
  EXPECT_EQ(putin.cp_begin(), 10u);  // “ O b a m a ” space — space
  EXPECT_EQ(g.provenance().rules_fingerprint(), "fp");
  EXPECT_TRUE(g.document().text().empty());
}

TEST_F(GraphBuilderTest, SameFactInTwoSentencesIsOneRelationWithTwoEvidence) {
  const DocumentGraph g =
      Process("d1", "Putin met Obama. Later Obama met Putin again.");
  ASSERT_EQ(g.relations_size(), 1);
  const Relation& r = g.relations(0);
  EXPECT_EQ(r.type(), MEETING);
  // Symmetric: head is the entity first mentioned.
  EXPECT_EQ(r.head(), "E1");
  EXPECT_EQ(r.tail(), "E2");
  ASSERT_EQ(r.evidence_size(), 2);
  EXPECT_EQ(r.evidence(0).text(), "Putin met Obama.");
  EXPECT_EQ(r.evidence(1).text(), "Later Obama met Putin again.");
  EXPECT_EQ(r.evidence(0).rule_id(), "meet");
  EXPECT_EQ(r.evidence(1).trigger().begin(), 29u);  // "met"
  EXPECT_EQ(r.evidence(1).trigger().end(), 32u);
}

TEST_F(GraphBuilderTest, DirectedRelationsKeepTheirDirection) {
  const DocumentGraph g = Process("d1", "Russia waited. Putin visited Russia.");
  ASSERT_EQ(g.relations_size(), 1);
  EXPECT_EQ(g.relations(0).type(), LOCATED_IN);
  EXPECT_EQ(g.relations(0).head(), "E2");  // Putin
  EXPECT_EQ(g.relations(0).tail(), "E1");  // Russia
}

TEST_F(GraphBuilderTest, CorpusMergesByCanonicalIdWhateverTheOrder) {
  const DocumentGraph a = Process("a", "Putin met Obama in a hall.");
  const DocumentGraph b = Process("b", "Obama met Putin. Putin visited Russia.");
  CorpusGraphBuilder forward, backward;
  forward.Add(a);
  forward.Add(b);
  backward.Add(b);
  backward.Add(a);
  Provenance p;
  p.set_rules_fingerprint("fp");
  const CorpusGraph g = forward.Finish(p);
  EXPECT_TRUE(MessageDifferencer::Equals(g, backward.Finish(p)));
  EXPECT_EQ(g.document_count(), 2u);
  ASSERT_EQ(g.entities_size(), 3);
  // Sorted by canonical id.
  EXPECT_EQ(g.entities(0).canonical_id(), "person.obama");
  EXPECT_EQ(g.entities(1).canonical_id(), "person.putin");
  EXPECT_EQ(g.entities(1).mention_count(), 3u);
  ASSERT_EQ(g.entities(1).occurrences_size(), 2);
  EXPECT_EQ(g.entities(1).occurrences(0).document_id(), "a");
  EXPECT_EQ(g.entities(1).occurrences(1).document_id(), "b");
  ASSERT_EQ(g.relations_size(), 2);
  EXPECT_EQ(g.relations(0).type(), MEETING);
  EXPECT_EQ(g.relations(0).head(), "person.obama");
  EXPECT_EQ(g.relations(0).tail(), "person.putin");
  EXPECT_EQ(g.relations(0).count(), 2u);
  EXPECT_EQ(g.relations(1).type(), LOCATED_IN);
  EXPECT_EQ(g.relations(1).count(), 1u);
}

TEST_F(GraphBuilderTest, ErrorDocumentsAreCountedNotMerged) {
  CorpusGraphBuilder corpus;
  Document d;
  d.set_id("bad");
  corpus.Add(pipeline_->ErrorGraph(d, absl::NotFoundError("gone")));
  corpus.Add(Process("good", "Putin spoke."));
  const CorpusGraph g = corpus.Finish(Provenance());
  EXPECT_EQ(g.document_count(), 2u);
  ASSERT_EQ(g.entities_size(), 1);
  EXPECT_EQ(g.entities(0).occurrences(0).document_id(), "good");
}

TEST(IsSymmetricTest, Types) {
  EXPECT_TRUE(IsSymmetric(MEETING));
  EXPECT_TRUE(IsSymmetric(FAMILY));
  EXPECT_TRUE(IsSymmetric(COOPERATION));
  EXPECT_FALSE(IsSymmetric(WARNING));
  EXPECT_FALSE(IsSymmetric(AFFILIATION));
}

}  // namespace
}  // namespace newsgraph
