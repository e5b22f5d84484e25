// Batch: runs a Pipeline over every document of a DocumentReader on several
// threads and writes the document graphs in input order.
//
//   Batch batch(&pipeline, options);
//   absl::StatusOr<BatchStats> stats = batch.Run(reader.get());
//
// Contract:
//  - Streaming. One reader thread reads documents into a bounded window
//    (at most max_in_flight_documents and, beyond the first, at most
//    max_in_flight_bytes of text), `threads` workers run the shared const
//    Pipeline and serialise the graphs, and the calling thread writes them.
//    Memory does not grow with the corpus, only the corpus graph (when
//    asked for) grows with its distinct entities and relations.
//  - Deterministic. Records are written strictly in input order, so the
//    output is byte-identical for any number of threads.
//  - Errors. A document that cannot be read is written as an error record
//    (DocumentGraph.error), reported on `log` and counted; the run goes on.
//    Run() fails only when the run cannot start or the output cannot be
//    written.
//  - Sharding. With shard_count N > 1 the run takes the documents whose
//    index in the input (0-based, over every document the reader yields,
//    bad ones included) is shard_index modulo N, and skips the others
//    without reading them. N runs over the same input, one per shard, write
//    disjoint outputs whose union is the output of one whole run.
//  - Resume (binary and jsonl). Records are written whole or, after a
//    crash, cut short only at the end of the file: a binary record is
//    length-delimited and a jsonl record ends with '\n'. With `resume`, an
//    existing output is cut back to its last complete record, its K records
//    are counted, the first K documents (of this shard) are skipped and the
//    run appends the rest; the result equals one uninterrupted run. A
//    corpus graph is rebuilt from the K records plus the new ones. The
//    output is flushed at least every flush_interval.
//  - Progress. With `progress`, a one-line progress report (documents, MB,
//    MB/s, ETA when the input size is known) is redrawn on `log`.
//
// Each Run() is a new run. Call Run() from one thread at a time; it makes its
// own threads.
#ifndef NEWSGRAPH_EXTRACT_BATCH_H_
#define NEWSGRAPH_EXTRACT_BATCH_H_

#include <cstddef>
#include <cstdint>
#include <map>
#include <ostream>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "extract/pipeline.h"
#include "extract/reader.h"
#include "extract/writer.h"

namespace newsgraph {

struct BatchOptions {
  // Worker threads; 0 means std::thread::hardware_concurrency().
  int threads = 0;
  // The window of documents read but not yet written. 0 means 16 per
  // worker thread.
  size_t max_in_flight_documents = 0;
  // Text bytes in the window; one document is always let in, however large.
  size_t max_in_flight_bytes = size_t{64} << 20;

  Format format = Format::kJsonl;
  // The document graphs: a file path, or "-" for standard output.
  std::string output = "-";
  // If not empty, the corpus graph is written here (in `format`), via a
  // temporary file renamed into place when complete.
  std::string corpus_graph;

  // Continue an interrupted run (see above). REQUIRES a file output in the
  // binary or jsonl format. A missing output file starts a fresh run.
  bool resume = false;

  // Take only the documents whose index is shard_index modulo shard_count.
  uint32_t shard_index = 0;
  uint32_t shard_count = 1;

  // If set, the --explain report of each document (Pipeline::Process with
  // an explanation) is written here, in input order.
  std::ostream* explain = nullptr;

  // Redraw a progress line on `log` (meant for a terminal).
  bool progress = false;
  // Where per-document errors and progress go; nullptr for nowhere.
  std::ostream* log = nullptr;
  // The longest time written records may wait in the stream's buffer.
  absl::Duration flush_interval = absl::Seconds(1);
};

struct BatchStats {
  int threads = 0;
  // Records written by this run, of which `errors` are error records.
  uint64_t documents = 0;
  uint64_t errors = 0;
  // Documents cut to the size limit (DocumentReader truncate_oversize); each
  // record has a warning with code "truncated".
  uint64_t truncated = 0;
  // Bytes of document text processed by this run.
  uint64_t text_bytes = 0;
  // Complete records found in the output by --resume (and documents of this
  // shard skipped for them), and bytes of an incomplete record cut off.
  uint64_t resumed_records = 0;
  uint64_t truncated_bytes = 0;
  // Documents of other shards passed over.
  uint64_t other_shard_documents = 0;
  std::map<std::string, uint64_t> mentions_by_type;
  std::map<std::string, uint64_t> relations_by_type;
  // Sizes of the corpus graph, when one was written.
  uint64_t corpus_entities = 0;
  uint64_t corpus_relations = 0;
  // Wall time of Run() and the most documents ever in the window.
  double seconds = 0;
  size_t max_in_flight = 0;
  // Peak resident memory of the process (getrusage ru_maxrss), in bytes.
  uint64_t peak_rss_bytes = 0;
};

// Parses "i/N" (0 <= i < N) into *index and *count.
absl::Status ParseShard(absl::string_view spec, uint32_t* index,
                        uint32_t* count);

// The end-of-run summary: a few lines, each ending in '\n'.
std::string FormatSummary(const BatchStats& stats);

// Cuts the output file at `path` back to its last complete record and
// returns how many complete records it holds; *truncated_bytes (if not
// null) gets the number of bytes cut off. A missing file holds 0 records.
// REQUIRES: format is kBinary or kJsonl.
absl::StatusOr<uint64_t> RecoverOutput(const std::string& path, Format format,
                                       uint64_t* truncated_bytes);

class Batch {
 public:
  // `pipeline` must outlive the Batch; it is shared by the worker threads.
  Batch(const Pipeline* pipeline, const BatchOptions& options);

  // Reads every document of `reader` (which must outlive the call) and
  // writes their graphs. Returns the run's statistics, or an error if the
  // output could not be opened or written.
  absl::StatusOr<BatchStats> Run(DocumentReader* reader);

 private:
  const Pipeline* pipeline_;
  BatchOptions options_;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACT_BATCH_H_
