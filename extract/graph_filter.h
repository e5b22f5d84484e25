// GraphFilter: keeps part of a graph, for `graphtool filter`.
//
// An entity is *selected* when its type is in `entity_types` and its
// canonical name or canonical id is in `names` (an empty set allows
// everything). With `keep_neighbours`, entities of an allowed type that a
// kept relation links to a selected entity are kept too. A relation is kept
// when its type is in `relation_types` and both of its entities are kept, so
// the output never refers to a dropped entity: it is a valid graph of the
// same schema. Ids (E3, R2) are not renumbered, so they still match the
// unfiltered output; documents are kept (possibly empty) unless
// `document_ids` drops them, so a merge of filtered graphs still counts
// every document.
//
// Thread-safe: pure functions.
#ifndef NEWSGRAPH_EXTRACT_GRAPH_FILTER_H_
#define NEWSGRAPH_EXTRACT_GRAPH_FILTER_H_

#include <set>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "proto/graph.pb.h"

namespace newsgraph {

struct FilterOptions {
  std::set<EntityType> entity_types;
  std::set<RelationType> relation_types;
  // Canonical names ("Vladimir Putin") or canonical ids ("place.RU").
  std::set<std::string> names;
  std::set<std::string> document_ids;
  bool keep_neighbours = false;
};

// Parses type names ("PERSON", "place" in any case) into `types`; an unknown
// name is an InvalidArgument error that lists the valid ones.
absl::Status ParseEntityTypes(const std::vector<std::string>& names,
                              std::set<EntityType>* types);
absl::Status ParseRelationTypes(const std::vector<std::string>& names,
                                std::set<RelationType>* types);

// Filters `graph` in place. Returns false when the document itself is
// dropped (its id is not in a non-empty `document_ids`).
bool FilterDocumentGraph(const FilterOptions& options, DocumentGraph* graph);

// Filters a corpus graph in place. Filtering a corpus graph by document is
// an InvalidArgument error (occurrences do not carry enough to recount it;
// filter the document graphs, then merge).
absl::Status FilterCorpusGraph(const FilterOptions& options,
                               CorpusGraph* graph);

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACT_GRAPH_FILTER_H_
