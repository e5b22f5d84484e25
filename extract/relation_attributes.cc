#include "extract/relation_attributes.h"

#include <algorithm>

#include "re2/re2.h"

namespace newsgraph {
namespace {

const RE2& NegationCues() {
  static const RE2* re = new RE2(
      "(?i)\\b(?:not|never|no longer|neither|nor|denied|denies|deny|denying|"
      "refused to|refuses to|declined to|failed to|fails to)\\b|n[’']t\\b");
  return *re;
}

const RE2& HedgeCues() {
  static const RE2* re = new RE2(
      "(?i)\\b(?:reportedly|allegedly|purportedly|apparently|supposedly|"
      "possibly|perhaps|may|might|could|would|should|"
      "(?:is|are|was|were) (?:believed|thought|said|reported|alleged|"
      "rumou?red|suspected|expected) to|"
      "sought to|seeks? to|seeking to|wants? to|wanted to|hopes? to|hoped to|"
      "tried to|tries to|try to|trying to|if|whether|unless)\\b");
  return *re;
}

bool Contains(const RE2& re, absl::string_view text) {
  return RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), re);
}

}  // namespace

RelationAttributes FindRelationAttributes(absl::string_view text,
                                          uint32_t sentence_begin,
                                          const ExtractedRelation& r) {
  // The end of the nearest argument that ends before the trigger.
  uint32_t from = 0;
  bool preceded = false;
  for (uint32_t end : {r.head_end, r.tail_end}) {
    if (end <= r.trigger_begin && (!preceded || end > from)) {
      from = end;
      preceded = true;
    }
  }
  if (!preceded) {
    // Up to 50 bytes before the trigger, back to a clause break.
    from = r.trigger_begin > sentence_begin + 50 ? r.trigger_begin - 50
                                                 : sentence_begin;
    for (uint32_t i = r.trigger_begin; i > from; --i) {
      const char c = text[i - 1];
      if (c == ',' || c == ';' || c == ':') {
        from = i;
        break;
      }
    }
  }
  const uint32_t to = std::max(r.trigger_end, from);
  const absl::string_view scope = text.substr(from, to - from);
  RelationAttributes a;
  a.negated = Contains(NegationCues(), scope);
  a.hedged = Contains(HedgeCues(), scope);
  return a;
}

void MarkRelationAttributes(absl::string_view text, const Segmentation& seg,
                            std::vector<ExtractedRelation>* relations) {
  for (ExtractedRelation& r : *relations) {
    const uint32_t sentence_begin =
        r.sentence < seg.sentences.size() ? seg.sentences[r.sentence].begin : 0;
    const RelationAttributes a = FindRelationAttributes(text, sentence_begin, r);
    r.negated = a.negated;
    r.hedged = a.hedged;
  }
}

}  // namespace newsgraph
