// RuleExamples: runs the example sentences of a rule set (`kind examples`,
// see parsed_rules.h) through the real pipeline and compares what it finds
// with what each example expects. Used by `extract --test_rules` and by the
// test of the bundled rules.
//
// An entity expectation "+PERSON Sergei Lavrov" holds when some mention of
// that type has exactly that text; "-PLACE May" when none has. A relation
// expectation "+AFFILIATION Sergei Lavrov -> Russia" holds when a relation
// of that type joins an entity named "Sergei Lavrov" (the text of one of its
// mentions, or its canonical name) to one named "Russia"; for symmetric
// types either order counts.
#ifndef NEWSGRAPH_EXTRACT_RULE_EXAMPLES_H_
#define NEWSGRAPH_EXTRACT_RULE_EXAMPLES_H_

#include <string>
#include <vector>

#include "extract/parsed_rules.h"
#include "extract/pipeline.h"
#include "proto/graph.pb.h"

namespace newsgraph {

struct RuleExampleReport {
  size_t examples = 0;
  size_t expectations = 0;
  // One message per failed expectation: its location, expected versus got.
  std::vector<std::string> failures;
  bool ok() const { return failures.empty(); }
};

// True if `graph` satisfies `expectation`.
bool ExpectationHolds(const RuleExpectation& expectation,
                      const DocumentGraph& graph);

// What a graph holds, one line per mention and relation, for messages.
std::string DescribeGraph(const DocumentGraph& graph);

// Runs every example through `pipeline`.
RuleExampleReport RunRuleExamples(const Pipeline& pipeline,
                                  const std::vector<RuleExample>& examples);

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACT_RULE_EXAMPLES_H_
