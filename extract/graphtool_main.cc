// graphtool: works on the pipeline's output streams.
//
//   graphtool cat --from=binary --to=jsonl < graphs.bin > graphs.jsonl
//
// Commands:
//   cat   reads a DocumentGraph stream (binary or jsonl) on standard input
//         and writes it to standard output in --to (binary, jsonl,
//         textproto).
#include <iostream>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "extract/graph_reader.h"
#include "extract/writer.h"
#include "proto/graph.pb.h"

ABSL_FLAG(std::string, from, "binary", "Input format: binary or jsonl.");
ABSL_FLAG(std::string, to, "jsonl", "Output format: binary, jsonl or textproto.");

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "Converts DocumentGraph streams.\n"
      "Usage: graphtool cat --from=binary --to=jsonl < IN > OUT");
  std::vector<char*> args = absl::ParseCommandLine(argc, argv);
  if (args.size() != 2 || std::string(args[1]) != "cat") {
    std::cerr << "graphtool: expected the command `cat` (see --help)\n";
    return 2;
  }
  newsgraph::Format from, to;
  if (!newsgraph::ParseFormat(absl::GetFlag(FLAGS_from), &from) ||
      from == newsgraph::Format::kTextproto) {
    std::cerr << "graphtool: --from must be binary or jsonl\n";
    return 2;
  }
  if (!newsgraph::ParseFormat(absl::GetFlag(FLAGS_to), &to)) {
    std::cerr << "graphtool: --to must be binary, jsonl or textproto\n";
    return 2;
  }
  newsgraph::GraphReader reader(&std::cin, from);
  newsgraph::GraphWriter writer(&std::cout, to);
  newsgraph::DocumentGraph graph;
  while (reader.Next(&graph)) {
    if (absl::Status s = writer.Write(graph); !s.ok()) {
      std::cerr << "graphtool: " << s.message() << "\n";
      return 1;
    }
  }
  if (!reader.status().ok()) {
    std::cerr << "graphtool: " << reader.status().message() << "\n";
    return 1;
  }
  if (absl::Status s = writer.Flush(); !s.ok()) {
    std::cerr << "graphtool: " << s.message() << "\n";
    return 1;
  }
  return 0;
}
