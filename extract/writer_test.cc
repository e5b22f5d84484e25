#include "extract/writer.h"

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "extract/graph_reader.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"
#include "proto/graph.pb.h"

namespace newsgraph {
namespace {

using ::google::protobuf::util::MessageDifferencer;

// A few graphs that exercise every kind of field, including zero offsets,
// maps, non-ASCII text and an error record.
std::vector<DocumentGraph> SampleGraphs() {
  std::vector<DocumentGraph> graphs(3);
  {
    DocumentGraph& g = graphs[0];
    g.mutable_document()->set_id("doc-1");
    g.mutable_document()->set_source("corpus.jsonl");
    g.mutable_document()->set_title("Putin\xE2\x80\x99s visit");
    (*g.mutable_document()->mutable_metadata())["lang"] = "en";
    Entity* e = g.add_entities();
    e->set_id("E1");
    e->set_type(PERSON);
    e->set_canonical_name("Vladimir Putin");
    e->set_canonical_id("person.putin");
    Mention* m = e->add_mentions();
    m->set_begin(0);
    m->set_end(5);
    m->set_cp_begin(0);
    m->set_cp_end(5);
    m->set_text("Putin");
    m->set_type(PERSON);
    m->set_rule_id("person.putin");
    Entity* p = g.add_entities();
    p->set_id("E2");
    p->set_type(PLACE);
    p->set_canonical_name("Russia");
    p->set_canonical_id("place.RU");
    p->set_external_id("RU");
    p->set_subtype("country");
    Relation* r = g.add_relations();
    r->set_id("R1");
    r->set_type(LOCATED_IN);
    r->set_head("E1");
    r->set_tail("E2");
    r->set_hedged(true);
    Evidence* ev = r->add_evidence();
    ev->mutable_sentence()->set_end(20);
    ev->mutable_trigger()->set_begin(6);
    ev->mutable_trigger()->set_end(8);
    ev->set_text("Putin in Russia.");
    ev->set_rule_id("loc.in");
    g.mutable_provenance()->set_pipeline_version("1.0");
    g.mutable_provenance()->set_rules_fingerprint("0123456789abcdef");
    g.mutable_provenance()->set_schema_version(1);
  }
  {
    DocumentGraph& g = graphs[1];
    g.mutable_document()->set_id("empty");
  }
  {
    DocumentGraph& g = graphs[2];
    g.mutable_document()->set_id("bad");
    g.mutable_error()->set_code("invalid_utf8");
    g.mutable_error()->set_message("byte 3");
    DocumentError* w = g.add_warnings();
    w->set_code("repaired");
    w->set_message("1 byte replaced");
  }
  return graphs;
}

std::string WriteAll(const std::vector<DocumentGraph>& graphs, Format format) {
  std::ostringstream out;
  GraphWriter writer(&out, format);
  for (const DocumentGraph& g : graphs) {
    const absl::Status s = writer.Write(g);
    EXPECT_TRUE(s.ok()) << s;
  }
  const absl::Status s = writer.Flush();
  EXPECT_TRUE(s.ok()) << s;
  return out.str();
}

void ExpectRoundTrip(Format format) {
  const std::vector<DocumentGraph> graphs = SampleGraphs();
  std::istringstream in(WriteAll(graphs, format));
  GraphReader reader(&in, format);
  DocumentGraph g;
  size_t i = 0;
  while (reader.Next(&g)) {
    ASSERT_LT(i, graphs.size());
    std::string diff;
    MessageDifferencer differencer;
    differencer.ReportDifferencesToString(&diff);
    EXPECT_TRUE(differencer.Compare(graphs[i], g)) << "graph " << i << ":\n"
                                                   << diff;
    ++i;
  }
  EXPECT_TRUE(reader.status().ok()) << reader.status();
  EXPECT_EQ(i, graphs.size());
}

TEST(GraphWriterTest, BinaryRoundTrip) { ExpectRoundTrip(Format::kBinary); }

TEST(GraphWriterTest, JsonlRoundTrip) { ExpectRoundTrip(Format::kJsonl); }

TEST(GraphWriterTest, BinaryIsVarintLengthDelimited) {
  DocumentGraph g;
  g.mutable_document()->set_id("x");
  const std::string payload = g.SerializeAsString();
  ASSERT_LT(payload.size(), 128u);  // one-byte varint
  const std::string out = WriteAll({g, g}, Format::kBinary);
  const std::string one = std::string(1, static_cast<char>(payload.size())) +
                          payload;
  EXPECT_EQ(out, one + one);
}

TEST(GraphWriterTest, JsonlIsOneLinePerMessage) {
  const std::vector<DocumentGraph> graphs = SampleGraphs();
  const std::string out = WriteAll(graphs, Format::kJsonl);
  ASSERT_FALSE(out.empty());
  EXPECT_EQ(out.back(), '\n');
  EXPECT_EQ(std::count(out.begin(), out.end(), '\n'),
            static_cast<long>(graphs.size()));
  std::string first;
  ASSERT_TRUE(ToJsonLine(graphs[0], &first).ok());
  EXPECT_TRUE(absl::StartsWith(out, first + "\n"));
}

TEST(GraphWriterTest, TextprotoSeparatesMessagesWithBlankLine) {
  DocumentGraph a, b;
  a.mutable_document()->set_id("a");
  b.mutable_document()->set_id("b");
  const std::string out = WriteAll({a, b}, Format::kTextproto);
  EXPECT_TRUE(absl::StrContains(out, "id: \"a\"")) << out;
  EXPECT_TRUE(absl::StrContains(out, "}\n\ndocument {")) << out;
  EXPECT_TRUE(absl::EndsWith(out, "}\n\n")) << out;
}

TEST(GraphWriterTest, FailedStreamIsReported) {
  std::ostringstream out;
  out.setstate(std::ios::badbit);
  GraphWriter writer(&out, Format::kJsonl);
  DocumentGraph g;
  EXPECT_FALSE(writer.Write(g).ok());
  EXPECT_FALSE(writer.Flush().ok());
}

TEST(ToJsonLineTest, UsesProtoFieldNamesAndPrintsDefaults) {
  Entity e;
  e.set_id("E1");
  e.set_type(PLACE);
  e.set_canonical_id("place.RU");
  Mention* m = e.add_mentions();
  m->set_begin(0);
  m->set_end(6);
  m->set_text("Russia");
  std::string json;
  ASSERT_TRUE(ToJsonLine(e, &json).ok());
  EXPECT_TRUE(absl::StrContains(json, "\"canonical_id\":\"place.RU\"")) << json;
  EXPECT_FALSE(absl::StrContains(json, "canonicalId")) << json;
  EXPECT_TRUE(absl::StrContains(json, "\"begin\":0")) << json;
  EXPECT_TRUE(absl::StrContains(json, "\"cp_begin\":0")) << json;
  EXPECT_TRUE(absl::StrContains(json, "\"end\":6")) << json;
  EXPECT_TRUE(absl::StrContains(json, "\"type\":\"PLACE\"")) << json;
  // Defaults are printed: empty strings too.
  EXPECT_TRUE(absl::StrContains(json, "\"external_id\":\"\"")) << json;
  EXPECT_EQ(json.find('\n'), std::string::npos) << json;
  EXPECT_EQ(json.front(), '{');
  EXPECT_EQ(json.back(), '}');
}

TEST(ToJsonLineTest, ReplacesOutput) {
  Span s;
  std::string json = "old contents";
  ASSERT_TRUE(ToJsonLine(s, &json).ok());
  EXPECT_EQ(json, "{\"begin\":0,\"end\":0}");
}

TEST(ParseFormatTest, Table) {
  const std::vector<std::pair<std::string, Format>> good = {
      {"binary", Format::kBinary},
      {"jsonl", Format::kJsonl},
      {"textproto", Format::kTextproto}};
  for (const auto& [name, expected] : good) {
    Format f = expected == Format::kBinary ? Format::kJsonl : Format::kBinary;
    EXPECT_TRUE(ParseFormat(name, &f)) << name;
    EXPECT_EQ(f, expected) << name;
  }
  for (const std::string bad : {"", "json", "JSONL", "Binary", "text", "pb"}) {
    Format f = Format::kTextproto;
    EXPECT_FALSE(ParseFormat(bad, &f)) << bad;
    EXPECT_EQ(f, Format::kTextproto) << bad;  // unchanged
  }
}

}  // namespace
}  // namespace newsgraph
