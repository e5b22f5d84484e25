#!/usr/bin/env bash
# The main job on the bundled data: the default rules over the sample corpus
# in testdata/sample/corpus. Writes out/sample.jsonl (one graph per document)
# and out/corpus.jsonl (the merged corpus graph) and prints a summary.
# Extra arguments go to extract (e.g. --format=binary --output=out/x.bin).
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh
bazel build //extract:extract >&2
mkdir -p out
bazel-bin/extract/extract --input=testdata/sample/corpus \
  --output=out/sample.jsonl --format=jsonl --corpus_graph=out/corpus.jsonl "$@"
echo "wrote out/sample.jsonl and out/corpus.jsonl" >&2
