#!/usr/bin/env bash
# Resume after a real interruption: extract is killed with SIGKILL while it
# writes, then `--resume` completes the output, which must equal an
# uninterrupted run byte for byte (document graphs and corpus graph), for the
# binary and jsonl formats. Also: sharded runs together hold the whole run.
set -u
source "${TEST_SRCDIR}/newsgraph/testdata/testlib.sh"
EXTRACT="$R/extract/extract"
size() { stat -c %s "$1" 2>/dev/null || echo 0; }

python3 "$R/testdata/make_corpus.py" "$R/testdata/sample/corpus" "$T/in.jsonl" 2500000 ||
  { echo "cannot generate the input"; exit 1; }
lines=$(wc -l < "$T/in.jsonl")

# Waits until file $1 has at least $2 bytes or process $3 is gone (max 60 s).
wait_for_output() {
  for _ in $(seq 1 3000); do
    [ "$(size "$1")" -ge "$2" ] && return 0
    kill -0 "$3" 2>/dev/null || return 1
    sleep 0.02
  done
  return 1
}

for fmt in jsonl binary; do
  "$EXTRACT" --input=- --format=$fmt --output="$T/whole.$fmt" --threads=2 \
    --corpus_graph="$T/whole_corpus.$fmt" --quiet < "$T/in.jsonl" || fail "$fmt: whole run"

  # 1. Killed while its input pipe is still open: it cannot have finished.
  rm -f "$T/fifo" "$T/cut.$fmt"
  mkfifo "$T/fifo"
  "$EXTRACT" --input=- --format=$fmt --output="$T/cut.$fmt" --threads=2 \
    --corpus_graph="$T/cut_corpus.$fmt" --quiet < "$T/fifo" &
  pid=$!
  exec 3> "$T/fifo"
  head -n $((lines / 2)) "$T/in.jsonl" >&3 2>/dev/null &
  feeder=$!
  wait_for_output "$T/cut.$fmt" 200000 "$pid" || fail "$fmt: no output before the kill"
  kill -KILL "$pid"
  wait "$pid" 2>/dev/null
  exec 3>&-
  wait "$feeder" 2>/dev/null
  cut_size=$(size "$T/cut.$fmt")
  [ "$cut_size" -gt 0 ] && [ "$cut_size" -lt "$(size "$T/whole.$fmt")" ] ||
    fail "$fmt: killed run left $cut_size bytes"
  [ -e "$T/cut_corpus.$fmt" ] && fail "$fmt: killed run left a corpus graph"
  # The kernel may also have stored part of the next record (a torn write);
  # add one, as the whole run wrote it, for resume to cut off.
  cmp -s -n "$cut_size" "$T/cut.$fmt" "$T/whole.$fmt" || fail "$fmt: killed run is not a prefix"
  tail -c +$((cut_size + 1)) "$T/whole.$fmt" | head -c 50 >> "$T/cut.$fmt"
  "$EXTRACT" --input=- --format=$fmt --output="$T/cut.$fmt" --threads=2 \
    --corpus_graph="$T/cut_corpus.$fmt" --resume < "$T/in.jsonl" 2> "$T/resume.err" ||
    fail "$fmt: resume: $(cat "$T/resume.err")"
  grep "resumed after" "$T/resume.err"
  grep -q "resumed after [1-9].*cut off 50 bytes" "$T/resume.err" ||
    fail "$fmt: nothing resumed or cut: $(cat "$T/resume.err")"
  cmp "$T/cut.$fmt" "$T/whole.$fmt" || fail "$fmt: resumed output differs (killed at $cut_size bytes)"
  cmp "$T/cut_corpus.$fmt" "$T/whole_corpus.$fmt" || fail "$fmt: resumed corpus graph differs"

  # 2. Killed at some point of a run over a file, then resumed twice (the
  # second resume finds a complete output and adds nothing).
  "$EXTRACT" --input="$T/in.jsonl" --format=$fmt --output="$T/whole2.$fmt" --quiet ||
    fail "$fmt: whole file run"
  rm -f "$T/cut2.$fmt"
  "$EXTRACT" --input="$T/in.jsonl" --format=$fmt --output="$T/cut2.$fmt" --threads=2 --quiet &
  pid=$!
  wait_for_output "$T/cut2.$fmt" 100000 "$pid"
  kill -KILL "$pid" 2>/dev/null && echo "$fmt: killed at $(size "$T/cut2.$fmt") bytes"
  wait "$pid" 2>/dev/null
  for _ in 1 2; do
    "$EXTRACT" --input="$T/in.jsonl" --format=$fmt --output="$T/cut2.$fmt" --threads=1 \
      --resume --quiet || fail "$fmt: resume of the file run"
  done
  cmp "$T/cut2.$fmt" "$T/whole2.$fmt" || fail "$fmt: resumed file run differs"
done

# Shards 0/3, 1/3, 2/3 hold the lines of the whole run, each once.
for i in 0 1 2; do
  "$EXTRACT" --input=- --shard=$i/3 --output="$T/shard$i.jsonl" --threads=2 --quiet \
    < "$T/in.jsonl" || fail "shard $i/3"
done
sort "$T/shard0.jsonl" "$T/shard1.jsonl" "$T/shard2.jsonl" > "$T/shards.sorted"
sort "$T/whole.jsonl" > "$T/whole.sorted"
cmp -s "$T/shards.sorted" "$T/whole.sorted" || fail "the shards do not add up to the whole run"
if "$EXTRACT" --input=- --shard=3/3 --quiet < /dev/null 2> "$T/err.txt"; then fail "shard 3/3 accepted"; fi
grep -q "expected i/N" "$T/err.txt" || fail "bad shard message: $(cat "$T/err.txt")"

# A full disk is an error, not a silently short output.
if [ -w /dev/full ]; then
  if "$EXTRACT" --input="$T/in.jsonl" --output=/dev/full --quiet 2> "$T/err.txt"; then
    fail "write to a full disk succeeded"
  fi
  grep -q "/dev/full: .*failed" "$T/err.txt" || fail "full disk message: $(cat "$T/err.txt")"
fi

finish "resume"
