#include "extract/graph_filter.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace newsgraph {
namespace {

template <typename Enum>
absl::Status ParseTypes(const std::vector<std::string>& names,
                        const google::protobuf::EnumDescriptor* descriptor,
                        bool (*parse)(const std::string&, Enum*),
                        std::set<Enum>* types) {
  for (const std::string& name : names) {
    Enum value;
    if (name.empty()) continue;
    if (!parse(absl::AsciiStrToUpper(name), &value) || value == 0) {
      std::vector<std::string> valid;
      for (int i = 1; i < descriptor->value_count(); ++i) {
        valid.push_back(descriptor->value(i)->name());
      }
      return absl::InvalidArgumentError(absl::StrCat(
          "unknown ", descriptor->name(), " \"", name, "\" (expected one of ",
          absl::StrJoin(valid, ", "), ")"));
    }
    types->insert(value);
  }
  return absl::OkStatus();
}

template <typename T>
bool Allowed(const std::set<T>& allowed, const T& value) {
  return allowed.empty() || allowed.count(value) > 0;
}

// The entity selection shared by both graph kinds. `Key` is the id that
// relations use (Entity.id, CorpusEntity.canonical_id).
class Selection {
 public:
  explicit Selection(const FilterOptions& options) : options_(options) {}

  void AddEntity(const std::string& key, EntityType type,
                 const std::string& canonical_name,
                 const std::string& canonical_id) {
    if (!Allowed(options_.entity_types, type)) return;
    allowed_.insert(key);
    if (options_.names.empty() || options_.names.count(canonical_name) > 0 ||
        options_.names.count(canonical_id) > 0) {
      kept_.insert(key);
    }
  }

  // Call for every relation before asking KeepRelation().
  void AddRelation(RelationType type, const std::string& head,
                   const std::string& tail) {
    if (!options_.keep_neighbours || !Allowed(options_.relation_types, type)) {
      return;
    }
    if (kept_.count(head) > 0 && allowed_.count(tail) > 0) {
      neighbours_.insert(tail);
    }
    if (kept_.count(tail) > 0 && allowed_.count(head) > 0) {
      neighbours_.insert(head);
    }
  }

  bool KeepEntity(const std::string& key) const {
    return kept_.count(key) > 0 || neighbours_.count(key) > 0;
  }

  bool KeepRelation(RelationType type, const std::string& head,
                    const std::string& tail) const {
    return Allowed(options_.relation_types, type) && KeepEntity(head) &&
           KeepEntity(tail);
  }

 private:
  const FilterOptions& options_;
  std::set<std::string> allowed_;     // of an allowed type
  std::set<std::string> kept_;        // selected
  std::set<std::string> neighbours_;  // linked to a selected one
};

// Removes the elements of `field` for which `drop` is true, keeping order.
template <typename Field, typename Pred>
void RemoveIf(Field* field, Pred drop) {
  int out = 0;
  for (int i = 0; i < field->size(); ++i) {
    if (drop(field->Get(i))) continue;
    if (out != i) field->SwapElements(out, i);
    ++out;
  }
  field->DeleteSubrange(out, field->size() - out);
}

}  // namespace

absl::Status ParseEntityTypes(const std::vector<std::string>& names,
                              std::set<EntityType>* types) {
  return ParseTypes<EntityType>(names, EntityType_descriptor(),
                                &EntityType_Parse, types);
}

absl::Status ParseRelationTypes(const std::vector<std::string>& names,
                                std::set<RelationType>* types) {
  return ParseTypes<RelationType>(names, RelationType_descriptor(),
                                  &RelationType_Parse, types);
}

bool FilterDocumentGraph(const FilterOptions& options, DocumentGraph* graph) {
  if (!Allowed(options.document_ids, graph->document().id())) return false;
  Selection selection(options);
  for (const Entity& e : graph->entities()) {
    selection.AddEntity(e.id(), e.type(), e.canonical_name(), e.canonical_id());
  }
  for (const Relation& r : graph->relations()) {
    selection.AddRelation(r.type(), r.head(), r.tail());
  }
  RemoveIf(graph->mutable_relations(), [&](const Relation& r) {
    return !selection.KeepRelation(r.type(), r.head(), r.tail());
  });
  RemoveIf(graph->mutable_entities(),
           [&](const Entity& e) { return !selection.KeepEntity(e.id()); });
  return true;
}

absl::Status FilterCorpusGraph(const FilterOptions& options,
                               CorpusGraph* graph) {
  if (!options.document_ids.empty()) {
    return absl::InvalidArgumentError(
        "a corpus graph cannot be filtered by document; filter the document "
        "graphs and merge them");
  }
  Selection selection(options);
  for (const CorpusEntity& e : graph->entities()) {
    selection.AddEntity(e.canonical_id(), e.type(), e.canonical_name(),
                        e.canonical_id());
  }
  for (const CorpusRelation& r : graph->relations()) {
    selection.AddRelation(r.type(), r.head(), r.tail());
  }
  RemoveIf(graph->mutable_relations(), [&](const CorpusRelation& r) {
    return !selection.KeepRelation(r.type(), r.head(), r.tail());
  });
  RemoveIf(graph->mutable_entities(), [&](const CorpusEntity& e) {
    return !selection.KeepEntity(e.canonical_id());
  });
  return absl::OkStatus();
}

}  // namespace newsgraph
