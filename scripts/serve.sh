#!/usr/bin/env bash
# Builds the release app with Trunk (the calculator, and the catalog at /catalog/) and serves
# dist/ at http://127.0.0.1:$PORT/ (default 8080). Ctrl-C stops it.
set -euo pipefail
PORT="${PORT:-8080}"
# shellcheck source=scripts/setup.sh
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"   # installs what is missing; cds to the repo root

bash scripts/build.sh dist

echo "serve: starting the static server on port $PORT"
# Prints "SellerCalc is at http://127.0.0.1:$PORT/" once it is listening.
exec node scripts/static-server.mjs --dir dist --host 127.0.0.1 --port "$PORT"
