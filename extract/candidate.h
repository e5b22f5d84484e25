// Types that flow between the matching stages and the resolver.
//
// A Candidate is a possible mention found by a matcher (gazetteer or regex),
// before overlaps are resolved. Spans are half-open UTF-8 byte offsets
// [begin, end) into the document text.
#ifndef NEWSGRAPH_EXTRACT_CANDIDATE_H_
#define NEWSGRAPH_EXTRACT_CANDIDATE_H_

#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"
#include "proto/graph.pb.h"

namespace newsgraph {

// What a rule or gazetteer entry labels a span as. kDemonym marks nationality
// words ("Russian") that tie a fact to a country but are not mentions.
// kVeto marks spans that regex veto rules forbid. kGivenName marks given names
// ("Maria") from which the person guesser proposes unknown people; like
// demonyms they are never mentions themselves.
enum class Label : uint8_t {
  kPerson = 1,
  kAgency = 2,
  kPlace = 3,
  kDemonym = 4,
  kVeto = 5,
  kGivenName = 6,
};

// Parses "PERSON", "AGENCY", "PLACE", "DEMONYM", "VETO" or "GIVEN_NAME".
// Returns false for anything else.
bool ParseLabel(absl::string_view name, Label* label);

// The upper-case name of a label ("PERSON").
absl::string_view LabelName(Label label);

// True for the three entity labels.
inline bool IsEntityLabel(Label label) {
  return label == Label::kPerson || label == Label::kAgency ||
         label == Label::kPlace;
}

// The output enum for an entity label. REQUIRES: IsEntityLabel(label).
EntityType ToEntityType(Label label);

// Where a candidate came from.
enum class Source : uint8_t { kGazetteer, kRegex, kResolver };

struct Candidate {
  uint32_t begin = 0;
  uint32_t end = 0;
  Label label = Label::kPerson;
  Source source = Source::kGazetteer;
  int32_t priority = 0;
  // Index of the gazetteer entry in the rule set's gazetteer, or -1.
  int32_t entry = -1;
  // Id of the rule or entry; points into the immutable rule set.
  absl::string_view rule_id;

  uint32_t length() const { return end - begin; }
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACT_CANDIDATE_H_
