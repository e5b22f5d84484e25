#!/usr/bin/env bash
# Runs every test (bazel test //...) after installing what it needs, then the
# whole suite again under AddressSanitizer (--config=asan; tests tagged nosan
# are skipped there), then, if clang is installed, each fuzz target briefly
# (tools/fuzz.sh, FUZZ_SECONDS per target, default 10; FUZZ_SECONDS=0 skips).
# Prints the number of test cases that passed and failed over all of it,
# read from the test.xml reports (a fuzz target counts as one case), as the
# last line: "N passed, N failed". Set NO_ASAN=1 to skip the ASan pass.
set -uo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh || exit 1
counts=$(mktemp)
trap 'rm -f "$counts"' EXIT

# Appends "passed failed" of the last bazel test run to $counts.
count() {
  python3 - >> "$counts" <<'PY'
import glob, xml.etree.ElementTree as ET
passed = failed = 0
for path in glob.glob("bazel-testlogs/**/test.xml", recursive=True):
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError:
        failed += 1
        continue
    suites = [root] if root.tag == "testsuite" else root.iter("testsuite")
    for s in suites:
        if s.tag != "testsuite":
            continue
        tests = int(s.get("tests", 0))
        bad = int(s.get("failures", 0)) + int(s.get("errors", 0))
        passed += tests - bad
        failed += bad
print(passed, failed)
PY
}

bazel test //... "$@"
status=$?
count
if [ "${NO_ASAN:-0}" != 1 ]; then
  echo "test: the suite again under AddressSanitizer (--config=asan)" >&2
  bazel test --config=asan //... "$@" || status=1
  count
fi
seconds=${FUZZ_SECONDS:-10}
if [ "$seconds" -gt 0 ] && command -v clang++ >/dev/null; then
  echo "test: each fuzz target for $seconds s (tools/fuzz.sh)" >&2
  fuzz_out=$(tools/fuzz.sh "$seconds")
  echo "$fuzz_out" >&2
  ok=$(echo "$fuzz_out" | grep -c ': OK,')
  bad=$(echo "$fuzz_out" | grep -c ': CRASH')
  [ "$bad" -eq 0 ] && [ "$ok" -gt 0 ] || status=1
  [ "$ok" -eq 0 ] && [ "$bad" -eq 0 ] && bad=1  # the build failed
  echo "$ok $bad" >> "$counts"
elif [ "$seconds" -gt 0 ]; then
  echo "test: clang++ not installed, fuzz targets not run (tools/setup.sh --fuzz)" >&2
fi
awk '{ p += $1; f += $2 } END { printf "%d passed, %d failed\n", p, f }' "$counts"
exit $status
