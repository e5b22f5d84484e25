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
// More placeholders:
//   {TITLE}      optional words before a name: a determiner or possessive,
//                then up to six title words, place, demonym or agency
//                mentions ("his US counterpart", "Defense Secretary");
//   {WORDS:a-b}  a to b words (no mention among them);
//   {SPAN}       up to 120 bytes of anything, mentions included;
//   {PRONOUN:head}, {PRONOUN:tail}  he/she/his/her, resolved to the nearest
//                person mentioned before it (this or the two previous
//                sentences) other than the other argument;
//   {NOLIST}     matches nothing; turns off coordination for the rule.
// Coordination: unless a rule says {NOLIST}, an argument that stands in a
// list of mentions of its type ("X and Y", "X, Y and Z", "X (left) and Y")
// stands for every member: "X and Y met Z" relates both to Z; when both
// arguments are in one list, a symmetric rule relates every pair.
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
#include "extract/latin1_twin.h"
#include "extract/resolver.h"
#include "extract/rule_prefilter.h"
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
  // Set by MarkRelationAttributes() (extract/relation_attributes.h).
  bool negated = false;
  bool hedged = false;
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
    const RE2* re = nullptr;  // owned by prefilter_
    std::unique_ptr<RE2> twin;  // for transcoded sentences; may be null
    int head = 0, tail = 0, trigger = 0, role = 0;  // group indices (0: none)
    int groups = 0;
    int filter_index = 0;  // pattern index in prefilter_
    bool lists = true;  // expand arguments to coordinated mentions
  };
  RelationExtractor() = default;
  std::vector<Compiled> rules_;
  // Compiles the rules and tells which can match in a sentence; rule i of
  // rules_ is its pattern i.
  std::unique_ptr<RulePrefilter> prefilter_;
  Latin1Twins twins_;
  std::unique_ptr<RE2> coordination_;
  bool has_pronoun_rules_ = false;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACT_RELATION_EXTRACTOR_H_
