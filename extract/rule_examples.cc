#include "extract/rule_examples.h"

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "extract/graph_builder.h"

namespace newsgraph {
namespace {

bool EntityNamed(const Entity& e, const std::string& name) {
  if (e.canonical_name() == name) return true;
  for (const Mention& m : e.mentions()) {
    if (m.text() == name) return true;
  }
  return false;
}

}  // namespace

bool ExpectationHolds(const RuleExpectation& x, const DocumentGraph& graph) {
  bool found = false;
  if (!x.is_relation) {
    for (const Entity& e : graph.entities()) {
      for (const Mention& m : e.mentions()) {
        if (m.text() == x.name &&
            (x.any_label || m.type() == ToEntityType(x.label))) {
          found = true;
        }
      }
    }
    return found == x.present;
  }
  absl::flat_hash_map<std::string, const Entity*> by_id;
  for (const Entity& e : graph.entities()) by_id[e.id()] = &e;
  auto named = [&](const std::string& id, const std::string& name) {
    auto it = by_id.find(id);
    return it != by_id.end() && EntityNamed(*it->second, name);
  };
  for (const Relation& r : graph.relations()) {
    if (r.type() != x.relation) continue;
    if ((named(r.head(), x.name) && named(r.tail(), x.tail)) ||
        (IsSymmetric(r.type()) && named(r.head(), x.tail) &&
         named(r.tail(), x.name))) {
      found = true;
    }
  }
  return found == x.present;
}

std::string DescribeGraph(const DocumentGraph& graph) {
  std::string out;
  absl::flat_hash_map<std::string, const Entity*> by_id;
  for (const Entity& e : graph.entities()) {
    by_id[e.id()] = &e;
    for (const Mention& m : e.mentions()) {
      absl::StrAppend(&out, "    ", EntityType_Name(m.type()), " ", m.text(),
                      "  (", m.rule_id(), ")\n");
    }
  }
  auto name = [&](const std::string& id) -> std::string {
    auto it = by_id.find(id);
    return it == by_id.end() ? id : it->second->canonical_name();
  };
  for (const Relation& r : graph.relations()) {
    absl::StrAppend(&out, "    ", RelationType_Name(r.type()), " ",
                    name(r.head()), " -> ", name(r.tail()), "  (",
                    r.evidence_size() > 0 ? r.evidence(0).rule_id() : "", ")\n");
  }
  if (out.empty()) out = "    (nothing)\n";
  return out;
}

RuleExampleReport RunRuleExamples(const Pipeline& pipeline,
                                  const std::vector<RuleExample>& examples) {
  RuleExampleReport report;
  for (const RuleExample& example : examples) {
    ++report.examples;
    Document doc;
    doc.set_id(example.id);
    doc.set_text(example.text);
    const DocumentGraph graph = pipeline.Process(doc);
    for (const RuleExpectation& x : example.expectations) {
      ++report.expectations;
      if (ExpectationHolds(x, graph)) continue;
      report.failures.push_back(absl::StrCat(
          x.location, ": example ", example.id, " failed\n  sentence: ",
          example.text, "\n  expected: ", x.text,
          x.present ? "" : " (must not be found)", "\n  got:\n",
          DescribeGraph(graph)));
    }
  }
  return report;
}

}  // namespace newsgraph
