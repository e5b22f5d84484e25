// Hostile input at the component level (docs/robustness.md): unusual
// Unicode, NUL bytes, CRLF line endings and invalid UTF-8 keep mention
// offsets consistent; the reader truncates oversize documents at a UTF-8
// boundary and keeps bounded memory on long lines; a JSONL graph stream cut
// anywhere in its last record never yields that record as data.
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "extract/graph_reader.h"
#include "extract/internal/utf8.h"
#include "extract/pipeline.h"
#include "extract/reader.h"
#include "extract/rule_set.h"
#include "extract/writer.h"
#include "gtest/gtest.h"

namespace newsgraph {
namespace {

std::shared_ptr<const RuleSet> Rules() {
  GazetteerEntry anna;
  anna.id = "person.anna_berg";
  anna.label = Label::kPerson;
  anna.canonical = "Anna Berg";
  anna.location = "test:1";
  GazetteerEntry norland;
  norland.id = "place.norland";
  norland.label = Label::kPlace;
  norland.canonical = "Norland";
  norland.location = "test:2";
  auto rules = RuleSet::FromRules({anna, norland}, {}, {}, "robustness");
  EXPECT_TRUE(rules.ok()) << rules.status();
  return std::shared_ptr<const RuleSet>(std::move(*rules));
}

// Every mention's bytes are its text and its code-point offsets agree with
// the (repaired) text; returns the mention texts.
std::vector<std::string> CheckedMentions(const DocumentGraph& graph,
                                         const std::string& raw_text) {
  const std::string text = utf8::Repair(raw_text, nullptr);
  std::vector<std::string> names;
  for (const Entity& e : graph.entities()) {
    for (const Mention& m : e.mentions()) {
      EXPECT_LE(m.end(), text.size());
      EXPECT_EQ(text.substr(m.begin(), m.end() - m.begin()), m.text());
      const std::vector<uint32_t> cps =
          utf8::ToCodePointOffsets(text, {m.begin(), m.end()});
      EXPECT_EQ(cps[0], m.cp_begin()) << m.text();
      EXPECT_EQ(cps[1], m.cp_end()) << m.text();
      names.push_back(m.text());
    }
  }
  return names;
}

DocumentGraph Extract(const std::string& text) {
  static const Pipeline* pipeline = new Pipeline(Rules(), Pipeline::Options());
  Document doc;
  doc.set_id("d");
  doc.set_text(text);
  return pipeline->Process(doc);
}

TEST(RobustnessTest, UnusualUnicodeKeepsOffsetsConsistent) {
  // Combining acute, Hebrew (RTL) with a right-to-left mark, an emoji ZWJ
  // sequence, a non-BMP letter (Gothic), a zero-width space and a BOM.
  const std::string text =
      "\xEF\xBB\xBF" "Cafe\xCC\x81 \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D\xE2\x80\x8F "
      "Anna Berg \xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB met "
      "\xF0\x90\x8C\xB0 in Norland\xE2\x80\x8B today. Norland.";
  const DocumentGraph graph = Extract(text);
  const std::vector<std::string> names = CheckedMentions(graph, text);
  EXPECT_NE(std::find(names.begin(), names.end(), "Anna Berg"), names.end());
  EXPECT_GE(std::count(names.begin(), names.end(), "Norland"), 2);
  EXPECT_EQ(graph.warnings_size(), 0);
}

TEST(RobustnessTest, NulBytesAndCrlfKeepOffsets) {
  const std::string text =
      std::string("Anna Berg\r\nvisited\0Norland.\r\n\0\0Anna Berg left.\r\n", 49);
  ASSERT_EQ(text.size(), 49u);
  const DocumentGraph graph = Extract(text);
  const std::vector<std::string> names = CheckedMentions(graph, text);
  EXPECT_EQ(std::count(names.begin(), names.end(), "Anna Berg"), 2);
  EXPECT_EQ(std::count(names.begin(), names.end(), "Norland"), 1);
  for (const std::string& n : names) {
    EXPECT_EQ(n.find('\r'), std::string::npos);
  }
}

TEST(RobustnessTest, InvalidUtf8IsRepairedWithConsistentOffsets) {
  const std::string text = "\xFF\xC3 Anna Berg \xE2\x82 met \xED\xA0\x80 Norland \xF4";
  const DocumentGraph graph = Extract(text);
  const std::vector<std::string> names = CheckedMentions(graph, text);
  EXPECT_EQ(names.size(), 2u);
  ASSERT_EQ(graph.warnings_size(), 1);
  EXPECT_EQ(graph.warnings(0).code(), "invalid_utf8");
}

TEST(RobustnessTest, LongTokensAndLinesStayLinear) {
  // A 4 MB token between names, and 2 MB without a space.
  const std::string text = absl::StrCat("Anna Berg saw ", std::string(4 << 20, 'x'),
                                        " in Norland.\n", std::string(2 << 20, '-'));
  const DocumentGraph graph = Extract(text);
  const std::vector<std::string> names = CheckedMentions(graph, text);
  EXPECT_EQ(names.size(), 2u);
}

class RobustnessReaderTest : public ::testing::Test {
 protected:
  std::string Write(const std::string& name, const std::string& contents) {
    const std::string path = absl::StrCat(::testing::TempDir(), "/", name);
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << contents;
    return path;
  }
  std::unique_ptr<DocumentReader> Open(const std::string& path, size_t limit,
                                       bool truncate) {
    DocumentReader::Options options;
    options.max_document_bytes = limit;
    options.truncate_oversize = truncate;
    auto r = DocumentReader::Open(path, options);
    EXPECT_TRUE(r.ok()) << r.status();
    return std::move(*r);
  }
};

TEST_F(RobustnessReaderTest, TruncatesTextFileAtUtf8Boundary) {
  // "é" is 2 bytes: a limit of 6 falls inside the third one.
  const std::string path = Write("accents.txt", "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9");
  for (size_t limit : {5, 6}) {
    auto reader = Open(path, limit, /*truncate=*/true);
    Document doc;
    absl::Status error;
    ASSERT_TRUE(reader->Next(&doc, &error));
    EXPECT_TRUE(error.ok()) << error;
    EXPECT_TRUE(utf8::IsValid(doc.text()));
    EXPECT_EQ(doc.text().size(), limit / 2 * 2) << limit;
    EXPECT_NE(reader->warning().find("truncated"), std::string::npos);
    EXPECT_FALSE(reader->Next(&doc, &error));
  }
  // Skipped (an error) without truncation, as before.
  auto reader = Open(path, 5, /*truncate=*/false);
  Document doc;
  absl::Status error;
  ASSERT_TRUE(reader->Next(&doc, &error));
  EXPECT_EQ(error.code(), absl::StatusCode::kResourceExhausted);
  EXPECT_TRUE(reader->warning().empty());
}

TEST_F(RobustnessReaderTest, TruncatesJsonlTextAndGoesOn) {
  const std::string path = Write(
      "long.jsonl", absl::StrCat("{\"id\":\"a\",\"text\":\"", std::string(100, 'x'),
                                 "\"}\r\n\n{\"id\":\"b\",\"text\":\"short\"}\n"));
  auto reader = Open(path, 10, /*truncate=*/true);
  Document doc;
  absl::Status error;
  ASSERT_TRUE(reader->Next(&doc, &error));
  EXPECT_TRUE(error.ok()) << error;
  EXPECT_EQ(doc.text(), std::string(10, 'x'));
  EXPECT_FALSE(reader->warning().empty());
  ASSERT_TRUE(reader->Next(&doc, &error));
  EXPECT_TRUE(error.ok()) << error;
  EXPECT_EQ(doc.id(), "b");
  EXPECT_TRUE(reader->warning().empty());
  EXPECT_FALSE(reader->Next(&doc, &error));
}

TEST_F(RobustnessReaderTest, LongJsonlLineIsReportedAndCounted) {
  // 3 MB on one line, over a 1 MB limit: an error record with the line's
  // full length; the next line is still read and Skip() agrees.
  const std::string line = absl::StrCat("{\"id\":\"big\",\"text\":\"",
                                        std::string(3 << 20, 'y'), "\"}");
  const std::string path =
      Write("big.jsonl", absl::StrCat(line, "\n{\"id\":\"next\",\"text\":\"t\"}\n"));
  auto reader = Open(path, 1 << 20, /*truncate=*/false);
  Document doc;
  absl::Status error;
  ASSERT_TRUE(reader->Next(&doc, &error));
  EXPECT_EQ(error.code(), absl::StatusCode::kResourceExhausted);
  EXPECT_NE(std::string(error.message()).find(absl::StrCat(line.size())),
            std::string::npos)
      << error;
  ASSERT_TRUE(reader->Next(&doc, &error));
  EXPECT_EQ(doc.id(), "next");
  auto skipper = Open(path, 1 << 20, false);
  EXPECT_TRUE(skipper->Skip());
  EXPECT_TRUE(skipper->Skip());
  EXPECT_FALSE(skipper->Skip());
  EXPECT_EQ(skipper->bytes_read(), reader->bytes_read());
}

TEST(RobustnessGraphReaderTest, JsonlCutInsideTheLastRecordIsNeverData) {
  DocumentGraph a, b;
  a.mutable_document()->set_id("a");
  b.mutable_document()->set_id("b");
  b.add_entities()->set_canonical_name("Anna Berg");
  std::stringstream out;
  GraphWriter writer(&out, Format::kJsonl);
  ASSERT_TRUE(writer.Write(a).ok());
  const size_t first = out.str().size();
  ASSERT_TRUE(writer.Write(b).ok());
  const std::string data = out.str();
  for (size_t cut = first + 1; cut < data.size() - 1; ++cut) {
    std::istringstream in(data.substr(0, cut));
    GraphReader reader(&in, Format::kJsonl);
    DocumentGraph g;
    ASSERT_TRUE(reader.Next(&g));
    EXPECT_EQ(g.document().id(), "a");
    EXPECT_FALSE(reader.Next(&g)) << "cut at " << cut;
    EXPECT_FALSE(reader.status().ok()) << "cut at " << cut;
  }
}

}  // namespace
}  // namespace newsgraph
