// GraphStats: counts over a graph stream, for `graphtool stats`.
//
//   StatsBuilder stats(options);
//   while (reader.Next(&graph)) stats.Add(graph);
//   std::cout << FormatStats(stats.Finish());
//
// Entities and relations are counted after the corpus merge (by canonical id
// and by (type, head, tail), as CorpusGraphBuilder merges them), so the same
// documents give the same numbers whether they are read as document graphs or
// as their corpus graph (ComputeCorpusStats). Only the document graphs know
// how many documents failed; a corpus graph reports errors as unknown (-1).
// Top lists are sorted by count (descending), ties by id, so the report is
// deterministic.
//
// Not thread-safe.
#ifndef NEWSGRAPH_EXTRACT_GRAPH_STATS_H_
#define NEWSGRAPH_EXTRACT_GRAPH_STATS_H_

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "extract/graph_builder.h"
#include "proto/graph.pb.h"

namespace newsgraph {

struct StatsOptions {
  // Length of the top-entity and top-relation lists.
  int top = 10;
};

struct TopEntity {
  std::string canonical_id;
  std::string canonical_name;
  EntityType type = ENTITY_TYPE_UNSPECIFIED;
  uint64_t mentions = 0;
  uint64_t documents = 0;
};

struct TopRelation {
  RelationType type = RELATION_TYPE_UNSPECIFIED;
  // Canonical names of head and tail (their canonical ids when unknown).
  std::string head;
  std::string tail;
  // Number of documents that state it.
  uint64_t count = 0;
};

struct GraphStats {
  uint64_t documents = 0;
  int64_t documents_with_errors = 0;  // -1: unknown (read from a corpus graph)
  // Distinct entities (by canonical id) and their mentions.
  uint64_t entities = 0;
  uint64_t mentions = 0;
  // Distinct relations (by type, head, tail) and the number of document
  // relations they merge (the sum of their counts).
  uint64_t relations = 0;
  uint64_t relation_statements = 0;
  // Keyed by the enum names ("PERSON", "AFFILIATION").
  std::map<std::string, uint64_t> entities_by_type;
  std::map<std::string, uint64_t> mentions_by_type;
  std::map<std::string, uint64_t> relations_by_type;
  std::vector<TopEntity> top_entities;     // by mentions
  std::vector<TopRelation> top_relations;  // by count
};

// Statistics of one corpus graph.
GraphStats ComputeCorpusStats(const CorpusGraph& corpus,
                              const StatsOptions& options);

// Statistics of a stream of document graphs.
class StatsBuilder {
 public:
  explicit StatsBuilder(const StatsOptions& options) : options_(options) {}
  void Add(const DocumentGraph& graph);
  GraphStats Finish() const;

 private:
  StatsOptions options_;
  CorpusGraphBuilder corpus_;
  int64_t errors_ = 0;
};

// A plain-text report, one fact per line, e.g.
//   documents: 6 (0 errors)
//   entities: 50 (AGENCY=10 PERSON=17 PLACE=23)
//   top entities (mentions, documents, type, id, name):
//     15  3  PLACE  place.US  United States
std::string FormatStats(const GraphStats& stats);

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACT_GRAPH_STATS_H_
