// Pipeline: wires the stages for one document:
//
//   text -> Segmenter -> Gazetteer + RegexMatcher -> Resolver
//        -> RelationExtractor -> RelationAttributes (negated, hedged)
//        -> BuildDocumentGraph -> DocumentGraph
//
// It holds no per-document state: Process() is const, so one Pipeline (and
// its shared, immutable RuleSet) serves any number of threads.
//
// Process() never fails: invalid UTF-8 is repaired (each bad byte becomes
// U+FFFD, so offsets refer to the repaired text, which --include_text
// outputs) and recorded as a warning; ErrorGraph() makes the record for a
// document that could not be read.
#ifndef NEWSGRAPH_EXTRACT_PIPELINE_H_
#define NEWSGRAPH_EXTRACT_PIPELINE_H_

#include <memory>
#include <string>

#include "absl/status/status.h"
#include "extract/person_guesser.h"
#include "extract/resolver.h"
#include "extract/rule_set.h"
#include "proto/graph.pb.h"

namespace newsgraph {

// Version of the pipeline, recorded in every output's Provenance.
inline constexpr char kPipelineVersion[] = "0.1.0";
inline constexpr uint32_t kSchemaVersion = 1;

class Pipeline {
 public:
  struct Options {
    // Copy each document's text into its graph (default false).
    bool include_text = false;
    PersonGuesser::Options person_guesser;
    Resolver::Options resolver;
  };

  // `rules` is shared, never modified.
  Pipeline(std::shared_ptr<const RuleSet> rules, const Options& options);

  // Extracts the graph of one document.
  DocumentGraph Process(const Document& document) const;
  // The same, and if `explain` is not null appends to it a human-readable
  // account of which rule produced each mention and relation and why each
  // losing candidate lost (see explain.h).
  DocumentGraph Process(const Document& document, std::string* explain) const;

  // The record for a document that failed before processing (unreadable,
  // too large, malformed): its id and metadata plus the error.
  DocumentGraph ErrorGraph(const Document& document,
                           const absl::Status& error) const;

  const Provenance& provenance() const { return provenance_; }
  const RuleSet& rules() const { return *rules_; }

 private:
  std::shared_ptr<const RuleSet> rules_;
  Options options_;
  PersonGuesser guesser_;
  Resolver resolver_;
  Provenance provenance_;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACT_PIPELINE_H_
