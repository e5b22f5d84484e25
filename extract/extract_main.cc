// extract: runs the pipeline over documents and writes their graphs.
//
//   extract --input=testdata/sample/corpus --output=out/sample.jsonl
//           --format=jsonl --corpus_graph=out/corpus.jsonl
//
// See --help for every flag. Errors go to standard error; the exit status is
// non-zero when the run could not start or its output could not be written.
// A document that fails is written as an error record and counted; it does
// not stop the run. The batch behaviour (threads, in-order output, --resume,
// --shard, progress and summary) is extract/batch.h.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <string>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "extract/batch.h"
#include "extract/pipeline.h"
#include "extract/compiled_rules.h"
#include "extract/reader.h"
#include "extract/rule_check.h"
#include "extract/rule_examples.h"
#include "extract/rule_set.h"
#include "extract/writer.h"
#include "extract/graph_builder.h"
#include "tools/cpp/runfiles/runfiles.h"

ABSL_FLAG(std::string, input, "",
          "What to read: a .txt file, a directory of .txt files, a .jsonl "
          "file of {\"id\": ..., \"text\": ...} objects, or - for standard "
          "input.");
ABSL_FLAG(std::string, output, "-",
          "Where to write the document graphs; - for standard output.");
ABSL_FLAG(std::string, format, "jsonl",
          "Output format: binary (length-delimited DocumentGraph stream), "
          "jsonl (one DocumentGraph per line, Protobuf JSON) or textproto.");
ABSL_FLAG(std::string, rules, "",
          "Rule set: one or more layers separated by commas, each a rule "
          "directory (with a MANIFEST) or a compiled .ngr file; later layers "
          "extend, override (same id) or disable (kind disable) earlier ones. "
          "\"default\" (or an empty element) is the bundled rules/, e.g. "
          "--rules=default,my_rules. Default: the bundled rules/.");
ABSL_FLAG(bool, check, false,
          "Check the rule set, print every error and warning as "
          "path:line:column: message, and exit (status 1 on errors).");
ABSL_FLAG(bool, test_rules, false,
          "Run the example sentences of the rule set (kind examples) through "
          "the pipeline, print expected versus got for each failure, and "
          "exit (status 1 on failures).");
ABSL_FLAG(std::string, compile_rules, "",
          "Write the rule set in compiled form (.ngr, loads faster; use it "
          "as --rules=FILE) to this path and exit.");
ABSL_FLAG(bool, explain, false,
          "Report, for each mention and relation, the rule or entry that "
          "produced it, and for each losing candidate what beat it and why; "
          "written to standard error or --explain_output.");
ABSL_FLAG(std::string, explain_output, "",
          "Where --explain writes (default: standard error).");
ABSL_FLAG(std::string, corpus_graph, "",
          "If set, also write the corpus graph (entities merged across "
          "documents by canonical id) to this path, in --format.");
ABSL_FLAG(bool, include_text, false,
          "Copy each document's text into its graph.");
ABSL_FLAG(bool, quiet, false,
          "Print neither the progress line nor the summary on standard "
          "error (the progress line is shown only when it is a terminal).");
ABSL_FLAG(int, threads, 0,
          "Worker threads; 0 (the default) uses every core "
          "(std::thread::hardware_concurrency). The output is the same, byte "
          "for byte, for any number of threads.");
ABSL_FLAG(bool, resume, false,
          "Continue an interrupted run: keep the complete records of the "
          "existing --output (binary or jsonl; an incomplete last record is "
          "cut off), skip that many input documents and append the rest. "
          "Give the same input, flags and rules as the interrupted run.");
ABSL_FLAG(std::string, shard, "",
          "i/N: process only the documents whose 0-based index in the input "
          "is i modulo N, so N runs (i = 0..N-1) split the corpus; their "
          "outputs together hold the records of one whole run.");
ABSL_FLAG(bool, filter, false,
          "Record filter (for Spark RDD.pipe, Hadoop Streaming, a worker's "
          "long-lived process): read JSONL documents on standard input and "
          "write, for each non-blank input line, one JSONL graph line on "
          "standard output, in input order, flushed as soon as it is "
          "written; nothing else goes to standard output. A bad line gives "
          "an error record. Implies --input=- --output=- --format=jsonl; "
          "not with --corpus_graph, --resume or --shard.");
ABSL_FLAG(size_t, max_document_bytes, size_t{256} << 20,
          "Documents larger than this are reported as errors and skipped "
          "(or cut, see --oversize).");
ABSL_FLAG(std::string, oversize, "skip",
          "What to do with a document over --max_document_bytes: skip (an "
          "error record) or truncate (cut at a UTF-8 boundary, with a "
          "\"truncated\" warning in its graph).");

namespace newsgraph {
namespace {

// Finds the bundled rules next to the binary (Bazel runfiles).
std::string DefaultRulesDir(const char* argv0) {
  std::string error;
  std::unique_ptr<bazel::tools::cpp::runfiles::Runfiles> runfiles(
      bazel::tools::cpp::runfiles::Runfiles::Create(argv0, &error));
  if (runfiles != nullptr) {
    const std::string manifest =
        runfiles->Rlocation("newsgraph/rules/MANIFEST");
    if (!manifest.empty() && std::ifstream(manifest).good()) {
      return manifest.substr(0, manifest.size() - std::string("/MANIFEST").size());
    }
  }
  return "";
}

// --check and --compile_rules: work on the rule set only. Returns the exit
// status.
int RunRuleCommand(const std::vector<std::string>& layers) {
  if (absl::GetFlag(FLAGS_check)) {
    const RuleCheckResult result = CheckRuleLayers(layers);
    for (const std::string& e : result.errors) std::cerr << e << "\n";
    for (const std::string& w : result.warnings) std::cerr << w << "\n";
    for (const std::string& n : result.notes) std::cerr << n << "\n";
    std::cerr << absl::StrFormat(
        "checked %d entries, %d patterns, %d relation rules, %d examples: "
        "%d errors, %d warnings\n",
        result.entries, result.patterns, result.relations, result.examples,
        result.errors.size(), result.warnings.size());
    return result.ok() ? 0 : 1;
  }
  const std::string path = absl::GetFlag(FLAGS_compile_rules);
  std::vector<std::string> errors;
  ParsedRules parsed = ParseRuleLayers(layers, &errors);
  if (errors.empty()) {
    // Compile once so that bad patterns are reported now, not at load.
    absl::StatusOr<std::unique_ptr<const RuleSet>> rs = RuleSet::FromParsed(parsed);
    if (!rs.ok()) errors.emplace_back(rs.status().message());
  }
  if (!errors.empty()) {
    for (const std::string& e : errors) std::cerr << e << "\n";
    return 1;
  }
  if (absl::Status s = WriteCompiledRules(parsed, path); !s.ok()) {
    std::cerr << "extract: " << s.message() << "\n";
    return 1;
  }
  std::cerr << absl::StrFormat(
      "compiled %d entries, %d patterns, %d relation rules, %d examples "
      "(fingerprint %s) -> %s\n",
      parsed.entries.size(), parsed.patterns.size(), parsed.relations.size(),
      parsed.examples.size(), parsed.fingerprint, path);
  return 0;
}

int Run(int argc, char** argv) {
  const std::string rules_spec = absl::GetFlag(FLAGS_rules);
  std::string default_dir;
  std::vector<std::string> layers = SplitRuleLayers(rules_spec, "");
  for (std::string& layer : layers) {
    if (!layer.empty()) continue;
    if (default_dir.empty()) default_dir = DefaultRulesDir(argv[0]);
    if (default_dir.empty()) {
      std::cerr << "extract: cannot find the bundled rules next to the "
                   "binary; pass --rules=DIR\n";
      return 2;
    }
    layer = default_dir;
  }
  if (absl::GetFlag(FLAGS_check) || !absl::GetFlag(FLAGS_compile_rules).empty()) {
    return RunRuleCommand(layers);
  }
  const bool filter = absl::GetFlag(FLAGS_filter);
  if (filter) {
    const std::string in = absl::GetFlag(FLAGS_input);
    const std::string out = absl::GetFlag(FLAGS_output);
    if ((!in.empty() && in != "-") || out != "-" ||
        absl::GetFlag(FLAGS_format) != "jsonl" ||
        !absl::GetFlag(FLAGS_corpus_graph).empty() ||
        absl::GetFlag(FLAGS_resume) || !absl::GetFlag(FLAGS_shard).empty()) {
      std::cerr << "extract: --filter reads standard input and writes jsonl "
                   "to standard output; it takes no --input, --output, "
                   "--format other than jsonl, --corpus_graph, --resume or "
                   "--shard\n";
      return 2;
    }
    absl::SetFlag(&FLAGS_input, "-");
  }
  const std::string input = absl::GetFlag(FLAGS_input);
  const bool test_rules = absl::GetFlag(FLAGS_test_rules);
  if (input.empty() && !test_rules) {
    std::cerr << "extract: --input is required (see --help)\n";
    return 2;
  }
  Format format;
  if (!ParseFormat(absl::GetFlag(FLAGS_format), &format)) {
    std::cerr << "extract: unknown --format \"" << absl::GetFlag(FLAGS_format)
              << "\" (expected binary, jsonl or textproto)\n";
    return 2;
  }

  const auto start = std::chrono::steady_clock::now();
  absl::StatusOr<std::unique_ptr<const RuleSet>> rules =
      RuleSet::LoadLayers(layers);
  if (!rules.ok()) {
    std::cerr << "extract: cannot load rules from " << absl::StrJoin(layers, ",")
              << ":\n"
              << rules.status().message() << "\n";
    return 1;
  }
  const auto loaded = std::chrono::steady_clock::now();
  Pipeline::Options options;
  options.include_text = absl::GetFlag(FLAGS_include_text);
  const Pipeline pipeline(std::shared_ptr<const RuleSet>(std::move(*rules)),
                          options);
  if (test_rules) {
    const RuleExampleReport report =
        RunRuleExamples(pipeline, pipeline.rules().examples());
    for (const std::string& f : report.failures) std::cerr << f;
    std::cerr << absl::StrFormat(
        "rule examples: %d sentences, %d expectations, %d failed\n",
        report.examples, report.expectations, report.failures.size());
    return report.ok() ? 0 : 1;
  }
  const bool explain = absl::GetFlag(FLAGS_explain);
  std::ofstream explain_file;
  std::ostream* explain_out = &std::cerr;
  if (explain && !absl::GetFlag(FLAGS_explain_output).empty()) {
    explain_file.open(absl::GetFlag(FLAGS_explain_output), std::ios::trunc);
    if (!explain_file) {
      std::cerr << "extract: cannot write " << absl::GetFlag(FLAGS_explain_output)
                << "\n";
      return 1;
    }
    explain_out = &explain_file;
  }

  DocumentReader::Options reader_options;
  reader_options.max_document_bytes = absl::GetFlag(FLAGS_max_document_bytes);
  reader_options.stdin_jsonl = filter;
  const std::string oversize = absl::GetFlag(FLAGS_oversize);
  if (oversize != "skip" && oversize != "truncate") {
    std::cerr << "extract: --oversize must be skip or truncate, not \""
              << oversize << "\"\n";
    return 1;
  }
  reader_options.truncate_oversize = oversize == "truncate";
  absl::StatusOr<std::unique_ptr<DocumentReader>> reader =
      DocumentReader::Open(input, reader_options);
  if (!reader.ok()) {
    std::cerr << "extract: " << reader.status().message() << "\n";
    return 1;
  }

  BatchOptions batch_options;
  batch_options.threads = absl::GetFlag(FLAGS_threads);
  batch_options.format = format;
  batch_options.output = absl::GetFlag(FLAGS_output);
  batch_options.corpus_graph = absl::GetFlag(FLAGS_corpus_graph);
  batch_options.resume = absl::GetFlag(FLAGS_resume);
  if (!absl::GetFlag(FLAGS_shard).empty()) {
    const absl::Status s =
        ParseShard(absl::GetFlag(FLAGS_shard), &batch_options.shard_index,
                   &batch_options.shard_count);
    if (!s.ok()) {
      std::cerr << "extract: --shard: " << s.message() << "\n";
      return 2;
    }
  }
  const bool quiet = absl::GetFlag(FLAGS_quiet);
  batch_options.log = &std::cerr;
  if (explain) batch_options.explain = explain_out;
  batch_options.progress = !quiet && !filter && isatty(STDERR_FILENO);
  // A pipe consumer (or a worker waiting for its task's last record) sees
  // each record as soon as it is written.
  if (filter) batch_options.flush_interval = absl::ZeroDuration();
  Batch batch(&pipeline, batch_options);
  const absl::StatusOr<BatchStats> stats = batch.Run(reader->get());
  if (!stats.ok()) {
    std::cerr << "extract: " << stats.status().message() << "\n";
    return 1;
  }
  if (!quiet) {
    std::cerr << FormatSummary(*stats)
              << absl::StrFormat(
                     "rules: loaded in %.3f s (fingerprint %s)\n",
                     std::chrono::duration<double>(loaded - start).count(),
                     pipeline.provenance().rules_fingerprint());
  }
  return 0;
}

}  // namespace
}  // namespace newsgraph

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "Extracts PERSON, AGENCY and PLACE entities and their relations from "
      "English news and writes one graph per document.\n"
      "Usage: extract --input=PATH [--output=PATH] [--format=jsonl] "
      "[--rules=DIR[,DIR...]] [--corpus_graph=PATH] [--threads=N] "
      "[--resume] [--shard=i/N] [--explain]\n"
      "       extract --filter [--rules=...] [--threads=N] [--quiet] "
      "< documents.jsonl > graphs.jsonl\n"
      "       extract --rules=DIR[,DIR...] --check | --test_rules | "
      "--compile_rules=OUT.ngr");
  absl::ParseCommandLine(argc, argv);
  return newsgraph::Run(argc, argv);
}
