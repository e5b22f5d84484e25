#include "extract/relation_extractor.h"

#include <algorithm>

#include "absl/status/status.h"
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
    if (body == "GAP") {
      out.append("[^\\x01\\x02]{0,60}?");
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
    absl::StrAppend(&out, "(", group, "\\x01[", letters, "]\\d+\\x02)");
  }
  return out;
}

absl::StatusOr<std::unique_ptr<RelationExtractor>> RelationExtractor::Create(
    std::vector<RelationRule> rules) {
  std::unique_ptr<RelationExtractor> x(new RelationExtractor());
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
    auto re = std::make_unique<RE2>(*expanded, options);
    if (!re->ok()) {
      errors.push_back(absl::StrCat(rule.location,
                                    ": bad regular expression: ", re->error(),
                                    ": ", re->error_arg()));
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
    c.re = std::move(re);
    c.rule = std::move(rule);
    x->rules_.push_back(std::move(c));
  }
  if (!errors.empty()) {
    return absl::InvalidArgumentError(absl::StrJoin(errors, "\n"));
  }
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
    const std::string& place =
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
  std::vector<Piece> pieces;
  std::vector<re2::StringPiece> groups;
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
    if (items.size() < 2) continue;
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

    const re2::StringPiece encoded(enc);
    for (const Compiled& c : rules_) {
      groups.assign(c.groups + 1, re2::StringPiece());
      size_t start = 0;
      while (start < encoded.size() &&
             c.re->Match(encoded, start, encoded.size(), RE2::UNANCHORED,
                         groups.data(), c.groups + 1)) {
        const absl::string_view head(groups[c.head].data(), groups[c.head].size());
        const absl::string_view tail(groups[c.tail].data(), groups[c.tail].size());
        const size_t head_at = head.data() - encoded.data();
        const size_t tail_at = tail.data() - encoded.data();
        // Next search starts after the first argument, so one argument can
        // take part in several matches ("X met Y and Z").
        start = std::min(head_at + head.size(), tail_at + tail.size());
        ExtractedRelation r;
        if (!decode(head, &r.head, &r.head_begin, &r.head_end) ||
            !decode(tail, &r.tail, &r.tail_begin, &r.tail_end) ||
            r.head == r.tail) {
          continue;
        }
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
        out.push_back(std::move(r));
      }
    }
  }
  return out;
}

}  // namespace newsgraph
