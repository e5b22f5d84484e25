#!/usr/bin/env bash
# End-to-end test of graphtool over a fresh extract run on the sample corpus:
# format round trips, merge of two halves == the corpus graph of the whole,
# stats/filter consistency, and GraphML/DOT that standard parsers load.
set -u
source "${TEST_SRCDIR}/newsgraph/testdata/testlib.sh"
EXTRACT="$R/extract/extract"
GT="$R/extract/graphtool"
CORPUS="$R/testdata/sample/corpus"
PY=/usr/bin/python3  # Debian's, which sees python3-networkx

"$EXTRACT" --input="$CORPUS" --output="$T/all.bin" --format=binary \
  --corpus_graph="$T/corpus.bin" --quiet || fail "extract binary"
"$EXTRACT" --input="$CORPUS" --output="$T/all.jsonl" --format=jsonl \
  --corpus_graph="$T/corpus.jsonl" --quiet || fail "extract jsonl"

# Round trips: binary -> jsonl -> binary and binary -> textproto -> binary are
# byte-identical, for document graphs and for the corpus graph.
"$GT" cat --from=binary --to=jsonl "$T/all.bin" > "$T/rt.jsonl" || fail "cat to jsonl"
cmp -s "$T/rt.jsonl" "$T/all.jsonl" || fail "binary -> jsonl differs from extract's jsonl"
"$GT" cat --to=binary "$T/rt.jsonl" > "$T/rt.bin" || fail "cat to binary"
cmp -s "$T/rt.bin" "$T/all.bin" || fail "binary -> jsonl -> binary not identical"
"$GT" cat --to=textproto "$T/all.bin" > "$T/rt.txtpb" || fail "cat to textproto"
"$GT" cat --to=binary "$T/rt.txtpb" > "$T/rt2.bin" || fail "cat textproto to binary"
cmp -s "$T/rt2.bin" "$T/all.bin" || fail "binary -> textproto -> binary not identical"
"$GT" cat --corpus --to=jsonl < "$T/corpus.bin" > "$T/corpus_rt.jsonl" || fail "cat corpus"
cmp -s "$T/corpus_rt.jsonl" "$T/corpus.jsonl" || fail "corpus binary -> jsonl differs"

# Merge: the outputs of two halves of the corpus give the corpus graph of the
# whole, byte for byte, in binary and in jsonl.
mkdir -p "$T/a" "$T/b"
files=("$CORPUS"/*.txt)
half=$(( ${#files[@]} / 2 ))
[ "$half" -ge 1 ] || fail "sample corpus too small"
cp "${files[@]:0:$half}" "$T/a/"
cp "${files[@]:$half}" "$T/b/"
"$EXTRACT" --input="$T/a" --output="$T/a.bin" --format=binary --quiet || fail "extract a"
"$EXTRACT" --input="$T/b" --output="$T/b.bin" --format=binary --quiet || fail "extract b"
"$GT" merge --to=binary "$T/a.bin" "$T/b.bin" > "$T/merged.bin" || fail "merge"
cmp -s "$T/merged.bin" "$T/corpus.bin" || fail "merge of halves != corpus graph (binary)"
"$GT" merge --to=jsonl "$T/a.bin" "$T/b.bin" > "$T/merged.jsonl" || fail "merge jsonl"
cmp -s "$T/merged.jsonl" "$T/corpus.jsonl" || fail "merge of halves != corpus graph (jsonl)"
# The same output twice is refused, not double counted.
if "$GT" merge "$T/a.bin" "$T/a.bin" > /dev/null 2> "$T/err.txt"; then
  fail "merging an output twice accepted"
fi
grep -q "appears twice" "$T/err.txt" || fail "merge twice message: $(cat "$T/err.txt")"

# Stats agree between document graphs and the corpus graph, and with the data.
"$GT" stats --top=5 "$T/all.bin" > "$T/stats_docs.txt" || fail "stats docs"
"$GT" stats --top=5 --corpus "$T/corpus.jsonl" > "$T/stats_corpus.txt" || fail "stats corpus"
cat "$T/stats_docs.txt"
diff <(sed 1d "$T/stats_docs.txt") <(sed 1d "$T/stats_corpus.txt") ||
  fail "stats of documents and of the corpus graph differ"
"$PY" - "$T/all.jsonl" "$T/stats_docs.txt" <<'PY' || fail "stats counts"
import collections, json, sys
docs = [json.loads(l) for l in open(sys.argv[1])]
stats = open(sys.argv[2]).read()
entities = {e["canonical_id"] for d in docs for e in d["entities"]}
by_type = collections.Counter(r["type"] for d in docs for r in d["relations"])
assert "documents: %d (0 errors)" % len(docs) in stats, stats
assert "\nentities: %d (" % len(entities) in stats, stats
for t, n in by_type.items():
    assert "%s=%d" % (t, n) in stats, (t, n, stats)
PY

# Filter: only PERSON and PLACE entities remain, every relation refers to a
# kept entity, documents are all kept; filtering by document keeps one.
"$GT" filter --entity_type=PERSON,PLACE --to=jsonl "$T/all.bin" > "$T/f.jsonl" || fail "filter"
# The last document that states a relation, and that relation's type.
read -r doc rtype < <("$PY" -c '
import json, sys
docs = [json.loads(l) for l in open(sys.argv[1])]
d = [d for d in docs if d["relations"]][-1]
print(d["document"]["id"], d["relations"][0]["type"])' "$T/all.jsonl")
"$GT" filter --document="$doc" --relation_type="$rtype" "$T/all.bin" \
  > "$T/f1.jsonl" || fail "filter by document"
"$PY" - "$T/all.jsonl" "$T/f.jsonl" "$T/f1.jsonl" "$doc" "$rtype" <<'PY' || fail "filter output"
import json, sys
docs = [json.loads(l) for l in open(sys.argv[1])]
kept = [json.loads(l) for l in open(sys.argv[2])]
assert len(kept) == len(docs)
dropped_relations = 0
for d, k in zip(docs, kept):
    ids = {e["id"] for e in k["entities"]}
    assert all(e["type"] in ("PERSON", "PLACE") for e in k["entities"])
    assert ids == {e["id"] for e in d["entities"] if e["type"] != "AGENCY"}
    for r in k["relations"]:
        assert r["head"] in ids and r["tail"] in ids, r
    dropped_relations += len(d["relations"]) - len(k["relations"])
agency_relations = sum(1 for d in docs for r in d["relations"]
                       if {r["head"], r["tail"]} & {e["id"] for e in d["entities"]
                                                    if e["type"] == "AGENCY"})
assert dropped_relations == agency_relations > 0, (dropped_relations, agency_relations)
one = [json.loads(l) for l in open(sys.argv[3])]
assert [d["document"]["id"] for d in one] == [sys.argv[4]], one
assert one[0]["relations"] and all(r["type"] == sys.argv[5] for r in one[0]["relations"])
PY
if "$GT" filter --entity_type=PERSONN "$T/all.bin" > /dev/null 2> "$T/err.txt"; then
  fail "bad entity type accepted"
fi
grep -q 'unknown EntityType "PERSONN"' "$T/err.txt" || fail "bad type message: $(cat "$T/err.txt")"

# GraphML loads in xml.etree (and networkx when installed) with the node and
# edge counts of the corpus graph; documents and corpus graph export the same.
"$GT" export --format=graphml --corpus "$T/corpus.bin" > "$T/g.graphml" || fail "export graphml"
"$GT" export --format=graphml "$T/all.bin" > "$T/g_docs.graphml" || fail "export graphml from documents"
cmp -s "$T/g.graphml" "$T/g_docs.graphml" || fail "graphml from documents differs from corpus graph"
"$GT" export --format=graphml --corpus --min_count=2 --drop_isolated "$T/corpus.bin" \
  > "$T/g_min2.graphml" || fail "export --min_count"
"$PY" - "$T/corpus.jsonl" "$T/g.graphml" "$T/g_min2.graphml" <<'PY' || fail "graphml"
import json, sys
import xml.etree.ElementTree as ET
corpus = json.load(open(sys.argv[1]))
ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
root = ET.parse(sys.argv[2]).getroot()
nodes = root.findall("g:graph/g:node", ns)
edges = root.findall("g:graph/g:edge", ns)
assert len(nodes) == len(corpus["entities"]), (len(nodes), len(corpus["entities"]))
assert len(edges) == len(corpus["relations"]), (len(edges), len(corpus["relations"]))
keys = {k.get("id"): k.get("attr.name") for k in root.findall("g:key", ns)}
names = {n.get("id"): {keys[d.get("key")]: d.text for d in n.findall("g:data", ns)}
         for n in nodes}
for e in corpus["entities"]:
    assert names[e["canonical_id"]]["label"] == e["canonical_name"], e
frequent = [r for r in corpus["relations"] if r["count"] >= 2]
root2 = ET.parse(sys.argv[3]).getroot()
assert len(root2.findall("g:graph/g:edge", ns)) == len(frequent)
try:
    import networkx
except ImportError:
    print("networkx not installed; xml.etree checks only")
    sys.exit(0)
g = networkx.read_graphml(sys.argv[2])
assert g.number_of_nodes() == len(corpus["entities"])
assert g.number_of_edges() == len(corpus["relations"])
for r in corpus["relations"]:
    data = g.get_edge_data(r["head"], r["tail"])
    datas = data.values() if g.is_multigraph() else [data]
    assert any(d["type"] == r["type"] and d["count"] == r["count"] for d in datas), r
print("networkx: %d nodes, %d edges" % (g.number_of_nodes(), g.number_of_edges()))
PY

# DOT: one node statement per entity, one edge per relation; Graphviz (when
# installed) accepts it.
"$GT" export --format=dot --corpus "$T/corpus.bin" > "$T/g.dot" || fail "export dot"
"$PY" - "$T/corpus.jsonl" "$T/g.dot" <<'PY' || fail "dot counts"
import json, sys
corpus = json.load(open(sys.argv[1]))
dot = open(sys.argv[2]).read()
assert dot.count(" -> ") == len(corpus["relations"])
assert dot.count("fillcolor=") == len(corpus["entities"])
PY
if command -v dot > /dev/null; then
  dot -Tsvg "$T/g.dot" > "$T/g.svg" || fail "graphviz rejects the DOT output"
fi
if "$GT" export --format=png "$T/all.bin" > /dev/null 2>&1; then fail "bad export format accepted"; fi
"$GT" --help > "$T/help.txt" 2>&1
for word in cat stats filter merge export --min_count --entity_type; do
  grep -q -- "$word" "$T/help.txt" || fail "--help lacks $word"
done

finish "graphtool"
