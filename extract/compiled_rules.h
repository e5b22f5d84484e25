// CompiledRules: the binary form of a parsed rule set (.ngr), written once
// by `extract --rules=... --compile_rules=out.ngr` and loaded with
// `--rules=out.ngr`. It holds the rules of all layers, already merged, and
// the gazetteer already built (its token vocabulary, trie and entries as
// flat arrays, see Gazetteer::Write), so loading skips reading and parsing
// the TSV files and building the trie: it reads the arrays and rebuilds two
// hash indexes. The regular expressions are still compiled on load.
//
// The file records the digest of every source file. Reading it re-reads
// each source that still exists and refuses, with an error naming the file,
// when one has changed since compilation (a stale compiled form is never
// used silently). Sources that no longer exist are not checked, so a
// compiled file can be shipped alone.
//
// Format: the 8 bytes "NGRULES2" (the last one the format version), the size
// of the header as a native-endian uint64, the header (one binary
// newsgraph.CompiledRules message, proto/rules.proto), then the gazetteer
// image (Gazetteer::Write). A file of another version is refused with a
// request to recompile it.
#ifndef NEWSGRAPH_EXTRACT_COMPILED_RULES_H_
#define NEWSGRAPH_EXTRACT_COMPILED_RULES_H_

#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "extract/gazetteer.h"
#include "extract/parsed_rules.h"

namespace newsgraph {

// The 8 bytes that start a compiled rule file of the current format.
extern const char kCompiledRulesMagic[9];

// True if `contents` starts like a compiled rule file (of any version).
bool IsCompiledRules(absl::string_view contents);

// Builds the gazetteer of `rules` and writes everything to `path`. Fails
// when the gazetteer does not build (a name without words).
absl::Status WriteCompiledRules(const ParsedRules& rules,
                                const std::string& path);

// Reads a compiled file written by WriteCompiledRules(); *rules is replaced.
// FailedPrecondition when a source file changed since compilation. With
// `gazetteer`, the built gazetteer is returned there and rules->entries is
// left empty (the fast path); without, its entries are recovered into
// rules->entries (to merge layers or check the rules).
absl::Status ReadCompiledRules(const std::string& path, ParsedRules* rules,
                               std::unique_ptr<Gazetteer>* gazetteer = nullptr);

// ReadCompiledRules() in two steps, so that a caller can compile the rules'
// regular expressions while the gazetteer is read (RuleSet does):
//
//   CompiledRulesReader reader;
//   absl::Status s = reader.Open(path, &rules);  // all but the gazetteer
//   ... compile rules.patterns and rules.relations on other threads ...
//   absl::StatusOr<std::unique_ptr<Gazetteer>> g = reader.ReadGazetteer();
//
// Open() replaces *rules and leaves rules->entries empty. ReadGazetteer()
// checks the sources for staleness (FailedPrecondition) and reads the
// gazetteer image; call it once, after a successful Open(). Errors start
// with "path:1:1: ".
class CompiledRulesReader {
 public:
  absl::Status Open(const std::string& path, ParsedRules* rules);
  absl::StatusOr<std::unique_ptr<Gazetteer>> ReadGazetteer();

 private:
  absl::Status Corrupt() const;

  std::string path_;
  std::ifstream file_;  // positioned at the gazetteer image after Open()
  std::vector<ParsedRules::Source> sources_;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACT_COMPILED_RULES_H_
