// GraphWriter: writes DocumentGraphs (and a CorpusGraph) to a stream in one
// of three formats:
//   binary     a length-delimited stream: each message is preceded by its
//              size as a varint (Protobuf's writeDelimitedTo framing), the
//              same framing Java's parseDelimitedFrom and Python's
//              _DecodeVarint32 read;
//   jsonl      one message per line in Protobuf's JSON mapping, with the
//              proto field names ("canonical_id") and default values printed;
//   textproto  Protobuf text format, messages separated by a blank line
//              (for people; not meant to be read back).
//
// Not thread-safe: one writer per stream.
#ifndef NEWSGRAPH_EXTRACT_WRITER_H_
#define NEWSGRAPH_EXTRACT_WRITER_H_

#include <ostream>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/message.h"

namespace newsgraph {

enum class Format { kBinary, kJsonl, kTextproto };

// Parses "binary", "jsonl" or "textproto".
bool ParseFormat(absl::string_view name, Format* format);

// Returns the one-line JSON form of `message` used by the jsonl format.
absl::Status ToJsonLine(const google::protobuf::Message& message,
                        std::string* out);

class GraphWriter {
 public:
  // `out` must outlive the writer.
  GraphWriter(std::ostream* out, Format format);

  // Appends one message. Fails if the stream fails (e.g. a full disk).
  absl::Status Write(const google::protobuf::Message& message);

  // Flushes the stream and reports any error it had.
  absl::Status Flush();

 private:
  std::ostream* out_;
  Format format_;
  std::string buffer_;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACT_WRITER_H_
