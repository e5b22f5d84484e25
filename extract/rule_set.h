// RuleSet: loads a rule directory (plain data files, see rules/README.md)
// and compiles it into the immutable matchers the pipeline shares between
// threads.
//
// A rule directory holds a file MANIFEST that lists the rule files, one per
// line as "<kind> <path>", kinds being `gazetteer`, `patterns` and
// `relations`, paths relative to the directory. Loading reports every
// problem it finds, not just the first, one per line as
// "path:line:column: message".
//
// Thread-safe once loaded: every accessor is const.
#ifndef NEWSGRAPH_EXTRACT_RULE_SET_H_
#define NEWSGRAPH_EXTRACT_RULE_SET_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "extract/gazetteer.h"
#include "extract/regex_matcher.h"
#include "extract/relation_extractor.h"
#include "extract/segmenter.h"

namespace newsgraph {

class RuleSet {
 public:
  // Loads and compiles the rules under `dir`.
  static absl::StatusOr<std::unique_ptr<const RuleSet>> Load(
      const std::string& dir);

  // Compiles rules given in memory (for tests); `fingerprint` is recorded
  // as given.
  static absl::StatusOr<std::unique_ptr<const RuleSet>> FromRules(
      std::vector<GazetteerEntry> entries, std::vector<PatternRule> patterns,
      std::vector<RelationRule> relations, std::string fingerprint);

  const Segmenter& segmenter() const { return segmenter_; }
  const Gazetteer& gazetteer() const { return *gazetteer_; }
  const RegexMatcher& patterns() const { return *patterns_; }
  const RelationExtractor& relations() const { return *relations_; }
  // Hex digest of the rule files (names and contents, in manifest order).
  const std::string& fingerprint() const { return fingerprint_; }

 private:
  RuleSet() = default;

  Segmenter segmenter_;
  std::unique_ptr<Gazetteer> gazetteer_;
  std::unique_ptr<RegexMatcher> patterns_;
  std::unique_ptr<RelationExtractor> relations_;
  std::string fingerprint_;
};

// Parsers of the individual rule files, exposed for tests and tools. Each
// appends what it parsed and every error ("path:line:column: message").
void ParseGazetteerFile(const std::string& path, absl::string_view contents,
                        std::vector<GazetteerEntry>* entries,
                        std::vector<std::string>* errors);
void ParsePatternFile(const std::string& path, absl::string_view contents,
                      std::vector<PatternRule>* rules,
                      std::vector<std::string>* errors);
void ParseRelationFile(const std::string& path, absl::string_view contents,
                       std::vector<RelationRule>* rules,
                       std::vector<std::string>* errors);

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACT_RULE_SET_H_
