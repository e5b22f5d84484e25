// The bundled rule set: it checks without errors, and every example
// sentence in it gives what it expects when run through the pipeline.
#include <memory>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "extract/pipeline.h"
#include "extract/rule_check.h"
#include "extract/rule_examples.h"
#include "extract/rule_set.h"
#include "gtest/gtest.h"
#include "tools/cpp/runfiles/runfiles.h"

namespace newsgraph {
namespace {

using bazel::tools::cpp::runfiles::Runfiles;

std::string RulesDir() {
  std::string error;
  std::unique_ptr<Runfiles> runfiles(Runfiles::CreateForTest(&error));
  EXPECT_NE(runfiles, nullptr) << error;
  const std::string manifest = runfiles->Rlocation("newsgraph/rules/MANIFEST");
  return manifest.substr(0, manifest.size() - std::string("/MANIFEST").size());
}

TEST(DefaultRulesTest, CheckFindsNoErrors) {
  const RuleCheckResult r = CheckRuleLayers({RulesDir()});
  EXPECT_TRUE(r.ok()) << absl::StrJoin(r.errors, "\n");
  EXPECT_GT(r.entries, 1000u);
  // The rules built on long keyword lists keep words for the prefilter to
  // look for (a short alternative would make them run on every sentence,
  // and these are the costliest rules).
  for (const char* id : {"person.title", "agency.head_word", "agency.of_phrase",
                         "place.geo_head", "person.said", "person.said_single"}) {
    for (const std::string& note : r.notes) {
      EXPECT_FALSE(absl::StrContains(note, absl::StrCat(" ", id, " ")))
          << note;
    }
  }
}

TEST(DefaultRulesTest, EveryExampleHolds) {
  auto rules = RuleSet::Load(RulesDir());
  ASSERT_TRUE(rules.ok()) << rules.status();
  const Pipeline pipeline(std::shared_ptr<const RuleSet>(std::move(*rules)),
                          Pipeline::Options());
  const RuleExampleReport report =
      RunRuleExamples(pipeline, pipeline.rules().examples());
  EXPECT_GE(report.examples, 15u);
  for (const std::string& failure : report.failures) {
    ADD_FAILURE() << failure;
  }
}

}  // namespace
}  // namespace newsgraph
