#include "extract/graph_export.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "extract/graph_builder.h"
#include "extract/internal/utf8.h"

namespace newsgraph {
namespace {

// Enum names, or the number for values newer than this build ("TYPE_7").
std::string Name(EntityType type) {
  const std::string& name = EntityType_Name(type);
  return name.empty() ? absl::StrCat("TYPE_", static_cast<int>(type)) : name;
}
std::string Name(RelationType type) {
  const std::string& name = RelationType_Name(type);
  return name.empty() ? absl::StrCat("TYPE_", static_cast<int>(type)) : name;
}

std::string ValidUtf8(absl::string_view text) {
  if (utf8::IsValid(text)) return std::string(text);
  size_t replaced = 0;
  return utf8::Repair(text, &replaced);
}

// What gets exported: pointers into the corpus graph.
struct View {
  std::vector<const CorpusEntity*> nodes;
  std::vector<const CorpusRelation*> edges;
};

View Select(const CorpusGraph& graph, const ExportOptions& options) {
  std::vector<const CorpusEntity*> entities;
  for (const CorpusEntity& e : graph.entities()) entities.push_back(&e);
  if (options.top > 0 && entities.size() > static_cast<size_t>(options.top)) {
    std::vector<const CorpusEntity*> ranked = entities;
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](const CorpusEntity* a, const CorpusEntity* b) {
                       if (a->mention_count() != b->mention_count()) {
                         return a->mention_count() > b->mention_count();
                       }
                       return a->canonical_id() < b->canonical_id();
                     });
    ranked.resize(options.top);
    const std::set<const CorpusEntity*> keep(ranked.begin(), ranked.end());
    entities.erase(std::remove_if(entities.begin(), entities.end(),
                                  [&](const CorpusEntity* e) {
                                    return keep.count(e) == 0;
                                  }),
                   entities.end());
  }
  std::set<std::string> ids;
  for (const CorpusEntity* e : entities) ids.insert(e->canonical_id());
  View view;
  std::set<std::string> linked;
  for (const CorpusRelation& r : graph.relations()) {
    if (r.count() < options.min_count || ids.count(r.head()) == 0 ||
        ids.count(r.tail()) == 0) {
      continue;
    }
    view.edges.push_back(&r);
    linked.insert(r.head());
    linked.insert(r.tail());
  }
  for (const CorpusEntity* e : entities) {
    if (options.drop_isolated && linked.count(e->canonical_id()) == 0) continue;
    view.nodes.push_back(e);
  }
  return view;
}

// Fill colours of entity types, edge colours of relation types.
const char* NodeColor(EntityType type) {
  switch (type) {
    case PERSON:
      return "#fdb462";
    case AGENCY:
      return "#80b1d3";
    case PLACE:
      return "#b3de69";
    default:
      return "#d9d9d9";
  }
}

const char* EdgeColor(RelationType type) {
  static const char* const kPalette[] = {
      "#555555", "#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e",
      "#e6ab02", "#a6761d", "#e41a1c", "#377eb8", "#984ea3"};
  const int i = static_cast<int>(type);
  return i >= 0 && i < 11 ? kPalette[i] : kPalette[0];
}

void AppendKey(std::string* out, const char* id, const char* domain,
               const char* name, const char* type) {
  absl::StrAppend(out, "  <key id=\"", id, "\" for=\"", domain,
                  "\" attr.name=\"", name, "\" attr.type=\"", type, "\"/>\n");
}

void AppendData(std::string* out, const char* key, absl::string_view value) {
  absl::StrAppend(out, "      <data key=\"", key, "\">", XmlEscape(value),
                  "</data>\n");
}

}  // namespace

std::string XmlEscape(absl::string_view text) {
  const std::string valid = ValidUtf8(text);
  std::string out;
  out.reserve(valid.size());
  for (const char c : valid) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' &&
            c != '\r') {
          out += "\xEF\xBF\xBD";  // U+FFFD
        } else {
          out += c;
        }
    }
  }
  return out;
}

std::string DotQuote(absl::string_view text) {
  const std::string valid = ValidUtf8(text);
  std::string out = "\"";
  for (const char c : valid) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        break;
      default:
        out += c;
    }
  }
  out += "\"";
  return out;
}

std::string ToGraphML(const CorpusGraph& graph, const ExportOptions& options) {
  const View view = Select(graph, options);
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
      "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
      "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
      "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  AppendKey(&out, "n_label", "node", "label", "string");
  AppendKey(&out, "n_type", "node", "type", "string");
  AppendKey(&out, "n_canonical_id", "node", "canonical_id", "string");
  AppendKey(&out, "n_external_id", "node", "external_id", "string");
  AppendKey(&out, "n_subtype", "node", "subtype", "string");
  AppendKey(&out, "n_mention_count", "node", "mention_count", "int");
  AppendKey(&out, "n_document_count", "node", "document_count", "int");
  AppendKey(&out, "e_label", "edge", "label", "string");
  AppendKey(&out, "e_type", "edge", "type", "string");
  AppendKey(&out, "e_count", "edge", "count", "int");
  AppendKey(&out, "e_roles", "edge", "roles", "string");
  AppendKey(&out, "e_symmetric", "edge", "symmetric", "boolean");
  absl::StrAppend(&out,
                  "  <graph id=\"newsgraph\" edgedefault=\"directed\">\n");
  for (const CorpusEntity* e : view.nodes) {
    absl::StrAppend(&out, "    <node id=\"", XmlEscape(e->canonical_id()),
                    "\">\n");
    AppendData(&out, "n_label", e->canonical_name());
    AppendData(&out, "n_type", Name(e->type()));
    AppendData(&out, "n_canonical_id", e->canonical_id());
    if (!e->external_id().empty()) {
      AppendData(&out, "n_external_id", e->external_id());
    }
    if (!e->subtype().empty()) AppendData(&out, "n_subtype", e->subtype());
    AppendData(&out, "n_mention_count", absl::StrCat(e->mention_count()));
    AppendData(&out, "n_document_count", absl::StrCat(e->occurrences_size()));
    absl::StrAppend(&out, "    </node>\n");
  }
  int edge_id = 0;
  for (const CorpusRelation* r : view.edges) {
    absl::StrAppend(&out, "    <edge id=\"e", edge_id++, "\" source=\"",
                    XmlEscape(r->head()), "\" target=\"", XmlEscape(r->tail()),
                    "\">\n");
    AppendData(&out, "e_label", Name(r->type()));
    AppendData(&out, "e_type", Name(r->type()));
    AppendData(&out, "e_count", absl::StrCat(r->count()));
    if (r->roles_size() > 0) {
      AppendData(&out, "e_roles", absl::StrJoin(r->roles(), "; "));
    }
    AppendData(&out, "e_symmetric", IsSymmetric(r->type()) ? "true" : "false");
    absl::StrAppend(&out, "    </edge>\n");
  }
  absl::StrAppend(&out, "  </graph>\n</graphml>\n");
  return out;
}

std::string ToDot(const CorpusGraph& graph, const ExportOptions& options) {
  const View view = Select(graph, options);
  std::string out =
      "digraph newsgraph {\n"
      "  graph [rankdir=LR, overlap=false, splines=true, nodesep=0.25, "
      "ranksep=0.6, fontname=\"Helvetica\", fontsize=11];\n"
      "  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", "
      "fontsize=11, color=\"#555555\"];\n"
      "  edge [fontname=\"Helvetica\", fontsize=9, arrowsize=0.7];\n";
  absl::StrAppend(
      &out, "  label=",
      DotQuote(absl::StrFormat(
          "newsgraph: %d entities, %d relations from %d documents "
          "(PERSON orange, AGENCY blue, PLACE green; pen width = documents)",
          view.nodes.size(), view.edges.size(), graph.document_count())),
      ";\n  labelloc=b;\n");
  for (const CorpusEntity* e : view.nodes) {
    const std::string& name =
        e->canonical_name().empty() ? e->canonical_id() : e->canonical_name();
    absl::StrAppend(&out, "  ", DotQuote(e->canonical_id()), " [label=<",
                    XmlEscape(name), "<BR/><FONT POINT-SIZE=\"8\">",
                    XmlEscape(Name(e->type())), " · ", e->mention_count(),
                    "</FONT>>, fillcolor=\"", NodeColor(e->type()),
                    "\", tooltip=", DotQuote(e->canonical_id()), "];\n");
  }
  for (const CorpusRelation* r : view.edges) {
    const double penwidth =
        std::min(8.0, 1.0 + 2.0 * std::log2(std::max<uint32_t>(r->count(), 1)));
    std::string label = Name(r->type());
    if (r->count() > 1) absl::StrAppend(&label, " ×", r->count());
    absl::StrAppend(&out, "  ", DotQuote(r->head()), " -> ",
                    DotQuote(r->tail()), " [label=", DotQuote(label),
                    ", color=\"", EdgeColor(r->type()), "\", fontcolor=\"",
                    EdgeColor(r->type()),
                    "\", penwidth=", absl::StrFormat("%.1f", penwidth));
    if (IsSymmetric(r->type())) absl::StrAppend(&out, ", dir=none");
    if (r->roles_size() > 0) {
      absl::StrAppend(&out,
                      ", tooltip=", DotQuote(absl::StrJoin(r->roles(), "; ")));
    }
    absl::StrAppend(&out, "];\n");
  }
  absl::StrAppend(&out, "}\n");
  return out;
}

}  // namespace newsgraph
