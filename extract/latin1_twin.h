// Latin1Twins: a second compilation of UTF-8 RE2 patterns that searches text
// transcoded to one byte per character.
//
// RE2 compiles Unicode classes (\p{Lu}, \p{L}) and non-ASCII characters into
// large UTF-8 automata whose DFA states are costly to build, whose reverse
// programs take long to compile, and whose submatches need the slow NFA. A
// twin is the same pattern compiled for Latin-1. Transcode() turns UTF-8
// text into a Latin1Text with one byte per character:
//   - ASCII and Latin-1 characters (U+0000..U+00FF) become their own byte,
//     except the C1 controls U+0080..U+009F, which all become 0x80;
//   - a character beyond Latin-1 that a pattern names ("’", "–") becomes a
//     byte of its own in 0x81..0x9F, which the twins name in its place;
//   - any other character becomes a stand-in: a Latin-1 character that no
//     pattern names and that belongs to exactly the same Unicode classes
//     among those the patterns use (with \p{L}, \p{Lu} and \p{Ll}: "Ł" ->
//     "À", "ł" -> "ß", "ب" -> "ª", "😀" -> 0x80).
// Each twin treats every byte of the transcoded text as its pattern treats
// the character: ".", [^...], counted repetitions, \b (ASCII in RE2), ^ and
// $ see one character either way. So a twin finds exactly the matches and
// submatches of its pattern, in transcoded offsets that Latin1Text maps
// back. ASCII text is its own transcoding.
//
// A pattern gets no twin (Add() returns null) when that cannot be exact:
// case-insensitive matching ((?i), whose folds cross Latin-1: "ſ" ~ "s"),
// script classes (\p{Greek}), \Q...\E, \C, a C1 control in the pattern, a
// character range with a non-ASCII end, or more than 31 distinct characters
// beyond Latin-1 over all patterns.
//
// Phases: Add() each pattern, then Compile(); Transcode() is const and
// thread-safe.
#ifndef NEWSGRAPH_EXTRACT_LATIN1_TWIN_H_
#define NEWSGRAPH_EXTRACT_LATIN1_TWIN_H_

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "re2/re2.h"

namespace newsgraph {

// True if every byte of `text` is below 0x80.
bool IsAscii(absl::string_view text);

// UTF-8 text as one byte per character (see Latin1Twins::Transcode()).
class Latin1Text {
 public:
  // The transcoded bytes.
  absl::string_view bytes() const { return bytes_; }
  // The byte offset in the UTF-8 text of transcoded offset i (0 <= i <=
  // bytes().size()).
  size_t ToOriginal(size_t i) const {
    return offsets_.empty() ? i : offsets_[i];
  }
  // The transcoded offset of the character that starts at byte `original`
  // of the UTF-8 text (or of the next one, inside a character).
  size_t ToTranscoded(size_t original) const;

 private:
  friend class Latin1Twins;
  absl::string_view bytes_;
  std::string storage_;
  // offsets_[i]: UTF-8 offset of character i, and offsets_[size] the text's
  // size; empty when the text is ASCII (offsets are the same).
  std::vector<uint32_t> offsets_;
};

class Latin1Twins {
 public:
  Latin1Twins();

  // The twin of `pattern` (compiled from it with `options`, UTF-8, as
  // `original`), or nullptr if it cannot have one (see above).
  // REQUIRES: Compile() has not been called.
  std::unique_ptr<RE2> Add(absl::string_view pattern, const RE2& original,
                           const RE2::Options& options);

  // Works out the stand-ins for characters beyond Latin-1.
  void Compile();

  // Transcodes `text` (UTF-8) into *out for the twins. Returns false, and
  // leaves *out unusable, if `text` holds invalid UTF-8 or a character no
  // byte can stand for; ASCII text always succeeds (without a copy; *out
  // then refers to `text`).
  bool Transcode(absl::string_view text, Latin1Text* out) const;

 private:
  // The byte that stands for code point `cp` (>= 0x100), or 0 for none.
  // Worked out for a block of 256 code points on first use.
  uint8_t StandIn(char32_t cp) const;
  // Which of the patterns' classes hold `cp`: bit k for classes_[k].
  uint8_t Classes(char32_t cp) const;

  bool compiled_ = false;
  // Characters beyond Latin-1 that patterns name, and their bytes.
  absl::flat_hash_map<char32_t, uint8_t> named_;
  // Latin-1 characters (>= 0x80) that patterns name: never stand-ins.
  bool latin1_named_[256] = {};
  // The Unicode classes the patterns use ("L", "Lu"), at most 8, and each
  // compiled for one UTF-8 character.
  std::vector<std::string> classes_;
  std::vector<std::unique_ptr<RE2>> class_res_;
  bool too_many_classes_ = false;
  // False if named characters cannot have their own bytes (a pattern uses
  // a class that holds one of them): then only ASCII text transcodes.
  bool non_ascii_ok_ = false;
  // The stand-in byte for each set of classes (0: none).
  uint8_t stand_in_[256] = {};
  // Stand-ins of code points U+0100.. below kLimit, by blocks of 256,
  // filled on first use; text with a character beyond kLimit (or a pattern
  // naming one) has none.
  static constexpr char32_t kLimit = 0x20000;
  static constexpr size_t kBlocks = kLimit >> 8;
  mutable std::atomic<const uint8_t*> blocks_[kBlocks] = {};
  mutable absl::Mutex mu_;
  mutable std::vector<std::unique_ptr<uint8_t[]>> block_storage_
      ABSL_GUARDED_BY(mu_);
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACT_LATIN1_TWIN_H_
