#include "extract/graph_builder.h"

#include <algorithm>
#include <set>

#include "absl/strings/str_cat.h"
#include "extract/internal/utf8.h"

namespace newsgraph {

bool IsSymmetric(RelationType type) {
  return type == FAMILY || type == MEETING || type == COOPERATION;
}

DocumentGraph BuildDocumentGraph(const Document& document,
                                 const Segmentation& seg,
                                 const ResolvedDocument& resolved,
                                 const std::vector<ExtractedRelation>& relations,
                                 const Provenance& provenance,
                                 bool include_text) {
  DocumentGraph graph;
  const std::string& text = document.text();
  Document* doc = graph.mutable_document();
  *doc = document;
  if (!include_text) doc->clear_text();
  *graph.mutable_provenance() = provenance;

  // Code-point offsets of every mention boundary, in one pass.
  std::vector<uint32_t> offsets;
  offsets.reserve(resolved.mentions.size() * 2);
  for (const ResolvedMention& m : resolved.mentions) {
    offsets.push_back(m.begin);
    offsets.push_back(m.end);
  }
  std::sort(offsets.begin(), offsets.end());
  const std::vector<uint32_t> cps = utf8::ToCodePointOffsets(text, offsets);
  auto cp_of = [&](uint32_t byte) {
    return cps[std::lower_bound(offsets.begin(), offsets.end(), byte) -
               offsets.begin()];
  };

  for (size_t i = 0; i < resolved.entities.size(); ++i) {
    const ResolvedEntity& re = resolved.entities[i];
    Entity* e = graph.add_entities();
    e->set_id(absl::StrCat("E", i + 1));
    e->set_type(ToEntityType(re.label));
    e->set_canonical_name(re.canonical_name);
    e->set_canonical_id(re.canonical_id);
    e->set_external_id(re.external_id);
    e->set_subtype(re.subtype);
    for (int32_t mi : re.mentions) {
      const ResolvedMention& rm = resolved.mentions[mi];
      Mention* m = e->add_mentions();
      m->set_begin(rm.begin);
      m->set_end(rm.end);
      m->set_cp_begin(cp_of(rm.begin));
      m->set_cp_end(cp_of(rm.end));
      m->set_text(text.substr(rm.begin, rm.end - rm.begin));
      m->set_type(ToEntityType(rm.label));
      m->set_rule_id(std::string(rm.rule_id));
      m->set_sentence(rm.sentence);
    }
  }

  // Relations merged by (type, head, tail), in order of first evidence.
  std::map<std::tuple<int, int32_t, int32_t>, int> index;
  for (const ExtractedRelation& x : relations) {
    int32_t head = x.head, tail = x.tail;
    uint32_t hb = x.head_begin, he = x.head_end, tb = x.tail_begin,
             te = x.tail_end;
    if (IsSymmetric(x.type) && tail < head) {
      std::swap(head, tail);
      std::swap(hb, tb);
      std::swap(he, te);
    }
    auto [it, inserted] = index.emplace(
        std::make_tuple(static_cast<int>(x.type), head, tail),
        graph.relations_size());
    Relation* r;
    if (inserted) {
      r = graph.add_relations();
      r->set_id(absl::StrCat("R", graph.relations_size()));
      r->set_type(x.type);
      r->set_head(absl::StrCat("E", head + 1));
      r->set_tail(absl::StrCat("E", tail + 1));
      r->set_role(x.role);
    } else {
      r = graph.mutable_relations(it->second);
      if (r->role().empty()) r->set_role(x.role);
    }
    const Sentence& s = seg.sentences[x.sentence];
    bool duplicate = false;  // the same sentence found by two rules
    for (const Evidence& ev : r->evidence()) {
      if (ev.sentence().begin() == s.begin &&
          ev.head_mention().begin() == hb && ev.tail_mention().begin() == tb) {
        duplicate = true;
      }
    }
    if (duplicate) continue;
    // The relation is negated (hedged) only when every sentence is.
    bool any_asserted = false, any_unhedged = false;
    for (const Evidence& e : r->evidence()) {
      if (!e.negated()) any_asserted = true;
      if (!e.negated() && !e.hedged()) any_unhedged = true;
    }
    if (!x.negated) any_asserted = true;
    if (!x.negated && !x.hedged) any_unhedged = true;
    r->set_negated(!any_asserted);
    r->set_hedged(any_asserted && !any_unhedged);
    Evidence* ev = r->add_evidence();
    ev->set_negated(x.negated);
    ev->set_hedged(x.hedged);
    ev->mutable_sentence()->set_begin(s.begin);
    ev->mutable_sentence()->set_end(s.end);
    ev->mutable_trigger()->set_begin(x.trigger_begin);
    ev->mutable_trigger()->set_end(x.trigger_end);
    ev->set_text(text.substr(s.begin, s.end - s.begin));
    ev->set_rule_id(std::string(x.rule_id));
    ev->mutable_head_mention()->set_begin(hb);
    ev->mutable_head_mention()->set_end(he);
    ev->mutable_tail_mention()->set_begin(tb);
    ev->mutable_tail_mention()->set_end(te);
  }
  return graph;
}

void CorpusGraphBuilder::Add(const DocumentGraph& graph) {
  ++document_count_;
  if (graph.has_error()) return;
  const std::string& doc_id = graph.document().id();
  for (const Entity& e : graph.entities()) {
    CorpusEntity& ce = entities_[e.canonical_id()];
    if (ce.canonical_id().empty()) {
      ce.set_canonical_id(e.canonical_id());
      ce.set_type(e.type());
      ce.set_canonical_name(e.canonical_name());
      ce.set_external_id(e.external_id());
      ce.set_subtype(e.subtype());
    }
    ce.set_mention_count(ce.mention_count() + e.mentions_size());
    EntityOccurrence* occ = ce.add_occurrences();
    occ->set_document_id(doc_id);
    occ->set_entity_id(e.id());
    occ->set_mention_count(e.mentions_size());
  }
  auto canonical = [&](const std::string& entity_id) -> std::string {
    for (const Entity& e : graph.entities()) {
      if (e.id() == entity_id) return e.canonical_id();
    }
    return entity_id;
  };
  for (const Relation& r : graph.relations()) {
    std::string head = canonical(r.head()), tail = canonical(r.tail());
    if (IsSymmetric(r.type()) && tail < head) std::swap(head, tail);
    CorpusRelation& cr =
        relations_[std::make_tuple(static_cast<int>(r.type()), head, tail)];
    if (cr.head().empty()) {
      cr.set_type(r.type());
      cr.set_head(head);
      cr.set_tail(tail);
    }
    if (!r.role().empty()) cr.add_roles(r.role());
    cr.set_count(cr.count() + 1);
    RelationOccurrence* occ = cr.add_occurrences();
    occ->set_document_id(doc_id);
    occ->set_relation_id(r.id());
    *occ->mutable_evidence() = r.evidence();
  }
}

CorpusGraph CorpusGraphBuilder::Finish(const Provenance& provenance) const {
  CorpusGraph out;
  *out.mutable_provenance() = provenance;
  out.set_document_count(document_count_);
  for (const auto& [id, ce] : entities_) {
    CorpusEntity* e = out.add_entities();
    *e = ce;
    std::sort(e->mutable_occurrences()->begin(), e->mutable_occurrences()->end(),
              [](const EntityOccurrence& a, const EntityOccurrence& b) {
                return a.document_id() < b.document_id();
              });
  }
  for (const auto& [key, cr] : relations_) {
    CorpusRelation* r = out.add_relations();
    *r = cr;
    std::set<std::string> roles(cr.roles().begin(), cr.roles().end());
    r->clear_roles();
    for (const std::string& role : roles) r->add_roles(role);
    std::sort(r->mutable_occurrences()->begin(), r->mutable_occurrences()->end(),
              [](const RelationOccurrence& a, const RelationOccurrence& b) {
                return a.document_id() < b.document_id();
              });
  }
  return out;
}

}  // namespace newsgraph
