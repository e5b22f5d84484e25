// RulePrefilter: compiles a list of RE2 patterns and tells, for a text, which
// of them can possibly match in it, so that callers run only those.
//
// It uses RE2's FilteredRE2: each pattern's required literal strings
// ("atoms", e.g. "said" or "says" for `(?:said|says)\s+\w+`) are found in the
// text with one RE2::Set pass over a lower-cased copy, and a pattern passes
// when its combination of atoms is present. Patterns without usable atoms
// always pass. The filter is exact in one direction: a pattern that does not
// pass cannot match anywhere in the text (so filtering never changes
// results); one that passes may still not match.
//
// Case: atoms are lower case. Filter() lower-cases ASCII letters and the
// three non-ASCII letters that RE2 folds or lower-cases to ASCII (U+0130,
// U+017F, U+212A). An atom whose non-ASCII characters have no case (’ “ —,
// no-break space, currency signs) is searched for like the others; one with
// other non-ASCII characters ("élysée") is treated as always present.
//
// Phases: Add() every pattern, then Compile(); Filter() is const and
// thread-safe (each thread passes its own Scratch).
#ifndef NEWSGRAPH_EXTRACT_RULE_PREFILTER_H_
#define NEWSGRAPH_EXTRACT_RULE_PREFILTER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "re2/filtered_re2.h"
#include "re2/re2.h"
#include "re2/set.h"

namespace newsgraph {

class RulePrefilter {
 public:
  // Per-call working memory, reused across calls by one thread.
  struct Scratch {
    std::string lowered;
    std::vector<int> atoms;
    std::vector<int> potentials;
  };

  // `min_atom_len`: shorter literals are not used as atoms.
  explicit RulePrefilter(int min_atom_len = 3);
  RulePrefilter(const RulePrefilter&) = delete;
  RulePrefilter& operator=(const RulePrefilter&) = delete;

  // Compiles `pattern`. On success returns the compiled regex, owned by this
  // prefilter (valid while it lives), and the pattern's index is size() - 1.
  // On failure returns nullptr and nothing is added; `*error` and
  // `*error_arg` (if not null) get RE2's message and the offending fragment.
  const RE2* Add(absl::string_view pattern, const RE2::Options& options,
                 std::string* error, std::string* error_arg);

  // Prepares the filter. REQUIRES: called once, after the last Add().
  void Compile();

  // Sets (*may_match)[i] to 1 for every pattern i that can match somewhere
  // in `text` (and 0 for the others); resizes *may_match to size().
  void Filter(absl::string_view text, Scratch* scratch,
              std::vector<uint8_t>* may_match) const;

  // True if pattern i passes whatever the text: it has no atom (a literal
  // of min_atom_len bytes it requires), e.g. because one alternative of an
  // alternation is shorter than that. REQUIRES: Compile() was called.
  bool Unfiltered(size_t i) const { return unfiltered_[i] != 0; }

  // Number of patterns added.
  size_t size() const { return size_; }
  // Number of atoms searched for (for tests and benchmarks).
  size_t atom_count() const { return atom_count_; }

 private:
  re2::FilteredRE2 filter_;
  size_t size_ = 0;
  size_t atom_count_ = 0;
  bool compiled_ = false;
  // Atoms searched in the text; index i of the set is atom set_atoms_[i].
  std::unique_ptr<RE2::Set> set_;
  std::vector<int> set_atoms_;
  // Atoms taken as always present (non-ASCII).
  std::vector<int> always_atoms_;
  // Per pattern: 1 if it passes whatever the text.
  std::vector<uint8_t> unfiltered_;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACT_RULE_PREFILTER_H_
