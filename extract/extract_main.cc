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
#include "extract/batch.h"
#include "extract/pipeline.h"
#include "extract/reader.h"
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
          "Rule directory (with a MANIFEST). Default: the bundled rules/.");
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
ABSL_FLAG(size_t, max_document_bytes, size_t{256} << 20,
          "Documents larger than this are reported as errors and skipped.");

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

int Run(int argc, char** argv) {
  const std::string input = absl::GetFlag(FLAGS_input);
  if (input.empty()) {
    std::cerr << "extract: --input is required (see --help)\n";
    return 2;
  }
  Format format;
  if (!ParseFormat(absl::GetFlag(FLAGS_format), &format)) {
    std::cerr << "extract: unknown --format \"" << absl::GetFlag(FLAGS_format)
              << "\" (expected binary, jsonl or textproto)\n";
    return 2;
  }
  std::string rules_dir = absl::GetFlag(FLAGS_rules);
  if (rules_dir.empty()) rules_dir = DefaultRulesDir(argv[0]);
  if (rules_dir.empty()) {
    std::cerr << "extract: cannot find the bundled rules next to the binary; "
                 "pass --rules=DIR\n";
    return 2;
  }

  const auto start = std::chrono::steady_clock::now();
  absl::StatusOr<std::unique_ptr<const RuleSet>> rules = RuleSet::Load(rules_dir);
  if (!rules.ok()) {
    std::cerr << "extract: cannot load rules from " << rules_dir << ":\n"
              << rules.status().message() << "\n";
    return 1;
  }
  const auto loaded = std::chrono::steady_clock::now();
  Pipeline::Options options;
  options.include_text = absl::GetFlag(FLAGS_include_text);
  const Pipeline pipeline(std::shared_ptr<const RuleSet>(std::move(*rules)),
                          options);

  DocumentReader::Options reader_options;
  reader_options.max_document_bytes = absl::GetFlag(FLAGS_max_document_bytes);
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
  batch_options.progress = !quiet && isatty(STDERR_FILENO);
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
      "[--rules=DIR] [--corpus_graph=PATH] [--threads=N] [--resume] "
      "[--shard=i/N]");
  absl::ParseCommandLine(argc, argv);
  return newsgraph::Run(argc, argv);
}
