// Helpers shared by the fuzz targets (fuzz/*_fuzz.cc): scratch files for
// components that read paths, and a check that aborts (so libFuzzer and the
// regression driver both report it) when an invariant does not hold.
#ifndef NEWSGRAPH_FUZZ_FUZZ_UTIL_H_
#define NEWSGRAPH_FUZZ_FUZZ_UTIL_H_

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"

namespace newsgraph {
namespace fuzz {

// A path for scratch file `name`, unique to this process, under
// $TEST_TMPDIR, $TMPDIR or /tmp.
inline std::string ScratchPath(absl::string_view name) {
  const char* dir = std::getenv("TEST_TMPDIR");
  if (dir == nullptr || *dir == '\0') dir = std::getenv("TMPDIR");
  if (dir == nullptr || *dir == '\0') dir = "/tmp";
  return absl::StrCat(dir, "/newsgraph_fuzz_", getpid(), "_", name);
}

// Replaces the file at `path` with `data`.
inline void WriteScratch(const std::string& path, absl::string_view data) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(data.data(), data.size());
}

#define FUZZ_CHECK(cond, ...)                                              \
  do {                                                                     \
    if (!(cond)) {                                                         \
      std::fprintf(stderr, "%s:%d: check failed: %s: %s\n", __FILE__,      \
                   __LINE__, #cond, absl::StrCat(__VA_ARGS__).c_str());    \
      std::abort();                                                        \
    }                                                                      \
  } while (0)

// True if `error` starts with "<path>:<line>:<column>: " with positive
// numbers, the form every rule-loading error must take.
inline bool HasLocation(absl::string_view error, absl::string_view path) {
  if (error.substr(0, path.size()) != path) return false;
  error.remove_prefix(path.size());
  for (int field = 0; field < 2; ++field) {
    if (error.empty() || error[0] != ':') return false;
    error.remove_prefix(1);
    size_t digits = 0;
    while (digits < error.size() && error[digits] >= '0' &&
           error[digits] <= '9') {
      ++digits;
    }
    if (digits == 0 || error[0] == '0') return false;
    error.remove_prefix(digits);
  }
  return error.substr(0, 2) == ": ";
}

}  // namespace fuzz
}  // namespace newsgraph

#endif  // NEWSGRAPH_FUZZ_FUZZ_UTIL_H_
