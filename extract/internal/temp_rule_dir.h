// A rule directory in the test's temporary directory, for tests.
#ifndef NEWSGRAPH_EXTRACT_INTERNAL_TEMP_RULE_DIR_H_
#define NEWSGRAPH_EXTRACT_INTERNAL_TEMP_RULE_DIR_H_

#include <filesystem>
#include <fstream>
#include <string>

#include "gtest/gtest.h"

namespace newsgraph {

class TempRuleDir {
 public:
  // A fresh, empty directory named `name` under the test's temporary
  // directory.
  explicit TempRuleDir(const std::string& name)
      : path_(::testing::TempDir() + "/" + name) {
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }

  // Writes `contents` to `file` (relative; directories are created).
  void Write(const std::string& file, const std::string& contents) const {
    const std::string full = path_ + "/" + file;
    std::filesystem::create_directories(
        std::filesystem::path(full).parent_path());
    std::ofstream out(full, std::ios::binary | std::ios::trunc);
    out << contents;
    ASSERT_TRUE(out.good()) << full;
  }

  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACT_INTERNAL_TEMP_RULE_DIR_H_
