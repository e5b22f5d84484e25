// RelationAttributes: decides whether the text negates or hedges a relation
// that a rule found, from cue words near its trigger.
//
//   negated: "did not warn", "never met", "denied meeting", "failed to",
//            "didn't", "no longer";
//   hedged:  "reportedly", "allegedly", "apparently", "may have", "could",
//            "would", "is believed to", "is said to", "sought to",
//            "wants to", "hopes to", "tried to", "if", "whether".
//
// The scope of the cues is the text from the end of the nearest argument
// before the trigger to the end of the trigger ("Russia did not warn the
// FBI", "the FBI was not warned by Russia"). When no argument precedes the
// trigger ("cooperation between X and Y"), it is the trigger and up to 50
// bytes before it, back to the nearest comma, semicolon or colon. Cues outside
// the scope do not count ("the alleged attackers, brothers X and Y" is not
// hedged: "alleged" is an adjective, and only the adverb is a cue).
//
// The annotation guidelines count only asserted facts, so the evaluator
// leaves negated and hedged relations out of its scores; the output keeps
// them with the flags set.
//
// Stateless; thread-safe.
#ifndef NEWSGRAPH_EXTRACT_RELATION_ATTRIBUTES_H_
#define NEWSGRAPH_EXTRACT_RELATION_ATTRIBUTES_H_

#include <vector>

#include "absl/strings/string_view.h"
#include "extract/relation_extractor.h"
#include "extract/segmenter.h"

namespace newsgraph {

struct RelationAttributes {
  bool negated = false;
  bool hedged = false;
};

// The attributes of one relation whose trigger, head and tail are the given
// byte spans of `text` inside the sentence [sentence_begin, sentence_end).
RelationAttributes FindRelationAttributes(absl::string_view text,
                                          uint32_t sentence_begin,
                                          const ExtractedRelation& relation);

// Sets `negated` and `hedged` on every relation.
void MarkRelationAttributes(absl::string_view text, const Segmentation& seg,
                            std::vector<ExtractedRelation>* relations);

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACT_RELATION_ATTRIBUTES_H_
