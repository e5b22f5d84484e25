// Inputs shared by the micro-benchmarks in bench/: texts, rule sets and
// synthetic gazetteers. Nothing here is timed.
//
// Texts: by default the sample articles of testdata/sample/corpus (our own
// texts, found through Bazel runfiles). Set NEWSGRAPH_BENCH_CORPUS to a
// directory of .txt files (e.g. ../shared/corpus/seeds) to benchmark on other
// text; it is read at run time and never copied.
#ifndef NEWSGRAPH_BENCH_BENCH_DATA_H_
#define NEWSGRAPH_BENCH_BENCH_DATA_H_

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "extract/gazetteer.h"
#include "extract/rule_set.h"

namespace newsgraph {
namespace bench {

// The benchmark documents (see above). Dies with a message if none is found.
const std::vector<std::string>& Texts();

// Total bytes of Texts().
size_t TextBytes();

// The bundled default rule set (rules/), loaded once.
const RuleSet& DefaultRules();

// The contents of a file of the bundled rules, e.g. "patterns/entities.tsv".
std::string RuleFile(const std::string& relative_path);

// `n` gazetteer entries: the capitalized one- to three-word names that occur
// in Texts() (so matching finds real hits), filled up with pseudo-names
// (syllable words, deterministic) until there are `n`.
std::vector<GazetteerEntry> SyntheticEntries(size_t n);

}  // namespace bench
}  // namespace newsgraph

#endif  // NEWSGRAPH_BENCH_BENCH_DATA_H_
