# Helpers of the shell tests, sourced by each (Bazel sh_test with
# deps = ["//testdata:testlib"]):
#   R          this workspace in the test's runfiles
#   T          the test's scratch directory
#   fail MSG   reports a failed check and goes on
#   finish WHAT  exits 1 if a check failed, else says WHAT checks passed
R="${TEST_SRCDIR}/newsgraph"
T="${TEST_TMPDIR}"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
finish() {
  if [ "$failures" -ne 0 ]; then
    echo "$failures check(s) failed"
    exit 1
  fi
  echo "all $* checks passed"
}
