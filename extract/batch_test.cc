#include "extract/batch.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "extract/graph_reader.h"
#include "extract/internal/default_rules.h"
#include "extract/internal/tsv.h"
#include "extract/pipeline.h"
#include "extract/reader.h"
#include "extract/rule_set.h"
#include "extract/writer.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"

namespace newsgraph {
namespace {

class BatchTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto rules = LoadDefaultRules();
    ASSERT_TRUE(rules.ok()) << rules.status();
    pipeline_ = new Pipeline(*rules,
                             Pipeline::Options());
    const std::string file = TestRunfile("testdata/sample/corpus/01_obama_putin_call.txt");
    sample_dir_ = new std::string(file.substr(0, file.rfind('/')));

    // A larger input: the sample texts repeated under new ids, each with
    // its own first sentence, and a malformed line now and then.
    auto reader = DocumentReader::Open(*sample_dir_, DocumentReader::Options());
    ASSERT_TRUE(reader.ok()) << reader.status();
    std::vector<std::string> texts;
    Document doc;
    absl::Status read_error;
    while ((*reader)->Next(&doc, &read_error)) texts.push_back(doc.text());
    ASSERT_EQ(texts.size(), 6u);
    generated_ = new std::string(
        absl::StrCat(::testing::TempDir(), "/batch_generated.jsonl"));
    std::ofstream out(*generated_, std::ios::binary | std::ios::trunc);
    for (int i = 0; i < 240; ++i) {
      if (i % 61 == 30) {
        out << "{\"id\": \"broken-" << i << "\", \"text\": \n";
        continue;
      }
      Document d;
      d.set_id(absl::StrCat("gen-", i));
      d.set_text(absl::StrCat("Report ", i, " from the desk. ",
                              texts[i % texts.size()]));
      std::string line;
      ASSERT_TRUE(ToJsonLine(d, &line).ok());
      out << line << "\n";
    }
    ASSERT_TRUE(out.good());
  }

  void SetUp() override {
    dir_ = absl::StrCat(::testing::TempDir(), "/batch_",
                        ::testing::UnitTest::GetInstance()
                            ->current_test_info()
                            ->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }

  // Runs a batch over `input`; fails the test if the run fails.
  BatchStats RunBatch(const std::string& input, BatchOptions options) {
    auto reader = DocumentReader::Open(input, DocumentReader::Options());
    EXPECT_TRUE(reader.ok()) << reader.status();
    if (!reader.ok()) return BatchStats();
    Batch batch(pipeline_, options);
    absl::StatusOr<BatchStats> stats = batch.Run(reader->get());
    EXPECT_TRUE(stats.ok()) << stats.status();
    return stats.ok() ? *stats : BatchStats();
  }

  static BatchOptions Options(const std::string& output, Format format,
                              int threads) {
    BatchOptions options;
    options.output = output;
    options.format = format;
    options.threads = threads;
    return options;
  }

  // The output of the plain sequential loop: read, process, write.
  static std::string Reference(const std::string& input, Format format) {
    auto reader = DocumentReader::Open(input, DocumentReader::Options());
    EXPECT_TRUE(reader.ok()) << reader.status();
    std::ostringstream out;
    GraphWriter writer(&out, format);
    Document doc;
    absl::Status read_error;
    while ((*reader)->Next(&doc, &read_error)) {
      EXPECT_TRUE(writer
                      .Write(read_error.ok()
                                 ? pipeline_->Process(doc)
                                 : pipeline_->ErrorGraph(doc, read_error))
                      .ok());
    }
    return out.str();
  }

  // The records of a binary or jsonl output, each re-serialised as bytes.
  static std::vector<std::string> Records(const std::string& path,
                                          Format format) {
    std::ifstream in(path, std::ios::binary);
    GraphReader reader(&in, format);
    std::vector<std::string> records;
    DocumentGraph graph;
    while (reader.Next(&graph)) records.push_back(graph.SerializeAsString());
    EXPECT_TRUE(reader.status().ok()) << path << ": " << reader.status();
    return records;
  }

  static std::string Contents(const std::string& path) {
    absl::StatusOr<std::string> s = ReadFile(path);
    EXPECT_TRUE(s.ok()) << s.status();
    return s.ok() ? *s : "";
  }

  static void WriteFile(const std::string& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
    ASSERT_TRUE(out.good());
  }

  static Pipeline* pipeline_;
  static std::string* sample_dir_;
  static std::string* generated_;
  std::string dir_;
};

Pipeline* BatchTest::pipeline_ = nullptr;
std::string* BatchTest::sample_dir_ = nullptr;
std::string* BatchTest::generated_ = nullptr;

TEST_F(BatchTest, SameBytesForAnyThreadCount) {
  for (const std::string& input : {*sample_dir_, *generated_}) {
    for (Format format : {Format::kJsonl, Format::kBinary}) {
      const std::string reference = Reference(input, format);
      ASSERT_FALSE(reference.empty());
      for (int threads : {1, 2, 4}) {
        const std::string out = absl::StrCat(dir_, "/out", threads);
        BatchOptions options = Options(out, format, threads);
        const BatchStats stats = RunBatch(input, options);
        EXPECT_EQ(stats.threads, threads);
        EXPECT_TRUE(Contents(out) == reference)
            << input << " threads=" << threads;
      }
      // A window of one document, and one too small in bytes for any two.
      BatchOptions options = Options(dir_ + "/small", format, 3);
      options.max_in_flight_documents = 1;
      RunBatch(input, options);
      EXPECT_TRUE(Contents(dir_ + "/small") == reference) << input;
      options.max_in_flight_documents = 0;
      options.max_in_flight_bytes = 10;
      RunBatch(input, options);
      EXPECT_TRUE(Contents(dir_ + "/small") == reference) << input;
    }
  }
}

TEST_F(BatchTest, WindowIsBounded) {
  BatchOptions options = Options(dir_ + "/out.jsonl", Format::kJsonl, 2);
  options.max_in_flight_documents = 5;
  BatchStats stats = RunBatch(*generated_, options);
  EXPECT_GE(stats.max_in_flight, 1u);
  EXPECT_LE(stats.max_in_flight, 5u);
  options.max_in_flight_documents = 100;
  options.max_in_flight_bytes = 1;  // any two documents are over it
  stats = RunBatch(*generated_, options);
  EXPECT_EQ(stats.max_in_flight, 1u);
}

TEST_F(BatchTest, BadDocumentsAreRecordedCountedAndTheRunGoesOn) {
  std::ostringstream log;
  BatchOptions options = Options(dir_ + "/out.jsonl", Format::kJsonl, 4);
  options.log = &log;
  const BatchStats stats = RunBatch(*generated_, options);
  // Lines 31, 92, 153 and 214 of the 240 are broken.
  EXPECT_EQ(stats.documents, 240u);
  EXPECT_EQ(stats.errors, 4u);
  const std::vector<std::string> lines =
      absl::StrSplit(Contents(dir_ + "/out.jsonl"), '\n', absl::SkipEmpty());
  ASSERT_EQ(lines.size(), 240u);
  for (int i = 0; i < 240; ++i) {
    EXPECT_EQ(absl::StrContains(lines[i], "\"code\":\"parse_error\""),
              i % 61 == 30)
        << i;
  }
  EXPECT_TRUE(absl::StrContains(log.str(), absl::StrCat(*generated_, ":92")))
      << log.str();
  EXPECT_GT(stats.mentions_by_type.at("PERSON"), 0u);
  EXPECT_GT(stats.relations_by_type.size(), 0u);
  EXPECT_GT(stats.text_bytes, 200u * 1000);
}

TEST_F(BatchTest, ShardsPartitionTheWholeRun) {
  for (const std::string& input : {*generated_, *sample_dir_}) {
    for (Format format : {Format::kJsonl, Format::kBinary}) {
      RunBatch(input, Options(dir_ + "/whole", format, 2));
      const std::vector<std::string> whole = Records(dir_ + "/whole", format);
      ASSERT_GE(whole.size(), 6u);
      constexpr uint32_t kShards = 4;
      std::vector<std::string> shards;
      for (uint32_t i = 0; i < kShards; ++i) {
        const std::string out = absl::StrCat(dir_, "/shard", i);
        BatchOptions options = Options(out, format, 2);
        options.shard_index = i;
        options.shard_count = kShards;
        const BatchStats stats = RunBatch(input, options);
        const std::vector<std::string> records = Records(out, format);
        const size_t expected = (whole.size() + kShards - 1 - i) / kShards;
        EXPECT_EQ(stats.documents, expected) << input << " shard " << i;
        EXPECT_EQ(stats.other_shard_documents, whole.size() - expected);
        ASSERT_EQ(records.size(), expected) << input << " shard " << i;
        // Shard i holds the documents whose index is i modulo kShards.
        for (size_t j = 0; j < records.size(); ++j) {
          EXPECT_TRUE(records[j] == whole[kShards * j + i])
              << input << " shard " << i << " record " << j;
        }
        shards.insert(shards.end(), records.begin(), records.end());
      }
      std::vector<std::string> sorted_whole = whole;
      std::sort(sorted_whole.begin(), sorted_whole.end());
      std::sort(shards.begin(), shards.end());
      EXPECT_TRUE(shards == sorted_whole) << input;
    }
  }
}

TEST_F(BatchTest, ResumeFromAnyCutEqualsOneRun) {
  for (Format format : {Format::kJsonl, Format::kBinary}) {
    BatchOptions whole_options = Options(dir_ + "/whole", format, 2);
    whole_options.corpus_graph = dir_ + "/whole_corpus";
    RunBatch(*generated_, whole_options);
    const std::string whole = Contents(dir_ + "/whole");
    const std::string whole_corpus = Contents(dir_ + "/whole_corpus");
    ASSERT_GT(whole.size(), 1000u);
    // Cuts: nothing, inside the first record, inside the length prefix or
    // at a line end, the middle, one byte short, and the complete output.
    const size_t end_of_first = whole.find('\n') + 1;
    for (size_t cut : {size_t{0}, size_t{1}, size_t{7}, end_of_first,
                       whole.size() / 2, whole.size() - 1, whole.size()}) {
      const std::string out = absl::StrCat(dir_, "/resumed");
      WriteFile(out, whole.substr(0, cut));
      BatchOptions options = Options(out, format, 3);
      options.resume = true;
      options.corpus_graph = dir_ + "/resumed_corpus";
      const BatchStats stats = RunBatch(*generated_, options);
      EXPECT_TRUE(Contents(out) == whole) << "cut at " << cut;
      EXPECT_TRUE(Contents(dir_ + "/resumed_corpus") == whole_corpus)
          << "cut at " << cut;
      EXPECT_EQ(stats.resumed_records + stats.documents, 240u);
      if (cut == whole.size()) {
        EXPECT_EQ(stats.documents, 0u);
        EXPECT_EQ(stats.truncated_bytes, 0u);
      }
      if (format == Format::kJsonl && cut == end_of_first) {
        EXPECT_EQ(stats.resumed_records, 1u);
        EXPECT_EQ(stats.truncated_bytes, 0u);
      }
      if (cut == whole.size() - 1) {
        EXPECT_GT(stats.truncated_bytes, 0u);
      }
    }
  }
}

TEST_F(BatchTest, ResumeAShard) {
  BatchOptions options = Options(dir_ + "/whole", Format::kBinary, 2);
  options.shard_index = 1;
  options.shard_count = 4;
  RunBatch(*generated_, options);
  const std::string whole = Contents(dir_ + "/whole");
  WriteFile(dir_ + "/resumed", whole.substr(0, whole.size() / 3));
  options.output = dir_ + "/resumed";
  options.resume = true;
  const BatchStats stats = RunBatch(*generated_, options);
  EXPECT_GT(stats.resumed_records, 0u);
  EXPECT_EQ(stats.resumed_records + stats.documents, 60u);
  EXPECT_TRUE(Contents(dir_ + "/resumed") == whole);
}

TEST_F(BatchTest, ResumeRefusesOutputOfOtherRulesOrInput) {
  // A record written with other rules.
  DocumentGraph foreign;
  foreign.mutable_document()->set_id("x");
  foreign.mutable_provenance()->set_rules_fingerprint("0000000000000000");
  foreign.mutable_provenance()->set_pipeline_version(kPipelineVersion);
  std::string line;
  ASSERT_TRUE(ToJsonLine(foreign, &line).ok());
  WriteFile(dir_ + "/out.jsonl", line + "\n");
  BatchOptions options = Options(dir_ + "/out.jsonl", Format::kJsonl, 2);
  options.resume = true;
  auto reader = DocumentReader::Open(*sample_dir_, DocumentReader::Options());
  ASSERT_TRUE(reader.ok());
  absl::StatusOr<BatchStats> stats = Batch(pipeline_, options).Run(reader->get());
  EXPECT_EQ(stats.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_TRUE(absl::StrContains(stats.status().message(), "0000000000000000"))
      << stats.status();

  // More records than the input has documents.
  RunBatch(*generated_, Options(dir_ + "/out.jsonl", Format::kJsonl, 2));
  reader = DocumentReader::Open(*sample_dir_, DocumentReader::Options());
  ASSERT_TRUE(reader.ok());
  stats = Batch(pipeline_, options).Run(reader->get());
  EXPECT_EQ(stats.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_TRUE(absl::StrContains(stats.status().message(), "240 records"))
      << stats.status();

  // Standard output and textproto cannot be resumed.
  options.output = "-";
  EXPECT_FALSE(Batch(pipeline_, options).Run(reader->get()).ok());
  options.output = dir_ + "/out.txtpb";
  options.format = Format::kTextproto;
  EXPECT_FALSE(Batch(pipeline_, options).Run(reader->get()).ok());
}

TEST_F(BatchTest, RecoverOutputCountsCompleteRecordsAndCutsTheRest) {
  const std::string path = dir_ + "/out";
  uint64_t cut = 99;
  absl::StatusOr<uint64_t> n = RecoverOutput(path, Format::kJsonl, &cut);
  ASSERT_TRUE(n.ok()) << n.status();
  EXPECT_EQ(*n, 0u);  // no file yet
  EXPECT_EQ(cut, 0u);

  WriteFile(path, "{\"a\":1}\n{\"b\":2}\n{\"c\":");
  n = RecoverOutput(path, Format::kJsonl, &cut);
  ASSERT_TRUE(n.ok()) << n.status();
  EXPECT_EQ(*n, 2u);
  EXPECT_EQ(cut, 5u);
  EXPECT_EQ(Contents(path), "{\"a\":1}\n{\"b\":2}\n");

  // Binary: lengths 3 and 200 (a two-byte varint), then a cut record.
  const std::string two = std::string(1, '\x03') + "abc" + "\xc8\x01" +
                          std::string(200, 'x');
  WriteFile(path, two + "\x05" + "ab");
  n = RecoverOutput(path, Format::kBinary, &cut);
  ASSERT_TRUE(n.ok()) << n.status();
  EXPECT_EQ(*n, 2u);
  EXPECT_EQ(cut, 3u);
  EXPECT_TRUE(Contents(path) == two);
  WriteFile(path, two + "\xc8");  // a cut length prefix
  n = RecoverOutput(path, Format::kBinary, &cut);
  ASSERT_TRUE(n.ok()) << n.status();
  EXPECT_EQ(*n, 2u);
  EXPECT_EQ(cut, 1u);
  EXPECT_FALSE(RecoverOutput(path, Format::kTextproto, &cut).ok());
}

TEST_F(BatchTest, ParseShard) {
  uint32_t i = 9, n = 9;
  EXPECT_TRUE(ParseShard("0/1", &i, &n).ok());
  EXPECT_EQ(i, 0u);
  EXPECT_EQ(n, 1u);
  EXPECT_TRUE(ParseShard("3/4", &i, &n).ok());
  EXPECT_EQ(i, 3u);
  EXPECT_EQ(n, 4u);
  for (const char* bad : {"4/4", "1/0", "1", "a/b", "1/2/3", "-1/2", ""}) {
    EXPECT_FALSE(ParseShard(bad, &i, &n).ok()) << bad;
  }
}

TEST_F(BatchTest, SummaryAndProgress) {
  std::ostringstream log;
  BatchOptions options = Options(dir_ + "/out.jsonl", Format::kJsonl, 2);
  options.progress = true;
  options.log = &log;
  options.corpus_graph = dir_ + "/corpus.jsonl";
  const BatchStats stats = RunBatch(*generated_, options);
  // The final progress line is drawn however fast the run was.
  EXPECT_TRUE(absl::StrContains(log.str(), "240 documents")) << log.str();
  EXPECT_TRUE(absl::StrContains(log.str(), "100%")) << log.str();
  EXPECT_GT(stats.peak_rss_bytes, 0u);
  EXPECT_GT(stats.corpus_entities, 0u);
  const std::string summary = FormatSummary(stats);
  for (const char* part : {"documents: 240 (4 errors)", "on 2 threads",
                           "mentions: AGENCY=", "relations: ",
                           "corpus graph: ", "peak memory: "}) {
    EXPECT_TRUE(absl::StrContains(summary, part)) << part << "\n" << summary;
  }
}

}  // namespace
}  // namespace newsgraph
