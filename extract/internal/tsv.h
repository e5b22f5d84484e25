// Reading the project's plain-text data files: whole files, and TSV lines
// with their line and column numbers for error messages.
#ifndef NEWSGRAPH_EXTRACT_INTERNAL_TSV_H_
#define NEWSGRAPH_EXTRACT_INTERNAL_TSV_H_

#include <string>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace newsgraph {

// Reads a whole file. Errors name the path.
absl::StatusOr<std::string> ReadFile(const std::string& path);

struct TsvLine {
  int line = 0;                          // 1-based line number
  std::vector<absl::string_view> fields;  // views into the parsed contents
  std::vector<int> columns;              // 1-based byte column of each field
};

// Splits `contents` into TAB-separated lines. Blank lines and lines whose
// first non-space character is '#' are skipped; a trailing "\r" is dropped.
// The views point into `contents`.
std::vector<TsvLine> ParseTsv(absl::string_view contents);

// The same, one line at a time: calls fn(line) for each line, reusing one
// TsvLine (for large files).
void ForEachTsvLine(absl::string_view contents,
                    absl::FunctionRef<void(const TsvLine&)> fn);

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACT_INTERNAL_TSV_H_
