#!/usr/bin/env bash
# End-to-end test of the built binaries: extract in every format over the
# bundled sample corpus, the binary -> JSONL round trip, the corpus graph,
# input modes, error handling, and the evaluator on the sample gold.
set -u
source "${TEST_SRCDIR}/newsgraph/testdata/testlib.sh"
EXTRACT="$R/extract/extract"
GRAPHTOOL="$R/extract/graphtool"
EVALUATE="$R/extract/evaluate"
CORPUS="$R/testdata/sample/corpus"
GOLD="$R/testdata/sample/gold.jsonl"

# The binary finds its bundled rules from any working directory.
(cd / && "$EXTRACT" --input="$CORPUS" --output="$T/out.jsonl" --format=jsonl \
    --corpus_graph="$T/corpus.jsonl" 2>"$T/summary.txt") || fail "jsonl run"
grep -q "documents: 6 (0 errors)" "$T/summary.txt" || fail "summary: $(cat "$T/summary.txt")"
[ "$(wc -l < "$T/out.jsonl")" -eq 6 ] || fail "expected 6 JSONL lines"

"$EXTRACT" --input="$CORPUS" --output="$T/out.bin" --format=binary --quiet || fail "binary run"
"$EXTRACT" --input="$CORPUS" --output="$T/out.txtpb" --format=textproto --quiet || fail "textproto run"
grep -q 'canonical_name: "Vladimir Putin"' "$T/out.txtpb" || fail "textproto lacks Putin"

# Round trip: binary read back and printed as JSONL equals --format=jsonl.
"$GRAPHTOOL" cat --from=binary --to=jsonl < "$T/out.bin" > "$T/roundtrip.jsonl" || fail "graphtool cat"
cmp -s "$T/out.jsonl" "$T/roundtrip.jsonl" || fail "binary -> jsonl differs from jsonl output"
"$GRAPHTOOL" cat --from=jsonl --to=binary < "$T/out.jsonl" > "$T/roundtrip.bin" || fail "graphtool cat back"
cmp -s "$T/out.bin" "$T/roundtrip.bin" || fail "jsonl -> binary differs from binary output"

# A truncated binary stream is an error, not silently shorter data.
head -c -7 "$T/out.bin" > "$T/truncated.bin"
if "$GRAPHTOOL" cat --from=binary --to=jsonl < "$T/truncated.bin" > /dev/null 2>&1; then
  fail "truncated stream accepted"
fi

# Corpus graph: Vladimir Putin is one entity with mentions from several documents.
python3 - "$T/corpus.jsonl" <<'PY' || fail "corpus graph"
import json, sys
g = json.loads(open(sys.argv[1]).read())
putin = [e for e in g["entities"] if e["canonical_id"] == "person.vladimir_putin"]
assert len(putin) == 1, putin
docs = {o["document_id"] for o in putin[0]["occurrences"]}
assert len(docs) >= 3, docs
assert g["document_count"] == 6
PY

# Standard input: plain text and JSONL.
echo "President Vladimir V. Putin of Russia met Barack Obama." |
  "$EXTRACT" --input=- --quiet > "$T/stdin.jsonl" || fail "stdin text"
grep -q '"id":"stdin"' "$T/stdin.jsonl" || fail "stdin id"
grep -q '"text":"Vladimir V. Putin"' "$T/stdin.jsonl" || fail "stdin mention"
printf '{"id":"a","text":"Putin spoke."}\n{broken\n\n{"id":"b","text":"Obama spoke."}\n' |
  "$EXTRACT" --input=- --quiet > "$T/stdin2.jsonl" 2>"$T/stdin2.err" || fail "stdin jsonl"
[ "$(wc -l < "$T/stdin2.jsonl")" -eq 3 ] || fail "expected 3 records (one error)"
grep -q '"code":"parse_error"' "$T/stdin2.jsonl" || fail "no error record"
grep -q '"id":"b"' "$T/stdin2.jsonl" || fail "record after the bad line lost"
grep -q -- "-:2" "$T/stdin2.err" || fail "bad line not reported: $(cat "$T/stdin2.err")"

# Errors: missing input, bad format, bad rules.
if "$EXTRACT" --input="$T/nope" --quiet > /dev/null 2>"$T/err.txt"; then fail "missing input accepted"; fi
grep -q "no such file" "$T/err.txt" || fail "missing input message: $(cat "$T/err.txt")"
if "$EXTRACT" --input="$CORPUS" --format=xml > /dev/null 2>&1; then fail "bad format accepted"; fi
mkdir -p "$T/badrules"
printf 'gazetteer\tg.tsv\n' > "$T/badrules/MANIFEST"
printf 'x.1\tPERSONN\tSomeone\n' > "$T/badrules/g.tsv"
if "$EXTRACT" --input="$CORPUS" --rules="$T/badrules" > /dev/null 2>"$T/err.txt"; then fail "bad rules accepted"; fi
grep -q "g.tsv:1:5: unknown type \"PERSONN\"" "$T/err.txt" || fail "bad rule message: $(cat "$T/err.txt")"
"$EXTRACT" --help > "$T/help.txt" 2>&1
grep -q -- "--corpus_graph" "$T/help.txt" || fail "--help lacks flags"

# The evaluator on the sample gold: scores that the default rules must keep.
"$EVALUATE" --gold="$GOLD" --predictions="$T/out.jsonl" > "$T/eval.txt" || fail "evaluate"
cat "$T/eval.txt"
python3 - "$T/eval.txt" <<'PY' || fail "sample strict micro F1 below 0.90"
import sys
lines = open(sys.argv[1]).read().split("\n")
i = lines.index(next(l for l in lines if l.startswith("mentions, strict")))
micro = next(l for l in lines[i:] if l.strip().startswith("micro"))
f1 = float(micro.split()[3])
print("strict micro F1", f1)
assert f1 >= 0.90
PY

finish "end-to-end"
