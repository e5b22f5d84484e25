#!/usr/bin/env bash
# Renders the corpus graph of the sample corpus (testdata/sample/corpus) with
# Graphviz: docs/sample_graph.png (and out/sample_graph.dot). Extra arguments
# go to `graphtool export` (e.g. --top=30 or --min_count=2 on a big corpus).
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh
bazel build //extract:extract //extract:graphtool >&2
mkdir -p out docs
bazel-bin/extract/extract --input=testdata/sample/corpus --output=out/sample.bin \
  --format=binary --corpus_graph=out/corpus.bin --quiet
bazel-bin/extract/graphtool export --format=dot --corpus --drop_isolated "$@" \
  out/corpus.bin > out/sample_graph.dot
dot -Tpng -Gdpi=110 out/sample_graph.dot -o docs/sample_graph.png
echo "wrote docs/sample_graph.png (from out/sample_graph.dot)" >&2
