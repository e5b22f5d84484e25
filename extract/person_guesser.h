// PersonGuesser: proposes PERSON candidates for people that no gazetteer
// knows, starting from given names.
//
// A given name is a GIVEN_NAME gazetteer candidate ("Maria", from the
// given-name lists in rules/). Followed on the same line by name tokens, it
// becomes a PERSON candidate spanning the given name and those tokens:
//   "Maria Kuznetsova", "Anna V. Petrova", "Jean-Claude Juncker",
//   "Ludwig van Beethoven", "Mary Ann Evans".
// Name tokens are capitalised words, initials ("V."), a lower-case particle
// ("van", "de", "bin", "al") directly before a capitalised word, and
// capitalised words joined by a hyphen without spaces.
//
// Precautions, so that common words and known names are not swallowed:
//  - at least one capitalised word or a regnal number ("Louis XIV") must
//    follow a given name to make a full name, and at most
//    Options.max_tokens tokens are taken in all; a given name alone inside a
//    sentence ("... said Maria.") is proposed with the weaker
//    Options.bare_priority under Options.bare_rule_id, except a common word
//    or one before a number ("John 4:23");
//  - the name stops before a stop word (Options.stop_words: function words,
//    months and weekdays) and before a possessive: "John Smith's" gives
//    "John Smith"; it takes a generation suffix ("John Paul II");
//  - a name directly followed by a head noun (Options.head_nouns:
//    "University", "Empire", "Agreement", "Street") is part of the name of
//    something else and proposes nothing: "George Mason University";
//  - a given name that is also a known name at the same span (a PLACE,
//    AGENCY or PERSON gazetteer name: "Georgia", "Israel", "Kerry") proposes
//    nothing, and neither does a given name in a title-case line such as a
//    headline ("Kerry Arrives In Moscow"), where every word is capitalised;
//  - a following token where a known person's full name or a country starts
//    ends the name ("Said Vladimir Putin" gives nothing); a bare family name,
//    an organisation or a city does not, so "Patrick Dempsey", "Walt Disney"
//    and "Hillary Clinton" are proposed and win over the shorter "Dempsey",
//    "Disney" and "Clinton" in the resolver;
//  - a given name that starts a demonym ("Portuguese", "Philippine"), is a
//    title ("Princess Emma", "King Charles": rules/patterns person.title
//    takes the name after the title) or follows an article ("the Winter
//    Olympics", "a Merry Christmas") proposes nothing;
//  - a given name whose entry has subtype "common_word" ("Will", "Mark",
//    "Bill") starts a name of two words at most, and at the start of a
//    sentence only if the second word occurs again in the text ("Mark
//    Harmsworth is ... Harmsworth was elected").
// Candidates carry Options.rule_id and Options.priority; the resolver settles
// their overlaps with everything else.
//
// Lists of people: in a list of names ("A B, C D and E F", "A B and C D";
// a comma alone is no list, so three names are needed without "and" or
// "&"), where one member is already a PERSON candidate of the same span (a
// guess, a known person, a pattern's match), every other member of two to
// four name tokens is proposed too, under Options.list_rule_id with
// Options.priority: "starring Christopher Walken, Christian Slater and Moon
// Bloodgood" gives all three even though "Slater" is a town and "Moon" no
// given name. A member is not proposed when a known name of another type
// (a gazetteer place or organisation of priority 0 or more) covers it or
// runs on past it, after an article, before a head noun, or when it starts
// with a title.
//
// Thread-safe: Guess() is const.
#ifndef NEWSGRAPH_EXTRACT_PERSON_GUESSER_H_
#define NEWSGRAPH_EXTRACT_PERSON_GUESSER_H_

#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/string_view.h"
#include "extract/candidate.h"
#include "extract/gazetteer.h"
#include "extract/segmenter.h"

namespace newsgraph {

class PersonGuesser {
 public:
  struct Options {
    std::string rule_id = "person.given_name";
    int32_t priority = 0;
    // A given name alone inside a sentence is proposed with these (below
    // every other candidate, so a place or an organisation of that name
    // wins). Empty rule id: bare given names are not proposed.
    std::string bare_rule_id = "person.bare_given";
    int32_t bare_priority = -2;
    // Names that start with initials ("H.G. Wells", "J. R. R. Tolkien",
    // "K.C. Constantine"): one to three initials not right after a name
    // word, then one or two name words. Empty rule id: not proposed.
    std::string initials_rule_id = "person.initials_first";
    int32_t initials_priority = -1;
    // Full names of people a pattern found by one word: "Abdelhamid
    // Abaaoud" when "Mr Abaaoud" or "Abaaoud said" is in the text (a
    // capitalised word right before that family name, not after an
    // article, a name word or a title). Empty: not proposed.
    std::string full_name_rule_id = "person.full_name";
    // Members of a list of people (see above). Empty: not proposed.
    std::string list_rule_id = "person.list";
    // Tokens in a proposed name, the given name included.
    int max_tokens = 4;
    // Capitalised words that end a guessed name. Empty: the built-in list.
    std::vector<std::string> stop_words;
    // Capitalised words that make the name before them part of a longer
    // name. Empty: the built-in list.
    std::vector<std::string> head_nouns;
  };

  // `gazetteer` must outlive the guesser.
  explicit PersonGuesser(const Gazetteer* gazetteer);
  PersonGuesser(const Gazetteer* gazetteer, const Options& options);

  // Appends PERSON candidates for the given names among `candidates` (the
  // gazetteer's and the other matchers' candidates for `text`).
  void Guess(absl::string_view text, const Segmentation& seg,
             std::vector<Candidate>* candidates) const;

 private:
  // Appends full names of people named elsewhere by a one-word pattern.
  void ProposeFullNames(absl::string_view text, const Segmentation& seg,
                        std::vector<Candidate>* candidates) const;
  // Appends names that start with initials; `known_starts` are where known
  // names start.
  void ProposeInitialsNames(absl::string_view text, const Segmentation& seg,
                            const absl::flat_hash_set<uint32_t>& known_starts,
                            std::vector<Candidate>* candidates) const;
  // Appends the other members of lists of names that hold a PERSON
  // candidate.
  void ProposeListMembers(absl::string_view text, const Segmentation& seg,
                          std::vector<Candidate>* candidates) const;

  const Gazetteer* gazetteer_;
  Options options_;
  absl::flat_hash_set<std::string> stop_words_;
  absl::flat_hash_set<std::string> head_nouns_;
  absl::flat_hash_set<std::string> title_words_;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACT_PERSON_GUESSER_H_
