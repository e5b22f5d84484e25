#include "extract/internal/utf8.h"

namespace newsgraph {
namespace utf8 {

char32_t Decode(absl::string_view text, size_t pos, int* length) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  const unsigned char c = s[pos];
  *length = 1;
  if (c < 0x80) return c;
  int need;
  char32_t cp;
  char32_t min;
  if (c >= 0xC2 && c <= 0xDF) {
    need = 1, cp = c & 0x1F, min = 0x80;
  } else if (c >= 0xE0 && c <= 0xEF) {
    need = 2, cp = c & 0x0F, min = 0x800;
  } else if (c >= 0xF0 && c <= 0xF4) {
    need = 3, cp = c & 0x07, min = 0x10000;
  } else {
    return kReplacement;
  }
  if (pos + need >= n) return kReplacement;
  for (int i = 1; i <= need; ++i) {
    const unsigned char cc = s[pos + i];
    if ((cc & 0xC0) != 0x80) return kReplacement;
    cp = (cp << 6) | (cc & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    return kReplacement;
  }
  *length = need + 1;
  return cp;
}

void Append(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// A sequence is valid when Decode() consumed it whole, or when it is a
// literal U+FFFD.
static bool ValidAt(absl::string_view text, size_t pos, int* length) {
  const char32_t cp = Decode(text, pos, length);
  return cp != kReplacement || *length == 3;
}

bool IsValid(absl::string_view text) {
  size_t pos = 0;
  while (pos < text.size()) {
    if (static_cast<unsigned char>(text[pos]) < 0x80) {
      ++pos;
      continue;
    }
    int len;
    if (!ValidAt(text, pos, &len)) return false;
    pos += len;
  }
  return true;
}

std::string Repair(absl::string_view text, size_t* replaced) {
  std::string out;
  out.reserve(text.size());
  size_t count = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    int len;
    if (ValidAt(text, pos, &len)) {
      out.append(text.data() + pos, len);
    } else {
      Append(kReplacement, &out);
      ++count;
    }
    pos += len;
  }
  if (replaced != nullptr) *replaced = count;
  return out;
}

// In Latin Extended-A, upper and lower case alternate, but the parity
// flips after the odd letters ĸ (U+0138) and ŉ (U+0149), and Ÿ (U+0178).
static bool LatinExtendedAUpper(char32_t cp) {
  if (cp <= 0x137) return cp % 2 == 0;
  if (cp == 0x138 || cp == 0x149 || cp == 0x17F) return false;
  if (cp <= 0x148) return cp % 2 == 1;
  if (cp <= 0x177) return cp % 2 == 0;
  if (cp == 0x178) return true;
  return cp % 2 == 1;  // Ź..ž
}

bool IsUpper(char32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  if (cp >= 0xC0 && cp <= 0xDE) return cp != 0xD7;
  if (cp >= 0x100 && cp <= 0x17F) return LatinExtendedAUpper(cp);
  return cp >= 0x400 && cp <= 0x42F;
}

bool IsLower(char32_t cp) {
  if (cp < 0x80) return cp >= 'a' && cp <= 'z';
  if (cp >= 0xDF && cp <= 0xFF) return cp != 0xF7;
  if (cp >= 0x100 && cp <= 0x17F) return !LatinExtendedAUpper(cp);
  return cp >= 0x430 && cp <= 0x45F;
}

std::vector<uint32_t> ToCodePointOffsets(
    absl::string_view text, const std::vector<uint32_t>& byte_offsets) {
  std::vector<uint32_t> result;
  result.reserve(byte_offsets.size());
  size_t byte = 0;
  uint32_t cp = 0;
  for (uint32_t target : byte_offsets) {
    while (byte < target && byte < text.size()) {
      // Count lead bytes only: continuation bytes are 10xxxxxx.
      if ((static_cast<unsigned char>(text[byte]) & 0xC0) != 0x80) ++cp;
      ++byte;
    }
    result.push_back(cp);
  }
  return result;
}

}  // namespace utf8
}  // namespace newsgraph
