#!/usr/bin/env bash
# cluster/run_dask.py on a real Dask cluster on 127.0.0.1: one `dask
# scheduler` and two `dask worker` processes (random free ports, found
# through a scheduler file). Runs a generated corpus split into shards and
# checks the merged corpus graph is byte for byte the single-process
# `extract --corpus_graph` output; then runs it again and SIGKILLs one worker
# while it has a shard in flight, and checks the result is still complete
# (every document exactly once) and identical; then kills the other worker's
# extract process mid-shard (the task is retried, the filter restarted).
set -u
source "${TEST_SRCDIR}/newsgraph/testdata/testlib.sh"
X="$R/extract/extract"
PY=/usr/bin/python3
W="${TEST_TMPDIR}/dask"
rm -rf "$W" && mkdir -p "$W/shards"
cd "$W"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null; done
  wait 2>/dev/null
}
trap cleanup EXIT

# The corpus: sample articles repeated to 3 MB, one bad line at the start,
# split into 12 shards without splitting lines.
"$PY" "$R/testdata/make_corpus.py" "$R/testdata/sample/corpus" gen.jsonl 3000000
{ echo "not a json line"; cat gen.jsonl; } > corpus.jsonl
split -n l/12 -d --additional-suffix=.jsonl corpus.jsonl shards/part-
records=$(grep -c . corpus.jsonl)
"$X" --input=corpus.jsonl --output=single.jsonl --corpus_graph=single_corpus.jsonl \
    --threads=1 --quiet 2> /dev/null || fail "single-process run"

# `dask scheduler` or `dask-scheduler`, whichever the package provides.
if command -v dask > /dev/null; then
  SCHEDULER=(dask scheduler) WORKER=(dask worker)
else
  SCHEDULER=(dask-scheduler) WORKER=(dask-worker)
fi
"${SCHEDULER[@]}" --host 127.0.0.1 --port 0 --no-dashboard \
    --scheduler-file sched.json > scheduler.log 2>&1 &
pids+=($!)
for i in 1 2; do
  ( until [ -s sched.json ]; do sleep 0.1; done
    exec "${WORKER[@]}" --scheduler-file sched.json --host 127.0.0.1 \
      --nthreads 1 --no-nanny --no-dashboard --local-directory "$W/w$i" ) \
    > worker$i.log 2>&1 &
  pids+=($!)
done
# Wait for both workers to register.
"$PY" - <<'PY' || { fail "cluster did not start"; cat scheduler.log worker*.log; exit 1; }
import time
from distributed import Client
c = Client(scheduler_file="sched.json", timeout=30)
c.wait_for_workers(2, timeout=30)
c.close()
PY

run() {  # run OUT_DIR
  "$PY" "$R/cluster/run_dask.py" --scheduler_file=sched.json --extract="$X" \
      --out_dir="$1" --corpus_graph="$1/corpus.jsonl" --retries=2 'shards/*.jsonl'
}
check() {  # check OUT_DIR WHAT
  cmp -s single_corpus.jsonl "$1/corpus.jsonl" || fail "$2: corpus graph differs from the single-process one"
  "$PY" - "$1" "$records" <<'PY' || fail "$2: documents lost or duplicated"
import glob, json, sys
ids = []
for part in sorted(glob.glob(sys.argv[1] + "/part-*")):
    assert ".tmp-" not in part, "temporary left: " + part
    for line in open(part):
        ids.append(json.loads(line)["document"]["id"])
assert len(ids) == int(sys.argv[2]), (len(ids), sys.argv[2])
assert len(set(ids)) == len(ids), "a document twice"
print(len(ids), "documents, each once")
PY
}

# 1. A clean run.
run out1 > run1.log 2>&1 || fail "run 1: $(cat run1.log)"
cat run1.log
check out1 "clean run"
grep -q "on 2 workers" run1.log || fail "run 1 did not use both workers"
grep -q "error: .*part-00.jsonl:1: not a JSON document object" run1.log ||
  fail "the bad line is not reported by its shard and line"
[ "$(grep -c 'started 1 time)' run1.log)" -eq 2 ] || fail "a worker started extract more than once"

# 2. Kill worker 2 (SIGKILL) while it writes a shard: the temporary file of
# a task running in worker 2's process exists.
victim=${pids[2]}
run out2 > run2.log 2>&1 &
runner=$!
pids+=($runner)
killed=0
for _ in $(seq 1 600); do
  if ls out2/part-*.tmp-*-"$victim"-* > /dev/null 2>&1; then
    kill -9 "$victim" && killed=1
    echo "killed worker pid $victim with a shard in flight: $(ls out2 | tr '\n' ' ')"
    break
  fi
  kill -0 "$runner" 2>/dev/null || break
  sleep 0.05
done
[ "$killed" -eq 1 ] || fail "worker 2 never had a shard in flight"
wait "$runner" || fail "run 2 failed: $(cat run2.log)"
cat run2.log
check out2 "run with a killed worker"

# 3. Kill worker 1's extract filter (SIGKILL) while it streams a shard: the
# task fails, is retried (--retries) and the worker starts a new filter.
survivor=${pids[1]}
run out3 > run3.log 2>&1 &
runner=$!
pids+=($runner)
killed=0
for _ in $(seq 1 600); do
  if ls out3/part-*.tmp-*-"$survivor"-* > /dev/null 2>&1; then
    filter=$(pgrep -P "$survivor" -f -- "--filter" | head -n 1)
    if [ -n "$filter" ]; then
      kill -9 "$filter" && killed=1
      echo "killed extract filter pid $filter of worker pid $survivor"
      break
    fi
  fi
  kill -0 "$runner" 2>/dev/null || break
  sleep 0.05
done
[ "$killed" -eq 1 ] || fail "worker 1 never had a shard in flight"
wait "$runner" || fail "run 3 failed: $(cat run3.log)"
cat run3.log
check out3 "run with a killed filter"
grep -q "(started 2 times)" run3.log || fail "the filter was not restarted"

finish "dask cluster"
