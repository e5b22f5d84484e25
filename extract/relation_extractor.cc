#include "extract/relation_extractor.h"

#include <algorithm>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"

namespace newsgraph {
namespace {

// Placeholders in the encoded sentence: "\x01" letter index "\x02".
constexpr char kOpen = '\x01';
constexpr char kClose = '\x02';

char LetterOf(Label label) {
  switch (label) {
    case Label::kPerson:
      return 'P';
    case Label::kAgency:
      return 'A';
    case Label::kPlace:
      return 'L';
    case Label::kDemonym:
      return 'D';
    default:
      return '?';
  }
}

// A run of the encoded sentence: either text copied from the document or a
// placeholder.
struct Piece {
  uint32_t enc_begin;
  uint32_t enc_end;
  uint32_t orig_begin;
  uint32_t orig_end;
  bool placeholder;
};

// Maps an encoded offset back to the document. Offsets inside a placeholder
// map to the start of its mention (for a begin) or its end (for an end).
uint32_t ToOriginal(const std::vector<Piece>& pieces, size_t enc, bool is_end) {
  auto it = std::upper_bound(
      pieces.begin(), pieces.end(), enc,
      [](size_t e, const Piece& p) { return e < p.enc_begin; });
  if (it == pieces.begin()) return pieces.empty() ? 0 : pieces[0].orig_begin;
  --it;
  if (it->placeholder) {
    return (is_end && enc > it->enc_begin) ? it->orig_end : it->orig_begin;
  }
  return it->orig_begin + static_cast<uint32_t>(enc - it->enc_begin);
}

bool IsSymmetricType(RelationType type) {
  return type == FAMILY || type == MEETING || type == COOPERATION;
}

// Writes expanded placeholders back as the rule wrote them, for messages.
std::string UnexpandPattern(std::string text) {
  static const RE2* const kArgument =
      new RE2(R"re(\((\?P<(head|tail)>|\?:)\\x01\[([PALD]+)\]\\d\+\\x02\))re");
  static const RE2* const kGap = new RE2(R"re(\[\^\\x01\\x02\]\{0,60\}\?)re");
  RE2::GlobalReplace(&text, *kGap, "{GAP}");
  std::string out;
  re2::StringPiece input(text);
  re2::StringPiece prefix, role, letters;
  size_t last = 0;
  const re2::StringPiece all(text);
  while (RE2::FindAndConsume(&input, *kArgument, &prefix, &role, &letters)) {
    (void)prefix;
    const size_t end = input.data() - all.data();
    const size_t start = text.rfind('(', letters.data() - all.data());
    absl::StrAppend(&out, absl::string_view(text).substr(last, start - last), "{");
    std::string types;
    const std::string l(letters.data(), letters.size());
    if (l == "PAL") {
      types = "ANY";
    } else {
      for (char c : l) {
        if (!types.empty()) types += "|";
        types += c == 'P' ? "PERSON" : c == 'A' ? "AGENCY" : c == 'L' ? "PLACE" : "DEMONYM";
      }
    }
    absl::StrAppend(&out, types);
    if (!role.empty()) absl::StrAppend(&out, ":", absl::string_view(role.data(), role.size()));
    out += "}";
    last = end;
  }
  absl::StrAppend(&out, absl::string_view(text).substr(last));
  return out;
}

}  // namespace

absl::StatusOr<std::string> RelationExtractor::ExpandPattern(
    absl::string_view pattern) {
  std::string out;
  size_t pos = 0;
  while (pos < pattern.size()) {
    const size_t open = pattern.find('{', pos);
    if (open == absl::string_view::npos) {
      absl::StrAppend(&out, pattern.substr(pos));
      break;
    }
    const size_t close = pattern.find('}', open);
    if (close == absl::string_view::npos) {
      absl::StrAppend(&out, pattern.substr(pos));
      break;
    }
    const absl::string_view body = pattern.substr(open + 1, close - open - 1);
    // "\p{Lu}" is an RE2 character class, "{3}" a repetition: copy them.
    const bool unicode_class = open >= 2 && pattern[open - 2] == '\\' &&
                               (pattern[open - 1] == 'p' || pattern[open - 1] == 'P');
    if (body.empty() || unicode_class || !(body[0] >= 'A' && body[0] <= 'Z')) {
      absl::StrAppend(&out, pattern.substr(pos, close + 1 - pos));
      pos = close + 1;
      continue;
    }
    absl::StrAppend(&out, pattern.substr(pos, open - pos));
    pos = close + 1;
    if (body == "NOLIST") continue;  // a flag, see Create()
    if (body == "GAP") {
      out.append("[^\\x01\\x02]{0,60}?");
      continue;
    }
    if (body == "TITLE") {
      // Optional words before a name: a determiner or possessive pronoun,
      // then up to six title words, place/demonym/agency mentions or
      // lower-case role words ("his US counterpart", "the Russian Security
      // Council Secretary", "Defense Secretary"). Greedy, so that the
      // argument after it is the last mention of a title chain.
      out.append(
          "(?:(?:the|his|her|its|their|a|an|The|His|Her|Its|Their)\\s+)?"
          "(?:(?:\\x01[LDA]\\d+\\x02|\\p{Lu}[\\p{L}.'’-]*|"
          "counterpart|counterparts|former|top|senior|deputy|chief|press|"
          "national|security|foreign|defense|defence|state|minister|"
          "secretary|adviser|advisor|president|leader|ambassador|envoy|"
          "spokesman|spokeswoman|official|director)\\s+){0,6}");
      continue;
    }
    if (body == "SPAN") {
      out.append("[^\\n]{0,120}?");  // anything, mentions included
      continue;
    }
    if (absl::StartsWith(body, "WORDS:")) {
      // {WORDS:a-b}: a to b words, no mention among them.
      std::vector<absl::string_view> range =
          absl::StrSplit(body.substr(6), '-');
      int lo = 0, hi = 0;
      if (range.size() != 2 || !absl::SimpleAtoi(range[0], &lo) ||
          !absl::SimpleAtoi(range[1], &hi) || lo < 0 || hi < lo || hi > 20) {
        return absl::InvalidArgumentError(absl::StrCat(
            "placeholder {", body, "} needs a range a-b with 0 <= a <= b <= 20"));
      }
      absl::StrAppend(&out, "(?:[^\\s\\x01\\x02]+\\s+){", lo, ",", hi, "}?");
      continue;
    }
    std::vector<absl::string_view> parts = absl::StrSplit(body, ':');
    if (parts.size() > 2) {
      return absl::InvalidArgumentError(
          absl::StrCat("placeholder {", body, "} has more than one ':'"));
    }
    std::string letters;
    for (absl::string_view type : absl::StrSplit(parts[0], '|')) {
      if (type == "PERSON") {
        letters += 'P';
      } else if (type == "AGENCY") {
        letters += 'A';
      } else if (type == "PLACE") {
        letters += 'L';
      } else if (type == "DEMONYM") {
        letters += 'D';
      } else if (type == "ANY") {
        letters += "PAL";
      } else if (type == "PRONOUN") {
        letters += '*';
      } else {
        return absl::InvalidArgumentError(absl::StrCat(
            "unknown type \"", type, "\" in placeholder {", body,
            "} (expected PERSON, AGENCY, PLACE, DEMONYM or ANY)"));
      }
    }
    std::string group;
    if (parts.size() == 2) {
      if (parts[1] != "head" && parts[1] != "tail") {
        return absl::InvalidArgumentError(
            absl::StrCat("placeholder {", body,
                         "} names role \"", parts[1],
                         "\" (expected head or tail)"));
      }
      group = absl::StrCat("?P<", parts[1], ">");
    } else {
      group = "?:";
    }
    if (letters.find('*') != std::string::npos) {
      if (letters != "*" || parts.size() != 2) {
        return absl::InvalidArgumentError(absl::StrCat(
            "placeholder {", body,
            "}: PRONOUN stands alone and must be the head or the tail"));
      }
      absl::StrAppend(&out, "(", group,
                      "\\b(?:he|she|his|her|He|She|His|Her)\\b)");
      continue;
    }
    absl::StrAppend(&out, "(", group, "\\x01[", letters, "]\\d+\\x02)");
  }
  return out;
}

absl::StatusOr<std::unique_ptr<RelationExtractor>> RelationExtractor::Create(
    std::vector<RelationRule> rules) {
  std::unique_ptr<RelationExtractor> x(new RelationExtractor());
  // Atoms of two bytes matter here: a placeholder's "\x01P".
  x->prefilter_ = std::make_unique<RulePrefilter>(2);
  std::vector<std::string> errors;
  RE2::Options options;
  options.set_log_errors(false);
  for (RelationRule& rule : rules) {
    absl::StatusOr<std::string> expanded = ExpandPattern(rule.pattern);
    if (!expanded.ok()) {
      errors.push_back(
          absl::StrCat(rule.location, ": ", expanded.status().message()));
      continue;
    }
    std::string error, error_arg;
    const RE2* re = x->prefilter_->Add(*expanded, options, &error, &error_arg);
    if (re == nullptr) {
      // Name the fragment as the rule wrote it, with its placeholders.
      errors.push_back(absl::StrCat(
          rule.location, ": bad regular expression: ",
          UnexpandPattern(error), ": ", UnexpandPattern(error_arg)));
      continue;
    }
    Compiled c;
    const auto& names = re->NamedCapturingGroups();
    auto group = [&](const char* name) {
      auto it = names.find(name);
      return it == names.end() ? 0 : it->second;
    };
    c.head = group("head");
    c.tail = group("tail");
    c.trigger = group("trigger");
    c.role = group("role");
    c.groups = re->NumberOfCapturingGroups();
    if (c.head == 0 || c.tail == 0) {
      errors.push_back(absl::StrCat(
          rule.location, ": pattern needs a {TYPE:head} and a {TYPE:tail}"));
      continue;
    }
    c.lists = !absl::StrContains(rule.pattern, "{NOLIST}");
    if (absl::StrContains(rule.pattern, "{PRONOUN:")) x->has_pronoun_rules_ = true;
    c.re = re;
    c.twin = x->twins_.Add(*expanded, *re, options);
    c.filter_index = static_cast<int>(x->prefilter_->size()) - 1;
    c.rule = std::move(rule);
    x->rules_.push_back(std::move(c));
  }
  if (!errors.empty()) {
    return absl::InvalidArgumentError(absl::StrJoin(errors, "\n"));
  }
  x->prefilter_->Compile();
  x->twins_.Compile();
  // What may stand between two coordinated mentions (see Extract()).
  x->coordination_ = std::make_unique<RE2>(
      "\\s*(?:\\([^()\\x01\\x02]{0,30}\\)\\s*)?(,?)\\s*(?:(and|or)\\s+)?"
      "(?:the\\s+)?",
      options);
  return x;
}

std::vector<ExtractedRelation> RelationExtractor::Extract(
    absl::string_view text, const Segmentation& seg,
    const ResolvedDocument& doc, const Gazetteer& gazetteer) const {
  std::vector<ExtractedRelation> out;
  if (rules_.empty() || doc.mentions.empty()) return out;

  // Entity of each demonym (its country, when the document names it).
  std::vector<int32_t> demonym_entity(doc.demonyms.size(), -1);
  for (size_t d = 0; d < doc.demonyms.size(); ++d) {
    const absl::string_view place =
        gazetteer.entry(doc.demonyms[d].entry).external_id;
    for (size_t e = 0; e < doc.entities.size(); ++e) {
      if (doc.entities[e].canonical_id == place) {
        demonym_entity[d] = static_cast<int32_t>(e);
        break;
      }
    }
  }

  // An argument: which list and which index.
  struct Arg {
    bool demonym;
    int32_t index;
  };
  std::string enc;
  Latin1Text view;  // enc transcoded
  std::vector<Piece> pieces;
  std::vector<re2::StringPiece> groups;
  std::vector<size_t> slots;   // indices of placeholder pieces
  std::vector<int> group_of;   // per slot: first slot of its list, or -1
  RulePrefilter::Scratch filter_scratch;
  std::vector<uint8_t> may_match;
  size_t m = 0, d = 0;
  for (uint32_t si = 0; si < seg.sentences.size(); ++si) {
    const Sentence& s = seg.sentences[si];
    while (m < doc.mentions.size() && doc.mentions[m].begin < s.begin) ++m;
    while (d < doc.demonyms.size() && doc.demonyms[d].begin < s.begin) ++d;
    // Mentions and usable demonyms inside the sentence, in text order.
    std::vector<std::pair<uint32_t, Arg>> items;
    for (size_t i = m; i < doc.mentions.size() && doc.mentions[i].end <= s.end;
         ++i) {
      items.push_back({doc.mentions[i].begin, {false, static_cast<int32_t>(i)}});
    }
    if (items.empty()) continue;
    for (size_t i = d; i < doc.demonyms.size() && doc.demonyms[i].end <= s.end;
         ++i) {
      if (demonym_entity[i] < 0) continue;
      bool inside = false;  // "Russian" inside "Russian Security Council"
      for (size_t k = m; k < doc.mentions.size() &&
                         doc.mentions[k].begin < doc.demonyms[i].end;
           ++k) {
        if (doc.mentions[k].end > doc.demonyms[i].begin) inside = true;
      }
      if (!inside) {
        items.push_back({doc.demonyms[i].begin, {true, static_cast<int32_t>(i)}});
      }
    }
    if (items.size() < 2 && !has_pronoun_rules_) continue;
    std::sort(items.begin(), items.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });

    enc.clear();
    pieces.clear();
    uint32_t pos = s.begin;
    for (const auto& [begin, arg] : items) {
      const uint32_t b = begin;
      const uint32_t e = arg.demonym ? doc.demonyms[arg.index].end
                                     : doc.mentions[arg.index].end;
      const Label label = arg.demonym ? Label::kDemonym
                                      : doc.mentions[arg.index].label;
      if (b < pos) continue;  // overlapping item: skip
      if (b > pos) {
        pieces.push_back({static_cast<uint32_t>(enc.size()),
                          static_cast<uint32_t>(enc.size() + (b - pos)), pos, b,
                          false});
        enc.append(text.data() + pos, b - pos);
      }
      const uint32_t enc_begin = static_cast<uint32_t>(enc.size());
      enc.push_back(kOpen);
      enc.push_back(LetterOf(label));
      absl::StrAppend(&enc, arg.index);
      enc.push_back(kClose);
      pieces.push_back({enc_begin, static_cast<uint32_t>(enc.size()), b, e, true});
      pos = e;
    }
    if (pos < s.end) {
      pieces.push_back({static_cast<uint32_t>(enc.size()),
                        static_cast<uint32_t>(enc.size() + (s.end - pos)), pos,
                        s.end, false});
      enc.append(text.data() + pos, s.end - pos);
    }

    // Placeholders in order, for coordination: slot k is linked to slot
    // k + 1 when only ", ", " and ", ", and " (or "or"), an optional
    // parenthesis and "the" stand between two mentions of the same type.
    slots.clear();
    for (const Piece& p : pieces) {
      if (p.placeholder) slots.push_back(&p - pieces.data());
    }
    group_of.assign(slots.size(), -1);
    {
      enum Link { kNone, kComma, kAnd };
      std::vector<Link> links(slots.size(), kNone);
      for (size_t k = 0; k + 1 < slots.size(); ++k) {
        const Piece& x = pieces[slots[k]];
        const Piece& y = pieces[slots[k + 1]];
        const char lx = enc[x.enc_begin + 1], ly = enc[y.enc_begin + 1];
        if (lx != ly || lx == 'D') continue;
        const re2::StringPiece between(enc.data() + x.enc_end,
                                       y.enc_begin - x.enc_end);
        re2::StringPiece comma, conj;
        if (RE2::FullMatch(between, *coordination_, &comma, &conj)) {
          if (!conj.empty()) {
            links[k] = kAnd;
          } else if (!comma.empty()) {
            links[k] = kComma;
          }
        }
      }
      // A list is a run of comma links closed by one "and" link; a pair of
      // names joined by a comma alone ("Boston, Massachusetts") is not.
      size_t k = 0;
      while (k < slots.size()) {
        size_t j = k;
        bool closed = false;
        while (j + 1 < slots.size() && links[j] != kNone && !closed) {
          if (links[j] == kAnd) closed = true;
          ++j;
        }
        if (closed) {
          for (size_t i = k; i <= j; ++i) group_of[i] = static_cast<int>(k);
          k = j + 1;
        } else {
          k = std::max(k + 1, j);
        }
      }
    }
    auto slot_at = [&](size_t enc_begin) {
      for (size_t k = 0; k < slots.size(); ++k) {
        if (pieces[slots[k]].enc_begin == enc_begin) return static_cast<int>(k);
      }
      return -1;
    };

    // Decodes a placeholder group into an entity index and its span.
    auto decode = [&](absl::string_view g, int32_t* entity, uint32_t* b,
                      uint32_t* e) {
      int32_t index = 0;
      if (!absl::SimpleAtoi(g.substr(2, g.size() - 3), &index)) return false;
      if (g[1] == 'D') {
        *entity = demonym_entity[index];
        *b = doc.demonyms[index].begin;
        *e = doc.demonyms[index].end;
      } else {
        *entity = doc.mentions[index].entity;
        *b = doc.mentions[index].begin;
        *e = doc.mentions[index].end;
      }
      return *entity >= 0;
    };
    // Resolves a pronoun to the nearest person mentioned before it in this
    // or the two previous sentences, other than `other`.
    auto resolve_pronoun = [&](absl::string_view g, int32_t other,
                               int32_t* entity, uint32_t* b, uint32_t* e) {
      const size_t at = g.data() - enc.data();
      *b = ToOriginal(pieces, at, false);
      *e = ToOriginal(pieces, at + g.size(), true);
      auto it = std::lower_bound(
          doc.mentions.begin(), doc.mentions.end(), *b,
          [](const ResolvedMention& x, uint32_t v) { return x.begin < v; });
      while (it != doc.mentions.begin()) {
        --it;
        if (it->sentence + 2 < si) break;
        if (it->label == Label::kPerson && it->entity >= 0 &&
            it->entity != other) {
          *entity = it->entity;
          return true;
        }
      }
      return false;
    };
    auto is_placeholder = [](absl::string_view g) {
      return !g.empty() && g[0] == kOpen;
    };

    // Only the rules whose required words and placeholders are all in the
    // sentence can match.
    prefilter_->Filter(enc, &filter_scratch, &may_match);
    const re2::StringPiece encoded(enc);
    // A rule's Latin-1 twin searches the sentence transcoded to one byte
    // per character (see latin1_twin.h); its groups are mapped back.
    const bool transcoded = twins_.Transcode(enc, &view);
    for (const Compiled& c : rules_) {
      if (!may_match[c.filter_index]) continue;
      const bool twin = transcoded && c.twin != nullptr;
      const RE2& re = twin ? *c.twin : *c.re;
      const re2::StringPiece searched =
          twin ? re2::StringPiece(view.bytes().data(), view.bytes().size())
               : encoded;
      groups.assign(c.groups + 1, re2::StringPiece());
      size_t start = 0;
      while (start < searched.size() &&
             re.Match(searched, start, searched.size(), RE2::UNANCHORED,
                      groups.data(), c.groups + 1)) {
        // Next search starts after the first argument, so one argument can
        // take part in several matches ("X met Y and Z").
        auto end_of = [&](int g) {
          return static_cast<size_t>(groups[g].data() - searched.data()) +
                 groups[g].size();
        };
        start = std::max(std::min(end_of(c.head), end_of(c.tail)), start + 1);
        if (twin) {
          for (re2::StringPiece& g : groups) {
            if (g.data() == nullptr) continue;
            const size_t b = view.ToOriginal(g.data() - searched.data());
            const size_t e =
                view.ToOriginal(g.data() - searched.data() + g.size());
            g = re2::StringPiece(enc.data() + b, e - b);
          }
        }
        const absl::string_view head(groups[c.head].data(), groups[c.head].size());
        const absl::string_view tail(groups[c.tail].data(), groups[c.tail].size());
        const size_t head_at = head.data() - encoded.data();
        const size_t tail_at = tail.data() - encoded.data();
        ExtractedRelation r;
        const bool head_mention = is_placeholder(head);
        const bool tail_mention = is_placeholder(tail);
        if (head_mention && !decode(head, &r.head, &r.head_begin, &r.head_end)) {
          continue;
        }
        if (tail_mention && !decode(tail, &r.tail, &r.tail_begin, &r.tail_end)) {
          continue;
        }
        if (!head_mention &&
            !resolve_pronoun(head, r.tail, &r.head, &r.head_begin, &r.head_end)) {
          continue;
        }
        if (!tail_mention &&
            !resolve_pronoun(tail, r.head, &r.tail, &r.tail_begin, &r.tail_end)) {
          continue;
        }
        if (r.head == r.tail) continue;
        r.type = c.rule.type;
        r.rule_id = c.rule.id;
        r.sentence = si;
        if (c.role != 0 && groups[c.role].data() != nullptr) {
          const size_t rb = groups[c.role].data() - encoded.data();
          r.role = std::string(text.substr(
              ToOriginal(pieces, rb, false),
              ToOriginal(pieces, rb + groups[c.role].size(), true) -
                  ToOriginal(pieces, rb, false)));
        } else {
          r.role = c.rule.role;
        }
        // Trigger: the `trigger` group, else the `role` group, else the
        // words between the arguments.
        const int tg = (c.trigger != 0 && groups[c.trigger].data() != nullptr)
                           ? c.trigger
                           : (c.role != 0 && groups[c.role].data() != nullptr)
                                 ? c.role
                                 : 0;
        size_t tb, te;
        if (tg != 0) {
          tb = groups[tg].data() - encoded.data();
          te = tb + groups[tg].size();
        } else {
          tb = std::min(head_at + head.size(), tail_at + tail.size());
          te = std::max(head_at, tail_at);
          if (te < tb) te = tb;
        }
        r.trigger_begin = ToOriginal(pieces, tb, false);
        r.trigger_end = std::max(r.trigger_begin, ToOriginal(pieces, te, true));
        if (tg == 0) {  // trim spaces and punctuation around the words
          auto trim = [](char ch) {
            return ch == ' ' || ch == '\t' || ch == '\n' || ch == ',' ||
                   ch == ';' || ch == ':' || ch == '(' || ch == ')';
          };
          while (r.trigger_begin < r.trigger_end && trim(text[r.trigger_begin])) {
            ++r.trigger_begin;
          }
          while (r.trigger_end > r.trigger_begin && trim(text[r.trigger_end - 1])) {
            --r.trigger_end;
          }
        }
        // Coordination: "X and Y met Z" also relates Y; "X, Y and Z met"
        // relates every pair.
        const int hs = (head_mention && c.lists) ? slot_at(head_at) : -1;
        const int ts = (tail_mention && c.lists) ? slot_at(tail_at) : -1;
        auto members = [&](int slot) {
          std::vector<int> v;
          if (slot < 0) return v;
          if (group_of[slot] < 0) {
            v.push_back(slot);
            return v;
          }
          for (size_t k = 0; k < slots.size(); ++k) {
            if (group_of[k] == group_of[slot]) v.push_back(static_cast<int>(k));
          }
          return v;
        };
        const std::vector<int> hm = members(hs), tm = members(ts);
        if (hm.size() <= 1 && tm.size() <= 1) {
          out.push_back(std::move(r));
          continue;
        }
        auto with = [&](int hslot, int tslot) {
          ExtractedRelation x = r;
          if (hslot >= 0) {
            const Piece& p = pieces[slots[hslot]];
            const absl::string_view g(enc.data() + p.enc_begin,
                                      p.enc_end - p.enc_begin);
            if (!decode(g, &x.head, &x.head_begin, &x.head_end)) return;
          }
          if (tslot >= 0) {
            const Piece& p = pieces[slots[tslot]];
            const absl::string_view g(enc.data() + p.enc_begin,
                                      p.enc_end - p.enc_begin);
            if (!decode(g, &x.tail, &x.tail_begin, &x.tail_end)) return;
          }
          if (x.head != x.tail) out.push_back(std::move(x));
        };
        const bool same_list = hs >= 0 && ts >= 0 && group_of[hs] >= 0 &&
                               group_of[hs] == group_of[ts];
        if (same_list) {
          if (IsSymmetricType(r.type)) {
            for (size_t i = 0; i < hm.size(); ++i) {
              for (size_t j = i + 1; j < hm.size(); ++j) with(hm[i], hm[j]);
            }
          } else {
            out.push_back(std::move(r));
          }
          continue;
        }
        for (int h : hm.empty() ? std::vector<int>{-1} : hm) {
          for (int t : tm.empty() ? std::vector<int>{-1} : tm) with(h, t);
        }
      }
    }
  }
  return out;
}

}  // namespace newsgraph
