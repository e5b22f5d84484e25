#include "extract/internal/tsv.h"

#include <algorithm>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"

namespace newsgraph {

absl::StatusOr<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return absl::NotFoundError(
        absl::StrCat(path, ": cannot open: ", std::strerror(errno)));
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) {
    return absl::DataLossError(
        absl::StrCat(path, ": read error: ", std::strerror(errno)));
  }
  return buffer.str();
}

void ForEachTsvLine(absl::string_view contents,
                    absl::FunctionRef<void(const TsvLine&)> fn) {
  TsvLine t;
  int number = 0;
  size_t pos = 0;
  while (pos < contents.size()) {
    size_t eol = contents.find('\n', pos);
    if (eol == absl::string_view::npos) eol = contents.size();
    absl::string_view line = contents.substr(pos, eol - pos);
    pos = eol + 1;
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const absl::string_view stripped = absl::StripLeadingAsciiWhitespace(line);
    if (stripped.empty() || stripped[0] == '#') continue;
    t.line = number;
    t.fields.clear();
    t.columns.clear();
    size_t field_start = 0;
    while (true) {
      const size_t tab = line.find('\t', field_start);
      const size_t end = tab == absl::string_view::npos ? line.size() : tab;
      t.fields.push_back(line.substr(field_start, end - field_start));
      t.columns.push_back(static_cast<int>(field_start + 1));
      if (tab == absl::string_view::npos) break;
      field_start = tab + 1;
    }
    fn(t);
  }
}

std::vector<TsvLine> ParseTsv(absl::string_view contents) {
  std::vector<TsvLine> lines;
  lines.reserve(std::count(contents.begin(), contents.end(), '\n') + 1);
  ForEachTsvLine(contents, [&lines](const TsvLine& t) {
    lines.push_back(t);
    lines.back().fields.shrink_to_fit();
    lines.back().columns.shrink_to_fit();
  });
  return lines;
}

}  // namespace newsgraph
