#include "extract/rule_set.h"

#include <cstdint>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "extract/internal/status_macros.h"
#include "extract/internal/tsv.h"
#include "extract/internal/utf8.h"

namespace newsgraph {
namespace {

std::string Where(const std::string& path, const TsvLine& line, size_t field) {
  const int column = field < line.columns.size() ? line.columns[field] : 1;
  return absl::StrCat(path, ":", line.line, ":", column);
}

absl::string_view Field(const TsvLine& line, size_t i) {
  return i < line.fields.size() ? absl::StripAsciiWhitespace(line.fields[i])
                                 : absl::string_view();
}

// Checks the encoding of a rule file; returns false after reporting.
bool CheckEncoding(const std::string& path, absl::string_view contents,
                   std::vector<std::string>* errors) {
  if (utf8::IsValid(contents)) return true;
  int line = 1;
  size_t pos = 0;
  while (pos < contents.size()) {
    int len;
    const char32_t cp = utf8::Decode(contents, pos, &len);
    if (cp == utf8::kReplacement && len == 1) break;
    if (contents[pos] == '\n') ++line;
    pos += len;
  }
  errors->push_back(absl::StrCat(path, ":", line, ":1: invalid UTF-8"));
  return false;
}

bool ParsePriority(const std::string& path, const TsvLine& line, size_t field,
                   int32_t* priority, std::vector<std::string>* errors) {
  const absl::string_view s = Field(line, field);
  if (s.empty()) return true;
  if (!absl::SimpleAtoi(s, priority)) {
    errors->push_back(absl::StrCat(Where(path, line, field),
                                   ": priority \"", s, "\" is not an integer"));
    return false;
  }
  return true;
}

// 64-bit FNV-1a: a stable, portable fingerprint of the rule files.
uint64_t Fnv1a(absl::string_view data, uint64_t h) {
  for (unsigned char c : data) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

}  // namespace

void ParseGazetteerFile(const std::string& path, absl::string_view contents,
                        std::vector<GazetteerEntry>* entries,
                        std::vector<std::string>* errors) {
  if (!CheckEncoding(path, contents, errors)) return;
  const std::vector<TsvLine> lines = ParseTsv(contents);
  entries->reserve(entries->size() + lines.size());
  for (const TsvLine& line : lines) {
    if (line.fields.size() < 3) {
      errors->push_back(absl::StrCat(
          Where(path, line, 0),
          ": expected at least 3 TAB-separated fields (id, type, canonical), "
          "got ", line.fields.size()));
      continue;
    }
    if (line.fields.size() > 8) {
      errors->push_back(absl::StrCat(Where(path, line, 8),
                                     ": too many fields (at most 8)"));
      continue;
    }
    GazetteerEntry e;
    e.id = std::string(Field(line, 0));
    e.location = absl::StrCat(path, ":", line.line);
    if (e.id.empty()) {
      errors->push_back(absl::StrCat(Where(path, line, 0), ": empty id"));
      continue;
    }
    const absl::string_view type = Field(line, 1);
    if (!ParseLabel(type, &e.label) || e.label == Label::kVeto) {
      errors->push_back(absl::StrCat(
          Where(path, line, 1), ": unknown type \"", type,
          "\" (expected PERSON, AGENCY, PLACE or DEMONYM)"));
      continue;
    }
    e.canonical = std::string(Field(line, 2));
    if (e.canonical.empty()) {
      errors->push_back(
          absl::StrCat(Where(path, line, 2), ": empty canonical name"));
      continue;
    }
    for (absl::string_view alias :
         absl::StrSplit(Field(line, 3), '|', absl::SkipWhitespace())) {
      e.aliases.emplace_back(absl::StripAsciiWhitespace(alias));
    }
    e.subtype = std::string(Field(line, 4));
    e.external_id = std::string(Field(line, 5));
    if (!ParsePriority(path, line, 6, &e.priority, errors)) continue;
    bool ok = true;
    for (absl::string_view flag :
         absl::StrSplit(Field(line, 7), ',', absl::SkipWhitespace())) {
      flag = absl::StripAsciiWhitespace(flag);
      if (flag == "ci") {
        e.case_insensitive = true;
      } else {
        errors->push_back(absl::StrCat(Where(path, line, 7), ": unknown flag \"",
                                       flag, "\" (known: ci)"));
        ok = false;
      }
    }
    if (ok) entries->push_back(std::move(e));
  }
}

void ParsePatternFile(const std::string& path, absl::string_view contents,
                      std::vector<PatternRule>* rules,
                      std::vector<std::string>* errors) {
  if (!CheckEncoding(path, contents, errors)) return;
  for (const TsvLine& line : ParseTsv(contents)) {
    if (line.fields.size() != 4) {
      errors->push_back(absl::StrCat(
          Where(path, line, 0),
          ": expected 4 TAB-separated fields (id, type, priority, pattern), "
          "got ", line.fields.size()));
      continue;
    }
    PatternRule r;
    r.id = std::string(Field(line, 0));
    const absl::string_view type = Field(line, 1);
    if (!ParseLabel(type, &r.label) || r.label == Label::kDemonym) {
      errors->push_back(absl::StrCat(
          Where(path, line, 1), ": unknown type \"", type,
          "\" (expected PERSON, AGENCY, PLACE or VETO)"));
      continue;
    }
    if (!ParsePriority(path, line, 2, &r.priority, errors)) continue;
    r.pattern = std::string(line.fields[3]);
    r.location = Where(path, line, 3);
    if (r.pattern.empty()) {
      errors->push_back(absl::StrCat(r.location, ": empty pattern"));
      continue;
    }
    rules->push_back(std::move(r));
  }
}

void ParseRelationFile(const std::string& path, absl::string_view contents,
                       std::vector<RelationRule>* rules,
                       std::vector<std::string>* errors) {
  if (!CheckEncoding(path, contents, errors)) return;
  for (const TsvLine& line : ParseTsv(contents)) {
    if (line.fields.size() != 4) {
      errors->push_back(absl::StrCat(
          Where(path, line, 0),
          ": expected 4 TAB-separated fields (id, type, role, pattern), got ",
          line.fields.size()));
      continue;
    }
    RelationRule r;
    r.id = std::string(Field(line, 0));
    const std::string type(Field(line, 1));
    if (!RelationType_Parse(type, &r.type) ||
        r.type == RELATION_TYPE_UNSPECIFIED) {
      errors->push_back(absl::StrCat(Where(path, line, 1),
                                     ": unknown relation type \"", type, "\""));
      continue;
    }
    r.role = std::string(Field(line, 2));
    r.pattern = std::string(line.fields[3]);
    r.location = Where(path, line, 3);
    rules->push_back(std::move(r));
  }
}

absl::StatusOr<std::unique_ptr<const RuleSet>> RuleSet::Load(
    const std::string& dir) {
  const std::string manifest_path = absl::StrCat(dir, "/MANIFEST");
  ASSIGN_OR_RETURN(const std::string manifest, ReadFile(manifest_path));
  std::vector<GazetteerEntry> entries;
  std::vector<PatternRule> patterns;
  std::vector<RelationRule> relations;
  std::vector<std::string> errors;
  uint64_t hash = 14695981039346656037ull;
  for (const TsvLine& line : ParseTsv(manifest)) {
    // Fields may be separated by TABs or spaces.
    std::vector<absl::string_view> words;
    for (absl::string_view f : line.fields) {
      for (absl::string_view w : absl::StrSplit(f, ' ', absl::SkipEmpty())) {
        words.push_back(w);
      }
    }
    const std::string where = absl::StrCat(manifest_path, ":", line.line, ":1");
    if (words.size() != 2) {
      errors.push_back(absl::StrCat(where, ": expected \"<kind> <path>\""));
      continue;
    }
    const std::string path = absl::StrCat(dir, "/", words[1]);
    absl::StatusOr<std::string> contents = ReadFile(path);
    if (!contents.ok()) {
      errors.push_back(absl::StrCat(where, ": ", contents.status().message()));
      continue;
    }
    if (contents->empty()) {
      errors.push_back(absl::StrCat(path, ":1:1: empty rule file"));
      continue;
    }
    hash = Fnv1a(words[1], hash);
    hash = Fnv1a(*contents, hash);
    if (words[0] == "gazetteer") {
      ParseGazetteerFile(path, *contents, &entries, &errors);
    } else if (words[0] == "patterns") {
      ParsePatternFile(path, *contents, &patterns, &errors);
    } else if (words[0] == "relations") {
      ParseRelationFile(path, *contents, &relations, &errors);
    } else {
      errors.push_back(absl::StrCat(where, ": unknown kind \"", words[0],
                                    "\" (expected gazetteer, patterns or "
                                    "relations)"));
    }
  }
  // Ids are unique across the rule set. (Views into the rule vectors, which
  // do not change until the check is done.)
  absl::flat_hash_map<absl::string_view, absl::string_view> seen;
  seen.reserve(entries.size() + patterns.size() + relations.size());
  auto check_id = [&](const std::string& id, const std::string& location) {
    auto [it, inserted] = seen.emplace(id, location);
    if (!inserted) {
      errors.push_back(absl::StrCat(location, ": duplicate id \"", id,
                                    "\" (first defined at ", it->second, ")"));
    }
  };
  for (const auto& e : entries) check_id(e.id, e.location);
  for (const auto& r : patterns) check_id(r.id, r.location);
  for (const auto& r : relations) check_id(r.id, r.location);
  if (!errors.empty()) {
    return absl::InvalidArgumentError(absl::StrJoin(errors, "\n"));
  }
  return FromRules(std::move(entries), std::move(patterns),
                   std::move(relations), absl::StrFormat("%016x", hash));
}

absl::StatusOr<std::unique_ptr<const RuleSet>> RuleSet::FromRules(
    std::vector<GazetteerEntry> entries, std::vector<PatternRule> patterns,
    std::vector<RelationRule> relations, std::string fingerprint) {
  std::unique_ptr<RuleSet> rs(new RuleSet());
  std::vector<std::string> errors;
  absl::StatusOr<std::unique_ptr<Gazetteer>> g =
      Gazetteer::Build(std::move(entries), rs->segmenter_);
  if (g.ok()) {
    rs->gazetteer_ = std::move(*g);
  } else {
    errors.emplace_back(g.status().message());
  }
  absl::StatusOr<std::unique_ptr<RegexMatcher>> p =
      RegexMatcher::Create(std::move(patterns));
  if (p.ok()) {
    rs->patterns_ = std::move(*p);
  } else {
    errors.emplace_back(p.status().message());
  }
  absl::StatusOr<std::unique_ptr<RelationExtractor>> r =
      RelationExtractor::Create(std::move(relations));
  if (r.ok()) {
    rs->relations_ = std::move(*r);
  } else {
    errors.emplace_back(r.status().message());
  }
  if (!errors.empty()) {
    return absl::InvalidArgumentError(absl::StrJoin(errors, "\n"));
  }
  rs->fingerprint_ = std::move(fingerprint);
  return std::unique_ptr<const RuleSet>(std::move(rs));
}

}  // namespace newsgraph
