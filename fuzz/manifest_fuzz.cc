// Fuzz target: a rule directory whose MANIFEST is the input, beside small
// valid rule files the MANIFEST may name (g.tsv, p.tsv, r.tsv, e.tsv,
// d.tsv). Loading must never crash and every error must carry
// "path:line:column: ".
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "extract/rule_set.h"
#include "fuzz/fuzz_util.h"

namespace {

std::string MakeRuleDir() {
  const std::string dir = newsgraph::fuzz::ScratchPath("rules");
  std::filesystem::create_directories(dir);
  using newsgraph::fuzz::WriteScratch;
  WriteScratch(dir + "/g.tsv",
               "p1\tPERSON\tAnna Berg\tA. Berg\n"
               "g1\tPLACE\tNorland\n");
  WriteScratch(dir + "/p.tsv",
               "t1\tAGENCY\t0\t\\bMinistry of [A-Z][a-z]+\n");
  WriteScratch(dir + "/r.tsv",
               "r1\tAFFILIATION\t\t{PERSON:head} of {AGENCY:tail}\n");
  WriteScratch(dir + "/e.tsv", "x1\tAnna Berg visited Norland.\t+PERSON Anna Berg\n");
  WriteScratch(dir + "/d.tsv", "t1\n");
  return dir;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace newsgraph;
  static const std::string dir = MakeRuleDir();
  fuzz::WriteScratch(dir + "/MANIFEST",
                     absl::string_view(reinterpret_cast<const char*>(data), size));
  ParsedRules rules;
  std::vector<DisabledId> disabled;
  std::vector<std::string> errors;
  ParseRuleDir(dir, &rules, &disabled, &errors);
  for (const std::string& e : errors) {
    FUZZ_CHECK(e.find(dir) == 0, "error does not name a file: ", e);
    // File names come from the MANIFEST and may hold ':', so try each colon
    // as the end of the path.
    bool located = false;
    for (size_t colon = e.find(':'); !located && colon != std::string::npos;
         colon = e.find(':', colon + 1)) {
      located = fuzz::HasLocation(e, absl::string_view(e).substr(0, colon));
    }
    FUZZ_CHECK(located, "error without a location: ", e);
  }
  return 0;
}
