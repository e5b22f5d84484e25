// Gazetteer::Match with 1k, 100k and 1M entries over bench::Texts(). The
// trie is keyed on token ids, so the cost per token should not grow with the
// gazetteer's size (beyond cache effects of larger hash tables): compare the
// ns_per_token counter across the three sizes.
//   bazel run //bench:gazetteer_benchmark
#include <map>
#include <memory>
#include <vector>

#include "bench/bench_data.h"
#include "benchmark/benchmark.h"
#include <cstdlib>

#include "extract/gazetteer.h"
#include "extract/rule_set.h"
#include "extract/segmenter.h"

namespace newsgraph {
namespace {

const Gazetteer& GazetteerOfSize(size_t n) {
  static auto* cache = new std::map<size_t, std::unique_ptr<Gazetteer>>();
  auto& g = (*cache)[n];
  if (g == nullptr) {
    auto built = Gazetteer::Build(bench::SyntheticEntries(n), Segmenter());
    if (!built.ok()) std::abort();
    g = std::move(*built);
  }
  return *g;
}

void BM_GazetteerMatch(benchmark::State& state) {
  const Gazetteer& gazetteer = GazetteerOfSize(state.range(0));
  const Segmenter segmenter;
  std::vector<Segmentation> segs;
  size_t tokens_per_pass = 0;
  for (const std::string& text : bench::Texts()) {
    segs.push_back(segmenter.Segment(text));
    tokens_per_pass += segs.back().tokens.size();
  }
  std::vector<Candidate> out;
  size_t hits = 0;
  for (auto _ : state) {
    for (size_t i = 0; i < segs.size(); ++i) {
      out.clear();
      gazetteer.Match(bench::Texts()[i], segs[i], &out);
      hits += out.size();
    }
  }
  const double tokens = static_cast<double>(tokens_per_pass) * state.iterations();
  state.SetBytesProcessed(state.iterations() * bench::TextBytes());
  state.counters["ns_per_token"] = benchmark::Counter(
      tokens * 1e-9, benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
  state.counters["hits_per_pass"] =
      static_cast<double>(hits) / state.iterations();
  state.counters["entries"] = static_cast<double>(gazetteer.size());
}
BENCHMARK(BM_GazetteerMatch)->Arg(1000)->Arg(100000)->Arg(1000000);

// Building the trie (what rules loading pays per entry).
void BM_GazetteerBuild(benchmark::State& state) {
  const std::vector<GazetteerEntry> entries =
      bench::SyntheticEntries(state.range(0));
  const Segmenter segmenter;
  for (auto _ : state) {
    auto g = Gazetteer::Build(entries, segmenter);
    benchmark::DoNotOptimize((*g)->size());
  }
  state.SetItemsProcessed(state.iterations() * entries.size());
}
BENCHMARK(BM_GazetteerBuild)->Arg(100000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace newsgraph

namespace newsgraph {
namespace {

// RuleSet::Load of a rule directory: the bundled rules, or the directory in
// NEWSGRAPH_BENCH_RULES (tools/bench.sh builds one with a 150k-entry
// gazetteer under ~/.cache/newsgraph/bench/rules).
void BM_RuleSetLoad(benchmark::State& state) {
  const char* dir = std::getenv("NEWSGRAPH_BENCH_RULES");
  size_t entries = 0;
  for (auto _ : state) {
    auto rules = dir != nullptr && *dir != '\0'
                     ? RuleSet::Load(dir)
                     : absl::StatusOr<std::unique_ptr<const RuleSet>>(
                           std::unique_ptr<const RuleSet>());
    if (rules.ok() && *rules == nullptr) {
      state.SkipWithError("set NEWSGRAPH_BENCH_RULES to a rule directory");
      return;
    }
    if (!rules.ok()) {
      state.SkipWithError(std::string(rules.status().message()).c_str());
      return;
    }
    entries = (*rules)->gazetteer().size();
  }
  state.counters["entries"] = static_cast<double>(entries);
}
BENCHMARK(BM_RuleSetLoad)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace newsgraph
