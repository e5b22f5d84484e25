// RuleCheck: validates a rule set without running it (`extract --check`).
//
// Reports every problem, each as "path:line:column: message", in file
// order:
//  errors (the rule set cannot be used)
//   - everything loading reports: unreadable, empty or badly encoded files,
//     malformed lines, unknown entity or relation types, duplicate ids,
//     disabled ids that no earlier layer defines, stale compiled files;
//   - bad regular expressions, with RE2's message and the offending
//     fragment, and bad relation placeholders;
//   - gazetteer names without a word;
//   - conflicts: the same name (after normalization) given to entries of
//     different types with the same priority, so neither is preferred;
//  warnings (the rule set works, but something is probably unintended)
//   - shadowed names: the same name, of the same type, in two entries; the
//     one with the higher priority (or, if equal, listed first) always wins,
//     so the other never produces a mention by that name;
//   - rules that can never match: an entity pattern that matches only the
//     empty string (or nothing), a relation pattern that cannot match any
//     encoded sentence (a placeholder glued to a letter or digit, which never
//     occurs since mentions are whole words, or a pattern that matches only
//     the empty string).
// Warnings are written "path:line:column: warning: message".
//  notes (about speed)
//   - entity patterns that run on every sentence because they require no
//     word of 3 or more letters the prefilter could look for (often one
//     short alternative, such as "Mr" in a list of titles, is the cause),
//     written "path:line:column: note: message".
#ifndef NEWSGRAPH_EXTRACT_RULE_CHECK_H_
#define NEWSGRAPH_EXTRACT_RULE_CHECK_H_

#include <string>
#include <vector>

#include "extract/parsed_rules.h"

namespace newsgraph {

struct RuleCheckResult {
  std::vector<std::string> errors;
  std::vector<std::string> warnings;
  std::vector<std::string> notes;
  // What was checked.
  size_t entries = 0, patterns = 0, relations = 0, examples = 0;
  bool ok() const { return errors.empty(); }
};

// Parses the layers (see rule_set.h) and checks the merged rule set.
RuleCheckResult CheckRuleLayers(const std::vector<std::string>& layers);

// Checks rules that are already parsed; appends to *result.
void CheckParsedRules(const ParsedRules& rules, RuleCheckResult* result);

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACT_RULE_CHECK_H_
