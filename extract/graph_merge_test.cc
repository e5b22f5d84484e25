#include "extract/graph_merge.h"

#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "gtest/gtest.h"
#include "proto/graph.pb.h"

namespace newsgraph {
namespace {

DocumentGraph Doc(const std::string& id, const std::string& fingerprint) {
  DocumentGraph g;
  g.mutable_document()->set_id(id);
  g.mutable_provenance()->set_rules_fingerprint(fingerprint);
  g.mutable_provenance()->set_schema_version(1);
  Entity* e = g.add_entities();
  e->set_id("E1");
  e->set_type(PLACE);
  e->set_canonical_id("pl.lake");
  e->add_mentions();
  return g;
}

TEST(GraphMergerTest, EqualsOneBuilderOverAllDocuments) {
  const std::vector<DocumentGraph> docs = {Doc("a", "f1"), Doc("b", "f1"),
                                           Doc("c", "f1")};
  GraphMerger merger;
  CorpusGraphBuilder builder;
  for (const DocumentGraph& g : docs) {
    ASSERT_TRUE(merger.Add(g).ok());
    builder.Add(g);
  }
  const CorpusGraph merged = merger.Finish();
  EXPECT_EQ(merged.SerializeAsString(),
            builder.Finish(docs[0].provenance()).SerializeAsString());
  EXPECT_EQ(merged.provenance().rules_fingerprint(), "f1");
  EXPECT_EQ(merged.entities(0).mention_count(), 3u);
}

TEST(GraphMergerTest, RefusesOtherProvenance) {
  GraphMerger merger;
  ASSERT_TRUE(merger.Add(Doc("a", "f1")).ok());
  const absl::Status s = merger.Add(Doc("b", "f2"));
  EXPECT_EQ(s.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_TRUE(absl::StrContains(s.message(), "\"b\"")) << s;
  EXPECT_EQ(merger.Finish().document_count(), 1u);
}

TEST(GraphMergerTest, RefusesADocumentTwice) {
  GraphMerger merger;
  ASSERT_TRUE(merger.Add(Doc("a", "f1")).ok());
  const absl::Status s = merger.Add(Doc("a", "f1"));
  EXPECT_EQ(s.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_TRUE(absl::StrContains(s.message(), "twice")) << s;
  EXPECT_EQ(merger.Finish().entities(0).mention_count(), 1u);
}

}  // namespace
}  // namespace newsgraph
