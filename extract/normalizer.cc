#include "extract/normalizer.h"

#include "extract/internal/utf8.h"

namespace newsgraph {
namespace {

// ASCII base letters of U+00C0..U+017F; '\0' where there is none (kept as is).
// Two-letter expansions (Æ, ß, Œ, ...) are handled in BaseOf().
constexpr char kLatinBase[] =
    // U+00C0..U+00FF
    "AAAAAA\0CEEEEIIII"  // C0-CF (C6 = Æ handled separately)
    "DNOOOOO\0OUUUUY\0\0"   // D0-DF (D7 ×, DE Þ, DF ß)
    "aaaaaa\0ceeeeiiii"     // E0-EF
    "dnooooo\0ouuuuy\0y"    // F0-FF
    // U+0100..U+017F
    "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIi\0\0JjKkkLlLlLlLlLlNnNnNnnNn"
    "OoOoOo\0\0RrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs";

// Appends the base form of `cp` (lower-cased when fold_case) to *out.
void AppendBase(char32_t cp, bool fold_case, std::string* out) {
  if (cp < 0x80) {
    char c = static_cast<char>(cp);
    if (fold_case && c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    out->push_back(c);
    return;
  }
  if (cp >= 0xC0 && cp <= 0x17F) {
    const char base = kLatinBase[cp - 0xC0];
    if (base != '\0') {
      AppendBase(static_cast<unsigned char>(base), fold_case, out);
      return;
    }
    const char* pair = nullptr;
    switch (cp) {
      case 0xC6: pair = fold_case ? "ae" : "AE"; break;
      case 0xE6: pair = "ae"; break;
      case 0xDF: pair = "ss"; break;
      case 0x152: pair = fold_case ? "oe" : "OE"; break;
      case 0x153: pair = "oe"; break;
      case 0xD8: pair = fold_case ? "o" : "O"; break;
      case 0xF8: pair = "o"; break;
      case 0x132: pair = fold_case ? "ij" : "IJ"; break;
      case 0x133: pair = "ij"; break;
      default: break;
    }
    if (pair != nullptr) {
      out->append(pair);
      return;
    }
  }
  if (fold_case && cp >= 0x410 && cp <= 0x42F) cp += 0x20;  // Cyrillic А-Я
  if (fold_case && cp >= 0x400 && cp <= 0x40F) cp += 0x50;  // Ѐ-Џ
  utf8::Append(cp, out);
}

}  // namespace

void NormalizeToken(absl::string_view token, bool fold_case, std::string* out) {
  out->clear();
  size_t pos = 0;
  while (pos < token.size()) {
    const unsigned char b = static_cast<unsigned char>(token[pos]);
    if (b < 0x80) {  // fast path
      ++pos;
      if (b == '.') continue;
      if (b == '`') {
        out->push_back('\'');
        continue;
      }
      char c = static_cast<char>(b);
      if (fold_case && c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      out->push_back(c);
      continue;
    }
    int len;
    const char32_t cp = utf8::Decode(token, pos, &len);
    pos += len;
    if (cp == 0x2019 || cp == 0x2018 || cp == 0xB4 || cp == 0x2032 ||
        cp == 0x02BC) {
      out->push_back('\'');
      continue;
    }
    if (cp >= 0x300 && cp <= 0x36F) continue;  // combining diacritics
    AppendBase(cp, fold_case, out);
  }
}

bool IsAllCaps(absl::string_view token) {
  bool letter = false;
  size_t pos = 0;
  while (pos < token.size()) {
    int len;
    const char32_t cp = utf8::Decode(token, pos, &len);
    pos += len;
    if (utf8::IsLower(cp)) return false;
    if (utf8::IsUpper(cp)) letter = true;
  }
  return letter;
}

}  // namespace newsgraph
