// RegexMatcher: entity rules written as RE2 regular expressions over the
// document text. Finds names that the gazetteers do not know ("President X Y",
// "Mr. X", "the X Committee").
//
// A rule's pattern is RE2 syntax. If it has a capturing group named `name`,
// that group is the mention; otherwise the whole match is. Context outside
// the group is matched but not included ("President (?P<name>[A-Z]\w+)").
// A leading "The " or "the " and a trailing possessive "'s" or "’s" are
// trimmed from every mention.
// Rules labelled VETO produce no mention: they remove every candidate that
// lies inside their span (see resolver.h).
//
// Phases: Create() compiles all rules once (reporting each bad pattern with
// its location and RE2's message); Match() is const and thread-safe.
#ifndef NEWSGRAPH_EXTRACT_REGEX_MATCHER_H_
#define NEWSGRAPH_EXTRACT_REGEX_MATCHER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "extract/candidate.h"
#include "extract/latin1_twin.h"
#include "extract/rule_prefilter.h"
#include "extract/segmenter.h"
#include "re2/re2.h"
#include "re2/set.h"

namespace newsgraph {

struct PatternRule {
  std::string id;
  Label label = Label::kPerson;  // kPerson, kAgency, kPlace or kVeto
  int32_t priority = 0;
  std::string pattern;
  // "path:line" of the rule, for messages.
  std::string location;
};

class RegexMatcher {
 public:
  // Compiles the rules. Returns InvalidArgument naming every rule whose
  // pattern does not compile, as "path:line:column: bad regular expression:
  // <RE2 error>: <fragment>", one per line.
  static absl::StatusOr<std::unique_ptr<RegexMatcher>> Create(
      std::vector<PatternRule> rules);

  // Appends a candidate for every match of every rule, scanning `text` left
  // to right; matches of one rule do not overlap. `sentences` (from the
  // segmenter; may be empty) split the text into pieces, each running from
  // a sentence's start to the next one's. A rule is run only over the
  // pieces that hold its required words (RulePrefilter) or, for a rule
  // without such words, where one RE2::Set pass of all those rules finds
  // it; a run of consecutive such pieces at a time, with its Latin-1 twin
  // over the text transcoded to one byte per character (see latin1_twin.h),
  // or, for a rule without a twin or a text that does not transcode, with
  // the rule itself. So a match that crosses a sentence boundary may be
  // missed; every match within a sentence is found, and so is one that
  // starts in the spaces and ASCII punctuation (at most kLookback
  // characters) that end the sentence before, or at the ASCII character
  // before them (a rule may want to see the "d. " before a name). Without
  // sentences the text is one piece.
  void Match(absl::string_view text, absl::Span<const Sentence> sentences,
             std::vector<Candidate>* out) const;

  size_t size() const { return rules_.size(); }
  const PatternRule& rule(size_t i) const { return rules_[i].rule; }
  // True if rule i runs on every sentence: the prefilter found no word it
  // requires (see RulePrefilter::Unfiltered).
  bool Unfiltered(size_t i) const;

  static constexpr size_t kLookback = 8;

 private:
  struct Compiled {
    PatternRule rule;
    const RE2* re = nullptr;  // owned by prefilter_
    std::unique_ptr<RE2> twin;  // for transcoded text; may be null
    int name_group = 0;  // 0: whole match
  };
  RegexMatcher() = default;
  // Appends the matches of rule `c` in searched[begin, end), where
  // `searched` is `text` itself (view == nullptr, searched with c.re) or
  // its transcoding `view` (searched with c.twin).
  void MatchRule(const Compiled& c, absl::string_view text,
                 const Latin1Text* view, size_t begin, size_t end,
                 std::vector<Candidate>* out) const;
  std::vector<Compiled> rules_;
  // Compiles the rules and tells which can match in a text; rule i of
  // rules_ is its pattern i.
  std::unique_ptr<RulePrefilter> prefilter_;
  Latin1Twins twins_;
  // The twins of the rules the prefilter cannot gate (Unfiltered()), as
  // one RE2::Set: one pass over a transcoded piece tells which of them
  // match there. set_rules_[k] is the rule of the set's pattern k. May be
  // null.
  std::unique_ptr<RE2::Set> set_;
  std::vector<int> set_rules_;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACT_REGEX_MATCHER_H_
