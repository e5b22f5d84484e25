#!/usr/bin/env bash
# extract --filter: JSONL documents on standard input, one JSONL graph per
# non-blank input line on standard output, in order, each flushed as soon as
# it is written; a bad line is an error record; nothing else on stdout.
set -u
source "${TEST_SRCDIR}/newsgraph/testdata/testlib.sh"
X="$R/extract/extract"
W="${TEST_TMPDIR}/filter"
rm -rf "$W" && mkdir -p "$W"

/usr/bin/python3 "$R/testdata/make_corpus.py" "$R/testdata/sample/corpus" "$W/docs.jsonl" 300000
# A bad first line (it must not switch the reader to plain-text mode), a
# blank line and a bad line in the middle.
{ echo "this is not json"; head -n 40 "$W/docs.jsonl"; echo; echo '{"id": 7'
  tail -n +41 "$W/docs.jsonl"; } > "$W/in.jsonl"
nonblank=$(grep -c . "$W/in.jsonl")

for threads in 1 2; do
  "$X" --filter --threads=$threads < "$W/in.jsonl" > "$W/out$threads.jsonl" 2> "$W/err$threads.txt" ||
    fail "filter exited non-zero: $(cat "$W/err$threads.txt")"
done
cmp -s "$W/out1.jsonl" "$W/out2.jsonl" || fail "output differs between 1 and 2 threads"
/usr/bin/python3 - "$W/in.jsonl" "$W/out2.jsonl" <<'PY' || fail "records do not match input lines"
import json, sys
inputs = [l for l in open(sys.argv[1]) if l.strip()]
outputs = open(sys.argv[2]).read().split("\n")
assert outputs[-1] == "", "output must end with a newline"
outputs = [json.loads(l) for l in outputs[:-1]]  # only JSON on stdout
assert len(outputs) == len(inputs), (len(outputs), len(inputs))
for n, (i, o) in enumerate(zip(inputs, outputs)):
    try:
        want = json.loads(i)["id"]
        assert "error" not in o, o["error"]
    except (ValueError, KeyError, TypeError):
        assert o["error"]["code"] == "parse_error", o
        continue
    assert o["document"]["id"] == want, (n, o["document"]["id"], want)
assert outputs[0]["document"]["id"] == "-:1"
print(len(outputs), "records in order")
PY
[ "$(wc -l < "$W/out2.jsonl")" -eq "$nonblank" ] || fail "line count"
grep -q "documents: $nonblank (2 errors)" "$W/err2.txt" || fail "summary on stderr: $(cat "$W/err2.txt")"
"$X" --filter --quiet < "$W/in.jsonl" > /dev/null 2> "$W/quiet.txt"
grep -q "documents:" "$W/quiet.txt" && fail "--quiet printed the summary"

# The same graphs as a plain run over standard input.
tail -n +2 "$W/docs.jsonl" | "$X" --input=- --quiet > "$W/plain.jsonl"
tail -n +2 "$W/docs.jsonl" | "$X" --filter --quiet > "$W/filtered.jsonl"
cmp -s "$W/plain.jsonl" "$W/filtered.jsonl" || fail "filter output differs from --input=-"

# Prompt: each record comes out while standard input is still open.
/usr/bin/python3 - "$X" "$W/docs.jsonl" <<'PY' || fail "records are not flushed one by one"
import json, select, subprocess, sys
p = subprocess.Popen([sys.argv[1], "--filter", "--quiet", "--threads=2"],
                     stdin=subprocess.PIPE, stdout=subprocess.PIPE)
lines = open(sys.argv[2]).readlines()[:5]
for line in lines:
    p.stdin.write(line.encode()); p.stdin.flush()
    ready, _, _ = select.select([p.stdout], [], [], 20)
    assert ready, "no record within 20 s of its document"
    got = json.loads(p.stdout.readline())
    assert got["document"]["id"] == json.loads(line)["id"], got["document"]["id"]
p.stdin.close()
assert p.stdout.read() == b"" and p.wait() == 0
PY

# Flags that make no sense for a filter are refused.
"$X" --filter --corpus_graph="$W/c.jsonl" < /dev/null 2> /dev/null && fail "--filter --corpus_graph accepted"
"$X" --filter --format=binary < /dev/null 2> /dev/null && fail "--filter --format=binary accepted"

finish "filter"
