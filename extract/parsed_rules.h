// ParsedRules: a rule set as parsed from its files (or from a compiled
// .ngr file), before it is compiled into matchers. This is what rule layers
// are merged on, what `extract --check` inspects and what `--compile_rules`
// stores.
#ifndef NEWSGRAPH_EXTRACT_PARSED_RULES_H_
#define NEWSGRAPH_EXTRACT_PARSED_RULES_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "extract/candidate.h"
#include "extract/gazetteer.h"
#include "extract/regex_matcher.h"
#include "extract/relation_extractor.h"
#include "proto/graph.pb.h"

namespace newsgraph {

// One thing an example sentence must (or must not) yield:
//   +PERSON Sergei Lavrov           a PERSON mention with exactly this text
//   -PLACE May                      no PLACE mention with this text
//   +AFFILIATION Sergei Lavrov -> Russia
//                                   a relation whose head and tail entities
//                                   have these names (a mention's text or the
//                                   canonical name)
// The entity type may be ANY.
struct RuleExpectation {
  bool present = true;
  bool is_relation = false;
  bool any_label = false;
  Label label = Label::kPerson;
  RelationType relation = RELATION_TYPE_UNSPECIFIED;
  std::string name;  // the mention, or the relation's head
  std::string tail;  // the relation's tail
  std::string text;  // as written, for messages
  std::string location;  // "path:line:column"
};

// An example sentence of a rule file (`kind examples`).
struct RuleExample {
  std::string id;
  std::string text;
  std::vector<RuleExpectation> expectations;
  std::string location;  // "path:line:column" of the id
};

struct ParsedRules {
  std::vector<GazetteerEntry> entries;
  std::vector<PatternRule> patterns;
  std::vector<RelationRule> relations;
  std::vector<RuleExample> examples;
  // Every file that was read (MANIFESTs and rule files) with the FNV-1a
  // digest of its contents, so a compiled form can tell when it is stale.
  struct Source {
    std::string path;
    std::string digest;
  };
  std::vector<Source> sources;
  // Fingerprint of the rule set: one hex digest per layer, joined by '+'.
  std::string fingerprint;
};

// Parses one expectation ("+PERSON Sergei Lavrov"); `location` is recorded.
// On failure returns false and sets *error (without the location).
bool ParseExpectation(absl::string_view text, const std::string& location,
                      RuleExpectation* out, std::string* error);

// 64-bit FNV-1a of `data`, continuing from `hash` (a stable, portable
// digest of rule files).
inline constexpr uint64_t kFnvOffset = 14695981039346656037ull;
uint64_t Fnv1a(absl::string_view data, uint64_t hash = kFnvOffset);
// The digest as 16 hex digits.
std::string DigestHex(uint64_t hash);

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACT_PARSED_RULES_H_
