#include "extract/batch.h"

#include <sys/resource.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <deque>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <thread>
#include <utility>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "extract/graph_builder.h"
#include "extract/graph_reader.h"

namespace newsgraph {
namespace fs = std::filesystem;
namespace {

// Documents handed from the reader to the workers at once (at most), and the
// most text bytes in such a batch of more than one document.
constexpr size_t kReadBatchDocuments = 8;
constexpr size_t kReadBatchBytes = size_t{256} << 10;

// One document on its way through the window.
struct Task {
  // Set by the reader thread.
  Document doc;
  absl::Status read_error;
  std::string read_warning;  // e.g. the document was truncated
  size_t text_bytes = 0;
  uint64_t input_begin = 0;  // reader.bytes_read() before this document
  uint64_t input_end = 0;    // and after it
  // Set by a worker before `done`.
  bool done = false;
  std::string record;     // the serialised graph
  std::string explanation;  // the --explain report, if asked for
  absl::Status status;    // serialisation failure
  DocumentGraph graph;    // kept only for the corpus graph
  std::array<uint64_t, EntityType_ARRAYSIZE> mentions{};
  std::array<uint64_t, RelationType_ARRAYSIZE> relations{};
};

uint64_t PeakRssBytes() {
  struct rusage usage;
  if (getrusage(RUSAGE_SELF, &usage) != 0) return 0;
  return static_cast<uint64_t>(usage.ru_maxrss) * 1024;  // KiB on Linux
}

std::string Duration(double seconds) {
  const int64_t s = static_cast<int64_t>(seconds + 0.5);
  if (s >= 3600) {
    return absl::StrFormat("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
  }
  return absl::StrFormat("%d:%02d", s / 60, s % 60);
}

// State shared by the reader thread, the workers and the writing thread.
class BatchRun {
 public:
  BatchRun(const Pipeline* pipeline, const BatchOptions& options,
           int threads, uint64_t skip_records)
      : pipeline_(pipeline),
        options_(options),
        threads_(threads),
        max_documents_(options.max_in_flight_documents > 0
                           ? options.max_in_flight_documents
                           : 16 * static_cast<size_t>(threads)),
        skip_records_(skip_records) {}

  // Runs the threads; writes records to *out and adds graphs to *corpus
  // (if not null). Fills the counters of *stats.
  absl::Status Run(DocumentReader* reader, std::ostream* out,
                   CorpusGraphBuilder* corpus, BatchStats* stats);

 private:
  void ReadLoop(DocumentReader* reader);
  void WorkLoop(bool keep_graphs);
  void Process(Task* task, GraphWriter* writer, std::ostringstream* buffer,
               bool keep_graph) const;
  void Log(const std::string& line);
  // Redraws the progress line; the final one shows the elapsed time.
  void ShowProgress(const BatchStats& stats, uint64_t input_start,
                    uint64_t input_pos, absl::Time start, bool final = false);

  const Pipeline* pipeline_;
  const BatchOptions& options_;
  const int threads_;
  const size_t max_documents_;
  const uint64_t skip_records_;
  int64_t total_bytes_ = -1;
  bool progress_shown_ = false;

  absl::Mutex mu_;
  std::deque<std::unique_ptr<Task>> window_ ABSL_GUARDED_BY(mu_);
  std::deque<Task*> queue_ ABSL_GUARDED_BY(mu_);  // waiting for a worker
  size_t bytes_in_flight_ ABSL_GUARDED_BY(mu_) = 0;
  size_t max_in_flight_ ABSL_GUARDED_BY(mu_) = 0;
  bool input_done_ ABSL_GUARDED_BY(mu_) = false;
  bool cancelled_ ABSL_GUARDED_BY(mu_) = false;
  uint64_t other_shard_ ABSL_GUARDED_BY(mu_) = 0;
  uint64_t unskipped_ ABSL_GUARDED_BY(mu_) = 0;  // records without input
};

void BatchRun::ReadLoop(DocumentReader* reader) {
  uint64_t index = 0;  // of the next document in the input
  uint64_t to_skip = skip_records_;
  uint64_t other_shard = 0;
  // Documents are handed over in small batches, one lock and one wake-up
  // per batch, when the input is a file (a stream hands over each document
  // as soon as it arrives). A batch is at most half the window, so that
  // workers are never starved.
  const bool batched = reader->total_bytes() >= 0;
  const size_t batch_documents =
      batched ? std::clamp<size_t>(max_documents_ / 2, 1, kReadBatchDocuments)
              : 1;
  const size_t batch_max_bytes =
      std::min(kReadBatchBytes, options_.max_in_flight_bytes / 2);
  std::vector<std::unique_ptr<Task>> batch;
  size_t batch_bytes = 0;
  bool cancelled = false;
  // Moves the batch into the window once there is room for it.
  auto hand_over = [&]() {
    if (batch.empty()) return;
    absl::MutexLock lock(&mu_);
    auto has_room = [&]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
      return cancelled_ || window_.empty() ||
             (window_.size() + batch.size() <= max_documents_ &&
              bytes_in_flight_ + batch_bytes <= options_.max_in_flight_bytes);
    };
    mu_.Await(absl::Condition(&has_room));
    cancelled = cancelled_;
    if (!cancelled) {
      bytes_in_flight_ += batch_bytes;
      for (std::unique_ptr<Task>& task : batch) {
        queue_.push_back(task.get());
        window_.push_back(std::move(task));
      }
      max_in_flight_ = std::max(max_in_flight_, window_.size());
    }
    batch.clear();
    batch_bytes = 0;
  };
  while (!cancelled) {
    // Pass over documents of other shards and those already written.
    bool ended = false;
    while (true) {
      const bool mine = index % options_.shard_count == options_.shard_index;
      if (mine && to_skip == 0) break;
      if (!reader->Skip()) {
        ended = true;
        break;
      }
      ++index;
      if (mine) {
        --to_skip;
      } else {
        ++other_shard;
      }
    }
    if (ended) break;
    auto task = std::make_unique<Task>();
    task->input_begin = reader->bytes_read();
    if (!reader->Next(&task->doc, &task->read_error)) break;
    task->read_warning = reader->warning();
    ++index;
    task->text_bytes = task->doc.text().size();
    task->input_end = reader->bytes_read();
    // A document that would take the batch over its size goes in the next.
    if (batch_bytes + task->text_bytes > batch_max_bytes) hand_over();
    batch_bytes += task->text_bytes;
    batch.push_back(std::move(task));
    if (batch.size() >= batch_documents) hand_over();
  }
  hand_over();
  absl::MutexLock lock(&mu_);
  input_done_ = true;
  other_shard_ = other_shard;
  unskipped_ = to_skip;
}

void BatchRun::Process(Task* task, GraphWriter* writer,
                       std::ostringstream* buffer, bool keep_graph) const {
  DocumentGraph graph =
      task->read_error.ok()
          ? pipeline_->Process(task->doc, options_.explain != nullptr
                                              ? &task->explanation
                                              : nullptr)
          : pipeline_->ErrorGraph(task->doc, task->read_error);
  if (!task->read_warning.empty()) {
    DocumentError* warning = graph.add_warnings();
    warning->set_code("truncated");
    warning->set_message(task->read_warning);
  }
  std::string().swap(*task->doc.mutable_text());  // free it now
  for (const Entity& e : graph.entities()) {
    task->mentions[e.type()] += e.mentions_size();
  }
  for (const Relation& r : graph.relations()) ++task->relations[r.type()];
  buffer->str("");
  task->status = writer->Write(graph);
  task->record = buffer->str();
  if (keep_graph) task->graph = std::move(graph);
}

void BatchRun::WorkLoop(bool keep_graphs) {
  std::ostringstream buffer;
  GraphWriter writer(&buffer, options_.format);
  std::vector<Task*> tasks;  // taken together; marked done with the next lock
  while (true) {
    {
      absl::MutexLock lock(&mu_);
      for (Task* task : tasks) task->done = true;
      tasks.clear();
      auto has_work = [this]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
        return cancelled_ || input_done_ || !queue_.empty();
      };
      mu_.Await(absl::Condition(&has_work));
      if (cancelled_ || queue_.empty()) return;
      // A fair share of the queue, so that no worker idles while another
      // holds several documents.
      const size_t take = std::clamp<size_t>(
          queue_.size() / static_cast<size_t>(threads_), 1,
          kReadBatchDocuments);
      for (size_t i = 0; i < take; ++i) {
        tasks.push_back(queue_.front());
        queue_.pop_front();
      }
    }
    for (Task* task : tasks) Process(task, &writer, &buffer, keep_graphs);
  }
}

void BatchRun::Log(const std::string& line) {
  if (options_.log == nullptr) return;
  if (progress_shown_) *options_.log << "\r\033[K";
  *options_.log << line << "\n";
  progress_shown_ = false;
}

void BatchRun::ShowProgress(const BatchStats& stats, uint64_t input_start,
                            uint64_t input_pos, absl::Time start,
                            bool final) {
  if (!options_.progress || options_.log == nullptr) return;
  const double elapsed = absl::ToDoubleSeconds(absl::Now() - start);
  const double rate =
      elapsed > 0 ? (input_pos - input_start) / 1e6 / elapsed : 0.0;
  std::string line = absl::StrFormat("%d documents  %.1f", stats.documents,
                                     input_pos / 1e6);
  if (total_bytes_ > 0) {
    const double fraction =
        std::min(1.0, static_cast<double>(input_pos) / total_bytes_);
    absl::StrAppendFormat(&line, "/%.1f MB  %3.0f%%", total_bytes_ / 1e6,
                          100 * fraction);
  } else {
    absl::StrAppend(&line, " MB");
  }
  absl::StrAppendFormat(&line, "  %.1f MB/s", rate);
  if (final) {
    absl::StrAppend(&line, "  in ", Duration(elapsed));
  } else if (total_bytes_ > 0 && rate > 0) {
    const double left = (total_bytes_ - static_cast<double>(input_pos)) / 1e6;
    absl::StrAppend(&line, "  ETA ", Duration(std::max(0.0, left / rate)));
  }
  if (stats.errors > 0) absl::StrAppend(&line, "  ", stats.errors, " errors");
  *options_.log << "\r" << line << "\033[K" << std::flush;
  progress_shown_ = true;
}

absl::Status BatchRun::Run(DocumentReader* reader, std::ostream* out,
                           CorpusGraphBuilder* corpus, BatchStats* stats) {
  total_bytes_ = reader->total_bytes();
  const absl::Time start = absl::Now();
  std::thread read_thread([this, reader] { ReadLoop(reader); });
  std::vector<std::thread> workers;
  for (int i = 0; i < threads_; ++i) {
    workers.emplace_back([this, corpus] { WorkLoop(corpus != nullptr); });
  }

  absl::Status status;
  absl::Time last_flush = start, last_progress = start;
  bool unflushed = false;
  uint64_t input_start = 0, input_pos = 0;
  bool first = true;
  // Writes one finished task's record and counts it.
  auto write = [&](Task& task) -> absl::Status {
    if (!task.status.ok()) return task.status;
    if (first) {
      input_start = task.input_begin;
      first = false;
    }
    input_pos = task.input_end;
    out->write(task.record.data(), task.record.size());
    if (options_.explain != nullptr) *options_.explain << task.explanation;
    if (!*out) return absl::DataLossError("write failed");
    unflushed = true;
    ++stats->documents;
    if (!task.read_error.ok()) {
      ++stats->errors;
      Log(absl::StrCat("document ", task.doc.id(), ": ",
                       task.read_error.message()));
    }
    if (!task.read_warning.empty()) {
      ++stats->truncated;
      Log(absl::StrCat("document ", task.doc.id(), ": warning: ",
                       task.read_warning));
    }
    stats->text_bytes += task.text_bytes;
    for (int t = 0; t < EntityType_ARRAYSIZE; ++t) {
      if (task.mentions[t] > 0) {
        stats->mentions_by_type[EntityType_Name(t)] += task.mentions[t];
      }
    }
    for (int t = 0; t < RelationType_ARRAYSIZE; ++t) {
      if (task.relations[t] > 0) {
        stats->relations_by_type[RelationType_Name(t)] += task.relations[t];
      }
    }
    if (corpus != nullptr) corpus->Add(task.graph);
    return absl::OkStatus();
  };
  std::vector<std::unique_ptr<Task>> finished;
  while (status.ok()) {
    bool ended;
    finished.clear();
    {
      // Takes every finished task at the front of the window at once.
      absl::MutexLock lock(&mu_);
      auto ready = [this]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
        return window_.empty() ? input_done_ : window_.front()->done;
      };
      mu_.AwaitWithTimeout(absl::Condition(&ready), absl::Milliseconds(100));
      ended = window_.empty() && input_done_;
      while (!window_.empty() && window_.front()->done) {
        bytes_in_flight_ -= window_.front()->text_bytes;
        finished.push_back(std::move(window_.front()));
        window_.pop_front();
      }
    }
    for (std::unique_ptr<Task>& task : finished) {
      status = write(*task);
      if (!status.ok()) break;
    }
    if (!status.ok() || ended) break;
    const absl::Time now = absl::Now();
    if (unflushed && now - last_flush >= options_.flush_interval) {
      out->flush();
      if (!*out) {
        status = absl::DataLossError("flush failed");
        break;
      }
      unflushed = false;
      last_flush = now;
    }
    if (now - last_progress >= absl::Milliseconds(200)) {
      ShowProgress(*stats, input_start, input_pos, start);
      last_progress = now;
    }
  }
  if (!status.ok()) {
    absl::MutexLock lock(&mu_);
    cancelled_ = true;
  }
  read_thread.join();
  for (std::thread& t : workers) t.join();
  if (options_.progress && options_.log != nullptr) {  // the final line
    ShowProgress(*stats, input_start, reader->bytes_read(), start,
                 /*final=*/true);
    *options_.log << "\n";
  }
  if (!status.ok()) return status;
  out->flush();
  if (!*out) return absl::DataLossError("flush failed");

  absl::MutexLock lock(&mu_);
  stats->other_shard_documents = other_shard_;
  stats->max_in_flight = max_in_flight_;
  if (unskipped_ > 0) {
    return absl::FailedPreconditionError(absl::StrCat(
        "the output holds ", skip_records_, " records but the input has only ",
        skip_records_ - unskipped_,
        " documents for them; it was not made from this input (and shard)"));
  }
  return absl::OkStatus();
}

// Reads the records of an existing output into *corpus (if not null) and
// checks that the first one was made by the same pipeline and rules.
absl::Status ReadExistingOutput(const std::string& path, Format format,
                                const Provenance& provenance,
                                CorpusGraphBuilder* corpus) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::PermissionDeniedError(absl::StrCat(path, ": cannot open"));
  GraphReader reader(&in, format);
  DocumentGraph graph;
  bool first = true;
  while (reader.Next(&graph)) {
    if (first) {
      const Provenance& p = graph.provenance();
      if (p.rules_fingerprint() != provenance.rules_fingerprint() ||
          p.pipeline_version() != provenance.pipeline_version()) {
        return absl::FailedPreconditionError(absl::StrCat(
            path, " was written by pipeline ", p.pipeline_version(),
            " with rules ", p.rules_fingerprint(), ", not by this run's ",
            provenance.pipeline_version(), " with rules ",
            provenance.rules_fingerprint(),
            "; remove it or run without --resume"));
      }
      first = false;
    }
    if (corpus == nullptr) break;
    corpus->Add(graph);
  }
  if (!reader.status().ok()) {
    return absl::DataLossError(
        absl::StrCat(path, ": ", reader.status().message()));
  }
  return absl::OkStatus();
}

absl::Status WriteCorpusGraph(const std::string& path, Format format,
                              const CorpusGraph& graph) {
  const std::string temp = path + ".tmp";
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    if (!out) return absl::PermissionDeniedError(absl::StrCat(temp, ": cannot open"));
    GraphWriter writer(&out, format);
    absl::Status s = writer.Write(graph);
    if (s.ok()) s = writer.Flush();
    if (!s.ok()) return absl::DataLossError(absl::StrCat(temp, ": ", s.message()));
  }
  std::error_code ec;
  fs::rename(temp, path, ec);
  if (ec) {
    return absl::PermissionDeniedError(
        absl::StrCat("cannot rename ", temp, " to ", path, ": ", ec.message()));
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status ParseShard(absl::string_view spec, uint32_t* index,
                        uint32_t* count) {
  const std::vector<absl::string_view> parts = absl::StrSplit(spec, '/');
  uint32_t i, n;
  if (parts.size() != 2 || !absl::SimpleAtoi(parts[0], &i) ||
      !absl::SimpleAtoi(parts[1], &n) || n == 0 || i >= n) {
    return absl::InvalidArgumentError(absl::StrCat(
        "bad shard \"", spec, "\": expected i/N with 0 <= i < N, e.g. 0/4"));
  }
  *index = i;
  *count = n;
  return absl::OkStatus();
}

std::string FormatSummary(const BatchStats& stats) {
  std::string out = absl::StrFormat(
      "documents: %d (%d errors), %.2f MB in %.3f s (%.1f MB/s) on %d "
      "thread%s\n",
      stats.documents, stats.errors, stats.text_bytes / 1e6, stats.seconds,
      stats.seconds > 0 ? stats.text_bytes / 1e6 / stats.seconds : 0.0,
      stats.threads, stats.threads == 1 ? "" : "s");
  if (stats.truncated > 0) {
    absl::StrAppend(&out, "truncated: ", stats.truncated,
                    " documents over the size limit\n");
  }
  absl::StrAppend(&out, "mentions:");
  for (const auto& [type, n] : stats.mentions_by_type) {
    absl::StrAppend(&out, " ", type, "=", n);
  }
  absl::StrAppend(&out, "\nrelations:");
  for (const auto& [type, n] : stats.relations_by_type) {
    absl::StrAppend(&out, " ", type, "=", n);
  }
  absl::StrAppend(&out, "\n");
  if (stats.resumed_records > 0 || stats.truncated_bytes > 0) {
    absl::StrAppend(&out, "resumed after ", stats.resumed_records,
                    " complete records already in the output");
    if (stats.truncated_bytes > 0) {
      absl::StrAppend(&out, " (cut off ", stats.truncated_bytes,
                      " bytes of an incomplete record)");
    }
    absl::StrAppend(&out, "\n");
  }
  if (stats.other_shard_documents > 0) {
    absl::StrAppend(&out, "other shards: ", stats.other_shard_documents,
                    " documents passed over\n");
  }
  if (stats.corpus_entities > 0 || stats.corpus_relations > 0) {
    absl::StrAppend(&out, "corpus graph: ", stats.corpus_entities,
                    " entities, ", stats.corpus_relations, " relations\n");
  }
  absl::StrAppendFormat(&out, "peak memory: %.1f MB\n",
                        stats.peak_rss_bytes / 1e6);
  return out;
}

absl::StatusOr<uint64_t> RecoverOutput(const std::string& path, Format format,
                                       uint64_t* truncated_bytes) {
  if (truncated_bytes != nullptr) *truncated_bytes = 0;
  if (format != Format::kBinary && format != Format::kJsonl) {
    return absl::InvalidArgumentError(
        "only binary and jsonl outputs can be resumed");
  }
  std::error_code ec;
  if (!fs::exists(path, ec)) return 0;
  const uint64_t size = fs::file_size(path, ec);
  if (ec) {
    return absl::PermissionDeniedError(
        absl::StrCat(path, ": ", ec.message()));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::PermissionDeniedError(absl::StrCat(path, ": cannot open"));
  uint64_t records = 0, complete_end = 0;
  if (format == Format::kJsonl) {
    std::vector<char> chunk(1 << 20);
    uint64_t offset = 0;
    while (in) {
      in.read(chunk.data(), chunk.size());
      const size_t n = static_cast<size_t>(in.gcount());
      if (n == 0) break;
      for (size_t i = 0; i < n; ++i) {
        if (chunk[i] == '\n') {
          ++records;
          complete_end = offset + i + 1;
        }
      }
      offset += n;
    }
  } else {
    // Each record: a varint length, then that many bytes.
    uint64_t pos = 0;
    while (pos < size) {
      uint64_t length = 0;
      int shift = 0;
      bool have_length = false;
      int c;
      while ((c = in.get()) != EOF) {
        ++pos;
        length |= static_cast<uint64_t>(c & 0x7f) << shift;
        if ((c & 0x80) == 0) {
          have_length = true;
          break;
        }
        shift += 7;
        if (shift > 35) {
          return absl::DataLossError(absl::StrCat(
              path, ": corrupt record length at byte ", complete_end));
        }
      }
      if (!have_length || length > size - pos) break;  // cut short
      in.seekg(static_cast<std::streamoff>(length), std::ios::cur);
      pos += length;
      complete_end = pos;
      ++records;
    }
  }
  if (complete_end < size) {
    in.close();
    fs::resize_file(path, complete_end, ec);
    if (ec) {
      return absl::PermissionDeniedError(
          absl::StrCat(path, ": cannot truncate: ", ec.message()));
    }
    if (truncated_bytes != nullptr) *truncated_bytes = size - complete_end;
  }
  return records;
}

Batch::Batch(const Pipeline* pipeline, const BatchOptions& options)
    : pipeline_(pipeline), options_(options) {}

absl::StatusOr<BatchStats> Batch::Run(DocumentReader* reader) {
  const absl::Time start = absl::Now();
  BatchStats stats;
  stats.threads = options_.threads > 0
                      ? options_.threads
                      : std::max(1u, std::thread::hardware_concurrency());
  if (options_.shard_count == 0 || options_.shard_index >= options_.shard_count) {
    return absl::InvalidArgumentError("bad shard");
  }
  const bool want_corpus = !options_.corpus_graph.empty();
  CorpusGraphBuilder corpus;

  std::ofstream file;
  std::ostream* out = &std::cout;
  if (options_.resume) {
    if (options_.output.empty() || options_.output == "-") {
      return absl::InvalidArgumentError("--resume needs an output file");
    }
    absl::StatusOr<uint64_t> records =
        RecoverOutput(options_.output, options_.format, &stats.truncated_bytes);
    if (!records.ok()) return records.status();
    stats.resumed_records = *records;
    if (*records > 0) {
      absl::Status s =
          ReadExistingOutput(options_.output, options_.format,
                             pipeline_->provenance(),
                             want_corpus ? &corpus : nullptr);
      if (!s.ok()) return s;
    }
  }
  if (!options_.output.empty() && options_.output != "-") {
    file.open(options_.output,
              std::ios::binary |
                  (options_.resume ? std::ios::app : std::ios::trunc));
    if (!file) {
      return absl::PermissionDeniedError(
          absl::StrCat(options_.output, ": cannot open for writing"));
    }
    out = &file;
  }

  BatchRun run(pipeline_, options_, stats.threads, stats.resumed_records);
  absl::Status s =
      run.Run(reader, out, want_corpus ? &corpus : nullptr, &stats);
  if (!s.ok()) {
    return absl::Status(s.code(),
                        absl::StrCat(options_.output, ": ", s.message()));
  }
  if (want_corpus) {
    const CorpusGraph graph = corpus.Finish(pipeline_->provenance());
    stats.corpus_entities = graph.entities_size();
    stats.corpus_relations = graph.relations_size();
    s = WriteCorpusGraph(options_.corpus_graph, options_.format, graph);
    if (!s.ok()) return s;
  }
  stats.seconds = absl::ToDoubleSeconds(absl::Now() - start);
  stats.peak_rss_bytes = PeakRssBytes();
  return stats;
}

}  // namespace newsgraph
