#include "extract/graph_stats.h"

#include <algorithm>
#include <tuple>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace newsgraph {
namespace {

std::string TypeCounts(const std::map<std::string, uint64_t>& counts) {
  std::string out;
  for (const auto& [type, n] : counts) {
    absl::StrAppend(&out, out.empty() ? "" : " ", type, "=", n);
  }
  return out;
}

// Enum names, or the number for values newer than this build ("TYPE_7").
std::string Name(EntityType type) {
  const std::string& name = EntityType_Name(type);
  return name.empty() ? absl::StrCat("TYPE_", static_cast<int>(type)) : name;
}
std::string Name(RelationType type) {
  const std::string& name = RelationType_Name(type);
  return name.empty() ? absl::StrCat("TYPE_", static_cast<int>(type)) : name;
}

}  // namespace

GraphStats ComputeCorpusStats(const CorpusGraph& corpus,
                              const StatsOptions& options) {
  GraphStats stats;
  stats.documents = corpus.document_count();
  stats.documents_with_errors = -1;
  std::map<std::string, const CorpusEntity*> by_id;
  for (const CorpusEntity& e : corpus.entities()) {
    by_id[e.canonical_id()] = &e;
    ++stats.entities;
    stats.mentions += e.mention_count();
    ++stats.entities_by_type[Name(e.type())];
    stats.mentions_by_type[Name(e.type())] += e.mention_count();
    TopEntity top;
    top.canonical_id = e.canonical_id();
    top.canonical_name = e.canonical_name();
    top.type = e.type();
    top.mentions = e.mention_count();
    top.documents = e.occurrences_size();
    stats.top_entities.push_back(std::move(top));
  }
  auto name = [&](const std::string& id) -> std::string {
    auto it = by_id.find(id);
    return it == by_id.end() || it->second->canonical_name().empty()
               ? id
               : it->second->canonical_name();
  };
  for (const CorpusRelation& r : corpus.relations()) {
    ++stats.relations;
    stats.relation_statements += r.count();
    stats.relations_by_type[Name(r.type())] += r.count();
    TopRelation top;
    top.type = r.type();
    top.head = name(r.head());
    top.tail = name(r.tail());
    top.count = r.count();
    stats.top_relations.push_back(std::move(top));
  }
  const size_t top = static_cast<size_t>(std::max(options.top, 0));
  // Stable sorts keep the corpus order (by id, by type/head/tail) for ties.
  std::stable_sort(stats.top_entities.begin(), stats.top_entities.end(),
                   [](const TopEntity& a, const TopEntity& b) {
                     return std::tie(b.mentions, b.documents) <
                            std::tie(a.mentions, a.documents);
                   });
  std::stable_sort(stats.top_relations.begin(), stats.top_relations.end(),
                   [](const TopRelation& a, const TopRelation& b) {
                     return b.count < a.count;
                   });
  if (stats.top_entities.size() > top) stats.top_entities.resize(top);
  if (stats.top_relations.size() > top) stats.top_relations.resize(top);
  return stats;
}

void StatsBuilder::Add(const DocumentGraph& graph) {
  if (graph.has_error()) ++errors_;
  corpus_.Add(graph);
}

GraphStats StatsBuilder::Finish() const {
  GraphStats stats = ComputeCorpusStats(corpus_.Finish(Provenance()), options_);
  stats.documents_with_errors = errors_;
  return stats;
}

std::string FormatStats(const GraphStats& stats) {
  std::string out = absl::StrCat("documents: ", stats.documents);
  if (stats.documents_with_errors >= 0) {
    absl::StrAppend(&out, " (", stats.documents_with_errors, " errors)");
  }
  absl::StrAppend(&out, "\nentities: ", stats.entities, " (",
                  TypeCounts(stats.entities_by_type), ")\n");
  absl::StrAppend(&out, "mentions: ", stats.mentions, " (",
                  TypeCounts(stats.mentions_by_type), ")\n");
  absl::StrAppend(&out, "relations: ", stats.relations, " distinct, ",
                  stats.relation_statements, " stated (",
                  TypeCounts(stats.relations_by_type), ")\n");
  absl::StrAppend(&out,
                  "top entities (mentions, documents, type, id, name):\n");
  for (const TopEntity& e : stats.top_entities) {
    absl::StrAppend(&out, absl::StrFormat("  %5d %4d  %-7s %s  %s\n",
                                          e.mentions, e.documents, Name(e.type),
                                          e.canonical_id, e.canonical_name));
  }
  absl::StrAppend(&out, "top relations (documents, type, head -> tail):\n");
  for (const TopRelation& r : stats.top_relations) {
    absl::StrAppend(&out, absl::StrFormat("  %5d  %-12s %s -> %s\n", r.count,
                                          Name(r.type), r.head, r.tail));
  }
  return out;
}

}  // namespace newsgraph
