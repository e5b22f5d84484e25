#include "extract/resolver.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <set>
#include <tuple>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "extract/internal/name_words.h"
#include "extract/normalizer.h"

namespace newsgraph {
namespace {

constexpr absl::string_view kAcronymRule = "resolver.acronym";
constexpr absl::string_view kSurnameRule = "resolver.surname";
constexpr absl::string_view kGivenNameRule = "resolver.given_name";
constexpr absl::string_view kFamilyRule = "resolver.family_name";

// A mention being built, with what the clustering needs to know.
struct Work {
  ResolvedMention m;
  int32_t entry = -1;
  int32_t priority = 0;  // of the candidate
  // Lower-cased normalized words, initials and punctuation dropped.
  std::vector<std::string> words;
  // Original words (same positions as `words`), for canonical names.
  std::vector<std::string> surface_words;
  // Index of the mention this one is an acronym or short form of, or -1.
  int32_t link = -1;
  // A family group ("Tsarnaevs", "the Tsarnaev brothers"); key is the name.
  std::string group;
};

class UnionFind {
 public:
  explicit UnionFind(size_t n) : parent_(n) {
    std::iota(parent_.begin(), parent_.end(), 0);
  }
  int32_t Find(int32_t x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  // The root becomes the smaller index, so roots are first mentions.
  void Union(int32_t a, int32_t b) {
    a = Find(a), b = Find(b);
    if (a == b) return;
    if (b < a) std::swap(a, b);
    parent_[b] = a;
  }

 private:
  std::vector<int32_t> parent_;
};

absl::string_view Slice(absl::string_view text, uint32_t b, uint32_t e) {
  return text.substr(b, e - b);
}

bool IsInitial(absl::string_view tok) {
  // "V." or a single capital letter.
  return (tok.size() == 2 && tok[1] == '.' && absl::ascii_isupper(tok[0])) ||
         (tok.size() == 1 && absl::ascii_isupper(tok[0]));
}

// Fills w->words and w->surface_words from the tokens inside the mention.
void FillWords(absl::string_view text, const Segmentation& seg, Work* w) {
  auto it = std::lower_bound(
      seg.tokens.begin(), seg.tokens.end(), w->m.begin,
      [](const Token& t, uint32_t off) { return t.begin < off; });
  std::string key;
  for (; it != seg.tokens.end() && it->end <= w->m.end; ++it) {
    const absl::string_view s = Slice(text, it->begin, it->end);
    if (it->kind == Token::kPunct || it->kind == Token::kPossessive) continue;
    if (w->m.label == Label::kPerson && IsInitial(s)) continue;
    NormalizeToken(s, true, &key);
    if (key.empty()) continue;
    w->words.push_back(key);
    w->surface_words.emplace_back(s);
  }
}

// True if `word` (normalized) is the family name of the person named by
// `full`: its last word, or in a name of three or more words a middle word
// that is not a given name ("Endara" in "Guillermo David Endara Galimany").
bool IsFamilyWord(const Work& full, const std::string& word,
                  const absl::flat_hash_set<std::string>& given_name_words) {
  if (full.words.back() == word) return true;
  for (size_t k = 1; k + 1 < full.words.size(); ++k) {
    if (full.words[k] == word &&
        !given_name_words.contains(full.surface_words[k])) {
      return true;
    }
  }
  return false;
}

// Key of a two-word family name: the particle in lower case, a space, the
// name ("de Masi").
std::string ParticleFamilyKey(absl::string_view particle,
                              absl::string_view name) {
  return absl::StrCat(absl::AsciiStrToLower(particle), " ", name);
}

// Clustering key of a person's full name: "P:first last".
std::string PersonKey(const std::vector<std::string>& words) {
  return absl::StrCat("P:", words.front(), " ", words.back());
}

std::string Slug(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) {
    if (!out.empty()) out.push_back('_');
    for (char c : w) {
      out.push_back(absl::ascii_isalnum(static_cast<unsigned char>(c)) ||
                            static_cast<unsigned char>(c) >= 0x80
                        ? c
                        : '_');
    }
  }
  return out;
}

}  // namespace

Resolver::Resolver(const Gazetteer* gazetteer)
    : Resolver(gazetteer, Options()) {}

Resolver::Resolver(const Gazetteer* gazetteer, const Options& options)
    : gazetteer_(gazetteer), options_(options) {
  for (int& r : label_rank_) r = 100;
  for (size_t i = 0; i < options_.label_precedence.size(); ++i) {
    label_rank_[static_cast<int>(options_.label_precedence[i])] =
        static_cast<int>(i);
  }
}

// The clustering key of gazetteer PERSON entry `entry`'s canonical name, or
// "" (not a person, or fewer than two words).
std::string Resolver::EntryPersonKey(int32_t entry) const {
  const GazetteerEntryView e = gazetteer_->entry(entry);
  if (e.label != Label::kPerson) return std::string();
  const Segmentation seg = segmenter_.Segment(e.canonical);
  std::vector<std::string> words;
  std::string key;
  for (const Token& t : seg.tokens) {
    const absl::string_view s = Slice(e.canonical, t.begin, t.end);
    if (t.kind == Token::kPunct || IsInitial(s)) continue;
    NormalizeToken(s, true, &key);
    if (!key.empty()) words.push_back(key);
  }
  return words.size() >= 2 ? PersonKey(words) : std::string();
}

ResolvedDocument Resolver::Resolve(absl::string_view text,
                                   const Segmentation& seg,
                                   std::vector<Candidate> candidates) const {
  ResolvedDocument doc;
  if (seg.tokens.empty()) return doc;

  // 1. Vetoes and demonyms.
  std::vector<Candidate> vetoes;
  std::vector<Candidate> names;
  // Words of the text that are given names ("David").
  absl::flat_hash_set<std::string> given_name_words;
  for (const Candidate& c : candidates) {
    if (c.label == Label::kVeto) {
      vetoes.push_back(c);
    } else if (c.label == Label::kDemonym) {
      doc.demonyms.push_back(c);
    } else if (c.label == Label::kGivenName) {
      given_name_words.emplace(Slice(text, c.begin, c.end));
    } else {
      names.push_back(c);
    }
  }
  std::sort(doc.demonyms.begin(), doc.demonyms.end(),
            [](const Candidate& a, const Candidate& b) {
              return std::tie(a.begin, a.end, a.entry) <
                     std::tie(b.begin, b.end, b.entry);
            });
  if (!vetoes.empty()) {
    std::vector<Candidate> kept;
    for (const Candidate& c : names) {
      bool vetoed = false;
      for (const Candidate& v : vetoes) {
        if (c.begin >= v.begin && c.end <= v.end) {
          doc.rejected.push_back(
              {c, -1, absl::StrCat("vetoed by ", v.rule_id)});
          vetoed = true;
          break;
        }
      }
      if (!vetoed) kept.push_back(c);
    }
    names.swap(kept);
  }

  // 2. Overlaps.
  std::sort(names.begin(), names.end(),
            [this](const Candidate& a, const Candidate& b) {
              const int ra = label_rank_[static_cast<int>(a.label)];
              const int rb = label_rank_[static_cast<int>(b.label)];
              return std::make_tuple(-a.priority, -static_cast<int64_t>(a.length()),
                                     a.begin, a.source, ra, a.entry, a.rule_id) <
                     std::make_tuple(-b.priority, -static_cast<int64_t>(b.length()),
                                     b.begin, b.source, rb, b.entry, b.rule_id);
            });
  // Kept spans by begin -> index in `kept`.
  std::map<uint32_t, size_t> by_begin;
  std::vector<Candidate> kept;
  std::vector<std::pair<Candidate, size_t>> losers;
  auto overlapping = [&](uint32_t b, uint32_t e) -> int64_t {
    auto it = by_begin.lower_bound(e);  // first kept starting at or after e
    if (it == by_begin.begin()) return -1;
    --it;
    const Candidate& k = kept[it->second];
    return k.end > b ? static_cast<int64_t>(it->second) : -1;
  };
  for (const Candidate& c : names) {
    const int64_t hit = overlapping(c.begin, c.end);
    if (hit >= 0) {
      losers.emplace_back(c, static_cast<size_t>(hit));
      continue;
    }
    by_begin[c.begin] = kept.size();
    kept.push_back(c);
  }

  // Mentions in text order.
  std::vector<Work> work;
  work.reserve(kept.size());
  for (const auto& [begin, index] : by_begin) {
    const Candidate& c = kept[index];
    Work w;
    w.m.begin = c.begin;
    w.m.end = c.end;
    w.m.label = c.label;
    w.m.rule_id = c.rule_id;
    w.entry = c.entry;
    w.priority = c.priority;
    work.push_back(std::move(w));
  }
  // Where each kept candidate ended up (kept spans have distinct begins and
  // `work` is in begin order), for the rejected list.
  auto position_of = [&](const Candidate& c) -> int32_t {
    auto it = std::lower_bound(
        work.begin(), work.end(), c.begin,
        [](const Work& w, uint32_t begin) { return w.m.begin < begin; });
    return static_cast<int32_t>(it - work.begin());
  };
  for (const auto& [c, index] : losers) {
    const Candidate& winner = kept[index];
    std::string reason;
    if (winner.priority != c.priority) {
      reason = "lower priority";
    } else if (winner.length() != c.length()) {
      reason = "shorter";
    } else if (winner.begin != c.begin) {
      reason = "starts later";
    } else {
      reason = "label precedence or rule order";
    }
    doc.rejected.push_back({c, position_of(winner), std::move(reason)});
  }

  // Tokens not covered by a mention, for the acronym and name scans.
  std::vector<bool> covered(seg.tokens.size(), false);
  {
    size_t t = 0;
    for (const Work& w : work) {
      while (t < seg.tokens.size() && seg.tokens[t].begin < w.m.begin) ++t;
      for (size_t u = t; u < seg.tokens.size() && seg.tokens[u].end <= w.m.end;
           ++u) {
        covered[u] = true;
      }
    }
  }
  auto token_text = [&](size_t i) {
    return Slice(text, seg.tokens[i].begin, seg.tokens[i].end);
  };
  auto token_index_at = [&](uint32_t offset) -> size_t {
    return std::lower_bound(seg.tokens.begin(), seg.tokens.end(), offset,
                            [](const Token& t, uint32_t off) {
                              return t.begin < off;
                            }) -
           seg.tokens.begin();
  };

  // 3. Acronyms in brackets after an AGENCY or PLACE: "Service (FSB)".
  // Short forms to look for later: surface -> mention index.
  std::map<std::string, int32_t> short_forms;
  std::vector<Work> added;
  for (size_t i = 0; i < work.size(); ++i) {
    const Work& w = work[i];
    if (w.m.label == Label::kPerson) continue;
    const size_t t = token_index_at(w.m.end);
    if (t + 2 >= seg.tokens.size() || token_text(t) != "(" ||
        token_text(t + 2) != ")") {
      continue;
    }
    const absl::string_view acr = token_text(t + 1);
    const Token& at = seg.tokens[t + 1];
    if (!at.all_caps || acr.size() < 2 || acr.size() > 10 ||
        acr[0] != text[w.m.begin]) {
      continue;
    }
    if (covered[t + 1]) {
      // Already a mention (e.g. a gazetteer acronym): link the two.
      for (size_t j = i + 1; j < work.size(); ++j) {
        if (work[j].m.begin == at.begin) {
          if (work[j].m.label == w.m.label) work[j].link = static_cast<int32_t>(i);
          break;
        }
      }
    } else {
      Work a;
      a.m.begin = at.begin;
      a.m.end = at.end;
      a.m.label = w.m.label;
      a.m.rule_id = kAcronymRule;
      a.link = static_cast<int32_t>(i);
      covered[t + 1] = true;
      added.push_back(std::move(a));
    }
    short_forms.emplace(std::string(acr), static_cast<int32_t>(i));
  }

  // Words of every mention so far.
  for (Work& w : work) FillWords(text, seg, &w);

  // Family and given names of people named in full, for the name scan.
  std::map<std::string, int32_t> family_names;  // first full mention
  // ParticleFamilyKey() -> first full mention.
  std::map<std::string, int32_t> particle_family_names;
  std::map<std::string, std::set<std::string>> given_names;  // -> full keys
  // People named by one word only, for the name scan (not for places).
  std::map<std::string, int32_t> one_word_names;
  for (size_t i = 0; i < work.size(); ++i) {
    const Work& w = work[i];
    if (w.m.label != Label::kPerson || w.words.empty()) continue;
    if (w.words.size() == 1) {
      // A person named by one word that is no given name and no known
      // name ("Kowalczyk said", "King Rhadamistus") is named so again.
      if (w.entry < 0 && w.link < 0 && w.priority >= -1 &&
          !given_name_words.contains(w.surface_words[0])) {
        one_word_names.emplace(w.surface_words[0], static_cast<int32_t>(i));
      }
      continue;
    }
    const size_t n = w.surface_words.size();
    family_names.emplace(w.surface_words.back(), static_cast<int32_t>(i));
    // "Francesco De Masi": "De Masi" is used alone too.
    if (n >= 3 && IsNameParticle(w.surface_words[n - 2])) {
      particle_family_names.emplace(
          ParticleFamilyKey(w.surface_words[n - 2], w.surface_words.back()),
          static_cast<int32_t>(i));
    }
    // Names with two family names ("Guillermo David Endara Galimany"): a
    // middle word that is not a given name can be used alone too.
    for (size_t k = 1; k + 1 < n; ++k) {
      if (!given_name_words.contains(w.surface_words[k]) &&
          !IsNameParticle(w.surface_words[k])) {
        family_names.emplace(w.surface_words[k], static_cast<int32_t>(i));
      }
    }
    given_names[w.surface_words.front()].insert(
        absl::StrCat(w.words.front(), " ", w.words.back()));
  }

  // A weak place name (a city, priority < 0) that is the family name of a
  // person named in full is that person: "Buchanan" after "James Buchanan";
  // so is one that is the given name of exactly one such person:
  // "Charlotte" after "Charlotte Gray".
  for (Work& w : work) {
    if (w.m.label != Label::kPlace || w.entry < 0 ||
        gazetteer_->entry(w.entry).priority >= 0 ||
        w.surface_words.size() != 1) {
      continue;
    }
    const std::string& word = w.surface_words[0];
    if (family_names.count(word) > 0) {
      w.m.rule_id = kSurnameRule;
    } else if (auto g = given_names.find(word);
               g != given_names.end() && g->second.size() == 1) {
      w.m.rule_id = kGivenNameRule;
    } else {
      continue;
    }
    w.m.label = Label::kPerson;
    w.entry = -1;
  }

  // Bare acronyms, family names and given names that no matcher found.
  for (size_t t = 0; t < seg.tokens.size(); ++t) {
    if (covered[t]) continue;
    const Token& tok = seg.tokens[t];
    if (tok.kind != Token::kWord) continue;
    Work a;
    auto particle_name = particle_family_names.end();
    if (!particle_family_names.empty() && t + 1 < seg.tokens.size() &&
        !covered[t + 1] && seg.tokens[t + 1].begin == tok.end + 1 &&
        text[tok.end] == ' ') {
      particle_name = particle_family_names.find(
          ParticleFamilyKey(token_text(t), token_text(t + 1)));
    }
    if (particle_name != particle_family_names.end()) {
      a.m.begin = tok.begin;  // "De Masi"
      a.m.end = seg.tokens[t + 1].end;
      a.m.label = Label::kPerson;
      a.m.rule_id = kSurnameRule;
      a.link = particle_name->second;
      covered[t] = covered[t + 1] = true;
      added.push_back(std::move(a));
      ++t;
      continue;
    }
    if (!tok.capitalized) continue;
    const std::string s(token_text(t));
    a.m.begin = tok.begin;
    a.m.end = tok.end;
    if (auto it = short_forms.find(s); it != short_forms.end()) {
      a.m.label = work[it->second].m.label;
      a.m.rule_id = kAcronymRule;
      a.link = it->second;
    } else if (family_names.count(s) > 0 || one_word_names.count(s) > 0) {
      a.m.label = Label::kPerson;
      a.m.rule_id = kSurnameRule;
    } else if (s.size() > 1 && s.back() == 's' &&
               family_names.count(s.substr(0, s.size() - 1)) > 0) {
      a.m.label = Label::kPerson;
      a.m.rule_id = kFamilyRule;
      a.group = s.substr(0, s.size() - 1);
    } else if (auto g = given_names.find(s);
               g != given_names.end() && g->second.size() == 1) {
      a.m.label = Label::kPerson;
      a.m.rule_id = kGivenNameRule;
    } else {
      continue;
    }
    covered[t] = true;
    added.push_back(std::move(a));
  }
  if (!added.empty()) {
    for (Work& a : added) {
      if (a.words.empty()) FillWords(text, seg, &a);
      work.push_back(std::move(a));
    }
    // Re-sort by position, remapping links.
    std::vector<int32_t> order(work.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](int32_t a, int32_t b) {
      return work[a].m.begin < work[b].m.begin;
    });
    std::vector<int32_t> new_index(work.size());
    for (size_t i = 0; i < order.size(); ++i) new_index[order[i]] = i;
    std::vector<Work> sorted;
    sorted.reserve(work.size());
    for (int32_t o : order) {
      Work w = std::move(work[o]);
      if (w.link >= 0) w.link = new_index[w.link];
      sorted.push_back(std::move(w));
    }
    work.swap(sorted);
  }

  // A family name before "brothers" or "family" names the group.
  for (size_t i = 0; i < work.size(); ++i) {
    Work& w = work[i];
    if (w.m.label != Label::kPerson || w.words.size() != 1 || w.entry >= 0) {
      continue;
    }
    const size_t t = token_index_at(w.m.end);
    if (t < seg.tokens.size()) {
      const absl::string_view next = token_text(t);
      if (next == "brothers" || next == "family" || next == "sisters") {
        w.group = w.surface_words[0];
      }
    }
  }

  // 4. Clusters.
  const size_t n = work.size();
  UnionFind uf(n);
  absl::flat_hash_map<int32_t, int32_t> first_of_entry;
  absl::flat_hash_map<std::string, int32_t> first_of_key;
  for (size_t i = 0; i < n; ++i) {
    const Work& w = work[i];
    if (w.entry >= 0) {
      auto [it, inserted] = first_of_entry.emplace(w.entry, i);
      if (!inserted) uf.Union(it->second, i);
    }
  }
  // Gazetteer people are known by their canonical full name too.
  for (const auto& [entry, first] : first_of_entry) {
    std::string key = EntryPersonKey(entry);
    if (key.empty()) continue;
    auto [it, inserted] = first_of_key.emplace(std::move(key), first);
    if (!inserted) uf.Union(it->second, first);
  }
  for (size_t i = 0; i < n; ++i) {
    const Work& w = work[i];
    if (w.words.empty() || !w.group.empty()) continue;
    if (w.m.label == Label::kPerson && w.words.size() < 2) continue;
    std::string k;
    if (w.m.label == Label::kPerson) {
      k = PersonKey(w.words);
    } else {
      k = absl::StrCat(LabelName(w.m.label), ":", absl::StrJoin(w.words, " "));
    }
    auto [it, inserted] = first_of_key.emplace(k, i);
    if (!inserted) uf.Union(it->second, i);
  }
  for (size_t i = 0; i < n; ++i) {
    if (work[i].link >= 0) uf.Union(work[i].link, i);
  }
  // Groups.
  absl::flat_hash_map<std::string, int32_t> first_of_group;
  for (size_t i = 0; i < n; ++i) {
    if (work[i].group.empty()) continue;
    auto [it, inserted] = first_of_group.emplace(work[i].group, i);
    if (!inserted) uf.Union(it->second, i);
  }
  // One-word person names without a gazetteer entry. Full-name person
  // mentions indexed by family name and by given name (ascending positions;
  // a name whose family name is the word counts only as a family match), so
  // each one-word name costs a lookup instead of a pass over all mentions.
  absl::flat_hash_map<absl::string_view, std::vector<int32_t>> by_family;
  absl::flat_hash_map<absl::string_view, std::vector<int32_t>> by_given;
  for (size_t j = 0; j < n; ++j) {
    const Work& o = work[j];
    if (o.m.label != Label::kPerson || o.words.size() < 2) continue;
    // Every word that IsFamilyWord() accepts: the last word, and in long
    // names the middle words that are not given names.
    for (size_t k = 1; k < o.words.size(); ++k) {
      if (!IsFamilyWord(o, o.words[k], given_name_words)) continue;
      std::vector<int32_t>& js = by_family[o.words[k]];
      if (js.empty() || js.back() != static_cast<int32_t>(j)) {
        js.push_back(static_cast<int32_t>(j));
      }
    }
    if (o.words.front() != o.words.back()) {
      by_given[o.words.front()].push_back(static_cast<int32_t>(j));
    }
  }
  absl::flat_hash_map<std::string, int32_t> first_one_word;
  for (size_t i = 0; i < n; ++i) {
    Work& w = work[i];
    if (w.m.label != Label::kPerson || w.words.size() != 1 || w.entry >= 0 ||
        !w.group.empty() || w.link >= 0) {
      continue;
    }
    int32_t before = -1, after = -1;  // nearest full-name mentions
    int32_t given = -1;
    std::set<int32_t> given_roots;
    if (auto f = by_family.find(w.words[0]); f != by_family.end()) {
      const std::vector<int32_t>& js = f->second;
      auto it = std::lower_bound(js.begin(), js.end(), static_cast<int32_t>(i));
      if (it != js.begin()) before = *(it - 1);
      if (it != js.end()) after = *it;
    }
    if (auto g = by_given.find(w.words[0]); g != by_given.end()) {
      for (const int32_t j : g->second) {
        given = j;
        given_roots.insert(uf.Find(j));
      }
    }
    const int32_t target = before >= 0 ? before : after;
    if (target >= 0) {
      uf.Union(target, i);
    } else if (given >= 0 && given_roots.size() == 1) {
      uf.Union(given, i);
    } else {
      // Nobody's family or given name: one entity per word ("Kowalczyk
      // said ... Kowalczyk left").
      auto [it, inserted] =
          first_one_word.emplace(w.words[0], static_cast<int32_t>(i));
      if (!inserted) uf.Union(it->second, i);
    }
  }

  // 5. Entities in order of first mention.
  absl::flat_hash_map<int32_t, int32_t> entity_of_root;
  for (size_t i = 0; i < n; ++i) {
    const int32_t root = uf.Find(i);
    auto [it, inserted] =
        entity_of_root.emplace(root, static_cast<int32_t>(doc.entities.size()));
    if (inserted) {
      ResolvedEntity e;
      e.label = work[i].m.label;
      doc.entities.push_back(std::move(e));
    }
    work[i].m.entity = it->second;
    work[i].m.sentence = seg.SentenceAt(work[i].m.begin);
    doc.entities[it->second].mentions.push_back(static_cast<int32_t>(i));
  }
  for (ResolvedEntity& e : doc.entities) {
    int32_t entry = -1;
    const Work* fullest = nullptr;
    std::string group;
    for (int32_t mi : e.mentions) {
      const Work& w = work[mi];
      if (entry < 0 && w.entry >= 0) entry = w.entry;
      if (!w.group.empty()) group = w.group;
      if (fullest == nullptr || w.words.size() > fullest->words.size()) {
        fullest = &w;
      }
    }
    const std::string type_name = absl::AsciiStrToLower(LabelName(e.label));
    if (entry >= 0) {
      const GazetteerEntryView g = gazetteer_->entry(entry);
      e.canonical_name = std::string(g.canonical);
      e.canonical_id = std::string(g.id);
      e.external_id = std::string(g.external_id);
      e.subtype = std::string(g.subtype);
    } else if (!group.empty()) {
      e.canonical_name = absl::StrCat(group, " brothers");
      e.canonical_id = absl::StrCat("auto.", type_name, ".group.",
                                    absl::AsciiStrToLower(Slug({group})));
      e.subtype = "family";
    } else {
      e.canonical_name = absl::StrJoin(fullest->surface_words, " ");
      if (e.canonical_name.empty()) {
        e.canonical_name = std::string(
            Slice(text, fullest->m.begin, fullest->m.end));
      }
      e.canonical_id =
          absl::StrCat("auto.", type_name, ".", Slug(fullest->words));
    }
  }
  doc.mentions.reserve(n);
  for (Work& w : work) doc.mentions.push_back(w.m);
  return doc;
}

}  // namespace newsgraph
