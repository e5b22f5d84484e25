// Segmenter: splits a document's text into tokens and sentences, keeping the
// UTF-8 byte offsets of each into the original text.
//
// Tokens:
//   - words: runs of letters and digits (any non-ASCII code point that is not
//     a known space or punctuation mark counts as a letter), with inner
//     apostrophes ("O'Brien", "don’t");
//   - a possessive "'s" / "’s" after a word is a token of its own, so names
//     match without it ("Putin’s" -> "Putin" "’s");
//   - dotted abbreviations keep their periods: "U.S.", "U.N.", "D.C.",
//     initials "V.", and known abbreviations "Mr.", "Dr.", "Sen.", "Jan.";
//   - numbers keep inner separators: "3.5", "70,000";
//   - every other punctuation mark (hyphens, dashes, quotes) is one token.
// Sentences end at ".", "!" or "?" (with trailing quotes or brackets) followed
// by a space and an upper-case letter, digit or quote; at a line break
// (Options.newline_ends_sentence); and at the end of the text. An initial or a
// title abbreviation never ends a sentence.
//
// Thread-safe: Segment() is const and may be called from many threads.
#ifndef NEWSGRAPH_EXTRACT_SEGMENTER_H_
#define NEWSGRAPH_EXTRACT_SEGMENTER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/string_view.h"

namespace newsgraph {

struct Token {
  enum Kind : uint8_t {
    kWord,        // letters and digits, possibly with inner apostrophes
    kNumber,      // starts with a digit
    kAbbrev,      // ends with a period that belongs to it ("U.S.", "Mr.")
    kPossessive,  // "'s" or "’s" after a word
    kPunct,       // any other single mark
  };
  uint32_t begin = 0;  // byte offsets [begin, end)
  uint32_t end = 0;
  Kind kind = kWord;
  bool capitalized = false;  // first letter is upper case
  bool all_caps = false;     // has letters and none is lower case
};

struct Sentence {
  uint32_t begin = 0;  // byte offsets of the first and past the last token
  uint32_t end = 0;
  uint32_t first_token = 0;  // tokens [first_token, end_token)
  uint32_t end_token = 0;
};

struct Segmentation {
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;

  // Index of the sentence that contains byte `offset` (the last sentence
  // starting at or before it). REQUIRES: !sentences.empty().
  uint32_t SentenceAt(uint32_t offset) const;
};

class Segmenter {
 public:
  struct Options {
    // A line break ends a sentence (news paragraphs and headlines are lines).
    bool newline_ends_sentence = true;
    // Abbreviations (without their period) that keep the period as part of
    // the token; matched case-sensitively. Empty: the built-in list.
    std::vector<std::string> abbreviations;
  };

  Segmenter();
  explicit Segmenter(const Options& options);

  // Segments `text`, which must be valid UTF-8. The result refers to `text`
  // by offsets only.
  Segmentation Segment(absl::string_view text) const;
  // The same, into *out (replacing its contents), reusing its memory: for
  // callers that segment many short texts.
  void Segment(absl::string_view text, Segmentation* out) const;

 private:
  Options options_;
  absl::flat_hash_set<std::string> abbreviations_;
  // Abbreviations that do not end a sentence even before a capital.
  absl::flat_hash_set<std::string> titles_;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACT_SEGMENTER_H_
