#include "extract/graph_stats.h"

#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "gtest/gtest.h"
#include "proto/graph.pb.h"

namespace newsgraph {
namespace {

// Adds an entity with `mentions` mentions to `g` and returns its id.
std::string AddEntity(DocumentGraph* g, EntityType type,
                      const std::string& canonical_id, const std::string& name,
                      int mentions) {
  Entity* e = g->add_entities();
  e->set_id("E" + std::to_string(g->entities_size()));
  e->set_type(type);
  e->set_canonical_id(canonical_id);
  e->set_canonical_name(name);
  for (int i = 0; i < mentions; ++i) e->add_mentions()->set_begin(i);
  return e->id();
}

void AddRelation(DocumentGraph* g, RelationType type, const std::string& head,
                 const std::string& tail) {
  Relation* r = g->add_relations();
  r->set_id("R" + std::to_string(g->relations_size() + 1));
  r->set_type(type);
  r->set_head(head);
  r->set_tail(tail);
}

// Three documents: Anna Berg (PERSON) works for the Ministry (AGENCY) in two
// of them, and the third failed.
std::vector<DocumentGraph> Documents() {
  std::vector<DocumentGraph> docs(3);
  docs[0].mutable_document()->set_id("a");
  std::string anna = AddEntity(&docs[0], PERSON, "p.anna", "Anna Berg", 2);
  std::string ministry = AddEntity(&docs[0], AGENCY, "a.min", "Ministry", 1);
  std::string town = AddEntity(&docs[0], PLACE, "pl.town", "Lakeside", 4);
  AddRelation(&docs[0], AFFILIATION, anna, ministry);
  AddRelation(&docs[0], LOCATED_IN, ministry, town);
  docs[1].mutable_document()->set_id("b");
  ministry = AddEntity(&docs[1], AGENCY, "a.min", "Ministry", 3);
  anna = AddEntity(&docs[1], PERSON, "p.anna", "Anna Berg", 1);
  AddRelation(&docs[1], AFFILIATION, anna, ministry);
  docs[2].mutable_document()->set_id("c");
  docs[2].mutable_error()->set_code("read_error");
  return docs;
}

GraphStats StatsOf(const std::vector<DocumentGraph>& docs, int top) {
  StatsOptions options;
  options.top = top;
  StatsBuilder builder(options);
  for (const DocumentGraph& g : docs) builder.Add(g);
  return builder.Finish();
}

TEST(GraphStatsTest, CountsAfterTheCorpusMerge) {
  const GraphStats stats = StatsOf(Documents(), 10);
  EXPECT_EQ(stats.documents, 3u);
  EXPECT_EQ(stats.documents_with_errors, 1);
  EXPECT_EQ(stats.entities, 3u);
  EXPECT_EQ(stats.mentions, 11u);
  EXPECT_EQ(stats.entities_by_type.at("PERSON"), 1u);
  EXPECT_EQ(stats.mentions_by_type.at("AGENCY"), 4u);
  EXPECT_EQ(stats.relations, 2u);
  EXPECT_EQ(stats.relation_statements, 3u);
  EXPECT_EQ(stats.relations_by_type.at("AFFILIATION"), 2u);
  EXPECT_EQ(stats.relations_by_type.at("LOCATED_IN"), 1u);
}

TEST(GraphStatsTest, TopListsAreSortedAndCut) {
  const GraphStats stats = StatsOf(Documents(), 2);
  ASSERT_EQ(stats.top_entities.size(), 2u);
  // Lakeside and the Ministry both have 4 mentions; the Ministry is in two
  // documents.
  EXPECT_EQ(stats.top_entities[0].canonical_id, "a.min");
  EXPECT_EQ(stats.top_entities[0].documents, 2u);
  EXPECT_EQ(stats.top_entities[1].canonical_id, "pl.town");
  ASSERT_EQ(stats.top_relations.size(), 2u);
  EXPECT_EQ(stats.top_relations[0].type, AFFILIATION);
  EXPECT_EQ(stats.top_relations[0].head, "Anna Berg");
  EXPECT_EQ(stats.top_relations[0].tail, "Ministry");
  EXPECT_EQ(stats.top_relations[0].count, 2u);
  EXPECT_EQ(stats.top_relations[1].count, 1u);
}

TEST(GraphStatsTest, CorpusGraphGivesTheSameCountsButNoErrors) {
  const std::vector<DocumentGraph> docs = Documents();
  CorpusGraphBuilder builder;
  for (const DocumentGraph& g : docs) builder.Add(g);
  const GraphStats from_corpus =
      ComputeCorpusStats(builder.Finish(Provenance()), StatsOptions());
  const GraphStats from_documents = StatsOf(docs, 10);
  EXPECT_EQ(from_corpus.documents_with_errors, -1);
  EXPECT_EQ(from_corpus.documents, from_documents.documents);
  EXPECT_EQ(from_corpus.entities, from_documents.entities);
  EXPECT_EQ(from_corpus.mentions, from_documents.mentions);
  EXPECT_EQ(from_corpus.relations_by_type, from_documents.relations_by_type);
  EXPECT_EQ(FormatStats(from_corpus).find("errors"), std::string::npos);
}

TEST(GraphStatsTest, ReportHasEveryCount) {
  const std::string report = FormatStats(StatsOf(Documents(), 10));
  EXPECT_TRUE(absl::StrContains(report, "documents: 3 (1 errors)")) << report;
  EXPECT_TRUE(
      absl::StrContains(report, "entities: 3 (AGENCY=1 PERSON=1 PLACE=1)"))
      << report;
  EXPECT_TRUE(absl::StrContains(report, "relations: 2 distinct, 3 stated"))
      << report;
  EXPECT_TRUE(absl::StrContains(report, "AFFILIATION  Anna Berg -> Ministry"))
      << report;
}

TEST(GraphStatsTest, UnknownEnumValuesAreCountedByNumber) {
  DocumentGraph g;
  g.mutable_document()->set_id("future");
  AddEntity(&g, static_cast<EntityType>(9), "x.1", "X", 1);
  const GraphStats stats = StatsOf({g}, 10);
  EXPECT_EQ(stats.entities_by_type.at("TYPE_9"), 1u);
}

}  // namespace
}  // namespace newsgraph
