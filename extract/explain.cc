#include "extract/explain.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace newsgraph {
namespace {

absl::string_view Slice(absl::string_view text, uint32_t begin, uint32_t end) {
  if (begin > text.size()) return absl::string_view();
  return text.substr(begin, std::min<size_t>(end, text.size()) - begin);
}

// "gazetteer entry place.RU (rules/gazetteer/places_iso.tsv:12)" or
// "pattern person.title".
std::string Producer(Source source, int32_t entry, absl::string_view rule_id,
                     const RuleSet& rules) {
  if (entry >= 0 && entry < static_cast<int32_t>(rules.gazetteer().size())) {
    return absl::StrCat("gazetteer entry ", rules.gazetteer().entry(entry).id,
                        " (", rules.gazetteer().location(entry), ")");
  }
  switch (source) {
    case Source::kRegex:
      return absl::StrCat("pattern ", rule_id);
    case Source::kResolver:
      return absl::StrCat("resolver rule ", rule_id);
    default:
      if (const int32_t i = rules.gazetteer().Find(rule_id); i >= 0) {
        return Producer(Source::kGazetteer, i, rule_id, rules);
      }
      return std::string(rule_id);
  }
}

std::string Describe(absl::string_view text, uint32_t begin, uint32_t end,
                     Label label) {
  return absl::StrFormat("%s \"%s\" [%d,%d)", LabelName(label),
                         Slice(text, begin, end), begin, end);
}

}  // namespace

void ExplainDocument(absl::string_view document_id, absl::string_view text,
                     const ResolvedDocument& resolved,
                     const std::vector<ExtractedRelation>& relations,
                     const RuleSet& rules, std::string* out) {
  absl::StrAppend(out, "== document ", document_id, ": ",
                  resolved.mentions.size(), " mentions, ",
                  resolved.rejected.size(), " rejected candidates, ",
                  relations.size(), " relation matches\n");
  // Rejected candidates, grouped under the mention that beat them.
  std::vector<std::vector<const RejectedCandidate*>> beaten(
      resolved.mentions.size());
  std::vector<const RejectedCandidate*> vetoed;
  for (const RejectedCandidate& r : resolved.rejected) {
    if (r.beaten_by >= 0 &&
        r.beaten_by < static_cast<int32_t>(resolved.mentions.size())) {
      beaten[r.beaten_by].push_back(&r);
    } else {
      vetoed.push_back(&r);
    }
  }
  for (size_t i = 0; i < resolved.mentions.size(); ++i) {
    const ResolvedMention& m = resolved.mentions[i];
    const int32_t entry = rules.gazetteer().Find(m.rule_id);
    const Source source = entry >= 0 ? Source::kGazetteer : Source::kRegex;
    absl::StrAppend(out, "mention ", Describe(text, m.begin, m.end, m.label),
                    " <- ", Producer(source, entry, m.rule_id, rules));
    if (m.entity >= 0 &&
        m.entity < static_cast<int32_t>(resolved.entities.size())) {
      const ResolvedEntity& e = resolved.entities[m.entity];
      absl::StrAppend(out, "; entity ", m.entity, " \"", e.canonical_name,
                      "\" (", e.canonical_id, ")");
    }
    out->push_back('\n');
    for (const RejectedCandidate* r : beaten[i]) {
      const Candidate& c = r->candidate;
      absl::StrAppend(out, "  beat ", Describe(text, c.begin, c.end, c.label),
                      " from ", Producer(c.source, c.entry, c.rule_id, rules),
                      ": ", r->reason, " (its priority ", c.priority, ")\n");
    }
  }
  for (const RejectedCandidate* r : vetoed) {
    const Candidate& c = r->candidate;
    absl::StrAppend(out, "dropped ", Describe(text, c.begin, c.end, c.label),
                    " from ", Producer(c.source, c.entry, c.rule_id, rules),
                    ": ", r->reason, "\n");
  }
  for (const ExtractedRelation& x : relations) {
    auto name = [&](int32_t e) -> std::string {
      return e >= 0 && e < static_cast<int32_t>(resolved.entities.size())
                 ? resolved.entities[e].canonical_name
                 : "?";
    };
    absl::StrAppend(out, "relation ", RelationType_Name(x.type), " \"",
                    name(x.head), "\" -> \"", name(x.tail), "\"",
                    x.role.empty() ? "" : absl::StrCat(" role \"", x.role, "\""),
                    " <- relation rule ", x.rule_id, " in sentence ",
                    x.sentence, ", trigger \"",
                    Slice(text, x.trigger_begin, x.trigger_end), "\"\n");
  }
}

}  // namespace newsgraph
