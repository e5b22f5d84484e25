#include "extract/graph_filter.h"

#include <set>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "gtest/gtest.h"
#include "proto/graph.pb.h"

namespace newsgraph {
namespace {

// Anna Berg (PERSON, E1) of the Ministry (AGENCY, E2) met Tom Lind (PERSON,
// E3) in Lakeside (PLACE, E4); the Ministry is located in Lakeside.
DocumentGraph Document() {
  DocumentGraph g;
  g.mutable_document()->set_id("doc1");
  struct E {
    EntityType type;
    const char* id;
    const char* name;
  };
  for (const E& x :
       {E{PERSON, "p.anna", "Anna Berg"}, E{AGENCY, "a.min", "Ministry"},
        E{PERSON, "p.tom", "Tom Lind"}, E{PLACE, "pl.lake", "Lakeside"}}) {
    Entity* e = g.add_entities();
    e->set_id("E" + std::to_string(g.entities_size()));
    e->set_type(x.type);
    e->set_canonical_id(x.id);
    e->set_canonical_name(x.name);
    e->add_mentions()->set_text(x.name);
  }
  struct R {
    RelationType type;
    const char* head;
    const char* tail;
  };
  for (const R& x : {R{AFFILIATION, "E1", "E2"}, R{MEETING, "E1", "E3"},
                     R{LOCATED_IN, "E1", "E4"}, R{LOCATED_IN, "E2", "E4"}}) {
    Relation* r = g.add_relations();
    r->set_id("R" + std::to_string(g.relations_size()));
    r->set_type(x.type);
    r->set_head(x.head);
    r->set_tail(x.tail);
  }
  return g;
}

std::vector<std::string> EntityIds(const DocumentGraph& g) {
  std::vector<std::string> ids;
  for (const Entity& e : g.entities()) ids.push_back(e.id());
  return ids;
}

std::vector<std::string> RelationIds(const DocumentGraph& g) {
  std::vector<std::string> ids;
  for (const Relation& r : g.relations()) ids.push_back(r.id());
  return ids;
}

// Every relation of `g` refers to one of its entities.
void ExpectValid(const DocumentGraph& g) {
  std::set<std::string> ids;
  for (const Entity& e : g.entities()) ids.insert(e.id());
  for (const Relation& r : g.relations()) {
    EXPECT_EQ(ids.count(r.head()), 1u) << r.id();
    EXPECT_EQ(ids.count(r.tail()), 1u) << r.id();
  }
}

using Ids = std::vector<std::string>;

TEST(GraphFilterTest, NoOptionsKeepsEverything) {
  DocumentGraph g = Document();
  EXPECT_TRUE(FilterDocumentGraph(FilterOptions(), &g));
  EXPECT_EQ(g.SerializeAsString(), Document().SerializeAsString());
}

TEST(GraphFilterTest, EntityTypeDropsTheRelationsOfDroppedEntities) {
  FilterOptions options;
  options.entity_types = {PERSON, PLACE};
  DocumentGraph g = Document();
  EXPECT_TRUE(FilterDocumentGraph(options, &g));
  EXPECT_EQ(EntityIds(g), (Ids{"E1", "E3", "E4"}));
  EXPECT_EQ(RelationIds(g), (Ids{"R2", "R3"}));  // not renumbered
  ExpectValid(g);
}

TEST(GraphFilterTest, RelationTypeKeepsEntities) {
  FilterOptions options;
  options.relation_types = {LOCATED_IN};
  DocumentGraph g = Document();
  EXPECT_TRUE(FilterDocumentGraph(options, &g));
  EXPECT_EQ(EntityIds(g).size(), 4u);
  EXPECT_EQ(RelationIds(g), (Ids{"R3", "R4"}));
}

TEST(GraphFilterTest, NamesMatchCanonicalNameOrId) {
  FilterOptions options;
  options.names = {"Anna Berg", "pl.lake"};
  DocumentGraph g = Document();
  EXPECT_TRUE(FilterDocumentGraph(options, &g));
  EXPECT_EQ(EntityIds(g), (Ids{"E1", "E4"}));
  EXPECT_EQ(RelationIds(g), (Ids{"R3"}));
  ExpectValid(g);
}

TEST(GraphFilterTest, NeighboursOfAllowedTypesViaAllowedRelations) {
  FilterOptions options;
  options.names = {"Tom Lind"};
  options.keep_neighbours = true;
  DocumentGraph g = Document();
  EXPECT_TRUE(FilterDocumentGraph(options, &g));
  EXPECT_EQ(EntityIds(g), (Ids{"E1", "E3"}));
  EXPECT_EQ(RelationIds(g), (Ids{"R2"}));

  // Anna's neighbours that are places, or linked by AFFILIATION only.
  options.names = {"Anna Berg"};
  options.entity_types = {PERSON, PLACE};
  g = Document();
  EXPECT_TRUE(FilterDocumentGraph(options, &g));
  EXPECT_EQ(EntityIds(g), (Ids{"E1", "E3", "E4"}));
  options.entity_types.clear();
  options.relation_types = {AFFILIATION};
  g = Document();
  EXPECT_TRUE(FilterDocumentGraph(options, &g));
  EXPECT_EQ(EntityIds(g), (Ids{"E1", "E2"}));
  EXPECT_EQ(RelationIds(g), (Ids{"R1"}));
  ExpectValid(g);
}

TEST(GraphFilterTest, DocumentIds) {
  FilterOptions options;
  options.document_ids = {"doc2"};
  DocumentGraph g = Document();
  EXPECT_FALSE(FilterDocumentGraph(options, &g));
  options.document_ids = {"doc1", "doc2"};
  EXPECT_TRUE(FilterDocumentGraph(options, &g));
  EXPECT_EQ(g.entities_size(), 4);
}

TEST(GraphFilterTest, CorpusGraph) {
  CorpusGraph c;
  c.set_document_count(5);
  for (const auto& [id, type] : std::vector<std::pair<std::string, EntityType>>{
           {"a.min", AGENCY}, {"p.anna", PERSON}, {"pl.lake", PLACE}}) {
    CorpusEntity* e = c.add_entities();
    e->set_canonical_id(id);
    e->set_type(type);
  }
  CorpusRelation* r = c.add_relations();
  r->set_type(AFFILIATION);
  r->set_head("p.anna");
  r->set_tail("a.min");
  r = c.add_relations();
  r->set_type(LOCATED_IN);
  r->set_head("p.anna");
  r->set_tail("pl.lake");

  FilterOptions options;
  options.entity_types = {PERSON, PLACE};
  ASSERT_TRUE(FilterCorpusGraph(options, &c).ok());
  ASSERT_EQ(c.entities_size(), 2);
  EXPECT_EQ(c.entities(0).canonical_id(), "p.anna");
  ASSERT_EQ(c.relations_size(), 1);
  EXPECT_EQ(c.relations(0).type(), LOCATED_IN);
  EXPECT_EQ(c.document_count(), 5u);

  options.document_ids = {"doc1"};
  EXPECT_EQ(FilterCorpusGraph(options, &c).code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(GraphFilterTest, ParseTypes) {
  std::set<EntityType> entity_types;
  ASSERT_TRUE(ParseEntityTypes({"person", "PLACE"}, &entity_types).ok());
  EXPECT_EQ(entity_types, (std::set<EntityType>{PERSON, PLACE}));
  const absl::Status bad = ParseEntityTypes({"PERSONN"}, &entity_types);
  EXPECT_EQ(bad.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(absl::StrContains(bad.message(), "\"PERSONN\"")) << bad;
  EXPECT_TRUE(absl::StrContains(bad.message(), "AGENCY")) << bad;
  EXPECT_FALSE(
      ParseEntityTypes({"ENTITY_TYPE_UNSPECIFIED"}, &entity_types).ok());

  std::set<RelationType> relation_types;
  ASSERT_TRUE(ParseRelationTypes({"meeting", "PART_OF"}, &relation_types).ok());
  EXPECT_EQ(relation_types, (std::set<RelationType>{MEETING, PART_OF}));
  EXPECT_FALSE(ParseRelationTypes({"MEET"}, &relation_types).ok());
}

}  // namespace
}  // namespace newsgraph
