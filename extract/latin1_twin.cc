#include "extract/latin1_twin.h"

#include <algorithm>
#include <cctype>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "extract/internal/utf8.h"

namespace newsgraph {
namespace {

// Named characters beyond Latin-1 get the bytes kFirstNamed, kFirstNamed+1,
// ... up to 0x9F; the C1 controls of the text all become kC1.
constexpr uint8_t kC1 = 0x80;
constexpr uint8_t kFirstNamed = 0x81;
constexpr size_t kMaxNamed = 0x9F - kFirstNamed + 1;

// Unicode general categories: the classes a twin can keep.
bool IsCategory(absl::string_view name) {
  static const char* const kNames[] = {
      "Any", "C",  "Cc", "Cf", "Co", "Cs", "L",  "Ll", "Lm", "Lo", "Lt", "Lu",
      "M",   "Mc", "Me", "Mn", "N",  "Nd", "Nl", "No", "P",  "Pc", "Pd", "Pe",
      "Pf",  "Pi", "Po", "Ps", "S",  "Sc", "Sk", "Sm", "So", "Z",  "Zl", "Zp",
      "Zs"};
  for (const char* n : kNames) {
    if (name == n) return true;
  }
  return false;
}

// The argument of the escape \p or \x at pattern[i]: "{...}" without
// the braces, or else the `short_len` characters after the letter. Sets
// *end past it; false if the pattern ends first.
bool EscapeArgument(absl::string_view pattern, size_t i, size_t short_len,
                    absl::string_view* arg, size_t* end) {
  if (i + 2 < pattern.size() && pattern[i + 2] == '{') {
    const size_t close = pattern.find('}', i + 3);
    if (close == absl::string_view::npos) return false;
    *arg = pattern.substr(i + 3, close - (i + 3));
    *end = close + 1;
    return true;
  }
  if (i + 2 + short_len > pattern.size()) return false;
  *arg = pattern.substr(i + 2, short_len);
  *end = i + 2 + short_len;
  return true;
}

void AppendByte(uint8_t b, std::string* out) {
  absl::StrAppend(out, "\\x{", absl::Hex(b, absl::kZeroPad2), "}");
}

}  // namespace

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

size_t Latin1Text::ToTranscoded(size_t original) const {
  if (offsets_.empty()) return original;
  return std::lower_bound(offsets_.begin(), offsets_.end(), original) -
         offsets_.begin();
}

Latin1Twins::Latin1Twins() = default;

std::unique_ptr<RE2> Latin1Twins::Add(absl::string_view pattern,
                                      const RE2& original,
                                      const RE2::Options& options) {
  if (compiled_ || !options.case_sensitive() || options.literal()) {
    return nullptr;
  }
  std::string twin;
  twin.reserve(pattern.size() + 16);
  // Inside [...]: where its members start (a ']' there is a member), and
  // whether the last member was beyond ASCII or a range's '-' is pending.
  bool in_class = false;
  size_t class_start = 0;
  bool last_non_ascii = false;
  bool range_pending = false;

  // Appends the byte that stands for character `cp` (>= 0x80) in the text.
  auto add_char = [&](char32_t cp) {
    if (cp <= 0x9F || cp >= kLimit) return false;
    if (in_class && range_pending) return false;  // "[a-é]"
    if (cp <= 0xFF) {
      latin1_named_[cp] = true;
      AppendByte(static_cast<uint8_t>(cp), &twin);
    } else {
      auto it = named_.find(cp);
      if (it == named_.end()) {
        if (named_.size() >= kMaxNamed) return false;
        it = named_.emplace(cp, kFirstNamed + named_.size()).first;
      }
      AppendByte(it->second, &twin);
    }
    last_non_ascii = true;
    range_pending = false;
    return true;
  };
  // Notes an ASCII member of a class.
  auto ascii_member = [&]() {
    last_non_ascii = false;
    range_pending = false;
  };

  for (size_t i = 0; i < pattern.size();) {
    const unsigned char c = pattern[i];
    if (c >= 0x80) {
      int len = 0;
      const char32_t cp = utf8::Decode(pattern, i, &len);
      if (cp == utf8::kReplacement && len == 1) return nullptr;
      if (!add_char(cp)) return nullptr;
      i += len;
      continue;
    }
    if (c == '\\') {
      if (i + 1 >= pattern.size()) return nullptr;
      const unsigned char e = pattern[i + 1];
      if (e >= 0x80) {  // an escaped non-ASCII character
        int len = 0;
        const char32_t cp = utf8::Decode(pattern, i + 1, &len);
        if (cp == utf8::kReplacement && len == 1) return nullptr;
        if (!add_char(cp)) return nullptr;
        i += 1 + len;
        continue;
      }
      if (e == 'Q' || e == 'C') return nullptr;
      if (e == 'p' || e == 'P') {
        size_t end;
        absl::string_view name;
        if (!EscapeArgument(pattern, i, 1, &name, &end)) return nullptr;
        absl::ConsumePrefix(&name, "^");
        if (!IsCategory(name)) return nullptr;  // a script
        if (name != "Any" &&
            std::find(classes_.begin(), classes_.end(), name) ==
                classes_.end()) {
          if (classes_.size() == 8) too_many_classes_ = true;
          else classes_.emplace_back(name);
        }
        twin.append(pattern.data() + i, end - i);
        ascii_member();
        i = end;
        continue;
      }
      if (e == 'x') {
        size_t end;
        absl::string_view hex;
        if (!EscapeArgument(pattern, i, 2, &hex, &end)) return nullptr;
        uint32_t value = 0;
        if (!absl::SimpleHexAtoi(hex, &value)) return nullptr;
        if (value >= 0x80) {
          if (!add_char(value)) return nullptr;
        } else {
          twin.append(pattern.data() + i, end - i);
          ascii_member();
        }
        i = end;
        continue;
      }
      twin.append(pattern.data() + i, 2);  // another escape: copy it
      ascii_member();
      i += 2;
      continue;
    }
    if (in_class) {
      if (c == ']' && i > class_start) {
        in_class = false;
      } else if (c == '[' && i + 1 < pattern.size() && pattern[i + 1] == ':') {
        const size_t end = pattern.find(":]", i + 2);
        if (end == absl::string_view::npos) return nullptr;
        twin.append(pattern.data() + i, end + 2 - i);
        ascii_member();
        i = end + 2;
        continue;
      } else if (c == '-' && i > class_start && i + 1 < pattern.size() &&
                 pattern[i + 1] != ']') {
        if (last_non_ascii) return nullptr;  // "[é-z]"
        range_pending = true;
        twin.push_back('-');
        ++i;
        continue;
      } else {
        ascii_member();
      }
      twin.push_back(static_cast<char>(c));
      ++i;
      continue;
    }
    if (c == '[') {
      in_class = true;
      twin.push_back('[');
      ++i;
      if (i < pattern.size() && pattern[i] == '^') {
        twin.push_back('^');
        ++i;
      }
      class_start = i;
      last_non_ascii = range_pending = false;
      continue;
    }
    if (c == '(' && i + 1 < pattern.size() && pattern[i + 1] == '?') {
      // Flags "(?i)", "(?mi:": case folding reaches beyond Latin-1.
      size_t j = i + 2;
      if (j < pattern.size() && pattern[j] != 'P') {
        for (; j < pattern.size() && (std::isalpha(static_cast<unsigned char>(
                                          pattern[j])) ||
                                      pattern[j] == '-');
             ++j) {
          if (pattern[j] == 'i') return nullptr;
        }
      }
    }
    twin.push_back(static_cast<char>(c));
    ++i;
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

void Latin1Twins::Compile() {
  compiled_ = true;
  non_ascii_ok_ = false;
  if (too_many_classes_) return;
  RE2::Options quiet;
  quiet.set_log_errors(false);
  for (const std::string& name : classes_) {
    class_res_.push_back(std::make_unique<RE2>("\\p{" + name + "}", quiet));
    if (!class_res_.back()->ok()) return;
  }
  // A named character's own byte is a C1 control to the twins: the
  // character must be in none of the classes a C1 control is not in.
  const uint8_t c1 = Classes(kC1);
  for (const auto& [cp, byte] : named_) {
    if (Classes(cp) != c1) return;
  }
  // The stand-in for each set of classes: a Latin-1 character with the
  // same classes that no pattern names.
  auto offer = [&](int b) {
    const uint8_t set = Classes(b);
    if (!latin1_named_[b] && stand_in_[set] == 0) stand_in_[set] = b;
  };
  offer(kC1);
  for (int b = 0xA0; b <= 0xFF; ++b) offer(b);
  non_ascii_ok_ = true;
}

uint8_t Latin1Twins::Classes(char32_t cp) const {
  std::string ch;
  utf8::Append(cp, &ch);
  uint8_t set = 0;
  for (size_t k = 0; k < class_res_.size(); ++k) {
    if (RE2::FullMatch(ch, *class_res_[k])) set |= 1u << k;
  }
  return set;
}

uint8_t Latin1Twins::StandIn(char32_t cp) const {
  if (cp >= kLimit || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  const size_t b = cp >> 8;
  const uint8_t* block = blocks_[b].load(std::memory_order_acquire);
  if (block == nullptr) {
    absl::MutexLock lock(&mu_);
    block = blocks_[b].load(std::memory_order_relaxed);
    if (block == nullptr) {
      auto bytes = std::make_unique<uint8_t[]>(256);
      for (char32_t i = 0; i < 256; ++i) {
        const char32_t c = (b << 8) | i;
        bytes[i] = (c >= 0xD800 && c <= 0xDFFF) ? 0 : stand_in_[Classes(c)];
      }
      block = bytes.get();
      block_storage_.push_back(std::move(bytes));
      blocks_[b].store(block, std::memory_order_release);
    }
  }
  return block[cp & 0xFF];
}

bool Latin1Twins::Transcode(absl::string_view text, Latin1Text* out) const {
  out->offsets_.clear();
  if (IsAscii(text)) {
    out->bytes_ = text;
    return true;
  }
  out->bytes_ = absl::string_view();
  if (!non_ascii_ok_) return false;
  std::string& bytes = out->storage_;
  std::vector<uint32_t>& offsets = out->offsets_;
  bytes.clear();
  bytes.reserve(text.size());
  offsets.reserve(text.size() + 1);
  for (size_t pos = 0; pos < text.size();) {
    const unsigned char c = text[pos];
    offsets.push_back(static_cast<uint32_t>(pos));
    if (c < 0x80) {
      bytes.push_back(static_cast<char>(c));
      ++pos;
      continue;
    }
    int len = 0;
    const char32_t cp = utf8::Decode(text, pos, &len);
    if (cp == utf8::kReplacement && len == 1) return false;  // invalid
    uint8_t byte;
    if (cp <= 0x9F) {
      byte = kC1;
    } else if (cp <= 0xFF) {
      byte = static_cast<uint8_t>(cp);
    } else {
      auto it = named_.find(cp);
      byte = it != named_.end() ? it->second : StandIn(cp);
      if (byte == 0) return false;
    }
    bytes.push_back(static_cast<char>(byte));
    pos += len;
  }
  offsets.push_back(static_cast<uint32_t>(text.size()));
  out->bytes_ = bytes;
  return true;
}

}  // namespace newsgraph
