#!/usr/bin/env bash
# Runs the commands of README.md's "Adding your own rules" (the ```sh blocks
# between <!-- tutorial:begin --> and <!-- tutorial:end -->) as written, in
# a scratch directory where bazel-bin/extract/extract is the built binary,
# and checks that the new agency, person and relation reach the output.
# Then checks the exit status of --check on errors and warnings, and that
# --explain names the user's rules.
set -u
source "${TEST_SRCDIR}/newsgraph/testdata/testlib.sh"
W="${TEST_TMPDIR}/tutorial"
rm -rf "$W" && mkdir -p "$W/bazel-bin/extract"
ln -s "$R/extract/extract" "$W/bazel-bin/extract/extract"

python3 - "$R/README.md" > "$W/tutorial.sh" <<'PY' || { echo "no tutorial"; exit 1; }
import re, sys
text = open(sys.argv[1]).read()
part = text.split("<!-- tutorial:begin -->")[1].split("<!-- tutorial:end -->")[0]
blocks = re.findall(r"```sh\n(.*?)```", part, re.S)
assert len(blocks) >= 5, blocks
print("set -ex")
print("".join(blocks))
PY
(cd "$W" && bash tutorial.sh > "$W/out.txt" 2>&1) || fail "tutorial commands: $(cat "$W/out.txt")"
cat "$W/out.txt"

J="$W/story.jsonl"
python3 - "$J" <<'PY' || fail "tutorial output lacks the new agency, person or relation"
import json, sys
g = json.loads(open(sys.argv[1]).readline())
by_id = {e["id"]: e for e in g["entities"]}
agency = [e for e in g["entities"] if e.get("canonical_id") == "agency.nwpa"]
assert agency and agency[0]["type"] == "AGENCY", g["entities"]
texts = {m["text"] for m in agency[0]["mentions"]}
assert {"Northern Waters Patrol Agency", "NWPA"} <= texts, texts
person = [e for e in g["entities"] if e["canonical_name"] == "Tarvo Varga"]
assert person and person[0]["type"] == "PERSON", g["entities"]
assert person[0]["mentions"][0]["rule_id"] == "person.harbourmaster"
rel = [r for r in g.get("relations", []) if r["type"] == "AFFILIATION"
       and r["head"] == person[0]["id"] and r["tail"] == agency[0]["id"]]
assert rel and rel[0]["evidence"][0]["rule_id"] == "aff.commands", g.get("relations")
fp = g["provenance"]["rules_fingerprint"]
assert "+" in fp, fp  # both layers
PY
grep -q "rule examples: .* 0 failed" "$W/out.txt" || fail "examples did not all pass"
grep -q 'mention PERSON "Tarvo Varga" .* <- pattern person.harbourmaster' "$W/out.txt" || fail "explain lacks the pattern"
grep -q 'relation AFFILIATION "Tarvo Varga" -> "Northern Waters Patrol Agency" .*aff.commands' "$W/out.txt" || fail "explain lacks the relation"

X="$R/extract/extract"
# --check: exit 1 with errors, 0 with warnings only.
mkdir -p "$W/bad"
printf 'gazetteer\tg.tsv\npatterns\tp.tsv\n' > "$W/bad/MANIFEST"
printf 'x.1\tPLACE\tAland\nx.2\tPLACE\tAland\n' > "$W/bad/g.tsv"
printf 'p.1\tPERSON\t0\t\\bDr (?P<name>\\w+)\n' > "$W/bad/p.tsv"
"$X" --rules="$W/bad" --check 2> "$W/check.txt" || fail "warnings alone must exit 0: $(cat "$W/check.txt")"
grep -q "bad/g.tsv:2:1: warning: name \"Aland\" of x.2 is shadowed" "$W/check.txt" || fail "shadow warning: $(cat "$W/check.txt")"
printf 'p.1\tPERSON\t0\t(?P<name>[a-\n' > "$W/bad/p.tsv"
if "$X" --rules="$W/bad" --check 2> "$W/check.txt"; then fail "errors must exit 1"; fi
grep -q "bad/p.tsv:1:14: bad regular expression: " "$W/check.txt" || fail "regex error: $(cat "$W/check.txt")"
grep -q "1 errors, 1 warnings" "$W/check.txt" || fail "summary: $(cat "$W/check.txt")"

# A failing example exits 1 and prints expected versus got.
printf 'ex.bad\tHarbourmaster Tarvo Varga waved.\t+PLACE Tarvo Varga\n' > "$W/my_rules/examples.tsv"
if (cd "$W" && "$X" --rules=default,my_rules --test_rules 2> "$W/test.txt"); then fail "failing example exits 0"; fi
grep -q "my_rules/examples.tsv:1:41: example ex.bad failed" "$W/test.txt" || fail "failure location: $(cat "$W/test.txt")"
grep -q "expected: +PLACE Tarvo Varga" "$W/test.txt" || fail "expected line"
grep -q "PERSON Tarvo Varga  (person.harbourmaster)" "$W/test.txt" || fail "got line"

# A changed source makes the compiled file stale: refused, not used.
echo "# changed" >> "$W/my_rules/agencies.tsv"
if (cd "$W" && "$X" --rules=my_rules.ngr --input=story.txt --output=/dev/null 2> "$W/stale.txt"); then
  fail "stale compiled rules used"
fi
grep -q "stale compiled rules: .*agencies.tsv" "$W/stale.txt" || fail "stale message: $(cat "$W/stale.txt")"

finish "rules tutorial"
