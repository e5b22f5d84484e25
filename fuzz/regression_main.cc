// Runs a fuzz target (its LLVMFuzzerTestOneInput) as an ordinary test,
// without libFuzzer: every file under fuzz/corpus/<target>/ and
// fuzz/regressions/<target>/ (paths relative to the working directory, the
// runfiles root under `bazel test`), plus any file or directory given on the
// command line, is fed to the target once. A crash or failed check aborts
// the test, so inputs that once crashed stay fixed.
//
//   fuzz_regression_test --target=<name> [extra paths...]
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "gtest/gtest.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);
extern "C" __attribute__((weak)) int LLVMFuzzerInitialize(int* argc,
                                                          char*** argv);

namespace {

namespace fs = std::filesystem;

std::vector<std::string>* Paths() {
  static auto* paths = new std::vector<std::string>();
  return paths;
}
std::string* Target() {
  static auto* target = new std::string();
  return target;
}

void Collect(const fs::path& path, std::vector<std::string>* files) {
  std::error_code ec;
  if (fs::is_regular_file(path, ec)) {
    files->push_back(path.string());
    return;
  }
  if (!fs::is_directory(path, ec)) return;
  for (fs::recursive_directory_iterator it(path, ec), end; !ec && it != end;
       it.increment(ec)) {
    if (it->is_regular_file(ec)) files->push_back(it->path().string());
  }
}

TEST(FuzzRegressionTest, EveryCorpusAndRegressionFileRunsClean) {
  ASSERT_FALSE(Target()->empty()) << "pass --target=<name>";
  std::vector<std::string> files;
  Collect(fs::path("fuzz/corpus") / *Target(), &files);
  const size_t seeds = files.size();
  Collect(fs::path("fuzz/regressions") / *Target(), &files);
  for (const std::string& p : *Paths()) Collect(p, &files);
  // The seed corpus must exist, or this test checks nothing.
  EXPECT_GT(seeds, 0u) << "no seed corpus in fuzz/corpus/" << *Target();
  for (const std::string& file : files) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    const std::string data = buffer.str();
    std::cerr << "running " << file << " (" << data.size() << " bytes)\n";
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(data.data()),
                           data.size());
  }
  std::cerr << *Target() << ": " << files.size() << " inputs ran clean\n";
}

}  // namespace

int main(int argc, char** argv) {
  testing::InitGoogleTest(&argc, argv);
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (absl::StartsWith(arg, "--target=")) {
      *Target() = arg.substr(9);
    } else {
      Paths()->push_back(arg);
    }
  }
  if (LLVMFuzzerInitialize != nullptr) LLVMFuzzerInitialize(&argc, &argv);
  return RUN_ALL_TESTS();
}
