#!/usr/bin/env bash
# Builds both pages for release:
#   the calculator  index.html          -> $DIST/          (default dist/)
#   the catalog     catalog/index.html  -> $DIST/catalog/  (its own wasm, relative URLs)
# The catalog is a separate Trunk build so that the calculator's first load does not carry it.
# It is built second: each Trunk build replaces its whole dist directory, so building the
# calculator after it would delete $DIST/catalog/.
#
#   bash scripts/build.sh [dist-dir]
# Expects the tools on PATH (scripts/setup.sh); serve.sh, test.sh and bench.sh call it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
DIST="${1:-dist}"
echo "build: trunk build --release (calculator) -> $DIST/"
trunk build --release --offline=true --dist "$DIST"
echo "build: trunk build --release (catalog) -> $DIST/catalog/"
trunk build --release --offline=true --dist "$DIST/catalog" --public-url ./ catalog/index.html
