#include "extract/compiled_rules.h"

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "extract/internal/tsv.h"
#include "google/protobuf/arena.h"
#include "google/protobuf/io/zero_copy_stream_impl.h"
#include "google/protobuf/util/delimited_message_util.h"
#include "proto/rules.pb.h"

namespace newsgraph {
namespace {

constexpr char kMagic[] = "NGRULES1";
constexpr size_t kMagicSize = 8;
constexpr uint32_t kFormatVersion = 1;

// Splits a "path:line" location into its parts.
void SplitLocation(const std::string& location, std::string* path,
                   uint32_t* line) {
  const size_t colon = location.rfind(':');
  *line = 0;
  if (colon == std::string::npos ||
      !absl::SimpleAtoi(absl::string_view(location).substr(colon + 1), line)) {
    *path = location;
    return;
  }
  *path = location.substr(0, colon);
}

}  // namespace

bool IsCompiledRules(absl::string_view contents) {
  return absl::StartsWith(contents, absl::string_view(kMagic, kMagicSize));
}

absl::Status WriteCompiledRules(const ParsedRules& rules,
                                const std::string& path) {
  google::protobuf::Arena arena;
  CompiledRules* out =
      google::protobuf::Arena::CreateMessage<CompiledRules>(&arena);
  out->set_format_version(kFormatVersion);
  out->set_fingerprint(rules.fingerprint);
  for (const ParsedRules::Source& s : rules.sources) {
    CompiledSource* src = out->add_sources();
    src->set_path(s.path);
    src->set_digest(s.digest);
  }
  // Entries go after the header, one message each; the header names the
  // files they refer to.
  absl::flat_hash_map<std::string, uint32_t> files;
  std::vector<std::pair<uint32_t, uint32_t>> where(rules.entries.size());
  std::string file;
  for (size_t i = 0; i < rules.entries.size(); ++i) {
    uint32_t line;
    SplitLocation(rules.entries[i].location, &file, &line);
    auto [it, added] =
        files.emplace(file, static_cast<uint32_t>(out->files_size()));
    if (added) out->add_files(file);
    where[i] = {it->second, line};
  }
  out->set_entry_count(rules.entries.size());
  for (const PatternRule& r : rules.patterns) {
    CompiledPatternRule* c = out->add_patterns();
    c->set_id(r.id);
    c->set_label(static_cast<uint32_t>(r.label));
    c->set_priority(r.priority);
    c->set_pattern(r.pattern);
    c->set_location(r.location);
  }
  for (const RelationRule& r : rules.relations) {
    CompiledRelationRule* c = out->add_relations();
    c->set_id(r.id);
    c->set_type(r.type);
    c->set_role(r.role);
    c->set_pattern(r.pattern);
    c->set_location(r.location);
  }
  for (const RuleExample& x : rules.examples) {
    CompiledExample* c = out->add_examples();
    c->set_id(x.id);
    c->set_text(x.text);
    for (const RuleExpectation& e : x.expectations) c->add_expectations(e.text);
    c->set_location(x.location);
  }
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  if (!f) return absl::PermissionDeniedError(absl::StrCat(path, ": cannot write"));
  f.write(kMagic, kMagicSize);
  {
    google::protobuf::io::OstreamOutputStream stream(&f);
    bool ok = google::protobuf::util::SerializeDelimitedToZeroCopyStream(
        *out, &stream);
    CompiledGazetteerEntry c;
    for (size_t i = 0; ok && i < rules.entries.size(); ++i) {
      const GazetteerEntry& e = rules.entries[i];
      c.Clear();
      c.set_id(e.id);
      c.set_label(static_cast<uint32_t>(e.label));
      c.set_canonical(e.canonical);
      for (const std::string& a : e.aliases) c.add_aliases(a);
      c.set_subtype(e.subtype);
      c.set_external_id(e.external_id);
      c.set_priority(e.priority);
      c.set_case_insensitive(e.case_insensitive);
      c.set_file(where[i].first);
      c.set_line(where[i].second);
      ok = google::protobuf::util::SerializeDelimitedToZeroCopyStream(c, &stream);
    }
    if (!ok) return absl::DataLossError(absl::StrCat(path, ": write error"));
  }
  if (!f.flush()) return absl::DataLossError(absl::StrCat(path, ": write error"));
  return absl::OkStatus();
}

absl::Status ReadCompiledRules(const std::string& path, ParsedRules* rules) {
  std::ifstream f(path, std::ios::binary);
  char magic[kMagicSize] = {};
  if (!f || !f.read(magic, kMagicSize) ||
      !IsCompiledRules(absl::string_view(magic, kMagicSize))) {
    return absl::InvalidArgumentError(
        absl::StrCat(path, ":1:1: not a compiled rule file (no NGRULES1 "
                           "header) and not a rule directory"));
  }
  google::protobuf::io::IstreamInputStream stream(&f);
  google::protobuf::Arena arena;
  CompiledRules* in =
      google::protobuf::Arena::CreateMessage<CompiledRules>(&arena);
  const absl::Status corrupt =
      absl::InvalidArgumentError(absl::StrCat(path, ":1:1: corrupt compiled rule file"));
  if (!google::protobuf::util::ParseDelimitedFromZeroCopyStream(in, &stream,
                                                                nullptr)) {
    return corrupt;
  }
  if (in->format_version() != kFormatVersion) {
    return absl::InvalidArgumentError(absl::StrCat(
        path, ":1:1: compiled rule format ", in->format_version(),
        " is not supported (expected ", kFormatVersion, "); recompile it"));
  }
  // A stale compiled form is refused, not used.
  std::vector<std::string> stale;
  for (const CompiledSource& s : in->sources()) {
    absl::StatusOr<std::string> now = ReadFile(s.path());
    if (!now.ok()) continue;  // gone: the compiled file stands alone
    if (DigestHex(Fnv1a(*now)) != s.digest()) stale.push_back(s.path());
  }
  if (!stale.empty()) {
    return absl::FailedPreconditionError(absl::StrCat(
        path, ":1:1: stale compiled rules: ", absl::StrJoin(stale, ", "),
        stale.size() == 1 ? " has" : " have",
        " changed since it was compiled; run extract --compile_rules again"));
  }
  *rules = ParsedRules();
  rules->fingerprint = in->fingerprint();
  for (const CompiledSource& s : in->sources()) {
    rules->sources.push_back({s.path(), s.digest()});
  }
  // entry_count comes from the file: reserve no more than its size allows
  // (an entry takes at least a few bytes), so a corrupt count cannot ask
  // for terabytes.
  std::error_code size_error;
  const uint64_t file_size = std::filesystem::file_size(path, size_error);
  rules->entries.reserve(
      std::min<uint64_t>(in->entry_count(), size_error ? 0 : file_size / 4));
  CompiledGazetteerEntry c;
  for (uint64_t i = 0; i < in->entry_count(); ++i) {
    c.Clear();  // parsing merges
    if (!google::protobuf::util::ParseDelimitedFromZeroCopyStream(&c, &stream,
                                                                  nullptr)) {
      return corrupt;
    }
    GazetteerEntry e;
    e.id = std::move(*c.mutable_id());
    e.label = static_cast<Label>(c.label());
    e.canonical = std::move(*c.mutable_canonical());
    e.aliases.reserve(c.aliases_size());
    for (std::string& a : *c.mutable_aliases()) e.aliases.push_back(std::move(a));
    e.subtype = std::move(*c.mutable_subtype());
    e.external_id = std::move(*c.mutable_external_id());
    e.priority = c.priority();
    e.case_insensitive = c.case_insensitive();
    if (c.file() < static_cast<uint32_t>(in->files_size())) {
      e.location = absl::StrCat(in->files(c.file()), ":", c.line());
    }
    rules->entries.push_back(std::move(e));
  }
  for (CompiledPatternRule& c : *in->mutable_patterns()) {
    PatternRule r;
    r.id = std::move(*c.mutable_id());
    r.label = static_cast<Label>(c.label());
    r.priority = c.priority();
    r.pattern = std::move(*c.mutable_pattern());
    r.location = std::move(*c.mutable_location());
    rules->patterns.push_back(std::move(r));
  }
  for (CompiledRelationRule& c : *in->mutable_relations()) {
    RelationRule r;
    r.id = std::move(*c.mutable_id());
    r.type = static_cast<RelationType>(c.type());
    r.role = std::move(*c.mutable_role());
    r.pattern = std::move(*c.mutable_pattern());
    r.location = std::move(*c.mutable_location());
    rules->relations.push_back(std::move(r));
  }
  for (const CompiledExample& c : in->examples()) {
    RuleExample x;
    x.id = c.id();
    x.text = c.text();
    x.location = c.location();
    for (const std::string& text : c.expectations()) {
      RuleExpectation e;
      std::string error;
      if (!ParseExpectation(text, x.location, &e, &error)) {
        return absl::InvalidArgumentError(
            absl::StrCat(path, ":1:1: corrupt example ", x.id, ": ", error));
      }
      x.expectations.push_back(std::move(e));
    }
    rules->examples.push_back(std::move(x));
  }
  return absl::OkStatus();
}

}  // namespace newsgraph
