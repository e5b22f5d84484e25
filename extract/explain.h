// Explain: a human-readable account of how the pipeline reached a
// document's result (`extract --explain`): for each mention, the rule or
// gazetteer entry that produced it and the entity it joined; for each
// candidate that lost, the mention that beat it (or the veto rule) and why;
// for each relation, its rule and sentence. The protobuf output is not
// changed; the report is plain text for people.
#ifndef NEWSGRAPH_EXTRACT_EXPLAIN_H_
#define NEWSGRAPH_EXTRACT_EXPLAIN_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "extract/relation_extractor.h"
#include "extract/resolver.h"
#include "extract/rule_set.h"

namespace newsgraph {

// Appends the report of one document to *out.
void ExplainDocument(absl::string_view document_id, absl::string_view text,
                     const ResolvedDocument& resolved,
                     const std::vector<ExtractedRelation>& relations,
                     const RuleSet& rules, std::string* out);

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACT_EXPLAIN_H_
