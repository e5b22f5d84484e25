#!/usr/bin/env bash
# Faults during a run (docs/robustness.md):
#  - SIGKILL at several random points, each followed by --resume (which may
#    itself be killed): the final output equals an uninterrupted run's, for
#    the binary and jsonl formats;
#  - a write error (the file size limit, as a full small disk) ends the run
#    with a clear error; the output written so far reads back as complete
#    records followed by a reported truncated one, never as bogus data, and
#    --resume completes it.
set -u
source "${TEST_SRCDIR}/newsgraph/testdata/testlib.sh"
EXTRACT="$R/extract/extract"
GRAPHTOOL="$R/extract/graphtool"
size() { stat -c %s "$1" 2>/dev/null || echo 0; }
SEED=${KILL_TEST_SEED:-$$}
RANDOM=$SEED
echo "random seed $SEED (rerun with KILL_TEST_SEED=$SEED)"

python3 "$R/testdata/make_corpus.py" "$R/testdata/sample/corpus" "$T/in.jsonl" 1000000 ||
  { echo "cannot generate the input"; exit 1; }

for fmt in binary jsonl; do
  "$EXTRACT" --input="$T/in.jsonl" --format=$fmt --output="$T/whole.$fmt" --threads=2 \
    --quiet || fail "$fmt: whole run"
  whole=$(size "$T/whole.$fmt")
  rm -f "$T/cut.$fmt"
  kills=0
  for round in 1 2 3 4 5; do
    # Kill once the output has grown by a random amount (or after a random
    # delay, whichever comes first), unless the run finished before.
    target=$(( $(size "$T/cut.$fmt") + RANDOM % (whole / 4 + 1) + 1 ))
    delay=$(( RANDOM % 40 ))
    "$EXTRACT" --input="$T/in.jsonl" --format=$fmt --output="$T/cut.$fmt" \
      --threads=2 --resume --quiet 2>/dev/null &
    pid=$!
    for _ in $(seq 1 $((delay + 1))); do
      [ "$(size "$T/cut.$fmt")" -ge "$target" ] && break
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.05
    done
    if kill -KILL "$pid" 2>/dev/null; then
      kills=$((kills + 1))
      echo "$fmt: round $round killed at $(size "$T/cut.$fmt") of $whole bytes"
    fi
    wait "$pid" 2>/dev/null
  done
  "$EXTRACT" --input="$T/in.jsonl" --format=$fmt --output="$T/cut.$fmt" --threads=2 \
    --resume --quiet || fail "$fmt: final resume"
  cmp "$T/cut.$fmt" "$T/whole.$fmt" || fail "$fmt: output after $kills kills differs"
  [ "$kills" -ge 1 ] || echo "$fmt: note: every run finished before its kill"
done

# A write error: bash's file size limit makes write() fail with EFBIG (with
# SIGXFSZ ignored), as a full disk makes it fail with ENOSPC.
rm -f "$T/small.jsonl"
( trap '' XFSZ; ulimit -f 100; exec "$EXTRACT" --input="$T/in.jsonl" \
    --output="$T/small.jsonl" --quiet ) 2> "$T/small.err" &&
  fail "a run over the file size limit succeeded"
grep -q "small.jsonl" "$T/small.err" && grep -qi "fail\|error" "$T/small.err" ||
  fail "unclear write error: $(cat "$T/small.err")"
[ "$(size "$T/small.jsonl")" -gt 0 ] || fail "nothing written before the error"
"$GRAPHTOOL" cat --from=jsonl --to=jsonl < "$T/small.jsonl" > "$T/small.back" 2> "$T/small.cat"
complete=$(wc -l < "$T/small.back")
[ "$complete" -ge 1 ] || fail "no complete record readable after the write error"
head -c "$(size "$T/small.back")" "$T/whole.jsonl" | cmp -s - "$T/small.back" ||
  fail "records read back after the write error differ from a whole run's"
"$EXTRACT" --input="$T/in.jsonl" --output="$T/small.jsonl" --resume --quiet ||
  fail "resume after the write error"
cmp -s "$T/small.jsonl" "$T/whole.jsonl" || fail "resumed output after a write error differs"
# The same through /dev/full.
"$EXTRACT" --input="$T/in.jsonl" --output=/dev/full --quiet 2> "$T/full.err" &&
  fail "writing to /dev/full succeeded"
grep -q "/dev/full" "$T/full.err" || fail "unclear /dev/full error: $(cat "$T/full.err")"

finish "kill and write-error"
