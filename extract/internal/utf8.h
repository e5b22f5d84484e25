// UTF-8 helpers shared by the stages: decoding one code point, repairing
// invalid input, and converting byte offsets to code-point offsets.
//
// Thread-safe: all functions are pure.
#ifndef NEWSGRAPH_EXTRACT_INTERNAL_UTF8_H_
#define NEWSGRAPH_EXTRACT_INTERNAL_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace newsgraph {
namespace utf8 {

// The replacement character U+FFFD that stands for an invalid byte.
inline constexpr char32_t kReplacement = 0xFFFD;

// Decodes the code point that starts at text[pos]. Returns its value and sets
// *length to its byte length (>= 1). An invalid or truncated sequence yields
// kReplacement with *length == 1. REQUIRES: pos < text.size().
char32_t Decode(absl::string_view text, size_t pos, int* length);

// Appends the UTF-8 encoding of `cp` to *out.
void Append(char32_t cp, std::string* out);

// Returns true if `text` is valid UTF-8 (no overlongs, no surrogates).
bool IsValid(absl::string_view text);

// Returns a copy of `text` in which every invalid byte is replaced by U+FFFD.
// Sets *replaced to the number of replacements (may be null).
std::string Repair(absl::string_view text, size_t* replaced);

// Letter case for the scripts news names use: ASCII, Latin-1, Latin
// Extended-A and basic Cyrillic. Other code points are neither.
bool IsUpper(char32_t cp);
bool IsLower(char32_t cp);

// Maps byte offsets to code-point offsets. `byte_offsets` must be sorted
// ascending and each must fall on a code-point boundary of valid UTF-8 text;
// returns one code-point offset per input offset. Runs in one pass.
std::vector<uint32_t> ToCodePointOffsets(
    absl::string_view text, const std::vector<uint32_t>& byte_offsets);

}  // namespace utf8
}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACT_INTERNAL_UTF8_H_
