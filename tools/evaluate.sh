#!/usr/bin/env bash
# Runs the pipeline with the default rules over gold sets and prints the
# evaluator's tables (mention P/R/F1 strict and lenient per type, relation
# P/R/F1 per type).
#
#   tools/evaluate.sh                  # the seed gold: ../shared/corpus/seeds
#   tools/evaluate.sh all              # seeds and every set in ../shared/benchmarks
#   tools/evaluate.sh CORPUS_DIR GOLD  # any corpus directory with its gold
#   EVAL_FLAGS=--show_errors tools/evaluate.sh   # also list wrong relations
#
# ../shared is the directory beside this repository (set SHARED to move it).
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED="${SHARED:-../shared}"
tools/setup.sh
bazel build //extract:extract //extract:evaluate >&2
mkdir -p out/eval
run() {  # name corpus gold
  local name="$1" corpus="$2" gold="$3"
  bazel-bin/extract/extract --input="$corpus" --output="out/eval/$name.jsonl" --quiet
  echo "== $name ($corpus)"
  bazel-bin/extract/evaluate --gold="$gold" --predictions="out/eval/$name.jsonl" ${EVAL_FLAGS:-}
  echo
}
if [ $# -eq 2 ]; then
  run custom "$1" "$2"
  exit 0
fi
run seeds "$SHARED/corpus/seeds" "$SHARED/gold/seeds.jsonl"
if [ "${1:-}" = "all" ]; then
  B="$SHARED/benchmarks"
  run uner_en_pud "$B/uner_en_pud/corpus" "$B/uner_en_pud/gold.jsonl"
  run re3d "$B/re3d/corpus" "$B/re3d/gold.jsonl"
  run redocred_dev "$B/redocred/dev/corpus" "$B/redocred/dev/gold.jsonl"
  run redocred_test "$B/redocred/test/corpus" "$B/redocred/test/gold.jsonl"
fi
