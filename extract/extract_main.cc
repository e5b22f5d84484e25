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
#include "absl/strings/str_join.h"
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

// --check and --compile_rules: work on the rule set only. Returns the exit
// status.
int RunRuleCommand(const std::vector<std::string>& layers) {
  if (absl::GetFlag(FLAGS_check)) {
    const RuleCheckResult result = CheckRuleLayers(layers);
    for (const std::string& e : result.errors) std::cerr << e << "\n";
    for (const std::string& w : result.warnings) std::cerr << w << "\n";
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
  std::string explanation;

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
      graph = pipeline.Process(doc, explain ? &explanation : nullptr);
      if (explain) {
        *explain_out << explanation;
        explanation.clear();
      }
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
      "[--rules=DIR[,DIR...]] [--corpus_graph=PATH] [--explain]\n"
      "       extract --rules=DIR[,DIR...] --check | --test_rules | "
      "--compile_rules=OUT.ngr");
  absl::ParseCommandLine(argc, argv);
  return newsgraph::Run(argc, argv);
}
