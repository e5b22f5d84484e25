// extract: runs the pipeline over documents and writes their graphs.
//
//   extract --input=testdata/sample/corpus --output=out/sample.jsonl
//           --format=jsonl --corpus_graph=out/corpus.jsonl
//
// See --help for every flag. Errors go to standard error; the exit status is
// non-zero when the run could not start or its output could not be written.
// A document that fails is written as an error record and counted; it does
// not stop the run.
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
ABSL_FLAG(bool, quiet, false, "Do not print the summary to standard error.");
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

  const std::string output = absl::GetFlag(FLAGS_output);
  std::ofstream out_file;
  std::ostream* out = &std::cout;
  if (output != "-") {
    out_file.open(output, std::ios::binary | std::ios::trunc);
    if (!out_file) {
      std::cerr << "extract: cannot write " << output << "\n";
      return 1;
    }
    out = &out_file;
  }
  GraphWriter writer(out, format);
  const bool want_corpus = !absl::GetFlag(FLAGS_corpus_graph).empty();
  CorpusGraphBuilder corpus;

  uint64_t documents = 0, errors = 0, bytes = 0;
  std::map<std::string, uint64_t> mentions_by_type, relations_by_type;
  Document doc;
  absl::Status read_error;
  while ((*reader)->Next(&doc, &read_error)) {
    ++documents;
    DocumentGraph graph;
    if (!read_error.ok()) {
      ++errors;
      std::cerr << "extract: " << doc.id() << ": " << read_error.message()
                << "\n";
      graph = pipeline.ErrorGraph(doc, read_error);
    } else {
      bytes += doc.text().size();
      graph = pipeline.Process(doc);
    }
    for (const Entity& e : graph.entities()) {
      mentions_by_type[EntityType_Name(e.type())] += e.mentions_size();
    }
    for (const Relation& r : graph.relations()) {
      ++relations_by_type[RelationType_Name(r.type())];
    }
    if (want_corpus) corpus.Add(graph);
    const absl::Status written = writer.Write(graph);
    if (!written.ok()) {
      std::cerr << "extract: writing " << output << ": " << written.message()
                << "\n";
      return 1;
    }
  }
  if (absl::Status s = writer.Flush(); !s.ok()) {
    std::cerr << "extract: writing " << output << ": " << s.message() << "\n";
    return 1;
  }
  if (want_corpus) {
    const std::string path = absl::GetFlag(FLAGS_corpus_graph);
    std::ofstream corpus_out(path, std::ios::binary | std::ios::trunc);
    GraphWriter corpus_writer(&corpus_out, format);
    const CorpusGraph graph = corpus.Finish(pipeline.provenance());
    absl::Status s = corpus_out ? corpus_writer.Write(graph)
                                : absl::PermissionDeniedError("cannot open");
    if (s.ok()) s = corpus_writer.Flush();
    if (!s.ok()) {
      std::cerr << "extract: writing " << path << ": " << s.message() << "\n";
      return 1;
    }
    if (!absl::GetFlag(FLAGS_quiet)) {
      std::cerr << absl::StrFormat(
          "corpus graph: %d entities, %d relations -> %s\n",
          graph.entities_size(), graph.relations_size(), path);
    }
  }
  const auto end = std::chrono::steady_clock::now();
  if (!absl::GetFlag(FLAGS_quiet)) {
    const double load_s = std::chrono::duration<double>(loaded - start).count();
    const double run_s = std::chrono::duration<double>(end - loaded).count();
    std::cerr << absl::StrFormat(
        "documents: %d (%d errors), %.2f MB in %.3f s (%.1f MB/s); rules "
        "loaded in %.3f s (fingerprint %s)\n",
        documents, errors, bytes / 1e6, run_s,
        run_s > 0 ? bytes / 1e6 / run_s : 0.0, load_s,
        pipeline.provenance().rules_fingerprint());
    std::string line = "mentions:";
    for (const auto& [type, n] : mentions_by_type) {
      absl::StrAppend(&line, " ", type, "=", n);
    }
    absl::StrAppend(&line, "\nrelations:");
    for (const auto& [type, n] : relations_by_type) {
      absl::StrAppend(&line, " ", type, "=", n);
    }
    std::cerr << line << "\n";
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
      "[--rules=DIR] [--corpus_graph=PATH]");
  absl::ParseCommandLine(argc, argv);
  return newsgraph::Run(argc, argv);
}
