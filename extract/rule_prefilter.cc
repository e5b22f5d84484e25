#include "extract/rule_prefilter.h"

#include <algorithm>

namespace newsgraph {
namespace {

// Lower-cases `text` into *out the way FilteredRE2's atoms are: ASCII
// letters, and the non-ASCII letters whose lower case or case fold is ASCII
// (U+0130 -> i, U+017F -> s, U+212A -> k). Other bytes are copied.
void Lower(absl::string_view text, std::string* out) {
  out->resize(text.size());
  char* dst = &(*out)[0];
  const unsigned char* p = reinterpret_cast<const unsigned char*>(text.data());
  const unsigned char* const end = p + text.size();
  while (p < end) {
    const unsigned char c = *p;
    if (c < 0x80) {
      *dst++ = static_cast<char>((c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c);
      ++p;
    } else if (c == 0xC4 && end - p >= 2 && p[1] == 0xB0) {
      *dst++ = 'i';
      p += 2;
    } else if (c == 0xC5 && end - p >= 2 && p[1] == 0xBF) {
      *dst++ = 's';
      p += 2;
    } else if (c == 0xE2 && end - p >= 3 && p[1] == 0x84 && p[2] == 0xAA) {
      *dst++ = 'k';
      p += 3;
    } else {
      *dst++ = static_cast<char>(c);
      ++p;
    }
  }
  out->resize(dst - out->data());
}

// True if every non-ASCII character of the UTF-8 `atom` is one without case
// (punctuation, spaces and symbols: ’ “ — NBSP €; not the micro sign,
// which folds to Greek mu), so that the atom's bytes
// occur in Lower()'s output exactly when the text holds the atom in any
// case. Atoms with other non-ASCII characters ("élysée") or invalid UTF-8
// are not searched for.
bool CaselessBeyondAscii(absl::string_view atom) {
  const unsigned char* p = reinterpret_cast<const unsigned char*>(atom.data());
  const unsigned char* const end = p + atom.size();
  while (p < end) {
    if (*p < 0x80) {
      ++p;
      continue;
    }
    uint32_t cp;
    int len;
    if ((*p & 0xE0) == 0xC0) {
      cp = *p & 0x1F;
      len = 2;
    } else if ((*p & 0xF0) == 0xE0) {
      cp = *p & 0x0F;
      len = 3;
    } else {
      return false;  // 4-byte characters and invalid bytes
    }
    if (end - p < len) return false;
    for (int i = 1; i < len; ++i) {
      if ((p[i] & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (p[i] & 0x3F);
    }
    p += len;
    const bool caseless = (cp >= 0x00A0 && cp <= 0x00BF && cp != 0x00B5) ||
                          cp == 0x00D7 ||
                          cp == 0x00F7 ||
                          (cp >= 0x2000 && cp <= 0x206F) ||  // punctuation
                          (cp >= 0x20A0 && cp <= 0x20CF);    // currency
    if (!caseless) return false;
  }
  return true;
}

}  // namespace

RulePrefilter::RulePrefilter(int min_atom_len) : filter_(min_atom_len) {}

const RE2* RulePrefilter::Add(absl::string_view pattern,
                              const RE2::Options& options, std::string* error,
                              std::string* error_arg) {
  const re2::StringPiece p(pattern.data(), pattern.size());
  int id = -1;
  if (filter_.Add(p, options, &id) != RE2::NoError) {
    // FilteredRE2 keeps no failed regex: compile again for the message.
    RE2 re(p, options);
    if (error != nullptr) *error = re.error();
    if (error_arg != nullptr) *error_arg = re.error_arg();
    return nullptr;
  }
  ++size_;
  return &filter_.GetRE2(id);
}

void RulePrefilter::Compile() {
  compiled_ = true;
  if (size_ == 0) return;  // FilteredRE2 refuses to compile nothing
  std::vector<std::string> atoms;
  filter_.Compile(&atoms);
  atom_count_ = atoms.size();
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingLatin1);
  options.set_log_errors(false);
  options.set_max_mem(64 << 20);
  auto set = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
  for (size_t i = 0; i < atoms.size(); ++i) {
    if (!CaselessBeyondAscii(atoms[i])) {
      always_atoms_.push_back(static_cast<int>(i));
    } else if (set->Add(RE2::QuoteMeta(atoms[i]), nullptr) >= 0) {
      set_atoms_.push_back(static_cast<int>(i));
    } else {
      always_atoms_.push_back(static_cast<int>(i));
    }
  }
  if (!set_atoms_.empty() && set->Compile()) {
    set_ = std::move(set);
  } else {
    for (int a : set_atoms_) always_atoms_.push_back(a);
    set_atoms_.clear();
  }
  std::vector<int> potentials;
  filter_.AllPotentials(always_atoms_, &potentials);
  unfiltered_.assign(size_, 0);
  for (int i : potentials) unfiltered_[i] = 1;
}

void RulePrefilter::Filter(absl::string_view text, Scratch* scratch,
                           std::vector<uint8_t>* may_match) const {
  may_match->assign(size_, 0);
  if (size_ == 0) return;
  std::vector<int>& atoms = scratch->atoms;
  atoms.clear();
  if (set_ != nullptr) {
    Lower(text, &scratch->lowered);
    std::vector<int>& found = scratch->potentials;  // reused as a buffer
    RE2::Set::ErrorInfo error;
    if (!set_->Match(scratch->lowered, &found, &error) &&
        error.kind != RE2::Set::kNoError) {
      may_match->assign(size_, 1);  // could not search: run everything
      return;
    }
    for (int i : found) atoms.push_back(set_atoms_[i]);
  }
  atoms.insert(atoms.end(), always_atoms_.begin(), always_atoms_.end());
  filter_.AllPotentials(atoms, &scratch->potentials);
  for (int i : scratch->potentials) (*may_match)[i] = 1;
}

}  // namespace newsgraph
