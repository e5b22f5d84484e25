// GraphExport: a corpus graph as GraphML (for Gephi, NetworkX, Neo4j's
// apoc.import.graphml, yEd) or Graphviz DOT, for `graphtool export`.
//
// Nodes are corpus entities (id = canonical_id) and edges corpus relations
// (head -> tail; symmetric types carry symmetric=true in GraphML and have no
// arrow in DOT). Node and edge attributes:
//   node: label (canonical name), type, canonical_id, external_id, subtype,
//         mention_count, document_count
//   edge: label and type (relation type), count (documents that state it),
//         roles ("; "-joined), symmetric
// DOT output colours nodes by entity type, labels edges by relation type and
// weights their pen width by count; `dot -Tpng` renders it.
//
// Document graphs are exported by merging them first (CorpusGraphBuilder),
// so both inputs give the same picture. Output is deterministic: nodes in
// canonical_id order, edges in the corpus graph's (type, head, tail) order.
//
// Thread-safe: pure functions.
#ifndef NEWSGRAPH_EXTRACT_GRAPH_EXPORT_H_
#define NEWSGRAPH_EXTRACT_GRAPH_EXPORT_H_

#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"
#include "proto/graph.pb.h"

namespace newsgraph {

struct ExportOptions {
  // Keep only the `top` entities with the most mentions (ties by
  // canonical_id); 0 keeps all.
  int top = 0;
  // Leave out relations stated in fewer than `min_count` documents.
  uint32_t min_count = 1;
  // Leave out entities that no exported relation touches.
  bool drop_isolated = false;
};

// Escapes text for XML character data and attribute values (& < > " ' as
// entities). Control characters that XML 1.0 forbids and invalid UTF-8
// become U+FFFD; other non-ASCII text is kept as UTF-8.
std::string XmlEscape(absl::string_view text);

// A DOT double-quoted string: "..." with " and \ escaped, newlines as \n,
// and invalid UTF-8 repaired.
std::string DotQuote(absl::string_view text);

std::string ToGraphML(const CorpusGraph& graph, const ExportOptions& options);
std::string ToDot(const CorpusGraph& graph, const ExportOptions& options);

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACT_GRAPH_EXPORT_H_
