// RuleSet: loads a rule directory (plain data files, see rules/README.md)
// and compiles it into the immutable matchers the pipeline shares between
// threads.
//
// A rule directory holds a file MANIFEST that lists the rule files, one per
// line as "<kind> <path>", kinds being `gazetteer`, `patterns`, `relations`,
// `examples` (test sentences, see parsed_rules.h) and `disable` (ids of
// rules of earlier layers to drop), paths relative to the directory. Loading
// reports every problem it finds, not just the first, one per line as
// "path:line:column: message".
//
// Layers: a rule set may be several layers, each a rule directory or a
// compiled .ngr file (see compiled_rules.h), applied in order. A later
// layer adds rules, replaces a rule of an earlier layer by giving its id
// again, and drops one by listing its id in a `disable` file. Within one
// layer ids are unique.
//
// Thread-safe once loaded: every accessor is const.
#ifndef NEWSGRAPH_EXTRACT_RULE_SET_H_
#define NEWSGRAPH_EXTRACT_RULE_SET_H_

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "extract/gazetteer.h"
#include "extract/parsed_rules.h"
#include "extract/regex_matcher.h"
#include "extract/relation_extractor.h"
#include "extract/segmenter.h"

namespace newsgraph {

class RuleSet {
 public:
  // Loads and compiles the rules under `dir`.
  static absl::StatusOr<std::unique_ptr<const RuleSet>> Load(
      const std::string& dir);

  // Loads the layers (rule directories or compiled files) in order; see
  // ParseRuleLayers().
  static absl::StatusOr<std::unique_ptr<const RuleSet>> LoadLayers(
      const std::vector<std::string>& layers);

  // Compiles parsed rules; keeps their fingerprint and examples.
  static absl::StatusOr<std::unique_ptr<const RuleSet>> FromParsed(
      ParsedRules rules);

  // Compiles rules given in memory (for tests); `fingerprint` is recorded
  // as given.
  static absl::StatusOr<std::unique_ptr<const RuleSet>> FromRules(
      std::vector<GazetteerEntry> entries, std::vector<PatternRule> patterns,
      std::vector<RelationRule> relations, std::string fingerprint);

  const Segmenter& segmenter() const { return segmenter_; }
  const Gazetteer& gazetteer() const { return *gazetteer_; }
  const RegexMatcher& patterns() const { return *patterns_; }
  const RelationExtractor& relations() const { return *relations_; }
  // Hex digest of the rule files (names and contents, in manifest order);
  // for several layers, the layers' digests joined by '+'.
  const std::string& fingerprint() const { return fingerprint_; }
  // The example sentences of the rule files (`kind examples`).
  const std::vector<RuleExample>& examples() const { return examples_; }

 private:
  RuleSet() = default;
  // Makes the gazetteer (given the rule set's segmenter): builds it of
  // entries, or reads a compiled one.
  using GazetteerSource =
      std::function<absl::StatusOr<std::unique_ptr<Gazetteer>>(
          const Segmenter&)>;
  // Runs `gazetteer` on a thread of its own while the patterns and the
  // relation rules compile on two others.
  static absl::StatusOr<std::unique_ptr<RuleSet>> Compile(
      const GazetteerSource& gazetteer, std::vector<PatternRule> patterns,
      std::vector<RelationRule> relations, std::string fingerprint);

  Segmenter segmenter_;
  std::unique_ptr<Gazetteer> gazetteer_;
  std::unique_ptr<RegexMatcher> patterns_;
  std::unique_ptr<RelationExtractor> relations_;
  std::string fingerprint_;
  std::vector<RuleExample> examples_;
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

// An example file: `id <TAB> sentence <TAB> expectation [<TAB> ...]`, each
// expectation as described in parsed_rules.h.
void ParseExampleFile(const std::string& path, absl::string_view contents,
                      std::vector<RuleExample>* examples,
                      std::vector<std::string>* errors);

// A rule id listed in a `disable` file.
struct DisabledId {
  std::string id;
  std::string location;  // "path:line:column"
};
// A disable file: one id per line (the first field).
void ParseDisableFile(const std::string& path, absl::string_view contents,
                      std::vector<DisabledId>* ids,
                      std::vector<std::string>* errors);

// The name of the bundled rule set in a --rules value.
inline constexpr char kDefaultRulesLayer[] = "default";

// Splits a --rules value into layers: elements are separated by ','; an
// element "default", or an empty one, stands for `default_dir` (so
// "default,my_rules" and ",my_rules" both extend the bundled rules). An
// empty value is the default set alone.
std::vector<std::string> SplitRuleLayers(absl::string_view spec,
                                         const std::string& default_dir);

// Parses one rule directory (its MANIFEST and files) into *rules and the
// ids it disables into *disabled, appending every problem to *errors.
// Reports duplicate ids within the directory.
void ParseRuleDir(const std::string& dir, ParsedRules* rules,
                  std::vector<DisabledId>* disabled,
                  std::vector<std::string>* errors);

// Parses the layers and merges them in order (see above). Every problem is
// appended to *errors; what could be parsed is returned.
ParsedRules ParseRuleLayers(const std::vector<std::string>& layers,
                            std::vector<std::string>* errors);

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACT_RULE_SET_H_
