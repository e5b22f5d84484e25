#include "extract/gazetteer.h"

#include "absl/status/status.h"
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

}  // namespace

absl::StatusOr<std::unique_ptr<Gazetteer>> Gazetteer::Build(
    std::vector<GazetteerEntry> entries, const Segmenter& segmenter) {
  std::unique_ptr<Gazetteer> g(new Gazetteer());
  g->entries_ = std::move(entries);
  const size_t n = g->entries_.size();
  g->entry_index_.reserve(n);
  g->vocabulary_.reserve(n);
  g->transitions_.reserve(n);
  g->terminals_.reserve(n + n / 2 + 1);
  g->terminals_.emplace_back();  // root
  Segmentation scratch;
  for (int32_t i = 0; i < static_cast<int32_t>(n); ++i) {
    const GazetteerEntry& e = g->entries_[i];
    g->entry_index_.emplace(e.id, i);
    if (!g->AddName(e.canonical, i, segmenter, &scratch)) {
      return absl::InvalidArgumentError(
          absl::StrCat(e.location, ": name \"", e.canonical, "\" has no words"));
    }
    for (const std::string& alias : e.aliases) {
      if (!g->AddName(alias, i, segmenter, &scratch)) {
        return absl::InvalidArgumentError(
            absl::StrCat(e.location, ": alias \"", alias, "\" has no words"));
      }
    }
  }
  return g;
}

bool Gazetteer::AddName(absl::string_view name, int32_t entry,
                        const Segmenter& segmenter, Segmentation* scratch) {
  segmenter.Segment(name, scratch);
  const Segmentation& seg = *scratch;
  int32_t node = 0;
  std::string lower, cased, cased_key;
  bool any = false;
  for (const Token& t : seg.tokens) {
    if (IsHyphen(name, t)) continue;
    const absl::string_view s = name.substr(t.begin, t.end - t.begin);
    NormalizeToken(s, /*fold_case=*/true, &lower);
    NormalizeToken(s, /*fold_case=*/false, &cased);
    if (lower.empty()) continue;  // a lone period
    auto [vit, inserted] = vocabulary_.emplace(
        lower, static_cast<int32_t>(vocabulary_.size()));
    const int32_t token = vit->second;
    const int32_t fresh = static_cast<int32_t>(terminals_.size());
    if (node == 0) {
      if (static_cast<size_t>(token) >= root_children_.size()) {
        root_children_.resize(token + 1, -1);
      }
      int32_t& child = root_children_[token];
      if (child < 0) {
        child = fresh;
        terminals_.emplace_back();
      }
      node = child;
    } else {
      auto [tit, added] = transitions_.emplace(Key(node, token), fresh);
      if (added) terminals_.emplace_back();
      node = tit->second;
    }
    if (any) cased_key.push_back('\x1f');
    cased_key += cased;
    any = true;
  }
  if (!any) return false;
  for (const Terminal& t : terminals_[node]) {
    if (t.entry == entry && t.cased_key == cased_key) return true;  // repeat
  }
  terminals_[node].push_back(Terminal{entry, std::move(cased_key)});
  return true;
}

int32_t Gazetteer::Child(int32_t node, int32_t token) const {
  if (node == 0) {
    return static_cast<size_t>(token) < root_children_.size()
               ? root_children_[token]
               : -1;
  }
  auto it = transitions_.find(Key(node, token));
  return it == transitions_.end() ? -1 : it->second;
}

int32_t Gazetteer::TokenId(absl::string_view key) const {
  auto it = vocabulary_.find(key);
  return it == vocabulary_.end() ? -1 : it->second;
}

int32_t Gazetteer::Find(absl::string_view id) const {
  auto it = entry_index_.find(id);
  return it == entry_index_.end() ? -1 : it->second;
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
      const std::vector<Terminal>& hits = terminals_[node];
      if (hits.empty()) continue;
      const uint32_t begin = tokens[start].begin;
      const uint32_t end = tokens[i].end;
      const absl::string_view surface = text.substr(begin, end - begin);
      // Cased key of the matched tokens, built only on a hit.
      span_key.clear();
      for (size_t j = start; j <= i; ++j) {
        if (ids[j] == -2) continue;
        NormalizeToken(text.substr(tokens[j].begin,
                                   tokens[j].end - tokens[j].begin),
                       false, &cased);
        if (!span_key.empty()) span_key.push_back('\x1f');
        span_key += cased;
      }
      const bool all_caps = IsAllCaps(surface);
      for (const Terminal& hit : hits) {
        const GazetteerEntry& e = entries_[hit.entry];
        if (!e.case_insensitive && !all_caps && hit.cased_key != span_key) {
          continue;
        }
        Candidate c;
        c.begin = begin;
        c.end = end;
        c.label = e.label;
        c.source = Source::kGazetteer;
        c.priority = e.priority;
        c.entry = hit.entry;
        c.rule_id = e.id;
        out->push_back(c);
      }
    }
  }
}

}  // namespace newsgraph
