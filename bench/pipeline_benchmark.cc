// The whole pipeline (Pipeline::Process, every stage and the output proto)
// with the bundled default rules over bench::Texts(), plus serializing the
// graph as the binary and jsonl writers do.
//   bazel run //bench:pipeline_benchmark
#include <memory>
#include <sstream>
#include <vector>

#include "bench/bench_data.h"
#include "benchmark/benchmark.h"
#include "extract/pipeline.h"
#include "extract/rule_set.h"
#include "extract/writer.h"

namespace newsgraph {
namespace {

const Pipeline& GetPipeline() {
  static const Pipeline* pipeline = new Pipeline(
      std::shared_ptr<const RuleSet>(&bench::DefaultRules(),
                                     [](const RuleSet*) {}),
      Pipeline::Options());
  return *pipeline;
}

std::vector<Document> Documents() {
  std::vector<Document> docs;
  for (const std::string& text : bench::Texts()) {
    docs.emplace_back();
    docs.back().set_id(absl::StrCat("doc", docs.size()));
    docs.back().set_text(text);
  }
  return docs;
}

void BM_Process(benchmark::State& state) {
  const Pipeline& pipeline = GetPipeline();
  const std::vector<Document> docs = Documents();
  for (auto _ : state) {
    for (const Document& doc : docs) {
      DocumentGraph graph = pipeline.Process(doc);
      benchmark::DoNotOptimize(graph.entities_size());
    }
  }
  state.SetBytesProcessed(state.iterations() * bench::TextBytes());
  state.SetItemsProcessed(state.iterations() * docs.size());
}
BENCHMARK(BM_Process);

// Process + write, for each output format.
void BM_ProcessAndWrite(benchmark::State& state) {
  const Pipeline& pipeline = GetPipeline();
  const std::vector<Document> docs = Documents();
  const Format format = static_cast<Format>(state.range(0));
  std::ostringstream sink;
  GraphWriter writer(&sink, format);
  for (auto _ : state) {
    for (const Document& doc : docs) {
      if (!writer.Write(pipeline.Process(doc)).ok()) std::abort();
    }
    sink.str("");
  }
  state.SetLabel(format == Format::kBinary ? "binary" : "jsonl");
  state.SetBytesProcessed(state.iterations() * bench::TextBytes());
  state.SetItemsProcessed(state.iterations() * docs.size());
}
BENCHMARK(BM_ProcessAndWrite)
    ->Arg(static_cast<int>(Format::kBinary))
    ->Arg(static_cast<int>(Format::kJsonl));

}  // namespace
}  // namespace newsgraph
