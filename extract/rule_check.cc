#include "extract/rule_check.h"

#include <algorithm>
#include <tuple>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "extract/normalizer.h"
#include "extract/rule_set.h"
#include "extract/segmenter.h"
#include "re2/re2.h"

namespace newsgraph {
namespace {

void AddLines(absl::string_view message, std::vector<std::string>* out) {
  for (absl::string_view line : absl::StrSplit(message, '\n', absl::SkipEmpty())) {
    out->emplace_back(line);
  }
}

// Gazetteer locations are "path:line"; messages name a column too.
std::string EntryWhere(const GazetteerEntry& e) {
  return absl::StrCat(e.location, ":1");
}

bool IsHyphen(absl::string_view s) {
  return s == "-" || s == "\xE2\x80\x90" || s == "\xE2\x80\x91";
}

// The key under which the gazetteer matches `name` (normalized tokens, case
// kept, hyphens dropped); empty if the name has no word.
std::string NameKey(absl::string_view name, const Segmenter& segmenter) {
  const Segmentation seg = segmenter.Segment(name);
  std::string key, token;
  for (const Token& t : seg.tokens) {
    const absl::string_view s = name.substr(t.begin, t.end - t.begin);
    if (t.kind == Token::kPunct && IsHyphen(s)) continue;
    NormalizeToken(s, /*fold_case=*/false, &token);
    if (token.empty()) continue;
    if (!key.empty()) key.push_back('\x1f');
    key += token;
  }
  return key;
}

void CheckGazetteer(const std::vector<GazetteerEntry>& entries,
                    RuleCheckResult* result) {
  const Segmenter segmenter;
  // Name key -> the entries that have it (each once), in order.
  absl::flat_hash_map<std::string, std::vector<int32_t>> by_key;
  for (int32_t i = 0; i < static_cast<int32_t>(entries.size()); ++i) {
    const GazetteerEntry& e = entries[i];
    auto add = [&](const std::string& name, const char* what) {
      const std::string key = NameKey(name, segmenter);
      if (key.empty()) {
        result->errors.push_back(absl::StrCat(EntryWhere(e), ": ", what, " \"",
                                              name, "\" of ", e.id,
                                              " has no words"));
        return;
      }
      std::vector<int32_t>& list = by_key[key];
      if (list.empty() || list.back() != i) list.push_back(i);
    };
    add(e.canonical, "name");
    for (const std::string& alias : e.aliases) add(alias, "alias");
  }
  // Reports in entry order, so output is stable.
  std::vector<std::tuple<int32_t, bool, std::string>> found;
  for (const auto& [key, list] : by_key) {
    if (list.size() < 2) continue;
    std::string name = key;
    std::replace(name.begin(), name.end(), '\x1f', ' ');
    // Demonyms and given names never compete with mentions; check each
    // group on its own.
    auto group_of = [](Label label) {
      return label == Label::kDemonym ? 1 : label == Label::kGivenName ? 2 : 0;
    };
    for (const int group : {0, 1, 2}) {
      int32_t winner = -1;
      for (int32_t i : list) {
        if (group_of(entries[i].label) != group) continue;
        if (winner < 0 || entries[i].priority > entries[winner].priority) {
          winner = i;
        }
      }
      if (winner < 0) continue;
      const GazetteerEntry& w = entries[winner];
      for (int32_t i : list) {
        const GazetteerEntry& e = entries[i];
        if (i == winner || group_of(e.label) != group) continue;
        if (e.label == w.label) {
          found.emplace_back(
              i, false,
              absl::StrCat(EntryWhere(e), ": warning: name \"", name, "\" of ",
                           e.id, " is shadowed by ", w.id, " (", w.location,
                           "), also ", LabelName(w.label), ", which always "
                           "wins (",
                           w.priority > e.priority ? "higher priority"
                                                   : "listed first",
                           "); it never yields a mention by this name"));
        } else if (e.priority == w.priority) {
          found.emplace_back(
              i, true,
              absl::StrCat(EntryWhere(e), ": name \"", name, "\" of ", e.id,
                           " (", LabelName(e.label), ") conflicts with ", w.id,
                           " (", LabelName(w.label), ", ", w.location,
                           ") of the same priority ", e.priority,
                           "; give one a higher priority or drop the name"));
        }
      }
    }
  }
  std::sort(found.begin(), found.end());
  for (auto& [i, error, message] : found) {
    (error ? result->errors : result->warnings).push_back(std::move(message));
  }
}

// True if the regular expression can match only the empty string (or
// nothing at all).
bool MatchesOnlyEmpty(const RE2& re) {
  std::string min, max;
  return re.PossibleMatchRange(&min, &max, 10) && max.empty();
}

void CheckPatterns(const std::vector<PatternRule>& patterns,
                   RuleCheckResult* result) {
  absl::StatusOr<std::unique_ptr<RegexMatcher>> m =
      RegexMatcher::Create(patterns);
  if (!m.ok()) {
    AddLines(m.status().message(), &result->errors);
  } else {
    for (size_t i = 0; i < (*m)->size(); ++i) {
      if (!(*m)->Unfiltered(i)) continue;
      const PatternRule& r = (*m)->rule(i);
      result->notes.push_back(absl::StrCat(
          r.location, ": note: pattern of ", r.id,
          " requires no word of 3 or more letters, so it runs on every "
          "sentence (an alternative shorter than that, such as \"Mr\" in a "
          "list, leaves the prefilter nothing to look for)"));
    }
  }
  RE2::Options options;
  options.set_log_errors(false);
  for (const PatternRule& r : patterns) {
    RE2 re(r.pattern, options);
    if (!re.ok()) continue;  // reported above
    if (MatchesOnlyEmpty(re)) {
      result->warnings.push_back(absl::StrCat(
          r.location, ": warning: pattern of ", r.id,
          " can only match the empty string, so it never yields a mention"));
    } else if (RE2::FullMatch("", re)) {
      result->warnings.push_back(absl::StrCat(
          r.location, ": warning: pattern of ", r.id,
          " also matches the empty string (such matches are skipped)"));
    }
  }
}

bool IsWordChar(char c) { return absl::ascii_isalnum(static_cast<unsigned char>(c)); }

// Finds a placeholder glued to a letter or digit ("{PERSON:head}met").
bool GluedPlaceholder(absl::string_view pattern, std::string* fragment) {
  for (size_t open = pattern.find('{'); open != absl::string_view::npos;
       open = pattern.find('{', open + 1)) {
    const size_t close = pattern.find('}', open);
    if (close == absl::string_view::npos) break;
    if (open + 1 >= pattern.size() || !absl::ascii_isupper(pattern[open + 1]) ||
        (open >= 2 && pattern[open - 2] == '\\')) {
      continue;  // a repetition or \p{..}
    }
    const absl::string_view body = pattern.substr(open + 1, close - open - 1);
    // Only argument placeholders stand for whole-word mentions; the other
    // macros ({GAP}, {WORDS:0-3}, {TITLE}, ...) match plain text.
    const absl::string_view type = body.substr(0, body.find_first_of(":|"));
    if (type != "PERSON" && type != "AGENCY" && type != "PLACE" &&
        type != "DEMONYM" && type != "ANY" && type != "PRONOUN") {
      continue;
    }
    const bool before = open >= 1 && IsWordChar(pattern[open - 1]) &&
                        !(open >= 2 && pattern[open - 2] == '\\');
    const bool after = close + 1 < pattern.size() && IsWordChar(pattern[close + 1]);
    if (before || after) {
      const size_t from = before ? open - 1 : open;
      const size_t to = after ? close + 2 : close + 1;
      *fragment = std::string(pattern.substr(from, to - from));
      return true;
    }
  }
  return false;
}

void CheckRelations(const std::vector<RelationRule>& relations,
                    RuleCheckResult* result) {
  absl::StatusOr<std::unique_ptr<RelationExtractor>> x =
      RelationExtractor::Create(relations);
  if (!x.ok()) AddLines(x.status().message(), &result->errors);
  RE2::Options options;
  options.set_log_errors(false);
  for (const RelationRule& r : relations) {
    absl::StatusOr<std::string> expanded =
        RelationExtractor::ExpandPattern(r.pattern);
    if (!expanded.ok()) continue;  // reported above
    RE2 re(*expanded, options);
    if (!re.ok()) continue;
    std::string fragment;
    if (GluedPlaceholder(r.pattern, &fragment)) {
      result->warnings.push_back(absl::StrCat(
          r.location, ": warning: relation rule ", r.id,
          " can never match: in \"", fragment,
          "\" a placeholder touches a letter or digit, but mentions are "
          "whole words"));
    } else if (MatchesOnlyEmpty(re)) {
      result->warnings.push_back(absl::StrCat(
          r.location, ": warning: relation rule ", r.id,
          " can never match any sentence"));
    }
  }
}

}  // namespace

void CheckParsedRules(const ParsedRules& rules, RuleCheckResult* result) {
  result->entries += rules.entries.size();
  result->patterns += rules.patterns.size();
  result->relations += rules.relations.size();
  result->examples += rules.examples.size();
  CheckGazetteer(rules.entries, result);
  CheckPatterns(rules.patterns, result);
  CheckRelations(rules.relations, result);
}

RuleCheckResult CheckRuleLayers(const std::vector<std::string>& layers) {
  RuleCheckResult result;
  const ParsedRules rules = ParseRuleLayers(layers, &result.errors);
  CheckParsedRules(rules, &result);
  return result;
}

}  // namespace newsgraph
