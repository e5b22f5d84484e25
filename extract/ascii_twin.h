// AsciiTwin: a second compilation of an RE2 pattern for text that is plain
// ASCII. RE2 compiles Unicode classes (\p{Lu}, \p{L}) and non-ASCII
// characters into large UTF-8 automata; the twin is the same pattern compiled
// for Latin-1 with every non-ASCII character replaced by \xff, a character
// that never occurs in ASCII text. On ASCII input the twin accepts exactly
// the same strings with the same submatches (every part of the pattern
// matches the same ASCII characters, and \b, ^ and $ look at bytes in both),
// but its program is a fraction of the size, so its DFA states are cheap to
// build and submatches are found by the fast bit-state engine instead of the
// NFA.
//
// MatchAt() uses the twin only when every byte it reads is ASCII, so results
// never differ from the original pattern's.
#ifndef NEWSGRAPH_EXTRACT_ASCII_TWIN_H_
#define NEWSGRAPH_EXTRACT_ASCII_TWIN_H_

#include <memory>

#include "absl/strings/string_view.h"
#include "re2/re2.h"

namespace newsgraph {

// True if every byte of `text` is below 0x80.
bool IsAscii(absl::string_view text);

// The twin of `original` (compiled from `pattern` with `options`, UTF-8), or
// nullptr when the pattern cannot have one (\Q...\E quoting, or a twin that
// does not compile or differs in its capturing groups).
std::unique_ptr<RE2> CompileAsciiTwin(absl::string_view pattern,
                                      const RE2& original,
                                      const RE2::Options& options);

// The submatches of the match [begin, end) that `re` found in `text`
// (groups[0] is the whole match), as RE2 computes them: the highest-priority
// parse of exactly that span. Uses `twin` (may be null) when the span is
// ASCII. Returns false only if [begin, end) is not a match of `re`.
bool SubmatchesOfSpan(const RE2& re, const RE2* twin, absl::string_view text,
                      size_t begin, size_t end, re2::StringPiece* groups,
                      int n);

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACT_ASCII_TWIN_H_
