#!/usr/bin/env bash
# Bounded memory: extract streams, so a 10 times larger corpus runs in about
# the same peak memory. Compares the peak resident set size (the kernel's
# ru_maxrss, via /usr/bin/time when installed, else extract's own summary)
# of a 5 MB and a 50 MB input; the growth must stay under 30 MB.
set -u
R="${TEST_SRCDIR}/newsgraph"
EXTRACT="$R/extract/extract"
T="${TEST_TMPDIR}"
LIMIT_KB=$((30 * 1024))

# Peak RSS in KiB of `extract --input=$1`.
peak_kb() {
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f "%M" -o "$T/time.txt" "$EXTRACT" --input="$1" --output="$T/out.bin" \
      --format=binary --threads=2 --quiet || return 1
    tail -n 1 "$T/time.txt"
  else
    "$EXTRACT" --input="$1" --output="$T/out.bin" --format=binary --threads=2 \
      2> "$T/summary.txt" || return 1
    awk '/^peak memory:/ { printf "%d\n", $3 * 1000000 / 1024 }' "$T/summary.txt"
  fi
}

python3 "$R/testdata/make_corpus.py" "$R/testdata/sample/corpus" "$T/small.jsonl" 5000000 &&
  python3 "$R/testdata/make_corpus.py" "$R/testdata/sample/corpus" "$T/large.jsonl" 50000000 ||
  { echo "cannot generate the inputs"; exit 1; }

small=$(peak_kb "$T/small.jsonl") || { echo "FAIL: run over 5 MB"; exit 1; }
large=$(peak_kb "$T/large.jsonl") || { echo "FAIL: run over 50 MB"; exit 1; }
echo "peak RSS: 5 MB input ${small} KiB, 50 MB input ${large} KiB"
if [ -z "$small" ] || [ -z "$large" ] || [ "$small" -le 0 ]; then
  echo "FAIL: no peak RSS measured"
  exit 1
fi
if [ $((large - small)) -ge "$LIMIT_KB" ]; then
  echo "FAIL: peak memory grew by $((large - small)) KiB (limit $LIMIT_KB KiB)"
  exit 1
fi
echo "memory stays bounded"
