#!/usr/bin/env bash
# Builds the fuzz targets in fuzz/ with clang, libFuzzer, AddressSanitizer
# and UndefinedBehaviorSanitizer, and runs each for a bounded time.
#
#   tools/fuzz.sh [seconds-per-target] [target...]   # default: 60 s, all
#   tools/fuzz.sh --build                            # build only
#
# Built outside Bazel (Bazel 4's auto-configured toolchain is gcc; switching
# it to clang would rebuild everything): clang++ compiles the extract
# sources, the generated protos and each fuzz/<target>.cc, and links them
# against Debian's RE2, Abseil and protobuf (built with g++, same libstdc++
# ABI). Objects are cached in $NEWSGRAPH_FUZZ_DIR (default
# ~/.cache/newsgraph/fuzz) and rebuilt when a source or header changes.
#
# Each target runs on a working corpus in $NEWSGRAPH_FUZZ_DIR/corpus/<target>
# seeded from fuzz/corpus/<target>/ and fuzz/regressions/<target>/; a crash
# is saved in $NEWSGRAPH_FUZZ_DIR/crashes/<target>/ (copy it into
# fuzz/regressions/<target>/ once fixed, so the regression test replays it).
# Prints one line per target: runs, seconds, corpus size, and OK or CRASH;
# exits non-zero if any target crashed.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=${NEWSGRAPH_FUZZ_DIR:-$HOME/.cache/newsgraph/fuzz}
CXX=${FUZZ_CXX:-clang++}
TARGETS_ALL=$(cd fuzz && ls *_fuzz.cc | sed 's/\.cc$//')

if ! command -v "$CXX" >/dev/null; then
  echo "fuzz: $CXX not found (tools/setup.sh --fuzz installs clang)" >&2
  exit 2
fi

build_only=0
seconds=60
if [ "${1:-}" = "--build" ]; then build_only=1; shift;
elif [ -n "${1:-}" ] && [[ "$1" =~ ^[0-9]+$ ]]; then seconds=$1; shift; fi
targets=${*:-$TARGETS_ALL}

SAN="-fsanitize=address,undefined -fno-sanitize-recover=undefined"
CXXFLAGS="-std=c++17 -O1 -g -fno-omit-frame-pointer $SAN -I$ROOT -I$OUT/gen -w"
LIBS="-lre2 -lprotobuf -pthread $(grep -o '"-labsl_[a-z_0-9]*"' \
  third_party/system/system.BUILD | tr -d '"' | tr '\n' ' ')"

mkdir -p "$OUT/gen" "$OUT/obj"
# Rebuild everything when any source or header is newer than the library.
lib=$OUT/libnewsgraph_fuzz.a
newest=$(find extract proto fuzz \( -name '*.cc' -o -name '*.h' -o -name '*.proto' \) \
         ! -name '*_test.cc' |
         xargs ls -t | head -1)
if [ ! -f "$lib" ] || [ "$newest" -nt "$lib" ]; then
  echo "fuzz: building the library with $CXX" >&2
  protoc -I. --cpp_out="$OUT/gen" proto/*.proto || exit 1
  rm -f "$OUT"/obj/*.o
  srcs=$(ls extract/*.cc extract/internal/*.cc "$OUT"/gen/proto/*.pb.cc |
         grep -v -e '_test\.cc$' -e '_main\.cc$')
  printf '%s\n' $srcs | xargs -P "${FUZZ_JOBS:-2}" -I{} sh -c \
    'o="$0/obj/$(echo "{}" | tr / _ | sed "s/\.cc$/.o/")";
     '"$CXX $CXXFLAGS"' -fsanitize=fuzzer-no-link -c "{}" -o "$o" ||
     { echo "fuzz: cannot compile {}" >&2; exit 255; }' "$OUT" || exit 1
  rm -f "$lib"
  ar rcs "$lib" "$OUT"/obj/*.o || exit 1
fi
for t in $targets; do
  if [ ! -x "$OUT/$t" ] || [ "$lib" -nt "$OUT/$t" ] ||
     [ "fuzz/$t.cc" -nt "$OUT/$t" ]; then
    echo "fuzz: linking $t" >&2
    $CXX $CXXFLAGS -fsanitize=fuzzer "fuzz/$t.cc" "$lib" $LIBS -o "$OUT/$t" ||
      exit 1
  fi
done
[ $build_only = 1 ] && exit 0

status=0
for t in $targets; do
  corpus=$OUT/corpus/$t
  crashes=$OUT/crashes/$t
  mkdir -p "$corpus" "$crashes"
  seeds=("fuzz/corpus/$t")
  [ -d "fuzz/regressions/$t" ] && seeds+=("fuzz/regressions/$t")
  log=$OUT/$t.log
  # The pipeline target loads rules/ from the working directory.
  NEWSGRAPH_RULES=$ROOT/rules "$OUT/$t" -max_total_time="$seconds" \
    -timeout=20 -rss_limit_mb=2560 -max_len=65536 -print_final_stats=1 \
    -artifact_prefix="$crashes/" "$corpus" "${seeds[@]}" >"$log" 2>&1
  rc=$?
  runs=$(grep -a -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -a -o '[0-9]*$')
  time=$(grep -a -o 'Done [0-9]* runs in [0-9]* second' "$log" | grep -a -o 'in [0-9]*' | grep -a -o '[0-9]*')
  size=$(ls "$corpus" | wc -l)
  if [ $rc -eq 0 ]; then
    echo "$t: OK, ${runs:-?} runs in ${time:-$seconds} s, corpus $size"
  else
    echo "$t: CRASH (exit $rc), see $log and $crashes/"
    status=1
  fi
done
exit $status
