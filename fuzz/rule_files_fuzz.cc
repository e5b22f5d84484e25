// Fuzz target: the parsers of the individual rule files (gazetteer TSV,
// patterns, relations, examples, disable), chosen by the first input byte,
// on the remaining bytes. Every error must carry "path:line:column: ", and
// what parsed without errors must compile (RE2 may still reject a pattern,
// which is an error, not a crash).
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "extract/rule_set.h"
#include "fuzz/fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace newsgraph;
  if (size == 0) return 0;
  const absl::string_view contents(reinterpret_cast<const char*>(data) + 1,
                                   size - 1);
  const std::string path = "fuzz.tsv";
  std::vector<std::string> errors;
  std::vector<GazetteerEntry> entries;
  std::vector<PatternRule> patterns;
  std::vector<RelationRule> relations;
  switch (data[0] % 5) {
    case 0:
      ParseGazetteerFile(path, contents, &entries, &errors);
      break;
    case 1:
      ParsePatternFile(path, contents, &patterns, &errors);
      break;
    case 2:
      ParseRelationFile(path, contents, &relations, &errors);
      break;
    case 3: {
      std::vector<RuleExample> examples;
      ParseExampleFile(path, contents, &examples, &errors);
      break;
    }
    case 4: {
      std::vector<DisabledId> ids;
      ParseDisableFile(path, contents, &ids, &errors);
      break;
    }
  }
  for (const std::string& e : errors) {
    FUZZ_CHECK(fuzz::HasLocation(e, path), "error without a location: ", e);
  }
  if (errors.empty() && entries.size() + patterns.size() + relations.size() > 0) {
    auto rules = RuleSet::FromRules(std::move(entries), std::move(patterns),
                                    std::move(relations), "fuzz");
    if (rules.ok()) {
      // Run the compiled rules over their own source text once.
      (*rules)->segmenter().Segment(contents);
    }
  }
  return 0;
}
