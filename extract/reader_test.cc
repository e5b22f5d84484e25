#include "extract/reader.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"

namespace newsgraph {
namespace {

class ReaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const ::testing::TestInfo* info =
        ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = absl::StrCat(::testing::TempDir(), "/reader_", info->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }

  std::string Write(const std::string& name, const std::string& contents) {
    const std::string path = dir_ + "/" + name;
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << contents;
    EXPECT_TRUE(out.good()) << path;
    return path;
  }

  std::unique_ptr<DocumentReader> Open(const std::string& input,
                                       size_t max_bytes = 0) {
    DocumentReader::Options options;
    if (max_bytes > 0) options.max_document_bytes = max_bytes;
    auto r = DocumentReader::Open(input, options);
    EXPECT_TRUE(r.ok()) << r.status();
    return r.ok() ? std::move(*r) : nullptr;
  }

  std::string dir_;
};

TEST_F(ReaderTest, TextFile) {
  const std::string path = Write("story-1.txt", "Putin met Lavrov.\n");
  auto reader = Open(path);
  ASSERT_NE(reader, nullptr);
  Document doc;
  absl::Status error = absl::UnknownError("not set");
  ASSERT_TRUE(reader->Next(&doc, &error));
  EXPECT_TRUE(error.ok()) << error;
  EXPECT_EQ(doc.id(), "story-1");
  EXPECT_EQ(doc.text(), "Putin met Lavrov.\n");
  EXPECT_EQ(doc.source(), path);
  EXPECT_FALSE(reader->Next(&doc, &error));
  EXPECT_FALSE(reader->Next(&doc, &error));
}

TEST_F(ReaderTest, DirectoryReadsTxtFilesInNameOrder) {
  Write("b.txt", "second");
  Write("a.txt", "first");
  Write("notes.md", "not a document");
  Write("c.txt.bak", "not a document either");
  auto reader = Open(dir_);
  ASSERT_NE(reader, nullptr);
  std::vector<std::string> seen;
  Document doc;
  absl::Status error;
  while (reader->Next(&doc, &error)) {
    EXPECT_TRUE(error.ok()) << error;
    seen.push_back(absl::StrCat(doc.id(), "=", doc.text()));
    EXPECT_EQ(doc.source(), dir_ + "/" + doc.id() + ".txt");
  }
  EXPECT_EQ(seen, (std::vector<std::string>{"a=first", "b=second"}));
}

TEST_F(ReaderTest, EmptyDirectoryHasNoDocuments) {
  auto reader = Open(dir_);
  ASSERT_NE(reader, nullptr);
  Document doc;
  absl::Status error;
  EXPECT_FALSE(reader->Next(&doc, &error));
}

TEST_F(ReaderTest, JsonlGoodBadAndMissingId) {
  const std::string path = Write(
      "docs.jsonl",
      "{\"id\":\"d1\",\"text\":\"Hello Moscow.\",\"title\":\"T1\","
      "\"date\":\"2014-03-18\",\"metadata\":{\"lang\":\"en\"},"
      "\"extra\":42}\n"                                   // line 1
      "\n"                                                // line 2
      "{\"id\":\"d2\",\"text\":\"broken\"\n"              // line 3
      "{\"text\":\"No id here\",\"source\":\"wire\"}\n"   // line 4
      "   \n"                                             // line 5
      "{\"id\":\"d5\",\"text\":\"Last.\"}");              // line 6, no \n
  auto reader = Open(path);
  ASSERT_NE(reader, nullptr);
  Document doc;
  absl::Status error;

  ASSERT_TRUE(reader->Next(&doc, &error));
  EXPECT_TRUE(error.ok()) << error;
  EXPECT_EQ(doc.id(), "d1");
  EXPECT_EQ(doc.text(), "Hello Moscow.");
  EXPECT_EQ(doc.title(), "T1");
  EXPECT_EQ(doc.date(), "2014-03-18");
  EXPECT_EQ(doc.source(), path);
  ASSERT_EQ(doc.metadata().count("lang"), 1u);
  EXPECT_EQ(doc.metadata().at("lang"), "en");

  ASSERT_TRUE(reader->Next(&doc, &error));
  EXPECT_FALSE(error.ok());
  EXPECT_EQ(error.code(), absl::StatusCode::kInvalidArgument) << error;
  EXPECT_TRUE(absl::StrContains(error.message(), path + ":3")) << error;
  EXPECT_FALSE(doc.id().empty());
  EXPECT_EQ(doc.text(), "");

  ASSERT_TRUE(reader->Next(&doc, &error));
  EXPECT_TRUE(error.ok()) << error;
  EXPECT_EQ(doc.id(), path + ":4");
  EXPECT_EQ(doc.text(), "No id here");
  EXPECT_EQ(doc.source(), "wire");
  EXPECT_EQ(doc.title(), "");  // nothing left over from earlier records

  ASSERT_TRUE(reader->Next(&doc, &error));
  EXPECT_TRUE(error.ok()) << error;
  EXPECT_EQ(doc.id(), "d5");
  EXPECT_EQ(doc.text(), "Last.");

  EXPECT_FALSE(reader->Next(&doc, &error));
}

TEST_F(ReaderTest, JsonlNonObjectLineIsAnError) {
  const std::string path = Write("x.jsonl",
                                 "[1,2,3]\n"
                                 "{\"id\":\"ok\",\"text\":\"fine\"}\n");
  auto reader = Open(path);
  ASSERT_NE(reader, nullptr);
  Document doc;
  absl::Status error;
  ASSERT_TRUE(reader->Next(&doc, &error));
  EXPECT_FALSE(error.ok());
  EXPECT_EQ(doc.id(), path + ":1");
  ASSERT_TRUE(reader->Next(&doc, &error));
  EXPECT_TRUE(error.ok()) << error;
  EXPECT_EQ(doc.id(), "ok");
  EXPECT_FALSE(reader->Next(&doc, &error));
}

TEST_F(ReaderTest, OversizedTextFileIsReportedAndReaderContinues) {
  Write("a.txt", std::string(200, 'x'));
  Write("b.txt", "small");
  auto reader = Open(dir_, /*max_bytes=*/100);
  ASSERT_NE(reader, nullptr);
  Document doc;
  absl::Status error;
  ASSERT_TRUE(reader->Next(&doc, &error));
  EXPECT_EQ(error.code(), absl::StatusCode::kResourceExhausted) << error;
  EXPECT_EQ(doc.id(), "a");
  EXPECT_EQ(doc.text(), "");  // not read whole
  ASSERT_TRUE(reader->Next(&doc, &error));
  EXPECT_TRUE(error.ok()) << error;
  EXPECT_EQ(doc.id(), "b");
  EXPECT_EQ(doc.text(), "small");
  EXPECT_FALSE(reader->Next(&doc, &error));
}

TEST_F(ReaderTest, OversizedJsonlRecordIsReportedAndReaderContinues) {
  const std::string path = Write(
      "big.jsonl",
      absl::StrCat("{\"id\":\"big\",\"text\":\"", std::string(300, 'y'),
                   "\"}\n{\"id\":\"small\",\"text\":\"ok\"}\n"));
  auto reader = Open(path, /*max_bytes=*/100);
  ASSERT_NE(reader, nullptr);
  Document doc;
  absl::Status error;
  ASSERT_TRUE(reader->Next(&doc, &error));
  EXPECT_EQ(error.code(), absl::StatusCode::kResourceExhausted) << error;
  EXPECT_FALSE(doc.id().empty());
  EXPECT_EQ(doc.text(), "");
  ASSERT_TRUE(reader->Next(&doc, &error));
  EXPECT_TRUE(error.ok()) << error;
  EXPECT_EQ(doc.id(), "small");
  EXPECT_FALSE(reader->Next(&doc, &error));
}

TEST_F(ReaderTest, DocumentAtTheLimitIsRead) {
  Write("a.txt", std::string(100, 'x'));
  auto reader = Open(dir_, /*max_bytes=*/100);
  ASSERT_NE(reader, nullptr);
  Document doc;
  absl::Status error;
  ASSERT_TRUE(reader->Next(&doc, &error));
  EXPECT_TRUE(error.ok()) << error;
  EXPECT_EQ(doc.text().size(), 100u);
}

TEST_F(ReaderTest, OpenMissingPathIsNotFound) {
  for (const std::string& input :
       {dir_ + "/missing.txt", dir_ + "/missing.jsonl", dir_ + "/no/dir"}) {
    auto r = DocumentReader::Open(input, DocumentReader::Options());
    ASSERT_FALSE(r.ok()) << input;
    EXPECT_EQ(r.status().code(), absl::StatusCode::kNotFound) << r.status();
    EXPECT_TRUE(absl::StrContains(r.status().message(), input)) << r.status();
  }
}

TEST_F(ReaderTest, SkipKeepsDocumentIndexAndLineIds) {
  const std::string contents =
      "{\"text\":\"first\"}\n\n{\"id\":\"b\",\"text\":\"second\"}\n"
      "{\"text\":\"third\"}\n";
  const std::string path = Write("docs.jsonl", contents);
  auto reader = Open(path);
  ASSERT_NE(reader, nullptr);
  EXPECT_EQ(reader->total_bytes(), static_cast<int64_t>(contents.size()));
  EXPECT_TRUE(reader->Skip());
  EXPECT_TRUE(reader->Skip());
  Document doc;
  absl::Status error;
  ASSERT_TRUE(reader->Next(&doc, &error));
  // The third document is on line 4 (after a blank line), as without Skip.
  EXPECT_EQ(doc.id(), absl::StrCat(path, ":4"));
  EXPECT_EQ(doc.text(), "third");
  EXPECT_EQ(reader->bytes_read(), contents.size());
  EXPECT_FALSE(reader->Skip());
}

TEST_F(ReaderTest, SkipFilesInDirectory) {
  Write("a.txt", "Alpha.");
  Write("b.txt", "Beta text.");
  Write("c.txt", "Gamma.");
  auto reader = Open(dir_);
  ASSERT_NE(reader, nullptr);
  EXPECT_EQ(reader->total_bytes(), 6 + 10 + 6);
  EXPECT_TRUE(reader->Skip());
  EXPECT_EQ(reader->bytes_read(), 6u);
  Document doc;
  absl::Status error;
  ASSERT_TRUE(reader->Next(&doc, &error));
  EXPECT_EQ(doc.id(), "b");
  EXPECT_EQ(reader->bytes_read(), 16u);
  EXPECT_TRUE(reader->Skip());
  EXPECT_FALSE(reader->Skip());
  EXPECT_FALSE(reader->Next(&doc, &error));
  EXPECT_EQ(reader->bytes_read(), 22u);
}

// Standard input: sniffed by its first byte, or always JSONL with
// stdin_jsonl (a record filter, where a bad first line is one bad record).
class StdinTest : public ::testing::Test {
 protected:
  void SetUp() override { saved_ = std::cin.rdbuf(input_.rdbuf()); }
  void TearDown() override { std::cin.rdbuf(saved_); }
  std::istringstream input_;
  std::streambuf* saved_ = nullptr;
};

TEST_F(StdinTest, NonJsonFirstLineIsReadAsTextWithoutStdinJsonl) {
  input_.str("not json\n{\"id\": \"a\", \"text\": \"Hi.\"}\n");
  auto r = DocumentReader::Open("-", DocumentReader::Options());
  ASSERT_TRUE(r.ok()) << r.status();
  Document doc;
  absl::Status error;
  ASSERT_TRUE((*r)->Next(&doc, &error));
  EXPECT_EQ(doc.id(), "stdin");
  EXPECT_FALSE((*r)->Next(&doc, &error));
}

TEST_F(StdinTest, StdinJsonlMakesABadFirstLineOneBadRecord) {
  input_.str("not json\n{\"id\": \"a\", \"text\": \"Hi.\"}\n\n{\"text\": \"Yo.\"}\n");
  DocumentReader::Options options;
  options.stdin_jsonl = true;
  auto r = DocumentReader::Open("-", options);
  ASSERT_TRUE(r.ok()) << r.status();
  Document doc;
  absl::Status error;
  ASSERT_TRUE((*r)->Next(&doc, &error));
  EXPECT_FALSE(error.ok());
  EXPECT_EQ(doc.id(), "-:1");
  ASSERT_TRUE((*r)->Next(&doc, &error));
  EXPECT_TRUE(error.ok()) << error;
  EXPECT_EQ(doc.id(), "a");
  EXPECT_EQ(doc.text(), "Hi.");
  ASSERT_TRUE((*r)->Next(&doc, &error));  // the blank line is skipped
  EXPECT_TRUE(error.ok()) << error;
  EXPECT_EQ(doc.id(), "-:4");
  EXPECT_EQ(doc.text(), "Yo.");
  EXPECT_FALSE((*r)->Next(&doc, &error));
}

}  // namespace
}  // namespace newsgraph
