// Normalizer: turns a token into the key under which gazetteer names are
// stored and looked up, so that spelling variants meet:
//   - diacritics are removed from Latin letters ("Lávrov" -> "Lavrov");
//   - curly and straight apostrophes are one ("O’Brien" == "O'Brien");
//   - periods are dropped ("U.S." == "US", "Mr." == "Mr");
//   - with fold_case, letters are lower-cased (ASCII, Latin-1, Latin
//     Extended-A, basic Cyrillic).
//
// Thread-safe: pure functions.
#ifndef NEWSGRAPH_EXTRACT_NORMALIZER_H_
#define NEWSGRAPH_EXTRACT_NORMALIZER_H_

#include <string>

#include "absl/strings/string_view.h"

namespace newsgraph {

// Writes the normalized form of `token` to *out (replacing its contents).
void NormalizeToken(absl::string_view token, bool fold_case, std::string* out);

// True if `token` has at least one letter and no lower-case letter.
bool IsAllCaps(absl::string_view token);

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACT_NORMALIZER_H_
