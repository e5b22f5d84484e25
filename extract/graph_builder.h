// GraphBuilder: assembles the output protos.
//
//  - BuildDocumentGraph() turns a resolved document and its extracted
//    relations into a DocumentGraph: entities with their mentions (byte and
//    code-point offsets, computed here once), and relations merged by
//    (type, head, tail) with one Evidence per matching sentence. Symmetric
//    relation types are stored with head < tail in entity order.
//  - CorpusGraphBuilder merges DocumentGraphs into a CorpusGraph: entities by
//    canonical_id, relations by (type, head canonical id, tail canonical id),
//    with per-document occurrences. The result does not depend on the order
//    in which documents are added.
//
// Thread-safety: BuildDocumentGraph() is a pure function; a
// CorpusGraphBuilder must be used from one thread at a time.
#ifndef NEWSGRAPH_EXTRACT_GRAPH_BUILDER_H_
#define NEWSGRAPH_EXTRACT_GRAPH_BUILDER_H_

#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "extract/relation_extractor.h"
#include "extract/resolver.h"
#include "extract/segmenter.h"
#include "proto/graph.pb.h"

namespace newsgraph {

// True for relation types whose arguments are unordered.
bool IsSymmetric(RelationType type);

// Builds the graph of `document` (whose text the spans refer to). The
// document's text is copied into the graph only when `include_text`.
DocumentGraph BuildDocumentGraph(const Document& document,
                                 const Segmentation& seg,
                                 const ResolvedDocument& resolved,
                                 const std::vector<ExtractedRelation>& relations,
                                 const Provenance& provenance,
                                 bool include_text);

class CorpusGraphBuilder {
 public:
  // Adds one document's graph. Graphs with an error are counted only.
  void Add(const DocumentGraph& graph);
  // Returns the merged graph, sorted; the builder may be reused after.
  CorpusGraph Finish(const Provenance& provenance) const;

 private:
  std::map<std::string, CorpusEntity> entities_;
  std::map<std::tuple<int, std::string, std::string>, CorpusRelation>
      relations_;
  uint32_t document_count_ = 0;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACT_GRAPH_BUILDER_H_
