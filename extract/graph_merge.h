// GraphMerger: merges document graph streams (outputs of several extract
// runs) into one corpus graph, for `graphtool merge`.
//
// It feeds CorpusGraphBuilder, so merging the outputs of runs over parts of
// a corpus gives byte for byte the corpus graph that one
// `extract --corpus_graph` run over all of it writes (same rules, same
// document order). It refuses what would make that untrue: graphs made by a
// different pipeline version, rule set or schema version than the first one
// (their provenance differs), and a document id seen twice (the same output
// merged twice would double every count).
//
// Not thread-safe.
#ifndef NEWSGRAPH_EXTRACT_GRAPH_MERGE_H_
#define NEWSGRAPH_EXTRACT_GRAPH_MERGE_H_

#include <set>
#include <string>

#include "absl/status/status.h"
#include "extract/graph_builder.h"
#include "proto/graph.pb.h"

namespace newsgraph {

class GraphMerger {
 public:
  // Adds one document graph; a FailedPrecondition error (the graph is not
  // added) when its provenance or document id conflicts with earlier ones.
  absl::Status Add(const DocumentGraph& graph);

  // The corpus graph, with the provenance of the graphs added.
  CorpusGraph Finish() const { return builder_.Finish(provenance_); }

 private:
  CorpusGraphBuilder builder_;
  Provenance provenance_;
  bool first_ = true;
  std::set<std::string> document_ids_;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACT_GRAPH_MERGE_H_
