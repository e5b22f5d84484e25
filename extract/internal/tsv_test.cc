#include "extract/internal/tsv.h"

#include <fstream>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "gtest/gtest.h"

namespace newsgraph {
namespace {

// "line: field|field|... @ col,col,..." for compact comparison.
std::string Debug(const TsvLine& t) {
  return absl::StrCat(t.line, ": ", absl::StrJoin(t.fields, "|"), " @ ",
                      absl::StrJoin(t.columns, ","));
}

std::vector<std::string> DebugAll(absl::string_view contents) {
  std::vector<std::string> out;
  for (const TsvLine& t : ParseTsv(contents)) out.push_back(Debug(t));
  return out;
}

TEST(ParseTsvTest, SkipsCommentsAndBlankLinesKeepingLineNumbers) {
  const std::string contents =
      "# header comment\n"
      "a\tb\tc\n"
      "\n"
      "   \n"
      "  # indented comment\n"
      "d\te\n"
      "\t\n";
  EXPECT_EQ(DebugAll(contents),
            (std::vector<std::string>{"2: a|b|c @ 1,3,5", "6: d|e @ 1,3"}));
}

TEST(ParseTsvTest, ColumnsAreOneBasedByteColumns) {
  // "Łódź" is 7 bytes, so the next field starts at byte column 9.
  const std::string contents = "\xC5\x81\xC3\xB3" "d\xC5\xBA\tPLACE\tx";
  const std::vector<TsvLine> lines = ParseTsv(contents);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].line, 1);
  EXPECT_EQ(lines[0].columns, (std::vector<int>{1, 9, 15}));
  EXPECT_EQ(lines[0].fields[1], "PLACE");
}

TEST(ParseTsvTest, StripsTrailingCarriageReturn) {
  EXPECT_EQ(DebugAll("a\tb\r\nc\r\n"),
            (std::vector<std::string>{"1: a|b @ 1,3", "2: c @ 1"}));
  const std::vector<TsvLine> lines = ParseTsv("x\ty\r\n");
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].fields[1], "y");
}

TEST(ParseTsvTest, KeepsEmptyFields) {
  const std::vector<TsvLine> lines = ParseTsv("a\t\t\tb\t\n");
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].fields,
            (std::vector<absl::string_view>{"a", "", "", "b", ""}));
  EXPECT_EQ(lines[0].columns, (std::vector<int>{1, 3, 4, 5, 7}));
}

TEST(ParseTsvTest, LastLineWithoutNewlineAndEmptyInput) {
  EXPECT_EQ(DebugAll("a\nb"),
            (std::vector<std::string>{"1: a @ 1", "2: b @ 1"}));
  EXPECT_TRUE(ParseTsv("").empty());
  EXPECT_TRUE(ParseTsv("\n\n# only comments\n").empty());
}

TEST(ParseTsvTest, HashInsideALineIsNotAComment) {
  EXPECT_EQ(DebugAll("a#b\t#c\n"),
            (std::vector<std::string>{"1: a#b|#c @ 1,5"}));
}

TEST(ParseTsvTest, ViewsPointIntoContents) {
  const std::string contents = "id\tvalue\n";
  const std::vector<TsvLine> lines = ParseTsv(contents);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].fields[1].data(), contents.data() + 3);
}

TEST(ReadFileTest, MissingFileIsNotFoundAndNamesThePath) {
  const std::string path = ::testing::TempDir() + "/no_such_dir/missing.tsv";
  const absl::StatusOr<std::string> contents = ReadFile(path);
  ASSERT_FALSE(contents.ok());
  EXPECT_EQ(contents.status().code(), absl::StatusCode::kNotFound);
  EXPECT_TRUE(absl::StrContains(contents.status().message(), path))
      << contents.status();
}

TEST(ReadFileTest, ReadsWholeFileBytesExactly) {
  const std::string path = ::testing::TempDir() + "/tsv_test_read.tsv";
  const std::string data = std::string("a\tb\r\n\x00\xFF tail", 12);
  {
    std::ofstream out(path, std::ios::binary);
    out << data;
  }
  const absl::StatusOr<std::string> contents = ReadFile(path);
  ASSERT_TRUE(contents.ok()) << contents.status();
  EXPECT_EQ(*contents, data);
}

TEST(ReadFileTest, EmptyFile) {
  const std::string path = ::testing::TempDir() + "/tsv_test_empty.tsv";
  { std::ofstream out(path, std::ios::binary); }
  const absl::StatusOr<std::string> contents = ReadFile(path);
  ASSERT_TRUE(contents.ok()) << contents.status();
  EXPECT_EQ(*contents, "");
}

}  // namespace
}  // namespace newsgraph
