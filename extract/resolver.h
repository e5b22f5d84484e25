// Resolver: turns overlapping candidates into the document's mentions and
// clusters them into entities.
//
// Policy, in order (deterministic; the same input always gives the same
// output):
//  1. Veto: a candidate that lies inside the span of a VETO rule match is
//     dropped.
//  2. Overlaps: candidates are ranked by priority (higher first), then length
//     (longer first), then position (earlier first), then source (a
//     gazetteer entry before a regex rule's guess of the same span), then
//     label precedence (Options.label_precedence), then entry order. Going down
//     the ranking, a candidate is kept if it overlaps no kept one. Each dropped
//     candidate is kept in `rejected` with the mention that beat it (for
//     --explain).
//  3. Acronyms: "Federal Security Service (FSB)" links the two; an
//     upper-case word in brackets right after an AGENCY or PLACE mention that
//     starts with the same letter becomes a mention of the same entity, and
//     so does every later bare occurrence of it.
//  4. Clusters: mentions of the same gazetteer entry are one entity. Other
//     names cluster by their words, initials dropped ("Vladimir V. Putin" ==
//     "Vladimir Putin"). A one-word PERSON name ("Putin", "Tsarnaev") joins
//     the person whose family name it is; when several people share that
//     family name, it joins the nearest one mentioned before it (the person
//     the text is talking about), else the first one after it. In a name of
//     three or more words, a middle word that is not a given name counts as
//     a family name too ("Endara" in "Guillermo David Endara Galimany"). A
//     plural family name ("Tsarnaevs") is a group entity of its own. A one-word
//     name that is nobody's family name but exactly one person's given name
//     ("Tamerlan") joins that person. A weak place name (gazetteer priority
//     below 0, such as a city) that is the family name of a person named in
//     full in the document is taken as that person ("Buchanan" after "James
//     Buchanan"). A person named by one word that no gazetteer knows and
//     that is no given name ("Mr Kowalczyk", found by a rule of priority -1
//     or more) is named so again wherever that word stands alone
//     ("Kowalczyk left"); that does not turn a weak place into a person.
//  5. Entities are numbered in order of their first mention; a gazetteer
//     entity takes the entry's canonical name and id, others the fullest
//     name in the text and the id "auto.<type>.<name_slug>".
//
// Thread-safe: Resolve() is const.
#ifndef NEWSGRAPH_EXTRACT_RESOLVER_H_
#define NEWSGRAPH_EXTRACT_RESOLVER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "extract/candidate.h"
#include "extract/gazetteer.h"
#include "extract/segmenter.h"

namespace newsgraph {

struct ResolvedMention {
  uint32_t begin = 0;
  uint32_t end = 0;
  Label label = Label::kPerson;
  absl::string_view rule_id;  // lives as long as the rule set
  int32_t entity = -1;        // index into ResolvedDocument::entities
  uint32_t sentence = 0;
};

struct ResolvedEntity {
  Label label = Label::kPerson;
  std::string canonical_name;
  std::string canonical_id;
  std::string external_id;
  std::string subtype;
  std::vector<int32_t> mentions;  // indices into mentions, ascending
};

// A candidate that lost, and to which mention.
struct RejectedCandidate {
  Candidate candidate;
  int32_t beaten_by = -1;  // index into mentions; -1 when vetoed
  std::string reason;
};

struct ResolvedDocument {
  std::vector<ResolvedMention> mentions;  // sorted by begin
  std::vector<ResolvedEntity> entities;   // in order of first mention
  // Nationality words ("Russian"); entry is the gazetteer entry.
  std::vector<Candidate> demonyms;
  std::vector<RejectedCandidate> rejected;
};

class Resolver {
 public:
  struct Options {
    // Ties between equally ranked candidates of different labels go to the
    // label listed first.
    std::vector<Label> label_precedence = {Label::kAgency, Label::kPlace,
                                           Label::kPerson};
  };

  // `gazetteer` must outlive the resolver.
  explicit Resolver(const Gazetteer* gazetteer);
  Resolver(const Gazetteer* gazetteer, const Options& options);

  // Resolves `candidates` (from any matchers, in any order) found in `text`.
  ResolvedDocument Resolve(absl::string_view text, const Segmentation& seg,
                           std::vector<Candidate> candidates) const;

 private:
  const Gazetteer* gazetteer_;
  Options options_;
  int label_rank_[8] = {};
  // Clustering key of a gazetteer PERSON entry's canonical name (made on
  // demand: a large gazetteer has too many people to key them all up front).
  std::string EntryPersonKey(int32_t entry) const;

  Segmenter segmenter_;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACT_RESOLVER_H_
