// DocumentReader: reads the input documents of a run, one at a time.
//
// Inputs (DocumentReader::Open):
//   - a .txt file: one document, id = file name without ".txt";
//   - a directory: every *.txt file in it (not recursive), in byte order of
//     their names;
//   - a .jsonl file: one JSON object per line, {"id": ..., "text": ...},
//     optionally "source", "title", "date" and "metadata" (an object of
//     strings); other fields are ignored; empty lines are skipped; a line
//     without "id" gets the id "<file>:<line>";
//   - "-": standard input, read as JSONL if its first non-space byte is '{',
//     otherwise as one text document with id "stdin" (with
//     Options.stdin_jsonl always as JSONL, without looking ahead: what a
//     record filter needs, where a bad first line is one bad record).
//
// One bad record never stops the stream: Next() returns it with a non-OK
// `error` (and as much of the document as is known, at least an id), and the
// next call goes on with the next record. Documents over
// Options.max_document_bytes are reported the same way, not read whole, or
// with Options.truncate_oversize cut to the limit at a UTF-8 boundary and
// returned with a warning() (a JSONL line is parsed before its text is cut,
// so a line over twice the limit plus 64 KiB is still reported as too large).
// Memory stays bounded by the limit for any input: a longer file, JSONL line
// or standard input is never held whole. In a directory, an entry that is not
// a regular file (a FIFO, a directory named *.txt, a dangling link or a
// symlink loop) is an error record, never opened.
//
// Skip() passes over the next document without reading its text (for
// --resume and --shard); bytes_read() and total_bytes() measure progress.
//
// Not thread-safe: one reader per input.
#ifndef NEWSGRAPH_EXTRACT_READER_H_
#define NEWSGRAPH_EXTRACT_READER_H_

#include <cstddef>
#include <cstdint>
#include <fstream>
#include <istream>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "proto/graph.pb.h"

namespace newsgraph {

class DocumentReader {
 public:
  struct Options {
    // Larger documents are reported as errors ("too_large"). Default 256 MiB.
    size_t max_document_bytes = size_t{256} << 20;
    // Read standard input as JSONL whatever its first byte (see above).
    bool stdin_jsonl = false;
    // Cut oversize documents to max_document_bytes instead of reporting
    // them as errors (see above).
    bool truncate_oversize = false;
  };

  // Opens `input` (see above). Fails if it does not exist or is not a
  // readable file or directory.
  static absl::StatusOr<std::unique_ptr<DocumentReader>> Open(
      const std::string& input, const Options& options);

  // Reads the next document into *doc. Returns false at the end. When the
  // record is bad, *error is set (its message says why) and *doc holds the
  // id; otherwise *error is OK.
  bool Next(Document* doc, absl::Status* error);

  // A warning about the document the last Next() returned ("document of N
  // bytes truncated to M"), empty when there is none.
  const std::string& warning() const { return warning_; }

  // Passes over the next document, which Next() would have returned, without
  // reading (or parsing) it. Returns false at the end. A document index
  // counted over Next() and Skip() calls names the same document whichever
  // of the two was called, and a JSONL id made from a line number stays the
  // same.
  bool Skip();

  // Bytes of input consumed so far by Next() and Skip() (file sizes, or
  // JSONL line lengths with their newlines).
  uint64_t bytes_read() const { return bytes_read_; }

  // The size of the whole input in bytes when known in advance (files and
  // directories), -1 for standard input.
  int64_t total_bytes() const { return total_bytes_; }

 private:
  enum class Mode { kFiles, kJsonl, kStdinText };
  DocumentReader() = default;

  bool NextFile(Document* doc, absl::Status* error);
  bool NextJsonl(Document* doc, absl::Status* error);
  // Reads the next non-blank JSONL line into *line, keeping at most `keep`
  // bytes of it (the rest is read and dropped); *length gets its full length.
  // False at the end.
  bool NextJsonlLine(std::string* line, size_t keep, size_t* length);
  // Cuts *text to max_document_bytes at a UTF-8 boundary and sets warning_.
  void Truncate(size_t original_size, std::string* text);

  Options options_;
  Mode mode_ = Mode::kFiles;
  std::vector<std::string> files_;
  bool from_directory_ = false;  // files_ were listed from a directory
  std::string warning_;
  size_t next_file_ = 0;
  std::string source_;  // JSONL path or "-"
  std::unique_ptr<std::ifstream> file_;
  std::istream* in_ = nullptr;
  std::string pending_;  // bytes peeked from stdin
  bool stdin_done_ = false;
  int line_number_ = 0;
  uint64_t bytes_read_ = 0;
  int64_t total_bytes_ = -1;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACT_READER_H_
