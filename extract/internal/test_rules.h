// Builders of in-memory rules for tests.
#ifndef NEWSGRAPH_EXTRACT_INTERNAL_TEST_RULES_H_
#define NEWSGRAPH_EXTRACT_INTERNAL_TEST_RULES_H_

#include <string>
#include <utility>
#include <vector>

#include "extract/gazetteer.h"
#include "extract/relation_extractor.h"

namespace newsgraph {

inline GazetteerEntry MakeEntry(std::string id, Label label,
                                std::string canonical,
                                std::vector<std::string> aliases = {},
                                std::string external_id = "") {
  GazetteerEntry e;
  e.id = std::move(id);
  e.label = label;
  e.canonical = std::move(canonical);
  e.aliases = std::move(aliases);
  e.external_id = std::move(external_id);
  e.location = "test.tsv:1";
  return e;
}

inline RelationRule MakeRelationRule(std::string id, RelationType type,
                                     std::string pattern,
                                     std::string role = "") {
  RelationRule r;
  r.id = std::move(id);
  r.type = type;
  r.pattern = std::move(pattern);
  r.role = std::move(role);
  r.location = "rules.tsv:1:1";
  return r;
}

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACT_INTERNAL_TEST_RULES_H_
