#!/usr/bin/env bash
# Installs what building and testing need, from Debian's archive only.
# Idempotent: does nothing when everything is installed. Run as root (or with
# sudo available).
#
#   tools/setup.sh           # build and test
#   tools/setup.sh --bench   # also what tools/bench.sh needs
#   tools/setup.sh --fuzz    # also clang and libFuzzer for tools/fuzz.sh
set -euo pipefail
PACKAGES=(bazel-bootstrap libre2-dev libabsl-dev libprotobuf-dev
          protobuf-compiler libgtest-dev libbenchmark-dev iso-codes
          pkg-config python3 python3-protobuf graphviz python3-networkx time
          wamerican wamerican-small python3-distributed python3-dask procps)
if [ "${1:-}" = "--fuzz" ]; then
  # Debian bookworm's clang is 14; libFuzzer and the sanitizer runtimes are
  # in libclang-rt-14-dev.
  PACKAGES+=(clang libclang-rt-14-dev)
fi
if [ "${1:-}" = "--bench" ]; then
  # node and npm may come from elsewhere than Debian (npm is bundled with
  # some nodejs builds): install them only when the commands are missing.
  command -v node >/dev/null || PACKAGES+=(nodejs)
  command -v npm >/dev/null || PACKAGES+=(npm)
fi
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
    missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
echo "setup: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
