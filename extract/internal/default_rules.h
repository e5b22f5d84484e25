// Test helpers: files of this workspace through the test's runfiles, and the
// bundled default rule set (the test lists //rules:default_rules in its
// data).
#ifndef NEWSGRAPH_EXTRACT_INTERNAL_DEFAULT_RULES_H_
#define NEWSGRAPH_EXTRACT_INTERNAL_DEFAULT_RULES_H_

#include <memory>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "extract/rule_set.h"
#include "tools/cpp/runfiles/runfiles.h"

namespace newsgraph {

// The runfiles path of `path` ("testdata/sample/gold.jsonl"), or "" when the
// runfiles cannot be found.
inline std::string TestRunfile(const std::string& path) {
  std::string error;
  std::unique_ptr<bazel::tools::cpp::runfiles::Runfiles> runfiles(
      bazel::tools::cpp::runfiles::Runfiles::CreateForTest(&error));
  if (runfiles == nullptr) return "";
  return runfiles->Rlocation("newsgraph/" + path);
}

// The default rules (rules/), loaded from the test's runfiles.
inline absl::StatusOr<std::shared_ptr<const RuleSet>> LoadDefaultRules() {
  const std::string manifest = TestRunfile("rules/MANIFEST");
  if (manifest.empty()) {
    return absl::NotFoundError("no runfiles for rules/MANIFEST");
  }
  absl::StatusOr<std::unique_ptr<const RuleSet>> rules =
      RuleSet::Load(manifest.substr(0, manifest.rfind('/')));
  if (!rules.ok()) return rules.status();
  return std::shared_ptr<const RuleSet>(std::move(*rules));
}

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACT_INTERNAL_DEFAULT_RULES_H_
