// GraphReader: reads back a stream of DocumentGraphs (or of any other
// message, e.g. CorpusGraph) written by GraphWriter in the binary
// (length-delimited), jsonl or textproto format. Textproto records are
// separated by an empty line, as GraphWriter writes them.
//
//   GraphReader reader(&in, Format::kBinary);
//   DocumentGraph g;
//   while (reader.Next(&g)) { ... }
//   if (!reader.status().ok()) { ... }
//
// Not thread-safe.
#ifndef NEWSGRAPH_EXTRACT_GRAPH_READER_H_
#define NEWSGRAPH_EXTRACT_GRAPH_READER_H_

#include <istream>
#include <memory>
#include <string>

#include "absl/status/status.h"
#include "extract/writer.h"
#include "google/protobuf/io/zero_copy_stream_impl.h"
#include "google/protobuf/message.h"
#include "proto/graph.pb.h"

namespace newsgraph {

class GraphReader {
 public:
  // `in` must outlive the reader.
  GraphReader(std::istream* in, Format format);

  // Reads the next graph. Returns false at the end of the stream or on an
  // error (then status() says which; a truncated last record is an error).
  bool Next(DocumentGraph* graph);
  // The same for a stream of any one message type (e.g. CorpusGraph).
  bool NextMessage(google::protobuf::Message* message);

  absl::Status status() const { return status_; }

 private:
  std::istream* in_;
  Format format_;
  std::unique_ptr<google::protobuf::io::IstreamInputStream> stream_;
  absl::Status status_;
  std::string line_;
  std::string record_;
  int line_number_ = 0;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACT_GRAPH_READER_H_
