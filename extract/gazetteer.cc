#include "extract/gazetteer.h"

#include <algorithm>
#include <limits>

#include "absl/status/status.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "extract/normalizer.h"

namespace newsgraph {
namespace {

bool IsHyphen(absl::string_view text, const Token& t) {
  const absl::string_view s = text.substr(t.begin, t.end - t.begin);
  return t.kind == Token::kPunct &&
         (s == "-" || s == "\xE2\x80\x90" || s == "\xE2\x80\x91");
}

uint64_t Key(int32_t node, int32_t token) {
  return (static_cast<uint64_t>(node) << 32) | static_cast<uint32_t>(token);
}

// True if `name` has only ASCII letters, digits and spaces: then its tokens
// are its runs of letters and digits, exactly as the Segmenter makes them,
// and their normalized forms are themselves (lower-cased for the key).
bool IsPlainName(absl::string_view name) {
  for (const char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
          (c >= '0' && c <= '9') || c == ' ')) {
      return false;
    }
  }
  return true;
}

// Calls fn(lower, cased) for each token of `name` that takes part in
// matching (hyphens and lone periods do not), with its normalized forms.
template <typename Fn>
void ForEachNameToken(absl::string_view name, const Segmenter& segmenter,
                      Segmentation* scratch, std::string* lower,
                      std::string* cased, Fn fn) {
  if (IsPlainName(name)) {  // the common case, without the Segmenter
    size_t pos = 0;
    while (pos < name.size()) {
      if (name[pos] == ' ') {
        ++pos;
        continue;
      }
      size_t end = name.find(' ', pos);
      if (end == absl::string_view::npos) end = name.size();
      const absl::string_view token = name.substr(pos, end - pos);
      lower->assign(token.data(), token.size());
      for (char& c : *lower) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      }
      cased->assign(token.data(), token.size());
      fn(*lower, *cased);
      pos = end;
    }
    return;
  }
  segmenter.Segment(name, scratch);
  for (const Token& t : scratch->tokens) {
    if (IsHyphen(name, t)) continue;
    const absl::string_view s = name.substr(t.begin, t.end - t.begin);
    NormalizeToken(s, /*fold_case=*/true, lower);
    if (lower->empty()) continue;  // a lone period
    NormalizeToken(s, /*fold_case=*/false, cased);
    fn(*lower, *cased);
  }
}

// Splits "path:line" into its parts when it renders back exactly.
void SplitLocation(absl::string_view location, absl::string_view* file,
                   uint32_t* line, uint32_t no_line) {
  *file = location;
  *line = no_line;
  const size_t colon = location.rfind(':');
  if (colon == absl::string_view::npos) return;
  const absl::string_view digits = location.substr(colon + 1);
  uint32_t n;
  if (digits.empty() || (digits.size() > 1 && digits[0] == '0') ||
      digits[0] == '+' || digits[0] == '-' || !absl::SimpleAtoi(digits, &n) ||
      n == no_line) {
    return;
  }
  *file = location.substr(0, colon);
  *line = n;
}

// Raw arrays in images: a uint64 element count, then the elements.
template <typename T>
void WriteArray(const std::vector<T>& v, std::ostream* out) {
  const uint64_t n = v.size();
  out->write(reinterpret_cast<const char*>(&n), sizeof(n));
  out->write(reinterpret_cast<const char*>(v.data()), n * sizeof(T));
}
void WriteChars(const std::string& s, std::ostream* out) {
  const uint64_t n = s.size();
  out->write(reinterpret_cast<const char*>(&n), sizeof(n));
  out->write(s.data(), n);
}

// Reads arrays while at most `left` bytes remain, so that a damaged count
// cannot ask for more memory than the image has.
class ImageReader {
 public:
  explicit ImageReader(std::istream* in) : in_(in) {
    const std::streampos here = in->tellg();
    if (here != std::streampos(-1) && in->seekg(0, std::ios::end)) {
      const std::streampos end = in->tellg();
      if (end != std::streampos(-1) && end >= here) {
        left_ = static_cast<uint64_t>(end - here);
      }
    }
    in->clear();
    in->seekg(here);
  }

  bool Read(void* data, uint64_t bytes) {
    if (bytes > left_) return false;
    left_ -= bytes;
    return static_cast<bool>(in_->read(static_cast<char*>(data), bytes));
  }
  template <typename T>
  bool Array(std::vector<T>* v) {
    uint64_t n;
    if (!Read(&n, sizeof(n)) || n > left_ / sizeof(T)) return false;
    v->resize(n);
    return Read(v->data(), n * sizeof(T));
  }
  bool Chars(std::string* s) {
    uint64_t n;
    if (!Read(&n, sizeof(n)) || n > left_) return false;
    s->resize(n);
    return Read(&(*s)[0], n);
  }

 private:
  std::istream* in_;
  uint64_t left_ = uint64_t{1} << 40;
};

}  // namespace

bool Gazetteer::StringTable::Add(absl::string_view s) {
  if (chars.size() + s.size() > std::numeric_limits<uint32_t>::max()) {
    return false;
  }
  chars.append(s.data(), s.size());
  ends.push_back(static_cast<uint32_t>(chars.size()));
  return true;
}

absl::StatusOr<std::unique_ptr<Gazetteer>> Gazetteer::Build(
    std::vector<GazetteerEntry> entries, const Segmenter& segmenter) {
  static_assert(sizeof(EntryInfo) == 16, "EntryInfo has no padding");
  std::unique_ptr<Gazetteer> g(new Gazetteer());
  const size_t n = entries.size();
  const absl::Status too_big = absl::ResourceExhaustedError(
      "gazetteer: more than 4 GB of names");
  // Entries.
  size_t chars = 0, strings = 0;
  for (const GazetteerEntry& e : entries) {
    chars += e.id.size() + e.canonical.size() + e.subtype.size() +
             e.external_id.size();
    for (const std::string& a : e.aliases) chars += a.size();
    strings += kFirstAlias + e.aliases.size();
  }
  g->info_.reserve(n);
  g->first_string_.reserve(n + 1);
  g->strings_.chars.reserve(std::min<size_t>(chars, 0xFFFFFFFFu));
  g->strings_.ends.reserve(strings);
  absl::flat_hash_map<std::string, uint32_t> files;
  for (const GazetteerEntry& e : entries) {
    absl::string_view file;
    EntryInfo info = {};
    SplitLocation(e.location, &file, &info.line, kNoLine);
    auto [it, added] =
        files.emplace(file, static_cast<uint32_t>(g->files_.size()));
    if (added) g->files_.emplace_back(file);
    info.file = it->second;
    info.priority = e.priority;
    info.label = e.label;
    info.case_insensitive = e.case_insensitive ? 1 : 0;
    g->info_.push_back(info);
    g->first_string_.push_back(static_cast<uint32_t>(g->strings_.size()));
    bool ok = g->strings_.Add(e.id) && g->strings_.Add(e.canonical) &&
              g->strings_.Add(e.subtype) && g->strings_.Add(e.external_id);
    for (const std::string& a : e.aliases) ok = ok && g->strings_.Add(a);
    if (!ok) return too_big;
  }
  g->first_string_.push_back(static_cast<uint32_t>(g->strings_.size()));

  // Trie. Terminals are collected in order, then grouped by node.
  g->transitions_.reserve(n);
  g->root_children_.reserve(n / 4);
  std::vector<int32_t> term_node, term_entry;
  std::vector<uint32_t> term_key;
  term_node.reserve(strings - n * kFirstAlias + n);
  term_entry.reserve(term_node.capacity());
  term_key.reserve(term_node.capacity());
  int32_t nodes = 1;  // the root
  Segmentation scratch;
  std::string lower, cased, cased_key;
  for (int32_t i = 0; i < static_cast<int32_t>(n); ++i) {
    const GazetteerEntry& e = entries[i];
    const size_t first_terminal = term_node.size();
    for (size_t k = 0; k <= e.aliases.size(); ++k) {
      const std::string& name = k == 0 ? e.canonical : e.aliases[k - 1];
      int32_t node = 0;
      cased_key.clear();
      bool any = false;
      ForEachNameToken(
          name, segmenter, &scratch, &lower, &cased,
          [&](const std::string& lower, const std::string& cased) {
            auto [vit, inserted] = g->vocabulary_.emplace(
                lower, static_cast<int32_t>(g->vocabulary_.size()));
            if (inserted) {
              g->tokens_.Add(lower);
              g->root_children_.push_back(-1);
            }
            const int32_t token = vit->second;
            if (node == 0) {
              int32_t& child = g->root_children_[token];
              if (child < 0) child = nodes++;
              node = child;
            } else {
              auto [tit, added] = g->transitions_.emplace(Key(node, token), nodes);
              if (added) ++nodes;
              node = tit->second;
            }
            if (any) cased_key.push_back('\x1f');
            cased_key += cased;
            any = true;
          });
      if (!any) {
        return absl::InvalidArgumentError(absl::StrCat(
            e.location, ": ", k == 0 ? "name" : "alias", " \"", name,
            "\" has no words"));
      }
      if (g->tokens_.chars.size() > 0xFFFFFFFFu - 1024) return too_big;
      bool repeat = false;  // a name the entry already has
      for (size_t t = first_terminal; t < term_node.size() && !repeat; ++t) {
        repeat = term_node[t] == node && g->SameKey(term_key[t], cased_key);
      }
      if (repeat) continue;
      // Most names are their cased key, with spaces between the tokens:
      // then the name itself serves as the key.
      const uint32_t name_string = g->first_string_[i] +
                                   (k == 0 ? kCanonical : kFirstAlias + k - 1);
      uint32_t key = name_string;
      if (name_string >= kCasedKey || !g->SameKey(name_string, cased_key)) {
        key = kCasedKey | static_cast<uint32_t>(g->cased_keys_.size());
        if (!g->cased_keys_.Add(cased_key) ||
            g->cased_keys_.size() >= kCasedKey) {
          return too_big;
        }
      }
      term_node.push_back(node);
      term_entry.push_back(i);
      term_key.push_back(key);
    }
  }
  entries.clear();
  entries.shrink_to_fit();

  // Group the terminals by node, keeping their order.
  g->terminal_begin_.assign(nodes + 1, 0);
  for (const int32_t node : term_node) ++g->terminal_begin_[node + 1];
  for (int32_t k = 0; k < nodes; ++k) {
    g->terminal_begin_[k + 1] += g->terminal_begin_[k];
  }
  std::vector<uint32_t> order(term_node.size());
  {
    std::vector<uint32_t> next(g->terminal_begin_.begin(),
                               g->terminal_begin_.end() - 1);
    for (size_t t = 0; t < term_node.size(); ++t) {
      order[next[term_node[t]]++] = static_cast<uint32_t>(t);
    }
  }
  g->terminal_entry_.resize(order.size());
  g->terminal_key_.resize(order.size());
  for (size_t k = 0; k < order.size(); ++k) {
    g->terminal_entry_[k] = term_entry[order[k]];
    g->terminal_key_[k] = term_key[order[k]];
  }
  return g;
}

absl::Status Gazetteer::Write(std::ostream* out) const {
  // Parent and token of every node but the root, from the hash indexes.
  const size_t nodes = node_count();
  std::vector<int32_t> parent(nodes, 0), token(nodes, 0);
  for (size_t t = 0; t < root_children_.size(); ++t) {
    if (root_children_[t] >= 0) token[root_children_[t]] = static_cast<int32_t>(t);
  }
  for (const auto& [key, child] : transitions_) {
    parent[child] = static_cast<int32_t>(key >> 32);
    token[child] = static_cast<int32_t>(key & 0xFFFFFFFFu);
  }
  parent.erase(parent.begin());
  token.erase(token.begin());
  StringTable files;
  for (const std::string& f : files_) {
    if (!files.Add(f)) return absl::ResourceExhaustedError("too many files");
  }
  const uint32_t version = kImageVersion;
  out->write(reinterpret_cast<const char*>(&version), sizeof(version));
  WriteArray(info_, out);
  WriteArray(first_string_, out);
  WriteChars(strings_.chars, out);
  WriteArray(strings_.ends, out);
  WriteChars(files.chars, out);
  WriteArray(files.ends, out);
  WriteChars(tokens_.chars, out);
  WriteArray(tokens_.ends, out);
  WriteArray(parent, out);
  WriteArray(token, out);
  WriteArray(terminal_begin_, out);
  WriteArray(terminal_entry_, out);
  WriteArray(terminal_key_, out);
  WriteChars(cased_keys_.chars, out);
  WriteArray(cased_keys_.ends, out);
  if (!*out) return absl::DataLossError("write error");
  return absl::OkStatus();
}

namespace {

bool ValidEnds(const std::vector<uint32_t>& ends, size_t chars) {
  uint32_t last = 0;
  for (const uint32_t e : ends) {
    if (e < last) return false;
    last = e;
  }
  return last == chars;
}

}  // namespace

absl::StatusOr<std::unique_ptr<Gazetteer>> Gazetteer::Read(std::istream* in) {
  std::unique_ptr<Gazetteer> g(new Gazetteer());
  const absl::Status corrupt =
      absl::InvalidArgumentError("corrupt gazetteer image");
  ImageReader r(in);
  uint32_t version = 0;
  if (!r.Read(&version, sizeof(version))) return corrupt;
  if (version != kImageVersion) {
    return absl::InvalidArgumentError(
        absl::StrCat("gazetteer image version ", version,
                     " is not supported (expected ", kImageVersion, ")"));
  }
  StringTable files;
  std::vector<int32_t> parent, token;
  if (!r.Array(&g->info_) || !r.Array(&g->first_string_) ||
      !r.Chars(&g->strings_.chars) || !r.Array(&g->strings_.ends) ||
      !r.Chars(&files.chars) || !r.Array(&files.ends) ||
      !r.Chars(&g->tokens_.chars) || !r.Array(&g->tokens_.ends) ||
      !r.Array(&parent) || !r.Array(&token) ||
      !r.Array(&g->terminal_begin_) || !r.Array(&g->terminal_entry_) ||
      !r.Array(&g->terminal_key_) || !r.Chars(&g->cased_keys_.chars) ||
      !r.Array(&g->cased_keys_.ends)) {
    return corrupt;
  }
  // Consistency, so that no lookup can leave the arrays.
  if (!ValidEnds(g->strings_.ends, g->strings_.chars.size()) ||
      !ValidEnds(files.ends, files.chars.size()) ||
      !ValidEnds(g->tokens_.ends, g->tokens_.chars.size()) ||
      !ValidEnds(g->cased_keys_.ends, g->cased_keys_.chars.size()) ||
      g->first_string_.size() != g->info_.size() + 1 ||
      g->first_string_.front() != 0 ||
      g->first_string_.back() != g->strings_.size() ||
      g->terminal_begin_.empty() || g->terminal_begin_.front() != 0 ||
      g->terminal_begin_.back() != g->terminal_entry_.size() ||
      g->terminal_key_.size() != g->terminal_entry_.size() ||
      parent.size() != g->terminal_begin_.size() - 2 ||
      token.size() != parent.size()) {
    return corrupt;
  }
  for (size_t i = 0; i < g->info_.size(); ++i) {
    const EntryInfo& e = g->info_[i];
    const uint8_t label = static_cast<uint8_t>(e.label);
    if (g->first_string_[i + 1] < g->first_string_[i] + kFirstAlias ||
        e.file >= files.size() || label < 1 || label > 6) {
      return corrupt;
    }
  }
  for (size_t k = 0; k + 1 < g->terminal_begin_.size(); ++k) {
    if (g->terminal_begin_[k + 1] < g->terminal_begin_[k]) return corrupt;
  }
  for (const int32_t e : g->terminal_entry_) {
    if (e < 0 || static_cast<size_t>(e) >= g->info_.size()) return corrupt;
  }
  for (const uint32_t key : g->terminal_key_) {
    if ((key & kCasedKey) != 0 ? (key & ~kCasedKey) >= g->cased_keys_.size()
                               : key >= g->strings_.size()) {
      return corrupt;
    }
  }
  for (size_t i = 0; i < files.size(); ++i) {
    g->files_.emplace_back(files.get(i));
  }
  const absl::Status s = g->Index(parent, token);
  if (!s.ok()) return s;
  return g;
}

absl::Status Gazetteer::Index(const std::vector<int32_t>& parent,
                              const std::vector<int32_t>& token) {
  const absl::Status corrupt =
      absl::InvalidArgumentError("corrupt gazetteer image");
  const size_t vocabulary = tokens_.size();
  vocabulary_.reserve(vocabulary);
  for (size_t t = 0; t < vocabulary; ++t) {
    const absl::string_view s = tokens_.get(t);
    if (!vocabulary_.emplace(std::string(s), static_cast<int32_t>(t)).second) {
      return corrupt;
    }
  }
  root_children_.assign(vocabulary, -1);
  transitions_.reserve(parent.size());
  for (size_t k = 0; k < parent.size(); ++k) {
    const int32_t node = static_cast<int32_t>(k + 1);
    // Parents come before their children.
    if (parent[k] < 0 || parent[k] >= node || token[k] < 0 ||
        static_cast<size_t>(token[k]) >= vocabulary) {
      return corrupt;
    }
    if (parent[k] == 0) {
      if (root_children_[token[k]] >= 0) return corrupt;
      root_children_[token[k]] = node;
    } else if (!transitions_.emplace(Key(parent[k], token[k]), node).second) {
      return corrupt;
    }
  }
  return absl::OkStatus();
}

GazetteerEntryView Gazetteer::entry(int32_t i) const {
  const EntryInfo& info = info_[i];
  const uint32_t s = first_string_[i];
  GazetteerEntryView v;
  v.id = strings_.get(s + kId);
  v.label = info.label;
  v.canonical = strings_.get(s + kCanonical);
  v.subtype = strings_.get(s + kSubtype);
  v.external_id = strings_.get(s + kExternalId);
  v.priority = info.priority;
  v.case_insensitive = info.case_insensitive != 0;
  return v;
}

std::string Gazetteer::location(int32_t i) const {
  const EntryInfo& info = info_[i];
  if (info.line == kNoLine) return files_[info.file];
  return absl::StrCat(files_[info.file], ":", info.line);
}

GazetteerEntry Gazetteer::full_entry(int32_t i) const {
  const GazetteerEntryView v = entry(i);
  GazetteerEntry e;
  e.id = std::string(v.id);
  e.label = v.label;
  e.canonical = std::string(v.canonical);
  for (uint32_t s = first_string_[i] + kFirstAlias; s < first_string_[i + 1];
       ++s) {
    e.aliases.emplace_back(strings_.get(s));
  }
  e.subtype = std::string(v.subtype);
  e.external_id = std::string(v.external_id);
  e.priority = v.priority;
  e.case_insensitive = v.case_insensitive;
  e.location = location(i);
  return e;
}

bool Gazetteer::SameKey(uint32_t key, absl::string_view cased_key) const {
  if ((key & kCasedKey) != 0) {
    return cased_keys_.get(key & ~kCasedKey) == cased_key;
  }
  const absl::string_view name = strings_.get(key);
  if (name.size() != cased_key.size()) return false;
  for (size_t i = 0; i < name.size(); ++i) {
    if ((name[i] == ' ' ? '\x1f' : name[i]) != cased_key[i]) return false;
  }
  return true;
}

int32_t Gazetteer::Child(int32_t node, int32_t token) const {
  if (node == 0) return root_children_[token];
  auto it = transitions_.find(Key(node, token));
  return it == transitions_.end() ? -1 : it->second;
}

int32_t Gazetteer::TokenId(absl::string_view key) const {
  auto it = vocabulary_.find(key);
  return it == vocabulary_.end() ? -1 : it->second;
}

int32_t Gazetteer::Find(absl::string_view id) const {
  absl::call_once(id_index_once_, [this] {
    id_index_.reserve(info_.size());
    for (size_t i = 0; i < info_.size(); ++i) {
      id_index_.emplace(strings_.get(first_string_[i] + kId),
                        static_cast<int32_t>(i));
    }
  });
  auto it = id_index_.find(id);
  return it == id_index_.end() ? -1 : it->second;
}

void Gazetteer::Match(absl::string_view text, const Segmentation& seg,
                      std::vector<Candidate>* out) const {
  const std::vector<Token>& tokens = seg.tokens;
  // Token ids of the lower-cased normalized tokens; -1 unknown, -2 hyphen.
  std::vector<int32_t> ids(tokens.size());
  std::string key;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    if (IsHyphen(text, t)) {
      ids[i] = -2;
      continue;
    }
    NormalizeToken(text.substr(t.begin, t.end - t.begin), true, &key);
    ids[i] = TokenId(key);
  }
  std::string cased, span_key;
  for (size_t start = 0; start < tokens.size(); ++start) {
    if (ids[start] < 0) continue;
    int32_t node = 0;
    for (size_t i = start; i < tokens.size(); ++i) {
      if (ids[i] == -2) continue;  // hyphen inside a name
      if (ids[i] < 0) break;
      node = Child(node, ids[i]);
      if (node < 0) break;
      const uint32_t first = terminal_begin_[node];
      const uint32_t last = terminal_begin_[node + 1];
      if (first == last) continue;
      const uint32_t begin = tokens[start].begin;
      const uint32_t end = tokens[i].end;
      const absl::string_view surface = text.substr(begin, end - begin);
      const bool all_caps = IsAllCaps(surface);
      bool have_span_key = false;
      for (uint32_t t = first; t < last; ++t) {
        const int32_t entry = terminal_entry_[t];
        const EntryInfo& e = info_[entry];
        if (!e.case_insensitive && !all_caps) {
          if (!have_span_key) {
            // Cased key of the matched tokens, built only when needed.
            span_key.clear();
            for (size_t j = start; j <= i; ++j) {
              if (ids[j] == -2) continue;
              NormalizeToken(text.substr(tokens[j].begin,
                                         tokens[j].end - tokens[j].begin),
                             false, &cased);
              if (!span_key.empty()) span_key.push_back('\x1f');
              span_key += cased;
            }
            have_span_key = true;
          }
          if (!SameKey(terminal_key_[t], span_key)) continue;
        }
        Candidate c;
        c.begin = begin;
        c.end = end;
        c.label = e.label;
        c.source = Source::kGazetteer;
        c.priority = e.priority;
        c.entry = entry;
        c.rule_id = strings_.get(first_string_[entry] + kId);
        out->push_back(c);
      }
    }
  }
}

}  // namespace newsgraph
