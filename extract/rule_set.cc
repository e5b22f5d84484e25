#include "extract/rule_set.h"

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <thread>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "extract/compiled_rules.h"
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

// A gazetteer name of digits and no letter ("1975", a band) would match
// every such number in the text. Bytes of multi-byte UTF-8 count as letters.
// (A name without any word, "...", is reported when the gazetteer is built.)
bool IsNumberName(absl::string_view name) {
  return std::none_of(
             name.begin(), name.end(),
             [](char c) {
               return absl::ascii_isalpha(static_cast<unsigned char>(c)) ||
                      static_cast<unsigned char>(c) >= 0x80;
             }) &&
         std::any_of(name.begin(), name.end(), [](char c) {
           return absl::ascii_isdigit(static_cast<unsigned char>(c));
         });
}

}  // namespace

void ParseGazetteerFile(const std::string& path, absl::string_view contents,
                        std::vector<GazetteerEntry>* entries,
                        std::vector<std::string>* errors) {
  if (!CheckEncoding(path, contents, errors)) return;
  entries->reserve(entries->size() +
                   std::count(contents.begin(), contents.end(), '\n') + 1);
  ForEachTsvLine(contents, [&](const TsvLine& line) {
    if (line.fields.size() < 3) {
      errors->push_back(absl::StrCat(
          Where(path, line, 0),
          ": expected at least 3 TAB-separated fields (id, type, canonical), "
          "got ", line.fields.size()));
      return;
    }
    if (line.fields.size() > 8) {
      errors->push_back(absl::StrCat(Where(path, line, 8),
                                     ": too many fields (at most 8)"));
      return;
    }
    GazetteerEntry e;
    e.id = std::string(Field(line, 0));
    e.location = absl::StrCat(path, ":", line.line);
    if (e.id.empty()) {
      errors->push_back(absl::StrCat(Where(path, line, 0), ": empty id"));
      return;
    }
    const absl::string_view type = Field(line, 1);
    if (!ParseLabel(type, &e.label) || e.label == Label::kVeto) {
      errors->push_back(absl::StrCat(
          Where(path, line, 1), ": unknown type \"", type,
          "\" (expected PERSON, AGENCY, PLACE, DEMONYM or GIVEN_NAME)"));
      return;
    }
    e.canonical = std::string(Field(line, 2));
    if (e.canonical.empty()) {
      errors->push_back(
          absl::StrCat(Where(path, line, 2), ": empty canonical name"));
      return;
    }
    for (absl::string_view alias :
         absl::StrSplit(Field(line, 3), '|', absl::SkipWhitespace())) {
      e.aliases.emplace_back(absl::StripAsciiWhitespace(alias));
    }
    const auto number =
        std::find_if(e.aliases.begin(), e.aliases.end(), IsNumberName);
    if (IsNumberName(e.canonical) || number != e.aliases.end()) {
      const bool in_canonical = IsNumberName(e.canonical);
      const std::string& bad = in_canonical ? e.canonical : *number;
      errors->push_back(absl::StrCat(
          Where(path, line, in_canonical ? 2 : 3), ": name \"", bad,
          "\" has no letter: it would match every such number"));
      return;
    }
    e.subtype = std::string(Field(line, 4));
    e.external_id = std::string(Field(line, 5));
    if (!ParsePriority(path, line, 6, &e.priority, errors)) return;
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
  });
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
    if (!ParseLabel(type, &r.label) || r.label == Label::kDemonym ||
        r.label == Label::kGivenName) {
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

void ParseExampleFile(const std::string& path, absl::string_view contents,
                      std::vector<RuleExample>* examples,
                      std::vector<std::string>* errors) {
  if (!CheckEncoding(path, contents, errors)) return;
  for (const TsvLine& line : ParseTsv(contents)) {
    if (line.fields.size() < 3) {
      errors->push_back(absl::StrCat(
          Where(path, line, 0),
          ": expected at least 3 TAB-separated fields (id, sentence, "
          "expectation...), got ", line.fields.size()));
      continue;
    }
    RuleExample x;
    x.id = std::string(Field(line, 0));
    x.location = Where(path, line, 0);
    x.text = std::string(Field(line, 1));
    if (x.text.empty()) {
      errors->push_back(absl::StrCat(Where(path, line, 1), ": empty sentence"));
      continue;
    }
    bool ok = true;
    for (size_t i = 2; i < line.fields.size(); ++i) {
      if (Field(line, i).empty()) continue;
      RuleExpectation e;
      std::string error;
      if (!ParseExpectation(line.fields[i], Where(path, line, i), &e, &error)) {
        errors->push_back(absl::StrCat(Where(path, line, i), ": ", error));
        ok = false;
        continue;
      }
      x.expectations.push_back(std::move(e));
    }
    if (ok) examples->push_back(std::move(x));
  }
}

void ParseDisableFile(const std::string& path, absl::string_view contents,
                      std::vector<DisabledId>* ids,
                      std::vector<std::string>* errors) {
  if (!CheckEncoding(path, contents, errors)) return;
  for (const TsvLine& line : ParseTsv(contents)) {
    const absl::string_view id = Field(line, 0);
    if (id.empty()) {
      errors->push_back(absl::StrCat(Where(path, line, 0), ": empty id"));
      continue;
    }
    ids->push_back({std::string(id), Where(path, line, 0)});
  }
}

std::vector<std::string> SplitRuleLayers(absl::string_view spec,
                                         const std::string& default_dir) {
  std::vector<std::string> layers;
  if (spec.empty()) {
    layers.push_back(default_dir);
    return layers;
  }
  for (absl::string_view part : absl::StrSplit(spec, ',')) {
    part = absl::StripAsciiWhitespace(part);
    if (part.empty() || part == kDefaultRulesLayer) {
      layers.push_back(default_dir);
    } else {
      layers.emplace_back(part);
    }
  }
  return layers;
}

namespace {

// Records a source file for the compiled form's staleness check.
void AddSource(const std::string& path, absl::string_view contents,
               ParsedRules* rules) {
  std::error_code ec;
  std::filesystem::path absolute = std::filesystem::absolute(path, ec);
  rules->sources.push_back(
      {ec ? path : absolute.lexically_normal().string(),
       DigestHex(Fnv1a(contents))});
}

}  // namespace

void ParseRuleDir(const std::string& dir, ParsedRules* rules,
                  std::vector<DisabledId>* disabled,
                  std::vector<std::string>* errors) {
  const std::string manifest_path = absl::StrCat(dir, "/MANIFEST");
  absl::StatusOr<std::string> manifest = ReadFile(manifest_path);
  if (!manifest.ok()) {
    errors->emplace_back(manifest.status().message());
    return;
  }
  AddSource(manifest_path, *manifest, rules);
  uint64_t hash = kFnvOffset;
  for (const TsvLine& line : ParseTsv(*manifest)) {
    // Fields may be separated by TABs or spaces.
    std::vector<absl::string_view> words;
    for (absl::string_view f : line.fields) {
      for (absl::string_view w : absl::StrSplit(f, ' ', absl::SkipEmpty())) {
        words.push_back(w);
      }
    }
    const std::string where = absl::StrCat(manifest_path, ":", line.line, ":1");
    if (words.size() != 2) {
      errors->push_back(absl::StrCat(where, ": expected \"<kind> <path>\""));
      continue;
    }
    const absl::string_view kind = words[0];
    if (kind != "gazetteer" && kind != "patterns" && kind != "relations" &&
        kind != "examples" && kind != "disable") {
      errors->push_back(absl::StrCat(where, ": unknown kind \"", kind,
                                     "\" (expected gazetteer, patterns, "
                                     "relations, examples or disable)"));
      continue;
    }
    const std::string path = absl::StrCat(dir, "/", words[1]);
    absl::StatusOr<std::string> contents = ReadFile(path);
    if (!contents.ok()) {
      errors->push_back(absl::StrCat(where, ": ", contents.status().message()));
      continue;
    }
    AddSource(path, *contents, rules);
    if (contents->empty()) {
      errors->push_back(absl::StrCat(path, ":1:1: empty rule file"));
      continue;
    }
    hash = Fnv1a(words[1], hash);
    hash = Fnv1a(*contents, hash);
    if (kind == "gazetteer") {
      ParseGazetteerFile(path, *contents, &rules->entries, errors);
    } else if (kind == "patterns") {
      ParsePatternFile(path, *contents, &rules->patterns, errors);
    } else if (kind == "relations") {
      ParseRelationFile(path, *contents, &rules->relations, errors);
    } else if (kind == "examples") {
      ParseExampleFile(path, *contents, &rules->examples, errors);
    } else {
      ParseDisableFile(path, *contents, disabled, errors);
    }
  }
  rules->fingerprint = DigestHex(hash);
  // Ids are unique within a directory. Locations are made only for
  // duplicates.
  absl::flat_hash_map<absl::string_view, std::pair<int, size_t>> seen;
  seen.reserve(rules->entries.size() + rules->patterns.size() +
               rules->relations.size() + rules->examples.size());
  auto location = [&](int kind, size_t i) {
    switch (kind) {
      case 0: return absl::StrCat(rules->entries[i].location, ":1");
      case 1: return rules->patterns[i].location;
      case 2: return rules->relations[i].location;
      default: return rules->examples[i].location;
    }
  };
  auto check_id = [&](const std::string& id, int kind, size_t i) {
    auto [it, inserted] = seen.emplace(id, std::make_pair(kind, i));
    if (!inserted) {
      errors->push_back(absl::StrCat(
          location(kind, i), ": duplicate id \"", id, "\" (first defined at ",
          location(it->second.first, it->second.second), ")"));
    }
  };
  for (size_t i = 0; i < rules->entries.size(); ++i) {
    check_id(rules->entries[i].id, 0, i);
  }
  for (size_t i = 0; i < rules->patterns.size(); ++i) {
    check_id(rules->patterns[i].id, 1, i);
  }
  for (size_t i = 0; i < rules->relations.size(); ++i) {
    check_id(rules->relations[i].id, 2, i);
  }
  for (size_t i = 0; i < rules->examples.size(); ++i) {
    check_id(rules->examples[i].id, 3, i);
  }
}

namespace {

// Merges `layer` into `base`: a rule whose id `base` has replaces it (in
// place when of the same kind), `disabled` ids are dropped from `base`.
void MergeLayer(ParsedRules layer, const std::vector<DisabledId>& disabled,
                ParsedRules* base, std::vector<std::string>* errors) {
  enum Kind { kEntry, kPattern, kRelation, kExample };
  absl::flat_hash_map<std::string, std::pair<Kind, size_t>> index;
  for (size_t i = 0; i < base->entries.size(); ++i)
    index[base->entries[i].id] = {kEntry, i};
  for (size_t i = 0; i < base->patterns.size(); ++i)
    index[base->patterns[i].id] = {kPattern, i};
  for (size_t i = 0; i < base->relations.size(); ++i)
    index[base->relations[i].id] = {kRelation, i};
  for (size_t i = 0; i < base->examples.size(); ++i)
    index[base->examples[i].id] = {kExample, i};
  std::vector<bool> drop_entry(base->entries.size()),
      drop_pattern(base->patterns.size()),
      drop_relation(base->relations.size()),
      drop_example(base->examples.size());
  auto drop = [&](Kind kind, size_t i) {
    switch (kind) {
      case kEntry: drop_entry[i] = true; break;
      case kPattern: drop_pattern[i] = true; break;
      case kRelation: drop_relation[i] = true; break;
      case kExample: drop_example[i] = true; break;
    }
  };
  for (const DisabledId& d : disabled) {
    auto it = index.find(d.id);
    if (it == index.end()) {
      errors->push_back(absl::StrCat(d.location, ": cannot disable \"", d.id,
                                     "\": no earlier layer defines it"));
      continue;
    }
    drop(it->second.first, it->second.second);
  }
  // Returns true if the rule replaced one in place.
  auto replace = [&](Kind kind, const std::string& id, auto&& assign) {
    auto it = index.find(id);
    if (it == index.end()) return false;
    if (it->second.first == kind) {
      assign(it->second.second);
      return true;
    }
    drop(it->second.first, it->second.second);
    return false;
  };
  // Each item of the layer replaces the base's item of that id in place, or
  // is appended.
  auto merge = [&](Kind kind, auto* items, auto* base_items,
                   std::vector<bool>* dropped) {
    for (auto& item : *items) {
      if (!replace(kind, item.id, [&](size_t i) { (*base_items)[i] = item; })) {
        base_items->push_back(std::move(item));
        dropped->push_back(false);
      }
    }
  };
  merge(kEntry, &layer.entries, &base->entries, &drop_entry);
  merge(kPattern, &layer.patterns, &base->patterns, &drop_pattern);
  merge(kRelation, &layer.relations, &base->relations, &drop_relation);
  merge(kExample, &layer.examples, &base->examples, &drop_example);
  auto compact = [](auto* items, const std::vector<bool>& dropped) {
    size_t out = 0;
    for (size_t i = 0; i < items->size(); ++i) {
      if (dropped[i]) continue;
      if (out != i) (*items)[out] = std::move((*items)[i]);
      ++out;
    }
    items->resize(out);
  };
  compact(&base->entries, drop_entry);
  compact(&base->patterns, drop_pattern);
  compact(&base->relations, drop_relation);
  compact(&base->examples, drop_example);
  for (ParsedRules::Source& s : layer.sources) {
    base->sources.push_back(std::move(s));
  }
  base->fingerprint = base->fingerprint.empty()
                          ? layer.fingerprint
                          : absl::StrCat(base->fingerprint, "+",
                                         layer.fingerprint);
}

}  // namespace

ParsedRules ParseRuleLayers(const std::vector<std::string>& layers,
                            std::vector<std::string>* errors) {
  ParsedRules merged;
  for (size_t i = 0; i < layers.size(); ++i) {
    const std::string& layer = layers[i];
    ParsedRules parsed;
    std::vector<DisabledId> disabled;
    std::error_code ec;
    if (std::filesystem::is_directory(layer, ec)) {
      ParseRuleDir(layer, &parsed, &disabled, errors);
    } else if (std::filesystem::is_regular_file(layer, ec)) {
      const absl::Status s = ReadCompiledRules(layer, &parsed);
      if (!s.ok()) {
        errors->emplace_back(s.message());
        continue;
      }
    } else {
      errors->push_back(absl::StrCat(
          layer, ": no such rule directory or compiled rule file"));
      continue;
    }
    if (i == 0) {
      merged = std::move(parsed);
      for (const DisabledId& d : disabled) {
        errors->push_back(absl::StrCat(d.location, ": cannot disable \"",
                                       d.id, "\": no earlier layer defines it"));
      }
    } else {
      MergeLayer(std::move(parsed), disabled, &merged, errors);
    }
  }
  return merged;
}

absl::StatusOr<std::unique_ptr<const RuleSet>> RuleSet::Load(
    const std::string& dir) {
  return LoadLayers({dir});
}

namespace {

// A gazetteer source that builds the gazetteer of *entries (moved from).
auto BuildFrom(std::vector<GazetteerEntry>* entries) {
  return [entries](const Segmenter& segmenter) {
    return Gazetteer::Build(std::move(*entries), segmenter);
  };
}

}  // namespace

absl::StatusOr<std::unique_ptr<const RuleSet>> RuleSet::LoadLayers(
    const std::vector<std::string>& layers) {
  for (const std::string& layer : layers) {
    std::error_code ec;
    if (!std::filesystem::exists(layer, ec)) {
      // Not found: the MANIFEST of the directory that was meant.
      RETURN_IF_ERROR(ReadFile(absl::StrCat(layer, "/MANIFEST")).status());
    }
  }
  std::error_code ec;
  if (layers.size() == 1 && std::filesystem::is_regular_file(layers[0], ec)) {
    // One compiled file: its gazetteer is read as built, while the
    // expressions compile.
    ParsedRules parsed;
    CompiledRulesReader reader;
    const absl::Status s = reader.Open(layers[0], &parsed);
    if (!s.ok()) return absl::InvalidArgumentError(s.message());
    ASSIGN_OR_RETURN(
        std::unique_ptr<RuleSet> rs,
        Compile([&reader](const Segmenter&) { return reader.ReadGazetteer(); },
                std::move(parsed.patterns), std::move(parsed.relations),
                std::move(parsed.fingerprint)));
    rs->examples_ = std::move(parsed.examples);
    return std::unique_ptr<const RuleSet>(std::move(rs));
  }
  std::vector<std::string> errors;
  ParsedRules parsed = ParseRuleLayers(layers, &errors);
  if (!errors.empty()) {
    return absl::InvalidArgumentError(absl::StrJoin(errors, "\n"));
  }
  return FromParsed(std::move(parsed));
}

absl::StatusOr<std::unique_ptr<const RuleSet>> RuleSet::FromParsed(
    ParsedRules rules) {
  ASSIGN_OR_RETURN(std::unique_ptr<RuleSet> rs,
                   Compile(BuildFrom(&rules.entries),
                           std::move(rules.patterns),
                           std::move(rules.relations),
                           std::move(rules.fingerprint)));
  rs->examples_ = std::move(rules.examples);
  return std::unique_ptr<const RuleSet>(std::move(rs));
}

absl::StatusOr<std::unique_ptr<const RuleSet>> RuleSet::FromRules(
    std::vector<GazetteerEntry> entries, std::vector<PatternRule> patterns,
    std::vector<RelationRule> relations, std::string fingerprint) {
  ASSIGN_OR_RETURN(std::unique_ptr<RuleSet> rs,
                   Compile(BuildFrom(&entries), std::move(patterns),
                           std::move(relations), std::move(fingerprint)));
  return std::unique_ptr<const RuleSet>(std::move(rs));
}

absl::StatusOr<std::unique_ptr<RuleSet>> RuleSet::Compile(
    const GazetteerSource& gazetteer, std::vector<PatternRule> patterns,
    std::vector<RelationRule> relations, std::string fingerprint) {
  std::unique_ptr<RuleSet> rs(new RuleSet());
  std::vector<std::string> errors;
  // The gazetteer, the entity patterns and the relation rules are made on
  // threads of their own: they are independent and each takes a good part
  // of the load time. Errors are reported in that order.
  absl::Status gazetteer_status, relations_status;
  std::thread gazetteer_thread([&rs, &gazetteer, &gazetteer_status] {
    absl::StatusOr<std::unique_ptr<Gazetteer>> g = gazetteer(rs->segmenter_);
    if (g.ok()) {
      rs->gazetteer_ = std::move(*g);
    } else {
      gazetteer_status = g.status();
    }
  });
  std::thread relations_thread([&rs, &relations, &relations_status] {
    absl::StatusOr<std::unique_ptr<RelationExtractor>> r =
        RelationExtractor::Create(std::move(relations));
    if (r.ok()) {
      rs->relations_ = std::move(*r);
    } else {
      relations_status = r.status();
    }
  });
  absl::StatusOr<std::unique_ptr<RegexMatcher>> p =
      RegexMatcher::Create(std::move(patterns));
  gazetteer_thread.join();
  relations_thread.join();
  if (!gazetteer_status.ok()) {
    errors.emplace_back(gazetteer_status.message());
  }
  if (p.ok()) {
    rs->patterns_ = std::move(*p);
  } else {
    errors.emplace_back(p.status().message());
  }
  if (!relations_status.ok()) {
    errors.emplace_back(relations_status.message());
  }
  if (!errors.empty()) {
    return absl::InvalidArgumentError(absl::StrJoin(errors, "\n"));
  }
  rs->fingerprint_ = std::move(fingerprint);
  return rs;
}

}  // namespace newsgraph
