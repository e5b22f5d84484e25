// RegexSet: a prefilter that tells, in one pass over a text, which of many
// RE2 patterns can match in it, so that a stage runs only those patterns
// (each with its own RE2, for positions and groups) instead of all of them.
//
// Exactness: a pattern is reported iff it matches somewhere in the text
// (unanchored), which is exactly when an unanchored RE2::Match of that
// pattern over the text succeeds. Using the filter therefore never changes
// what a stage finds, only how many patterns it runs.
//
// When RE2::Set cannot answer (its DFA ran out of memory, or the set did not
// compile), Match() reports every pattern: the caller then runs them all, as
// without the filter.
//
// Phases: Add() every pattern, then Compile() once; Match() is const and
// thread-safe.
#ifndef NEWSGRAPH_EXTRACT_INTERNAL_REGEX_SET_H_
#define NEWSGRAPH_EXTRACT_INTERNAL_REGEX_SET_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "re2/re2.h"
#include "re2/set.h"

namespace newsgraph {

class RegexSet {
 public:
  // `options` must be those the patterns' own RE2 objects use (encoding,
  // case, ...). Memory for the combined DFA is options.max_mem() or
  // `min_max_mem`, whichever is larger.
  explicit RegexSet(const RE2::Options& options,
                    int64_t min_max_mem = int64_t{64} << 20);

  // Adds the pattern with index size(). Returns false (and leaves the set
  // usable: Match() then reports every pattern) if RE2::Set rejects it.
  bool Add(absl::string_view pattern);

  // Compiles the set; call after the last Add().
  void Compile();

  size_t size() const { return size_; }

  // Sets *matching to the ascending indices of the patterns that match
  // somewhere in `text` (every index when the set cannot tell).
  void Match(absl::string_view text, std::vector<int>* matching) const;

 private:
  std::unique_ptr<RE2::Set> set_;
  size_t size_ = 0;
  bool usable_ = true;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACT_INTERNAL_REGEX_SET_H_
