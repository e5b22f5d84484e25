// Fuzz target: ReadCompiledRules() on a .ngr file made of the current magic
// (kCompiledRulesMagic) and the input bytes (so the fuzzer works on the
// payload), both ways: with the built gazetteer returned (the fast path of
// RuleSet loading) and with its entries recovered. Reading must fail
// cleanly with "path:1:1: " or give rules that compile.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "extract/compiled_rules.h"
#include "extract/rule_set.h"
#include "fuzz/fuzz_util.h"
#include "google/protobuf/stubs/logging.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace newsgraph;
  // Protobuf logs every string field with invalid UTF-8 it parses: quiet.
  static const bool quiet = [] {
    google::protobuf::SetLogHandler(nullptr);
    return true;
  }();
  (void)quiet;
  const absl::string_view bytes(reinterpret_cast<const char*>(data), size);
  static const std::string path = fuzz::ScratchPath("rules.ngr");
  // Seeds written by tools/fuzz.sh are whole .ngr files: take them as they
  // are; anything else gets the magic.
  const std::string contents =
      IsCompiledRules(bytes) ? std::string(bytes) : absl::StrCat(kCompiledRulesMagic, bytes);
  fuzz::WriteScratch(path, contents);
  {
    ParsedRules rules;
    std::unique_ptr<Gazetteer> gazetteer;
    const absl::Status status = ReadCompiledRules(path, &rules, &gazetteer);
    FUZZ_CHECK(status.ok() || fuzz::HasLocation(status.message(), path),
               "error without a location: ", status.ToString());
    FUZZ_CHECK(!status.ok() || gazetteer != nullptr,
               "read without a gazetteer");
  }
  ParsedRules rules;
  const absl::Status status = ReadCompiledRules(path, &rules);
  if (!status.ok()) {
    FUZZ_CHECK(fuzz::HasLocation(status.message(), path),
               "error without a location: ", status.ToString());
    return 0;
  }
  if (rules.entries.size() + rules.patterns.size() + rules.relations.size() <
      1000) {
    RuleSet::FromParsed(std::move(rules)).IgnoreError();
  }
  return 0;
}
