#!/usr/bin/python3
"""Runs extract over a sharded corpus on a Dask cluster and merges the result.

  /usr/bin/python3 cluster/run_dask.py --extract=bazel-bin/extract/extract \\
      [--scheduler=tcp://HOST:8786 | --scheduler_file=F | --workers=2] \\
      [--rules=SPEC] \\
      --out_dir=out/cluster --corpus_graph=out/cluster/corpus.jsonl \\
      'corpus/part-*.jsonl'

Each SHARD argument is a .jsonl file of documents, a .txt file, a directory of
.txt files, or a glob of those (expanded in sorted order); every path it
yields is one shard and one Dask task. Task i writes the document graphs of
shard i to OUT_DIR/part-NNNNN.jsonl (JSONL, one graph per document, in the
shard's order); the runner merges the parts, in shard order, with one
`graphtool merge` into --corpus_graph, feeding it each part as soon as it and
the parts before it are complete (so the merge overlaps the tasks). That corpus graph is
byte for byte what one `extract --corpus_graph` run over the shards' documents
in the same order writes.

How the work runs on a worker. The runner registers a worker plugin
(ExtractFilter): on every worker, present and future, it starts ONE
long-lived `extract --filter` process, which loads the rules once. Each task
streams its shard's documents through that process (JSONL documents on its
standard input, one JSONL graph per document back on its standard output)
and writes the graphs to a temporary file that is renamed into place only
when the shard is complete. So:
  - rules are loaded once per worker process, not once per task (a
    replacement worker, after one dies, loads them once again);
  - a failed task (the filter died, a file could not be read) is retried
    (--retries); a worker killed mid-task leaves at most a temporary file,
    and the task is run again on another worker, which writes the shard's
    part whole: no document is lost or written twice;
  - a bad document is an error record in its part (and counted and listed
    in the summary), never a failed task.

On one machine the binary is bazel-bin/extract/extract, which finds the
bundled rules in its runfiles (bazel-bin/extract/extract.runfiles). On a real
cluster the paths given to --extract and --rules, the shards and --out_dir
are opened BY THE WORKERS: install the binary with its runfiles (or pass
--rules=DIR or a compiled .ngr from `extract --compile_rules`) at the same
path on every worker, and put shards and --out_dir on a file system that
every worker and the runner share (NFS, a cluster file system). The merge
runs where this script runs.
"""
import argparse
import collections
import glob
import json
import os
import queue
import socket
import subprocess
import sys
import threading
import time
import uuid

from distributed import Client, LocalCluster, WorkerPlugin, as_completed
from distributed import get_worker

PLUGIN_NAME = "newsgraph-extract-filter"
# Error records listed per shard in the task's result (all are in the part).
MAX_LISTED_ERRORS = 20


class ExtractFilter(WorkerPlugin):
    """One long-lived `extract --filter` process per worker."""

    name = PLUGIN_NAME

    def __init__(self, command):
        self.command = list(command)
        self.proc = None
        self.starts = 0
        self.lock = None

    def setup(self, worker):
        self.lock = threading.Lock()
        with self.lock:
            self._start()

    def teardown(self, worker):
        with self.lock:
            self._stop()

    def _start(self):
        # stderr is the worker's: per-document errors land in its log.
        self.proc = subprocess.Popen(self.command, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE,
                                     bufsize=1 << 16)
        self.starts += 1

    def _stop(self):
        if self.proc is None:
            return
        try:
            self.proc.stdin.close()
            self.proc.wait(timeout=10)
        except Exception:  # pylint: disable=broad-except
            self.proc.kill()
            self.proc.wait()
        self.proc = None

    def _kill(self):
        if self.proc is not None:
            self.proc.kill()
            self.proc.wait()
            self.proc = None

    def run(self, documents, out):
        """Streams (expected_id, json_line) pairs through the filter.

        Calls out(expected_id, graph_line) for each, in order. Raises if the
        filter dies or `documents` raises; the filter is then restarted by
        the next call.
        """
        with self.lock:
            if self.proc is None or self.proc.poll() is not None:
                self._kill()
                self._start()
            proc = self.proc
            sent = queue.Queue()
            failure = []

            def feed():
                try:
                    for expected_id, line in documents:
                        sent.put(expected_id)
                        proc.stdin.write(line)
                        proc.stdin.write(b"\n")
                    proc.stdin.flush()
                except BaseException as e:  # pylint: disable=broad-except
                    failure.append(e)
                    proc.kill()  # unblocks the reading side
                finally:
                    sent.put(None)

            feeder = threading.Thread(target=feed, daemon=True)
            feeder.start()
            ok = False
            try:
                while True:
                    expected_id = sent.get()
                    if expected_id is None:
                        break
                    graph = proc.stdout.readline()
                    if not graph.endswith(b"\n"):
                        raise RuntimeError(
                            "extract --filter (pid %d) ended with status %s"
                            % (proc.pid, proc.poll()))
                    out(expected_id, graph)
                feeder.join()
                if failure:
                    raise failure[0]
                ok = True
            finally:
                if not ok:
                    self._kill()
                    feeder.join()


def shard_documents(path):
    """Yields (expected_id, JSONL document line as bytes) for one shard.

    Ids are what `extract --input=PATH` gives: a .txt file's name without
    .txt; a JSONL line's "id", or PATH:LINE when it has none.
    """
    if os.path.isdir(path) or path.endswith(".txt"):
        files = ([path] if not os.path.isdir(path) else sorted(
            os.path.join(path, n) for n in os.listdir(path)
            if n.endswith(".txt")))
        for f in files:
            with open(f, "rb") as fh:
                # Invalid UTF-8 bytes become U+FFFD, as extract repairs them
                # (it also adds a warning to the graph; this path does not).
                text = fh.read().decode("utf-8", errors="replace")
            doc_id = os.path.basename(f)[:-len(".txt")]
            yield doc_id, json.dumps({"id": doc_id, "source": f, "text": text},
                                     ensure_ascii=False).encode("utf-8")
        return
    with open(path, "rb") as fh:
        for number, line in enumerate(fh, 1):
            line = line.rstrip(b"\n")
            if not line.strip():
                continue  # extract skips blank lines too
            where = "%s:%d" % (path, number)
            try:
                doc = json.loads(line)
            except ValueError:
                doc = None
            if not isinstance(doc, dict):
                yield where, line  # the filter makes it an error record
                continue
            if not doc.get("id") or not doc.get("source"):
                doc.setdefault("source", path)
                if not doc.get("id"):
                    doc["id"] = where
                line = json.dumps(doc, ensure_ascii=False).encode("utf-8")
            yield str(doc["id"]), line


def process_shard(index, shard, part):
    """The task: runs one shard through the worker's filter into `part`."""
    start = time.time()
    worker = get_worker()
    plugin = worker.plugins[PLUGIN_NAME]
    temp = "%s.tmp-%s-%d-%s" % (part, socket.gethostname(), os.getpid(),
                                uuid.uuid4().hex[:8])
    stats = {"index": index, "shard": shard, "part": part,
             "worker": worker.address, "documents": 0, "errors": 0,
             "error_records": [], "bytes": 0}
    bad_prefix = b'{"document":{"id":"-:'
    try:
        with open(temp, "wb") as out:
            def write(expected_id, graph):
                stats["documents"] += 1
                if graph.startswith(bad_prefix) or b'"error":{' in graph:
                    g = json.loads(graph)
                    if "error" in g:
                        stats["errors"] += 1
                        # A line the filter could not parse is named by its
                        # line in the filter's input; name it by the shard's.
                        doc = g.setdefault("document", {})
                        filter_id = doc.get("id", "")
                        if filter_id.startswith("-:"):
                            doc["id"] = expected_id
                            message = g["error"].get("message", "")
                            if message.startswith(filter_id + ":"):
                                g["error"]["message"] = (
                                    expected_id + message[len(filter_id):])
                            doc["source"] = shard
                            graph = (json.dumps(g, ensure_ascii=False,
                                                separators=(",", ":"))
                                     .encode("utf-8") + b"\n")
                        if len(stats["error_records"]) < MAX_LISTED_ERRORS:
                            stats["error_records"].append(
                                (doc.get("id", expected_id),
                                 g["error"].get("message", "")))
                out.write(graph)

            plugin.run(shard_documents(shard), write)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, part)  # the part appears whole or not at all
    except BaseException:
        try:
            os.remove(temp)
        except OSError:
            pass
        raise
    stats["bytes"] = shard_bytes(shard)
    stats["filter_pid"] = plugin.proc.pid if plugin.proc else None
    stats["filter_starts"] = plugin.starts
    stats["seconds"] = time.time() - start
    return stats


def shard_bytes(path):
    if os.path.isdir(path):
        return sum(os.path.getsize(os.path.join(path, n))
                   for n in os.listdir(path) if n.endswith(".txt"))
    return os.path.getsize(path)


def expand_shards(patterns):
    shards = []
    for p in patterns:
        if any(c in p for c in "*?["):
            found = sorted(glob.glob(p))
            if not found:
                sys.exit("run_dask: no file matches %s" % p)
            shards.extend(found)
        elif os.path.exists(p):
            shards.append(p)
        else:
            sys.exit("run_dask: %s: no such file or directory" % p)
    shards = [os.path.abspath(s) for s in shards]
    if len(set(shards)) != len(shards):
        sys.exit("run_dask: a shard is given twice")
    return shards


def graph_format(path):
    if path.endswith(".jsonl"):
        return "jsonl"
    if path.endswith(".txtpb"):
        return "textproto"
    return "binary"


def main():
    ap = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("shards", nargs="+", metavar="SHARD",
                    help=".jsonl or .txt file, directory of .txt, or glob")
    ap.add_argument("--scheduler", default="",
                    help="address of a running scheduler, e.g. "
                    "tcp://127.0.0.1:8786; default: a local cluster")
    ap.add_argument("--scheduler_file", default="",
                    help="the --scheduler-file a scheduler wrote (instead "
                    "of --scheduler)")
    ap.add_argument("--workers", type=int, default=2,
                    help="worker processes of the local cluster (default 2)")
    ap.add_argument("--extract", default="bazel-bin/extract/extract",
                    help="the extract binary, at this path on every worker")
    ap.add_argument("--rules", default="",
                    help="extract --rules (directory layers or a .ngr); "
                    "default: the binary's bundled rules")
    ap.add_argument("--extract_threads", type=int, default=1,
                    help="threads of each worker's extract (default 1; give "
                    "workers x threads = cores)")
    ap.add_argument("--out_dir", required=True,
                    help="where the parts go (shared by workers and runner)")
    ap.add_argument("--corpus_graph", default="",
                    help="merged corpus graph (format by name: .jsonl, "
                    ".txtpb, else binary); default OUT_DIR/corpus.jsonl")
    ap.add_argument("--graphtool", default="",
                    help="graphtool binary (default: beside --extract)")
    ap.add_argument("--retries", type=int, default=3,
                    help="times a failed task is tried again (default 3)")
    args = ap.parse_args()

    extract = os.path.abspath(args.extract)
    graphtool = os.path.abspath(args.graphtool or os.path.join(
        os.path.dirname(args.extract), "graphtool"))
    out_dir = os.path.abspath(args.out_dir)
    corpus_graph = os.path.abspath(
        args.corpus_graph or os.path.join(out_dir, "corpus.jsonl"))
    os.makedirs(out_dir, exist_ok=True)
    shards = expand_shards(args.shards)
    parts = [os.path.join(out_dir, "part-%05d.jsonl" % i)
             for i in range(len(shards))]
    command = [extract, "--filter", "--quiet",
               "--threads=%d" % args.extract_threads]
    if args.rules:
        command.append("--rules=" + os.path.abspath(args.rules)
                       if os.path.exists(args.rules) else "--rules=" + args.rules)

    cluster = None
    if args.scheduler_file:
        client = Client(scheduler_file=args.scheduler_file)
    elif args.scheduler:
        client = Client(args.scheduler)
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1,
                               processes=True, dashboard_address=None)
        client = Client(cluster)
    start = time.time()
    failed = []
    results = []
    # The merge runs while the tasks do: parts are fed to one `graphtool
    # merge` on its standard input in shard order, each as soon as it and
    # every part before it are complete.
    temp = corpus_graph + ".tmp"
    merge_out = open(temp, "wb")
    merge = subprocess.Popen(
        [graphtool, "merge", "--from=jsonl",
         "--to=" + graph_format(corpus_graph)],
        stdin=subprocess.PIPE, stdout=merge_out)
    done_parts = queue.Queue()

    def feed_merge():
        ready, next_index = set(), 0
        try:
            while next_index < len(parts):
                index = done_parts.get()
                if index is None:
                    break
                ready.add(index)
                while next_index in ready:
                    with open(parts[next_index], "rb") as part:
                        while True:
                            chunk = part.read(1 << 20)
                            if not chunk:
                                break
                            merge.stdin.write(chunk)
                    next_index += 1
        except OSError:
            pass  # the merge failed; its status says so
        finally:
            try:
                merge.stdin.close()
            except OSError:
                pass

    feeder = threading.Thread(target=feed_merge, daemon=True)
    feeder.start()
    try:
        replies = client.register_worker_plugin(ExtractFilter(command),
                                                name=PLUGIN_NAME)
        for address, reply in (replies or {}).items():
            if isinstance(reply, dict) and reply.get("status") == "error":
                raise SystemExit("run_dask: cannot start %s on worker %s: %s"
                                 % (" ".join(command), address,
                                    reply.get("exception")))
        run_id = uuid.uuid4().hex[:8]
        futures = client.map(
            process_shard, range(len(shards)), shards, parts,
            key=["newsgraph-%s-shard-%05d" % (run_id, i)
                 for i in range(len(shards))],
            retries=args.retries, pure=False)
        for future in as_completed(futures):
            if future.status == "error":
                failed.append((future.key, repr(future.exception())))
                print("run_dask: %s failed: %s" % failed[-1], file=sys.stderr)
                continue
            r = future.result()
            results.append(r)
            done_parts.put(r["index"])
            print("run_dask: shard %d/%d %s: %d documents, %d errors, on %s" % (
                r["index"] + 1, len(shards), os.path.basename(r["shard"]),
                r["documents"], r["errors"], r["worker"]), file=sys.stderr)
    finally:
        done_parts.put(None)  # ends the merge early if a shard is missing
        client.close()
        if cluster is not None:
            cluster.close()
        feeder.join()
        merged = merge.wait()
        merge_out.close()
    if failed:
        os.remove(temp)
        sys.exit("run_dask: %d of %d shards failed after %d retries; not "
                 "merged" % (len(failed), len(shards), args.retries))
    if merged != 0:
        sys.exit("run_dask: graphtool merge failed (status %d)" % merged)
    os.replace(temp, corpus_graph)
    elapsed = time.time() - start

    # Temporaries of tasks cut short (a killed worker) are left behind.
    for name in os.listdir(out_dir):
        if name.startswith("part-") and ".jsonl.tmp-" in name:
            os.remove(os.path.join(out_dir, name))

    documents = sum(r["documents"] for r in results)
    errors = sum(r["errors"] for r in results)
    mb = sum(r["bytes"] for r in results) / 1e6
    by_worker = collections.defaultdict(list)
    for r in results:
        by_worker[r["worker"]].append(r)
    print("documents: %d (%d errors), %.2f MB in %.2f s (%.2f MB/s), %d "
          "shards on %d workers" % (documents, errors, mb, elapsed,
                                    mb / elapsed if elapsed else 0,
                                    len(shards), len(by_worker)),
          file=sys.stderr)
    for address, rs in sorted(by_worker.items()):
        pids = sorted({r["filter_pid"] for r in rs})
        print("worker %s: %d shards, extract filter pid %s (started %d "
              "time%s)" % (address, len(rs), ",".join(map(str, pids)),
                           max(r["filter_starts"] for r in rs),
                           "" if max(r["filter_starts"] for r in rs) == 1
                           else "s"), file=sys.stderr)
    for r in sorted(results, key=lambda r: r["index"]):
        for doc_id, message in r["error_records"]:
            first = message.splitlines()[0] if message else ""
            if not first.startswith(doc_id + ":"):
                first = "%s: %s" % (doc_id, first)
            print("error: " + first, file=sys.stderr)
    print("corpus graph: %s (merged from %d parts in %s)" % (
        corpus_graph, len(parts), out_dir), file=sys.stderr)


if __name__ == "__main__":
    main()
