// Micro-benchmarks of the pipeline stages, one document at a time over
// bench::Texts() with the bundled default rules:
//
//   BM_Segment    Segmenter::Segment
//   BM_Regex      RegexMatcher::Match (all entity patterns)
//   BM_Resolve    Resolver::Resolve (candidates precomputed)
//   BM_Relations  RelationExtractor::Extract (resolved documents precomputed)
//   BM_Build      BuildDocumentGraph (everything before it precomputed)
//
// Each reports bytes/s of document text; BM_Segment also tokens/s.
//   bazel run //bench:stages_benchmark
#include <vector>

#include "bench/bench_data.h"
#include "benchmark/benchmark.h"
#include "extract/graph_builder.h"
#include "extract/pipeline.h"
#include "extract/resolver.h"

namespace newsgraph {
namespace {

// Everything the stages produce for one text, computed once.
struct Prepared {
  std::string text;
  Document document;
  Segmentation seg;
  std::vector<Candidate> candidates;
  ResolvedDocument resolved;
  std::vector<ExtractedRelation> relations;
};

const std::vector<Prepared>& PreparedTexts() {
  static const std::vector<Prepared>* prepared = [] {
    const RuleSet& rules = bench::DefaultRules();
    const Resolver resolver(&rules.gazetteer());
    auto* out = new std::vector<Prepared>();
    for (const std::string& text : bench::Texts()) {
      Prepared p;
      p.text = text;
      p.document.set_id("bench");
      p.document.set_text(text);
      p.seg = rules.segmenter().Segment(p.text);
      rules.gazetteer().Match(p.text, p.seg, &p.candidates);
      rules.patterns().Match(p.text, p.seg.sentences, &p.candidates);
      p.resolved = resolver.Resolve(p.text, p.seg, p.candidates);
      p.relations = rules.relations().Extract(p.text, p.seg, p.resolved,
                                              rules.gazetteer());
      out->push_back(std::move(p));
    }
    return out;
  }();
  return *prepared;
}

void SetBytes(benchmark::State& state) {
  state.SetBytesProcessed(state.iterations() * bench::TextBytes());
}

void BM_Segment(benchmark::State& state) {
  const Segmenter& segmenter = bench::DefaultRules().segmenter();
  size_t tokens = 0;
  for (auto _ : state) {
    for (const std::string& text : bench::Texts()) {
      const Segmentation seg = segmenter.Segment(text);
      tokens += seg.tokens.size();
      benchmark::DoNotOptimize(seg.sentences.data());
    }
  }
  SetBytes(state);
  state.SetItemsProcessed(tokens);
}
BENCHMARK(BM_Segment);

void BM_Regex(benchmark::State& state) {
  const RegexMatcher& patterns = bench::DefaultRules().patterns();
  std::vector<Candidate> out;
  for (auto _ : state) {
    for (const Prepared& p : PreparedTexts()) {
      out.clear();
      patterns.Match(p.text, p.seg.sentences, &out);
      benchmark::DoNotOptimize(out.data());
    }
  }
  SetBytes(state);
}
BENCHMARK(BM_Regex);

// One entity pattern at a time (rules/patterns/entities.tsv, by line order),
// to see which rules cost most.
void BM_RegexRule(benchmark::State& state) {
  static const std::vector<PatternRule>* rules = [] {
    auto* out = new std::vector<PatternRule>();
    std::vector<std::string> errors;
    ParsePatternFile("entities.tsv", bench::RuleFile("patterns/entities.tsv"),
                     out, &errors);
    return out;
  }();
  if (state.range(0) >= static_cast<int64_t>(rules->size())) {
    state.SkipWithError("no such rule");
    return;
  }
  const PatternRule& rule = (*rules)[state.range(0)];
  auto matcher = RegexMatcher::Create({rule});
  std::vector<Candidate> out;
  for (auto _ : state) {
    for (const Prepared& p : PreparedTexts()) {
      out.clear();
      (*matcher)->Match(p.text, p.seg.sentences, &out);
      benchmark::DoNotOptimize(out.data());
    }
  }
  state.SetLabel(rule.id);
  SetBytes(state);
}
BENCHMARK(BM_RegexRule)->DenseRange(0, 31);  // beyond the last rule: skipped

void BM_Resolve(benchmark::State& state) {
  const Resolver resolver(&bench::DefaultRules().gazetteer());
  const auto& prepared = PreparedTexts();
  for (auto _ : state) {
    for (const Prepared& p : prepared) {
      ResolvedDocument doc = resolver.Resolve(p.text, p.seg, p.candidates);
      benchmark::DoNotOptimize(doc.mentions.data());
    }
  }
  SetBytes(state);
}
BENCHMARK(BM_Resolve);

void BM_Relations(benchmark::State& state) {
  const RuleSet& rules = bench::DefaultRules();
  const auto& prepared = PreparedTexts();
  for (auto _ : state) {
    for (const Prepared& p : prepared) {
      auto relations = rules.relations().Extract(p.text, p.seg, p.resolved,
                                                 rules.gazetteer());
      benchmark::DoNotOptimize(relations.data());
    }
  }
  SetBytes(state);
}
BENCHMARK(BM_Relations);

void BM_Build(benchmark::State& state) {
  const auto& prepared = PreparedTexts();
  const Provenance provenance;
  for (auto _ : state) {
    for (const Prepared& p : prepared) {
      DocumentGraph graph = BuildDocumentGraph(
          p.document, p.seg, p.resolved, p.relations, provenance, false);
      benchmark::DoNotOptimize(graph.entities_size());
    }
  }
  SetBytes(state);
}
BENCHMARK(BM_Build);

}  // namespace
}  // namespace newsgraph
