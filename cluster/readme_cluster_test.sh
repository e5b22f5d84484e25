#!/usr/bin/env bash
# Runs the commands of README.md's "Running on a cluster" (the ```sh blocks
# between <!-- cluster:begin --> and <!-- cluster:end -->) as written, in a
# scratch directory laid out like the repository root after
# `bazel build //extract:extract //extract:graphtool`: a real scheduler and
# two workers on 127.0.0.1, the job, and the comparison with a
# single-process run. Checks that they succeed and print what they promise.
set -u
source "${TEST_SRCDIR}/newsgraph/testdata/testlib.sh"
W="${TEST_TMPDIR}/readme_cluster"
rm -rf "$W" && mkdir -p "$W/bazel-bin/extract"
ln -s "$R/extract/extract" "$W/bazel-bin/extract/extract"
ln -s "$R/extract/graphtool" "$W/bazel-bin/extract/graphtool"
ln -s "$R/testdata" "$W/testdata"
ln -s "$R/cluster" "$W/cluster"

/usr/bin/python3 - "$R/README.md" > "$W/cluster.sh" <<'PY' || { echo "no cluster section"; exit 1; }
import re, sys
text = open(sys.argv[1]).read()
part = text.split("<!-- cluster:begin -->")[1].split("<!-- cluster:end -->")[0]
blocks = re.findall(r"```sh\n(.*?)```", part, re.S)
assert blocks, "no sh block"
print("set -ex")
print("".join(blocks))
PY
cat "$W/cluster.sh"
# Its own process group, so that whatever it leaves running is ended.
cd "$W"
setsid bash cluster.sh > out.txt 2>&1 &
group=$!
trap 'kill -9 -- -"$group" 2>/dev/null' EXIT
wait "$group" || fail "cluster commands failed"
cat out.txt
grep -q "^identical corpus graphs$" out.txt || fail "no 'identical corpus graphs'"
grep -q "4 shards on 2 workers" out.txt || fail "the job did not use both workers"
[ "$(ls out/cluster/part-*.jsonl | wc -l)" -eq 4 ] || fail "expected 4 parts"
# The README's own clean-up must end the scheduler and workers: give them
# up to 10 s to exit.
for _ in $(seq 20); do
  kill -0 -- -"$group" 2>/dev/null || break
  sleep 0.5
done
if kill -0 -- -"$group" 2>/dev/null; then
  fail "the commands left processes running: $(ps -eo pid,pgid,args | awk -v g="$group" '$2 == g')"
fi

finish "readme cluster"
