#!/usr/bin/env bash
# Runs every test (bazel test //...) after installing what it needs, then
# prints the number of test cases that passed and failed, read from the
# test.xml reports, as the last line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh || exit 1
bazel test //... "$@"
status=$?
python3 - <<'PY'
import glob, os, xml.etree.ElementTree as ET
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
print(f"{passed} passed, {failed} failed")
PY
exit $status
