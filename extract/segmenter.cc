#include "extract/segmenter.h"

#include "absl/strings/ascii.h"

#include <algorithm>

#include "extract/internal/utf8.h"

namespace newsgraph {
namespace {

// Titles and other abbreviations that are followed by a name: a period after
// them never ends a sentence.
const char* const kTitles[] = {
    "Mr",   "Mrs", "Ms",   "Dr",  "Sen",  "Rep",  "Gov",  "Gen",  "Lt",
    "Col",  "Maj", "Capt", "Sgt", "Adm",  "Cmdr", "Prof", "Rev",  "Hon",
    "Pres", "St",  "Mt",   "Ft",  "Jan",  "Feb",  "Mar",  "Apr",  "Jun",
    "Jul",  "Aug", "Sep",  "Sept", "Oct", "Nov",  "Dec",  "No",   "vs",
    "Gens", "Reps", "Sens", "Lt.Gen", "Brig", "Supt", "Insp", "Cpl", "Pvt",
    "Messrs"};

// Abbreviations that keep their period but may end a sentence.
const char* const kOtherAbbreviations[] = {"Jr",  "Sr",  "Inc", "Corp",
                                           "Co",  "Ltd", "etc", "Bros",
                                           "approx", "est", "Dept", "Univ"};

// Words after which a dotted acronym ("U.S.") is taken to end a sentence.
const char* const kSentenceStarters[] = {
    "The", "He",  "She", "It",   "They", "We",  "I",     "But", "And",
    "In",  "A",   "An",  "This", "That", "His", "Her",   "Its", "Their",
    "On",  "At",  "As",  "If",   "When", "After", "There", "Some", "Many"};

enum class CharClass { kSpace, kNewline, kWordChar, kApostrophe, kPeriod,
                       kOther };

bool IsAsciiAlnum(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9');
}

CharClass ClassifySlow(char32_t c) {
  if (c == '\n' || c == 0x2028 || c == 0x2029) return CharClass::kNewline;
  if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' ||
      c == 0xA0 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F ||
      c == 0x205F || c == 0x3000 || c == 0xFEFF || c == 0x200B) {
    return CharClass::kSpace;
  }
  if (c == '\'' || c == 0x2019) return CharClass::kApostrophe;
  if (c == '.') return CharClass::kPeriod;
  if (IsAsciiAlnum(c)) return CharClass::kWordChar;
  if (c < 0x80) return CharClass::kOther;
  // General punctuation, Latin-1 punctuation and symbols, CJK punctuation.
  if ((c >= 0x2010 && c <= 0x205E) || (c >= 0xA1 && c <= 0xBF && c != 0xAA &&
                                       c != 0xB5 && c != 0xBA) ||
      c == 0xD7 || c == 0xF7 || (c >= 0x3001 && c <= 0x3003) ||
      c == utf8::kReplacement) {
    return CharClass::kOther;
  }
  return CharClass::kWordChar;
}

// ClassifySlow() of every ASCII character, computed once.
struct AsciiClasses {
  CharClass of[128];
  AsciiClasses() {
    for (char32_t c = 0; c < 128; ++c) of[c] = ClassifySlow(c);
  }
};

inline CharClass Classify(char32_t c) {
  static const AsciiClasses* const kAscii = new AsciiClasses();
  return c < 128 ? kAscii->of[c] : ClassifySlow(c);
}

// A cursor over the code points of the text.
struct Cursor {
  absl::string_view text;
  // Code point at byte `pos` and its length; 0 at the end.
  char32_t At(size_t pos, int* len) const {
    if (pos >= text.size()) {
      *len = 0;
      return 0;
    }
    const unsigned char b = static_cast<unsigned char>(text[pos]);
    if (b < 0x80) {  // ASCII: most of the text
      *len = 1;
      return b;
    }
    return utf8::Decode(text, pos, len);
  }
  CharClass ClassAt(size_t pos) const {
    int len;
    if (pos >= text.size()) return CharClass::kSpace;
    return Classify(At(pos, &len));
  }
};

}  // namespace

uint32_t Segmentation::SentenceAt(uint32_t offset) const {
  auto it = std::upper_bound(
      sentences.begin(), sentences.end(), offset,
      [](uint32_t off, const Sentence& s) { return off < s.begin; });
  if (it == sentences.begin()) return 0;
  return static_cast<uint32_t>(it - sentences.begin() - 1);
}

Segmenter::Segmenter() : Segmenter(Options()) {}

Segmenter::Segmenter(const Options& options) : options_(options) {
  for (const char* t : kTitles) titles_.insert(t);
  if (options_.abbreviations.empty()) {
    for (const char* t : kTitles) abbreviations_.insert(t);
    for (const char* t : kOtherAbbreviations) abbreviations_.insert(t);
  } else {
    abbreviations_.insert(options_.abbreviations.begin(),
                          options_.abbreviations.end());
  }
}

Segmentation Segmenter::Segment(absl::string_view text) const {
  Segmentation seg;
  seg.tokens.reserve(text.size() / 5 + 1);
  Segment(text, &seg);
  return seg;
}

void Segmenter::Segment(absl::string_view text, Segmentation* out) const {
  Segmentation& seg = *out;
  seg.tokens.clear();
  seg.sentences.clear();
  Cursor cur{text};
  // Per token: 1 if a line break precedes it, so sentences can be cut there.
  // Reused between calls on the same thread.
  thread_local std::vector<uint8_t> newline_before_token;
  newline_before_token.clear();
  bool saw_newline = false;

  size_t pos = 0;
  while (pos < text.size()) {
    int len;
    const char32_t c = cur.At(pos, &len);
    const CharClass cls = Classify(c);
    if (cls == CharClass::kSpace) {
      pos += len;
      continue;
    }
    if (cls == CharClass::kNewline) {
      saw_newline = true;
      pos += len;
      continue;
    }
    Token tok;
    tok.begin = static_cast<uint32_t>(pos);
    if (cls == CharClass::kWordChar) {
      const bool digit_start = c >= '0' && c <= '9';
      size_t end = pos + len;
      int letters = 0, uppers = 0, lowers = 0;
      auto count = [&](char32_t ch) {
        if (ch < 0x80) {  // the same as utf8::IsUpper/IsLower, inline
          if (ch >= 'A' && ch <= 'Z') ++uppers, ++letters;
          else if (ch >= 'a' && ch <= 'z') ++lowers, ++letters;
          return;
        }
        if (utf8::IsUpper(ch)) ++uppers, ++letters;
        else if (utf8::IsLower(ch)) ++lowers, ++letters;
      };
      count(c);
      tok.capitalized = utf8::IsUpper(c);
      while (end < text.size()) {
        int l2;
        const char32_t d = cur.At(end, &l2);
        const CharClass dc = Classify(d);
        if (dc == CharClass::kWordChar) {
          count(d);
          end += l2;
          continue;
        }
        if (dc == CharClass::kApostrophe) {
          // Inner apostrophe followed by a word char, except possessive 's.
          int l3;
          const char32_t e = cur.At(end + l2, &l3);
          if (l3 == 0 || Classify(e) != CharClass::kWordChar) break;
          if ((e == 's' || e == 'S') &&
              cur.ClassAt(end + l2 + l3) != CharClass::kWordChar) {
            break;  // possessive: leave "'s" for its own token
          }
          end += l2;
          continue;
        }
        if (digit_start && (d == '.' || d == ',')) {
          int l3;
          const char32_t e = cur.At(end + 1, &l3);
          if (e >= '0' && e <= '9') {
            end += 1;
            continue;
          }
        }
        break;
      }
      tok.end = static_cast<uint32_t>(end);
      tok.kind = digit_start ? Token::kNumber : Token::kWord;
      tok.all_caps = letters > 0 && lowers == 0;
      // A period directly after the word may belong to it.
      if (!digit_start && end < text.size() && text[end] == '.') {
        const absl::string_view word = text.substr(pos, end - pos);
        // Dotted acronym: single ASCII letters each followed by a period.
        const bool dotted = end - pos == 1 && c < 0x80;
        size_t acronym_end = end + 1;
        while (dotted && acronym_end + 1 < text.size() &&
               ((text[acronym_end] >= 'A' && text[acronym_end] <= 'Z') ||
                (text[acronym_end] >= 'a' && text[acronym_end] <= 'z')) &&
               text[acronym_end + 1] == '.') {
          acronym_end += 2;
        }
        // "U.S" without its last period: the last letter belongs to it too.
        if (dotted && acronym_end < text.size() &&
            absl::ascii_isalpha(static_cast<unsigned char>(text[acronym_end])) &&
            (acronym_end + 1 == text.size() ||
             !absl::ascii_isalnum(
                 static_cast<unsigned char>(text[acronym_end + 1])))) {
          ++acronym_end;
        }
        if (dotted) {
          // "V." (an initial) or "U.S." (a dotted acronym).
          tok.end = static_cast<uint32_t>(acronym_end);
          tok.kind = Token::kAbbrev;
        } else if (abbreviations_.contains(word)) {
          tok.end = static_cast<uint32_t>(end + 1);
          tok.kind = Token::kAbbrev;
        }
      }
    } else if (cls == CharClass::kApostrophe) {
      int l2;
      const char32_t e = cur.At(pos + len, &l2);
      if ((e == 's' || e == 'S') && !seg.tokens.empty() &&
          seg.tokens.back().end == pos &&
          seg.tokens.back().kind != Token::kPunct &&
          cur.ClassAt(pos + len + l2) != CharClass::kWordChar) {
        tok.end = static_cast<uint32_t>(pos + len + l2);
        tok.kind = Token::kPossessive;
      } else {
        tok.end = static_cast<uint32_t>(pos + len);
        tok.kind = Token::kPunct;
      }
    } else {
      tok.end = static_cast<uint32_t>(pos + len);
      tok.kind = Token::kPunct;
    }
    newline_before_token.push_back(saw_newline ? 1 : 0);
    saw_newline = false;
    seg.tokens.push_back(tok);
    pos = tok.end;
  }

  // Sentences.
  const auto& toks = seg.tokens;
  auto token_text = [&](size_t i) {
    return text.substr(toks[i].begin, toks[i].end - toks[i].begin);
  };
  auto is_closer = [&](size_t i) {
    const absl::string_view t = token_text(i);
    return t == "\"" || t == "'" || t == ")" || t == "]" || t == "\xE2\x80\x9D" ||
           t == "\xE2\x80\x99" || t == "\xC2\xBB";
  };
  auto starts_sentence = [&](size_t i) {
    if (toks[i].capitalized || toks[i].kind == Token::kNumber) return true;
    const absl::string_view t = token_text(i);
    return t == "\"" || t == "\xE2\x80\x9C" || t == "(" || t == "'" ||
           t == "\xE2\x80\x98" || t == "\xC2\xAB" || t == "\xE2\x80\x94" ||
           t == "-";
  };
  size_t start = 0;
  auto close = [&](size_t end_token) {
    if (end_token <= start) return;
    Sentence s;
    s.first_token = static_cast<uint32_t>(start);
    s.end_token = static_cast<uint32_t>(end_token);
    s.begin = toks[start].begin;
    s.end = toks[end_token - 1].end;
    seg.sentences.push_back(s);
    start = end_token;
  };
  for (size_t i = 0; i < toks.size(); ++i) {
    if (i > start && options_.newline_ends_sentence && newline_before_token[i]) {
      close(i);
    }
    const absl::string_view t = token_text(i);
    bool terminal = false;
    if (toks[i].kind == Token::kPunct && (t == "." || t == "!" || t == "?")) {
      terminal = true;
    } else if (toks[i].kind == Token::kAbbrev) {
      // "U.S." or "Inc." may end a sentence; initials and titles may not.
      const absl::string_view stem = t.substr(0, t.size() - 1);
      const bool initial = stem.size() == 1 && toks[i].capitalized;
      if (!initial && !titles_.contains(stem) && i + 1 < toks.size() &&
          !newline_before_token[i + 1]) {
        const absl::string_view next = token_text(i + 1);
        for (const char* s : kSentenceStarters) {
          if (next == s) terminal = true;
        }
      }
    }
    if (!terminal) continue;
    size_t j = i + 1;
    while (j < toks.size() && is_closer(j) && toks[j].begin == toks[j - 1].end &&
           !newline_before_token[j]) {
      ++j;
    }
    if (j >= toks.size()) break;
    if (newline_before_token[j]) continue;  // the newline closes it
    if (toks[j].begin == toks[j - 1].end) continue;  // no space after
    if (starts_sentence(j)) {
      close(j);
      i = j - 1;
    }
  }
  close(toks.size());
}

}  // namespace newsgraph
