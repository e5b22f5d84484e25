// graphtool: works on the pipeline's output streams (see proto/README.md).
//
//   graphtool cat    [--from=F] [--to=F] [--corpus] [FILE...]
//   graphtool stats  [--top=N] [--corpus] [FILE...]
//   graphtool filter [--entity_type=T,..] [--relation_type=T,..] [--name=N,..]
//                    [--document=ID,..] [--neighbours] [--to=F] [FILE...]
//   graphtool merge  [--to=F] FILE...
//   graphtool export --format=graphml|dot [--top=N] [--min_count=N]
//                    [--drop_isolated] [--corpus] [FILE...]
//
// A thin flag and dispatch layer: the work is done by GraphReader/GraphWriter,
// graph_stats, graph_filter, graph_merge and graph_export.
#include <algorithm>
#include <fstream>
#include <functional>
#include <iostream>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "extract/graph_export.h"
#include "extract/graph_filter.h"
#include "extract/graph_merge.h"
#include "extract/graph_reader.h"
#include "extract/graph_stats.h"
#include "extract/writer.h"
#include "proto/graph.pb.h"

ABSL_FLAG(std::string, from, "auto",
          "Input format: binary, jsonl, textproto, or auto (by file name: "
          ".jsonl/.json are jsonl, .txtpb/.textproto/.pbtxt textproto, "
          "anything else and standard input binary).");
ABSL_FLAG(
    std::string, to, "jsonl",
    "Output format of cat, filter and merge: binary, jsonl or textproto.");
ABSL_FLAG(bool, corpus, false,
          "The inputs are CorpusGraph records (extract --corpus_graph, "
          "graphtool merge) instead of DocumentGraph streams.");
ABSL_FLAG(int, top, -1,
          "stats: length of the top lists (default 10). export: keep only the "
          "N most mentioned entities (default all).");
ABSL_FLAG(std::string, format, "",
          "export: graphml (Gephi, NetworkX, Neo4j) or dot (Graphviz).");
ABSL_FLAG(uint32_t, min_count, 1,
          "export: leave out relations stated in fewer documents.");
ABSL_FLAG(bool, drop_isolated, false,
          "export: leave out entities without an exported relation.");
ABSL_FLAG(std::vector<std::string>, entity_type, {},
          "filter: keep entities of these types (comma-separated: PERSON, "
          "AGENCY, PLACE).");
ABSL_FLAG(std::vector<std::string>, relation_type, {},
          "filter: keep relations of these types (comma-separated, e.g. "
          "AFFILIATION,MEETING).");
ABSL_FLAG(std::vector<std::string>, name, {},
          "filter: keep entities with these canonical names or canonical ids "
          "(comma-separated).");
ABSL_FLAG(std::vector<std::string>, document, {},
          "filter: keep these documents (ids, comma-separated); document "
          "graphs only.");
ABSL_FLAG(bool, neighbours, false,
          "filter: also keep entities that a kept relation links to a "
          "selected one.");

namespace newsgraph {
namespace {

constexpr char kUsage[] =
    "Works on newsgraph output streams (schema: proto/README.md).\n"
    "\n"
    "Usage: graphtool COMMAND [flags] [FILE...]   (no FILE or -: standard "
    "input; output: standard output)\n"
    "\n"
    "Commands:\n"
    "  cat     Converts a stream between formats (--from, --to): binary,\n"
    "          jsonl, textproto. binary -> jsonl -> binary is byte-identical.\n"
    "  stats   Prints counts by entity type and relation type and the top\n"
    "          entities (by mentions) and relations (by documents); --top=N.\n"
    "  filter  Keeps entities by --entity_type, --name (canonical name or "
    "id),\n"
    "          optionally --neighbours; relations by --relation_type; "
    "documents\n"
    "          by --document. Relations whose entities are dropped are "
    "dropped\n"
    "          too, so the output is a valid stream (ids are not renumbered).\n"
    "  merge   Merges document graph streams (e.g. runs over parts of a\n"
    "          corpus) into one corpus graph, the same as one\n"
    "          `extract --corpus_graph` run over all documents.\n"
    "  export  Writes GraphML (--format=graphml: Gephi, NetworkX, Neo4j) or\n"
    "          Graphviz DOT (--format=dot) of a corpus graph, or of document\n"
    "          graphs merged first; --top=N, --min_count=N, --drop_isolated.\n"
    "\n"
    "Every command reads DocumentGraph streams; cat, stats, filter and export\n"
    "read a corpus graph with --corpus.\n"
    "\n"
    "Examples:\n"
    "  graphtool cat --from=binary --to=jsonl < out.bin > out.jsonl\n"
    "  graphtool stats out/sample.jsonl\n"
    "  graphtool filter --entity_type=PERSON,AGENCY out/sample.jsonl\n"
    "  graphtool merge --to=binary part1.bin part2.bin > corpus.bin\n"
    "  graphtool export --format=dot --corpus out/corpus.jsonl | dot -Tpng > "
    "g.png";

absl::Status InputFormat(const std::string& path, Format* format) {
  const std::string from = absl::GetFlag(FLAGS_from);
  if (from != "auto") {
    if (!ParseFormat(from, format)) {
      return absl::InvalidArgumentError(
          "--from must be auto, binary, jsonl or textproto");
    }
    return absl::OkStatus();
  }
  if (absl::EndsWith(path, ".jsonl") || absl::EndsWith(path, ".json")) {
    *format = Format::kJsonl;
  } else if (absl::EndsWith(path, ".txtpb") ||
             absl::EndsWith(path, ".textproto") ||
             absl::EndsWith(path, ".pbtxt")) {
    *format = Format::kTextproto;
  } else {
    *format = Format::kBinary;
  }
  return absl::OkStatus();
}

// Reads every record of type T from every input (standard input if none)
// and passes it to `fn`, stopping at the first error.
template <typename T>
absl::Status ForEach(const std::vector<std::string>& inputs,
                     const std::function<absl::Status(const T&)>& fn) {
  std::vector<std::string> paths = inputs;
  if (paths.empty()) paths.push_back("-");
  for (const std::string& path : paths) {
    Format format;
    if (absl::Status s = InputFormat(path, &format); !s.ok()) return s;
    std::ifstream file;
    std::istream* in = &std::cin;
    if (path != "-") {
      file.open(path, std::ios::binary);
      if (!file) return absl::NotFoundError(absl::StrCat("cannot open ", path));
      in = &file;
    }
    GraphReader reader(in, format);
    T message;
    while (reader.NextMessage(&message)) {
      if (absl::Status s = fn(message); !s.ok()) {
        return absl::Status(s.code(), absl::StrCat(path, ": ", s.message()));
      }
    }
    if (!reader.status().ok()) {
      return absl::Status(reader.status().code(),
                          absl::StrCat(path, ": ", reader.status().message()));
    }
  }
  return absl::OkStatus();
}

absl::Status OutputFormat(Format* format) {
  if (!ParseFormat(absl::GetFlag(FLAGS_to), format)) {
    return absl::InvalidArgumentError(
        "--to must be binary, jsonl or textproto");
  }
  return absl::OkStatus();
}

template <typename T>
absl::Status Cat(const std::vector<std::string>& inputs) {
  Format to;
  if (absl::Status s = OutputFormat(&to); !s.ok()) return s;
  GraphWriter writer(&std::cout, to);
  absl::Status s = ForEach<T>(
      inputs, [&](const T& message) { return writer.Write(message); });
  if (!s.ok()) return s;
  return writer.Flush();
}

absl::Status Stats(const std::vector<std::string>& inputs) {
  StatsOptions options;
  if (absl::GetFlag(FLAGS_top) >= 0) options.top = absl::GetFlag(FLAGS_top);
  if (absl::GetFlag(FLAGS_corpus)) {
    return ForEach<CorpusGraph>(inputs, [&](const CorpusGraph& corpus) {
      std::cout << FormatStats(ComputeCorpusStats(corpus, options));
      return absl::OkStatus();
    });
  }
  StatsBuilder builder(options);
  absl::Status s = ForEach<DocumentGraph>(inputs, [&](const DocumentGraph& g) {
    builder.Add(g);
    return absl::OkStatus();
  });
  if (!s.ok()) return s;
  std::cout << FormatStats(builder.Finish());
  return absl::OkStatus();
}

absl::Status Filter(const std::vector<std::string>& inputs) {
  FilterOptions options;
  absl::Status s =
      ParseEntityTypes(absl::GetFlag(FLAGS_entity_type), &options.entity_types);
  if (s.ok()) {
    s = ParseRelationTypes(absl::GetFlag(FLAGS_relation_type),
                           &options.relation_types);
  }
  if (!s.ok()) return s;
  for (const std::string& name : absl::GetFlag(FLAGS_name)) {
    options.names.insert(name);
  }
  for (const std::string& id : absl::GetFlag(FLAGS_document)) {
    options.document_ids.insert(id);
  }
  options.keep_neighbours = absl::GetFlag(FLAGS_neighbours);
  Format to;
  if (s = OutputFormat(&to); !s.ok()) return s;
  GraphWriter writer(&std::cout, to);
  if (absl::GetFlag(FLAGS_corpus)) {
    s = ForEach<CorpusGraph>(inputs, [&](CorpusGraph corpus) {
      absl::Status f = FilterCorpusGraph(options, &corpus);
      return f.ok() ? writer.Write(corpus) : f;
    });
  } else {
    s = ForEach<DocumentGraph>(inputs, [&](DocumentGraph graph) {
      return FilterDocumentGraph(options, &graph) ? writer.Write(graph)
                                                  : absl::OkStatus();
    });
  }
  if (!s.ok()) return s;
  return writer.Flush();
}

absl::Status Merge(const std::vector<std::string>& inputs) {
  if (absl::GetFlag(FLAGS_corpus)) {
    return absl::InvalidArgumentError(
        "merge reads document graph streams, not corpus graphs");
  }
  Format to;
  if (absl::Status s = OutputFormat(&to); !s.ok()) return s;
  GraphMerger merger;
  absl::Status s = ForEach<DocumentGraph>(
      inputs, [&](const DocumentGraph& g) { return merger.Add(g); });
  if (!s.ok()) return s;
  GraphWriter writer(&std::cout, to);
  if (s = writer.Write(merger.Finish()); !s.ok()) return s;
  return writer.Flush();
}

absl::Status Export(const std::vector<std::string>& inputs) {
  const std::string format = absl::GetFlag(FLAGS_format);
  if (format != "graphml" && format != "dot") {
    return absl::InvalidArgumentError("export needs --format=graphml or dot");
  }
  ExportOptions options;
  options.top = std::max(absl::GetFlag(FLAGS_top), 0);
  options.min_count = absl::GetFlag(FLAGS_min_count);
  options.drop_isolated = absl::GetFlag(FLAGS_drop_isolated);
  CorpusGraph corpus;
  absl::Status s;
  if (absl::GetFlag(FLAGS_corpus)) {
    int records = 0;
    s = ForEach<CorpusGraph>(inputs, [&](const CorpusGraph& c) {
      if (++records > 1) {
        return absl::InvalidArgumentError(
            "export takes one corpus graph; merge document graphs instead");
      }
      corpus = c;
      return absl::OkStatus();
    });
  } else {
    GraphMerger merger;
    s = ForEach<DocumentGraph>(
        inputs, [&](const DocumentGraph& g) { return merger.Add(g); });
    corpus = merger.Finish();
  }
  if (!s.ok()) return s;
  std::cout << (format == "dot" ? ToDot(corpus, options)
                                : ToGraphML(corpus, options));
  std::cout.flush();
  if (!std::cout) return absl::DataLossError("write failed");
  return absl::OkStatus();
}

int Run(const std::vector<char*>& args) {
  if (args.size() < 2) {
    std::cerr << "graphtool: expected a command: cat, stats, filter, merge or "
                 "export (see --help)\n";
    return 2;
  }
  const std::string command = args[1];
  const std::vector<std::string> inputs(args.begin() + 2, args.end());
  const bool corpus = absl::GetFlag(FLAGS_corpus);
  absl::Status s;
  if (command == "cat") {
    s = corpus ? Cat<CorpusGraph>(inputs) : Cat<DocumentGraph>(inputs);
  } else if (command == "stats") {
    s = Stats(inputs);
  } else if (command == "filter") {
    s = Filter(inputs);
  } else if (command == "merge") {
    s = Merge(inputs);
  } else if (command == "export") {
    s = Export(inputs);
  } else {
    std::cerr << "graphtool: unknown command \"" << command
              << "\" (expected cat, stats, filter, merge or export)\n";
    return 2;
  }
  if (!s.ok()) {
    std::cerr << "graphtool " << command << ": " << s.message() << "\n";
    return s.code() == absl::StatusCode::kInvalidArgument ? 2 : 1;
  }
  return 0;
}

}  // namespace
}  // namespace newsgraph

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(newsgraph::kUsage);
  return newsgraph::Run(absl::ParseCommandLine(argc, argv));
}
