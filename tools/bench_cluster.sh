#!/usr/bin/env bash
# Throughput of cluster/run_dask.py with 1 and 2 workers against plain
# single-process extract runs, on a generated corpus (default 20 MB) split
# into 8 shards. Prints one line per run: wall seconds (whole command:
# cluster start, rule loading, tasks, merge) and MB/s of corpus text, and the
# CPU seconds of the command and every process it started and waited for
# (local cluster workers and their extract filters included).
#
#   tools/bench_cluster.sh [SIZE_BYTES]
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh
bazel build //extract:extract //extract:graphtool > /dev/null 2>&1
SIZE=${1:-20000000}
D=${TMPDIR:-/tmp}/newsgraph_bench_cluster
rm -rf "$D" && mkdir -p "$D/shards"
/usr/bin/python3 testdata/make_corpus.py testdata/sample/corpus "$D/corpus.jsonl" "$SIZE"
split -n l/8 -d --additional-suffix=.jsonl "$D/corpus.jsonl" "$D/shards/part-"
MB=$(awk -v b="$(stat -c %s "$D/corpus.jsonl")" 'BEGIN { printf "%.1f", b / 1e6 }')
echo "corpus: $MB MB, 8 shards, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
X=bazel-bin/extract/extract
timed() {  # timed NAME COMMAND...
  /usr/bin/time -f "%e %U %S" -o "$D/time.txt" "${@:2}" > "$D/log.txt" 2>&1 ||
    { cat "$D/log.txt"; exit 1; }
  read -r wall user sys < "$D/time.txt"
  awk -v n="$1" -v w="$wall" -v c="$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')" -v mb="$MB" \
    'BEGIN { printf "%-36s %6.2f s wall %5.2f MB/s   %6.2f s CPU %5.2f MB per CPU s\n", n, w, mb / w, c, mb / c }'
  grep -h "^documents:" "$D/log.txt" | sed 's/^/    /' || true
}
timed "extract, 1 thread" $X --input="$D/corpus.jsonl" --output="$D/single.jsonl" \
    --corpus_graph="$D/single_corpus.jsonl" --threads=1
timed "extract, 2 threads" $X --input="$D/corpus.jsonl" --output="$D/single2.jsonl" \
    --corpus_graph="$D/single2_corpus.jsonl" --threads=2
for w in 1 2; do
  timed "run_dask.py, $w worker(s) x 1 thread" /usr/bin/python3 cluster/run_dask.py \
      --workers=$w --extract_threads=1 --out_dir="$D/out$w" \
      --corpus_graph="$D/out$w/corpus.jsonl" "$D/shards/*.jsonl"
  cmp -s "$D/single_corpus.jsonl" "$D/out$w/corpus.jsonl" ||
    { echo "corpus graph of $w worker(s) differs"; exit 1; }
done
echo "corpus graphs identical"
