#include "extract/ascii_twin.h"

#include <string>

#include "absl/strings/match.h"

namespace newsgraph {

bool IsAscii(absl::string_view text) {
  const unsigned char* p = reinterpret_cast<const unsigned char*>(text.data());
  const unsigned char* const end = p + text.size();
  // Eight bytes at a time, then the rest.
  for (; end - p >= 8; p += 8) {
    uint64_t word;
    __builtin_memcpy(&word, p, 8);
    if (word & 0x8080808080808080ULL) return false;
  }
  for (; p < end; ++p) {
    if (*p & 0x80) return false;
  }
  return true;
}

std::unique_ptr<RE2> CompileAsciiTwin(absl::string_view pattern,
                                      const RE2& original,
                                      const RE2::Options& options) {
  if (absl::StrContains(pattern, "\\Q")) return nullptr;
  // Every non-ASCII character (a whole UTF-8 sequence) becomes \xff: inside
  // a class and as a range end it keeps the class's ASCII members, and
  // outside one it is an atom that can be quantified like the original.
  std::string twin;
  twin.reserve(pattern.size());
  for (size_t i = 0; i < pattern.size();) {
    const unsigned char c = pattern[i];
    if (c == '\\' && i + 1 < pattern.size() &&
        !(static_cast<unsigned char>(pattern[i + 1]) & 0x80)) {
      twin.append(pattern.data() + i, 2);  // an escape: copy as is
      i += 2;
      continue;
    }
    if (c < 0x80) {
      twin.push_back(static_cast<char>(c));
      ++i;
      continue;
    }
    twin.append("\\xff");
    ++i;
    while (i < pattern.size() &&
           (static_cast<unsigned char>(pattern[i]) & 0xC0) == 0x80) {
      ++i;
    }
  }
  RE2::Options latin1 = options;
  latin1.set_encoding(RE2::Options::EncodingLatin1);
  latin1.set_log_errors(false);
  auto re = std::make_unique<RE2>(twin, latin1);
  if (!re->ok() ||
      re->NumberOfCapturingGroups() != original.NumberOfCapturingGroups() ||
      re->NamedCapturingGroups() != original.NamedCapturingGroups()) {
    return nullptr;
  }
  return re;
}

bool SubmatchesOfSpan(const RE2& re, const RE2* twin, absl::string_view text,
                      size_t begin, size_t end, re2::StringPiece* groups,
                      int n) {
  const re2::StringPiece input(text.data(), text.size());
  if (twin != nullptr && IsAscii(text.substr(begin, end - begin)) &&
      twin->Match(input, begin, end, RE2::ANCHOR_BOTH, groups, n)) {
    return true;
  }
  return re.Match(input, begin, end, RE2::ANCHOR_BOTH, groups, n);
}

}  // namespace newsgraph
