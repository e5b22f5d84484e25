#include "extract/graph_reader.h"

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "extract/writer.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"
#include "proto/graph.pb.h"

namespace newsgraph {
namespace {

using ::google::protobuf::util::MessageDifferencer;

std::vector<DocumentGraph> SampleGraphs() {
  std::vector<DocumentGraph> graphs;
  for (int i = 0; i < 4; ++i) {
    DocumentGraph g;
    g.mutable_document()->set_id("doc-" + std::to_string(i));
    g.mutable_document()->set_text("\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2"
                                   "\xD0\xB0 and Washington");
    for (int j = 0; j < i; ++j) {
      Entity* e = g.add_entities();
      e->set_id("E" + std::to_string(j + 1));
      e->set_type(j % 2 == 0 ? PLACE : AGENCY);
      e->set_canonical_id("id." + std::to_string(j));
      Mention* m = e->add_mentions();
      m->set_begin(j * 3);
      m->set_end(j * 3 + 2);
      m->set_sentence(j);
    }
    if (i == 3) {
      Relation* r = g.add_relations();
      r->set_id("R1");
      r->set_type(COOPERATION);
      r->set_head("E1");
      r->set_tail("E2");
      r->set_negated(true);
      r->add_evidence()->set_rule_id("coop");
    }
    graphs.push_back(std::move(g));
  }
  return graphs;
}

std::string WriteAll(const std::vector<DocumentGraph>& graphs, Format format) {
  std::ostringstream out;
  GraphWriter writer(&out, format);
  for (const DocumentGraph& g : graphs) {
    EXPECT_TRUE(writer.Write(g).ok());
  }
  EXPECT_TRUE(writer.Flush().ok());
  return out.str();
}

// Reads every graph; returns them and the final status.
std::vector<DocumentGraph> ReadAll(const std::string& data, Format format,
                                   absl::Status* status) {
  std::istringstream in(data);
  GraphReader reader(&in, format);
  std::vector<DocumentGraph> graphs;
  DocumentGraph g;
  while (reader.Next(&g)) graphs.push_back(g);
  *status = reader.status();
  // Once finished, it stays finished.
  EXPECT_FALSE(reader.Next(&g));
  return graphs;
}

void ExpectEqualGraphs(const std::vector<DocumentGraph>& expected,
                       const std::vector<DocumentGraph>& actual) {
  ASSERT_EQ(actual.size(), expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    std::string diff;
    MessageDifferencer differencer;
    differencer.ReportDifferencesToString(&diff);
    EXPECT_TRUE(differencer.Compare(expected[i], actual[i]))
        << "graph " << i << ":\n" << diff;
  }
}

TEST(GraphReaderTest, BinaryRoundTrip) {
  const std::vector<DocumentGraph> graphs = SampleGraphs();
  absl::Status status;
  const std::vector<DocumentGraph> read =
      ReadAll(WriteAll(graphs, Format::kBinary), Format::kBinary, &status);
  EXPECT_TRUE(status.ok()) << status;
  ExpectEqualGraphs(graphs, read);
}

TEST(GraphReaderTest, JsonlRoundTrip) {
  const std::vector<DocumentGraph> graphs = SampleGraphs();
  absl::Status status;
  const std::vector<DocumentGraph> read =
      ReadAll(WriteAll(graphs, Format::kJsonl), Format::kJsonl, &status);
  EXPECT_TRUE(status.ok()) << status;
  ExpectEqualGraphs(graphs, read);
}

TEST(GraphReaderTest, TextprotoRoundTrip) {
  const std::vector<DocumentGraph> graphs = SampleGraphs();
  absl::Status status;
  const std::vector<DocumentGraph> read = ReadAll(
      WriteAll(graphs, Format::kTextproto), Format::kTextproto, &status);
  EXPECT_TRUE(status.ok()) << status;
  ExpectEqualGraphs(graphs, read);
}

TEST(GraphReaderTest, CorruptTextprotoRecordIsAnErrorWithItsLine) {
  const std::vector<DocumentGraph> graphs = SampleGraphs();
  // Two records, then a bad one whose second line has an unknown field.
  std::string data = WriteAll({graphs[0], graphs[1]}, Format::kTextproto);
  const int lines_before =
      static_cast<int>(std::count(data.begin(), data.end(), '\n'));
  data += "document {\n}\nno_such_field: 1\n\n";
  absl::Status status;
  const std::vector<DocumentGraph> read =
      ReadAll(data, Format::kTextproto, &status);
  EXPECT_FALSE(status.ok());
  EXPECT_TRUE(absl::StrContains(status.message(),
                                absl::StrCat("line ", lines_before + 3, ":")))
      << status;
  ExpectEqualGraphs({graphs[0], graphs[1]}, read);
}

TEST(GraphReaderTest, ReadsOtherMessageTypes) {
  CorpusGraph corpus;
  corpus.set_document_count(7);
  corpus.add_entities()->set_canonical_id("place.RU");
  for (Format format : {Format::kBinary, Format::kJsonl, Format::kTextproto}) {
    std::ostringstream out;
    GraphWriter writer(&out, format);
    ASSERT_TRUE(writer.Write(corpus).ok());
    std::istringstream in(out.str());
    GraphReader reader(&in, format);
    CorpusGraph read;
    ASSERT_TRUE(reader.NextMessage(&read));
    EXPECT_TRUE(MessageDifferencer::Equals(corpus, read));
    EXPECT_FALSE(reader.NextMessage(&read));
    EXPECT_TRUE(reader.status().ok()) << reader.status();
  }
}

TEST(GraphReaderTest, EmptyStreamIsOk) {
  for (Format format : {Format::kBinary, Format::kJsonl, Format::kTextproto}) {
    absl::Status status;
    EXPECT_TRUE(ReadAll("", format, &status).empty());
    EXPECT_TRUE(status.ok()) << status;
  }
}

TEST(GraphReaderTest, TruncatedBinaryStreamIsAnError) {
  const std::vector<DocumentGraph> graphs = SampleGraphs();
  const std::string data = WriteAll(graphs, Format::kBinary);
  const size_t last_size = graphs.back().ByteSizeLong();
  ASSERT_GT(last_size, 10u);
  // Drop 1, 2 and 5 bytes of the last record, and all of it but its length.
  for (size_t drop : {size_t{1}, size_t{2}, size_t{5}, last_size}) {
    absl::Status status;
    const std::vector<DocumentGraph> read =
        ReadAll(data.substr(0, data.size() - drop), Format::kBinary, &status);
    EXPECT_FALSE(status.ok()) << "dropped " << drop;
    // The complete records before it are still returned, and no bogus one.
    ExpectEqualGraphs(
        std::vector<DocumentGraph>(graphs.begin(), graphs.end() - 1), read);
  }
}

TEST(GraphReaderTest, CorruptJsonlLineIsAnError) {
  const std::vector<DocumentGraph> graphs = SampleGraphs();
  std::string data = WriteAll({graphs[0], graphs[1]}, Format::kJsonl);
  data += "{\"document\": {\"id\": \"x\"\n";  // unterminated
  data += WriteAll({graphs[2]}, Format::kJsonl);
  absl::Status status;
  const std::vector<DocumentGraph> read = ReadAll(data, Format::kJsonl, &status);
  EXPECT_FALSE(status.ok());
  EXPECT_NE(std::string(status.message()).find("line 3"), std::string::npos)
      << status;
  ExpectEqualGraphs({graphs[0], graphs[1]}, read);
}

TEST(GraphReaderTest, JsonlSkipsEmptyLinesAndUnknownFields) {
  const std::string data =
      "\n{\"document\":{\"id\":\"a\"},\"future_field\":1}\n\n"
      "{\"document\":{\"id\":\"b\"}}\n";
  absl::Status status;
  const std::vector<DocumentGraph> read = ReadAll(data, Format::kJsonl, &status);
  EXPECT_TRUE(status.ok()) << status;
  ASSERT_EQ(read.size(), 2u);
  EXPECT_EQ(read[0].document().id(), "a");
  EXPECT_EQ(read[1].document().id(), "b");
}

TEST(GraphReaderTest, NextClearsThePreviousGraph) {
  DocumentGraph a;
  a.mutable_document()->set_id("a");
  a.add_entities()->set_id("E1");
  DocumentGraph b;
  b.mutable_document()->set_id("b");
  for (Format format : {Format::kBinary, Format::kJsonl}) {
    std::istringstream in(WriteAll({a, b}, format));
    GraphReader reader(&in, format);
    DocumentGraph g;
    ASSERT_TRUE(reader.Next(&g));
    ASSERT_TRUE(reader.Next(&g));
    EXPECT_EQ(g.document().id(), "b");
    EXPECT_EQ(g.entities_size(), 0);
  }
}

}  // namespace
}  // namespace newsgraph
