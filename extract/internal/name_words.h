// Words inside personal names, shared by the person guesser and the
// resolver.
#ifndef NEWSGRAPH_EXTRACT_INTERNAL_NAME_WORDS_H_
#define NEWSGRAPH_EXTRACT_INTERNAL_NAME_WORDS_H_

#include "absl/strings/match.h"
#include "absl/strings/string_view.h"

namespace newsgraph {

// True for a particle that joins a family name, in any case: "Ludwig van
// Beethoven", "Francesco De Masi", "Osama bin Laden".
inline bool IsNameParticle(absl::string_view word) {
  static constexpr absl::string_view kParticles[] = {
      "al", "bin", "da", "de", "del", "della", "der", "des", "di",
      "dos", "du", "el", "ibn", "la", "le", "van", "von"};
  for (absl::string_view p : kParticles) {
    if (absl::EqualsIgnoreCase(word, p)) return true;
  }
  return false;
}

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACT_INTERNAL_NAME_WORDS_H_
