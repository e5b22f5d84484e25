// RelationExtractor: finds relations between the entities of a resolved
// document with rules written as patterns over sentences.
//
// Rule patterns are RE2 regular expressions over the sentence text in which
// each mention has been replaced by a placeholder, so a rule speaks of
// entities and words together:
//
//   {PERSON:head} (?:and|with) {PERSON:tail} (?P<trigger>spoke|met)
//
// Placeholders:
//   {TYPES:head}, {TYPES:tail}  the two arguments (each rule needs both);
//   {TYPES}                      a mention that is not an argument;
// where TYPES is PERSON, AGENCY, PLACE, DEMONYM or ANY, or several joined by
// "|" ("{AGENCY|PLACE:tail}"). A DEMONYM argument ("Russian") stands for its
// country and is used only when the country is an entity of the document.
// Optional named groups: `trigger` (the words that state the fact; default:
// the `role` group, else the text between the arguments without surrounding
// spaces and punctuation) and `role` (the relation's role; default: the
// rule's role column). Words in the pattern match the sentence text as
// written; `{GAP}` matches up to 60 bytes that contain no mention.
//
// Phases: Create() compiles all rules; Extract() is const and thread-safe.
#ifndef NEWSGRAPH_EXTRACT_RELATION_EXTRACTOR_H_
#define NEWSGRAPH_EXTRACT_RELATION_EXTRACTOR_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "extract/gazetteer.h"
#include "extract/resolver.h"
#include "extract/segmenter.h"
#include "proto/graph.pb.h"
#include "re2/re2.h"

namespace newsgraph {

struct RelationRule {
  std::string id;
  RelationType type = RELATION_TYPE_UNSPECIFIED;
  // Role given to every match unless the pattern has a `role` group.
  std::string role;
  std::string pattern;
  // "path:line:column" of the pattern, for messages.
  std::string location;
};

// One rule match. Spans are byte offsets into the document text.
struct ExtractedRelation {
  RelationType type = RELATION_TYPE_UNSPECIFIED;
  int32_t head = -1;  // entity indices in the ResolvedDocument
  int32_t tail = -1;
  std::string role;
  uint32_t sentence = 0;  // sentence index
  uint32_t trigger_begin = 0, trigger_end = 0;
  uint32_t head_begin = 0, head_end = 0;  // the argument mentions
  uint32_t tail_begin = 0, tail_end = 0;
  absl::string_view rule_id;  // lives as long as the extractor
};

class RelationExtractor {
 public:
  // Compiles the rules; reports every bad rule, one per line, as
  // "location: message".
  static absl::StatusOr<std::unique_ptr<RelationExtractor>> Create(
      std::vector<RelationRule> rules);

  // Returns the matches of all rules in all sentences, sentence by sentence
  // and rule by rule. `gazetteer` resolves demonyms to places.
  std::vector<ExtractedRelation> Extract(absl::string_view text,
                                         const Segmentation& seg,
                                         const ResolvedDocument& doc,
                                         const Gazetteer& gazetteer) const;

  size_t size() const { return rules_.size(); }

  // Expands the placeholders of a rule pattern into plain RE2 syntax.
  // Exposed for tests and rule checking.
  static absl::StatusOr<std::string> ExpandPattern(absl::string_view pattern);

 private:
  struct Compiled {
    RelationRule rule;
    std::unique_ptr<RE2> re;
    int head = 0, tail = 0, trigger = 0, role = 0;  // group indices (0: none)
    int groups = 0;
  };
  RelationExtractor() = default;
  std::vector<Compiled> rules_;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACT_RELATION_EXTRACTOR_H_
