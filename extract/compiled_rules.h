// CompiledRules: the binary form of a parsed rule set (.ngr), written once
// by `extract --rules=... --compile_rules=out.ngr` and loaded with
// `--rules=out.ngr`. It holds the parsed entries and rules of all layers,
// already merged, so loading skips reading and parsing the TSV files; the
// matchers are still built on load.
//
// The file records the digest of every source file. Reading it re-reads
// each source that still exists and refuses, with an error naming the file,
// when one has changed since compilation (a stale compiled form is never
// used silently). Sources that no longer exist are not checked, so a
// compiled file can be shipped alone.
//
// Format: the 8 bytes "NGRULES1" then one binary newsgraph.CompiledRules
// message (proto/rules.proto).
#ifndef NEWSGRAPH_EXTRACT_COMPILED_RULES_H_
#define NEWSGRAPH_EXTRACT_COMPILED_RULES_H_

#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "extract/parsed_rules.h"

namespace newsgraph {

// True if `contents` starts like a compiled rule file.
bool IsCompiledRules(absl::string_view contents);

// Writes `rules` to `path`.
absl::Status WriteCompiledRules(const ParsedRules& rules,
                                const std::string& path);

// Reads a compiled file written by WriteCompiledRules(); *rules is replaced.
// FailedPrecondition when a source file changed since compilation.
absl::Status ReadCompiledRules(const std::string& path, ParsedRules* rules);

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACT_COMPILED_RULES_H_
