#include "extract/compiled_rules.h"

#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "extract/gazetteer.h"
#include "extract/internal/tsv.h"
#include "extract/segmenter.h"
#include "google/protobuf/arena.h"
#include "proto/rules.pb.h"

namespace newsgraph {
// "NGRULES" and the format version as one digit.
const char kCompiledRulesMagic[9] = "NGRULES2";

namespace {

constexpr const char* kMagic = kCompiledRulesMagic;
constexpr size_t kMagicSize = 8;
constexpr uint32_t kFormatVersion = 2;

// The digest of the file at `path` (as DigestHex(Fnv1a(contents))), read in
// chunks so that a large source costs no memory; nullopt if unreadable.
std::optional<std::string> FileDigest(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return std::nullopt;
  std::vector<char> buffer(1 << 18);
  uint64_t hash = kFnvOffset;
  while (f) {
    f.read(buffer.data(), buffer.size());
    hash = Fnv1a(absl::string_view(buffer.data(), f.gcount()), hash);
  }
  if (f.bad()) return std::nullopt;
  return DigestHex(hash);
}

}  // namespace

bool IsCompiledRules(absl::string_view contents) {
  return absl::StartsWith(contents, absl::string_view(kMagic, kMagicSize - 1));
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
  // The gazetteer is stored built.
  absl::StatusOr<std::unique_ptr<Gazetteer>> gazetteer =
      Gazetteer::Build(rules.entries, Segmenter());
  if (!gazetteer.ok()) return gazetteer.status();
  std::string header;
  if (!out->SerializeToString(&header)) {
    return absl::InternalError(absl::StrCat(path, ": cannot serialize rules"));
  }
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  if (!f) return absl::PermissionDeniedError(absl::StrCat(path, ": cannot write"));
  const uint64_t header_size = header.size();
  f.write(kMagic, kMagicSize);
  f.write(reinterpret_cast<const char*>(&header_size), sizeof(header_size));
  f.write(header.data(), header.size());
  if (absl::Status s = (*gazetteer)->Write(&f); !s.ok()) {
    return absl::DataLossError(absl::StrCat(path, ": ", s.message()));
  }
  if (!f.flush()) return absl::DataLossError(absl::StrCat(path, ": write error"));
  return absl::OkStatus();
}

absl::Status CompiledRulesReader::Open(const std::string& path,
                                      ParsedRules* rules) {
  path_ = path;
  sources_.clear();
  file_ = std::ifstream(path, std::ios::binary);
  std::ifstream& f = file_;
  char magic[kMagicSize] = {};
  if (!f || !f.read(magic, kMagicSize) ||
      !IsCompiledRules(absl::string_view(magic, kMagicSize))) {
    return absl::InvalidArgumentError(
        absl::StrCat(path, ":1:1: not a compiled rule file (no NGRULES "
                           "header) and not a rule directory"));
  }
  if (magic[kMagicSize - 1] != kMagic[kMagicSize - 1]) {
    return absl::InvalidArgumentError(absl::StrCat(
        path, ":1:1: compiled rule format ",
        absl::string_view(&magic[kMagicSize - 1], 1),
        " is not supported (expected ", kFormatVersion, "); recompile it"));
  }
  const absl::Status corrupt = Corrupt();
  // header_size comes from the file: a corrupt one must not allocate more
  // than the file holds.
  std::error_code size_error;
  const uint64_t file_size = std::filesystem::file_size(path, size_error);
  uint64_t header_size = 0;
  if (size_error ||
      !f.read(reinterpret_cast<char*>(&header_size), sizeof(header_size)) ||
      header_size > file_size) {
    return corrupt;
  }
  std::string header(header_size, '\0');
  if (!f.read(&header[0], header_size)) return corrupt;
  google::protobuf::Arena arena;
  CompiledRules* in =
      google::protobuf::Arena::CreateMessage<CompiledRules>(&arena);
  if (!in->ParseFromString(header)) return corrupt;
  header = std::string();
  if (in->format_version() != kFormatVersion) {
    return absl::InvalidArgumentError(absl::StrCat(
        path, ":1:1: compiled rule format ", in->format_version(),
        " is not supported (expected ", kFormatVersion, "); recompile it"));
  }
  *rules = ParsedRules();
  rules->fingerprint = in->fingerprint();
  for (const CompiledSource& s : in->sources()) {
    rules->sources.push_back({s.path(), s.digest()});
  }
  sources_ = rules->sources;
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


absl::StatusOr<std::unique_ptr<Gazetteer>> CompiledRulesReader::ReadGazetteer() {
  // A stale compiled form is refused, not used.
  std::vector<std::string> stale;
  for (const ParsedRules::Source& s : sources_) {
    const std::optional<std::string> now = FileDigest(s.path);
    if (!now.has_value()) continue;  // gone: the compiled file stands alone
    if (*now != s.digest) stale.push_back(s.path);
  }
  if (!stale.empty()) {
    return absl::FailedPreconditionError(absl::StrCat(
        path_, ":1:1: stale compiled rules: ", absl::StrJoin(stale, ", "),
        stale.size() == 1 ? " has" : " have",
        " changed since it was compiled; run extract --compile_rules again"));
  }
  absl::StatusOr<std::unique_ptr<Gazetteer>> built = Gazetteer::Read(&file_);
  if (!built.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat(path_, ":1:1: ", built.status().message()));
  }
  if (file_.peek() != std::char_traits<char>::eof()) return Corrupt();
  file_.close();
  return built;
}

absl::Status CompiledRulesReader::Corrupt() const {
  return absl::InvalidArgumentError(
      absl::StrCat(path_, ":1:1: corrupt compiled rule file"));
}

absl::Status ReadCompiledRules(const std::string& path, ParsedRules* rules,
                               std::unique_ptr<Gazetteer>* gazetteer) {
  CompiledRulesReader reader;
  if (absl::Status s = reader.Open(path, rules); !s.ok()) return s;
  absl::StatusOr<std::unique_ptr<Gazetteer>> built = reader.ReadGazetteer();
  if (!built.ok()) return built.status();
  if (gazetteer != nullptr) {
    *gazetteer = std::move(*built);
    return absl::OkStatus();
  }
  const Gazetteer& g = **built;
  rules->entries.reserve(g.size());
  for (int32_t i = 0; i < static_cast<int32_t>(g.size()); ++i) {
    rules->entries.push_back(g.full_entry(i));
  }
  return absl::OkStatus();
}

}  // namespace newsgraph
