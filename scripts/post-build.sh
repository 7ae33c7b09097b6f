#!/usr/bin/env bash
# Trunk's post_build hook for the calculator (Trunk.toml), on the staged output before it
# replaces dist/:
#   1. writes the first screen, rendered natively by Yew's ServerRenderer, into index.html
#      (src/bin/prerender.rs; a debug build, which shares its compiled crates with the native
#      tests), when it has the element for it (the catalog page, built with the same Trunk.toml,
#      has none);
#   2. on that same page, starts the app after the picture's first contentful paint instead of
#      from <head>: Trunk's preloads of the JS and the wasm move into its start-up script
#      (scripts/defer-start.mjs; issue #17);
#   3. writes the Content-Security-Policy with the hashes of index.html's inline scripts
#      (scripts/csp.mjs).
# One hook, so that the steps run in this order on the same file (the policy hashes the final
# scripts).
set -euo pipefail
STAGE="${TRUNK_STAGING_DIR:?run by trunk build (Trunk.toml), or set TRUNK_STAGING_DIR}"
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if grep -Eq '<div id="?prerendered' "$STAGE/index.html"; then
    cargo run --quiet --offline --bin prerender -- "$STAGE/index.html"
    node scripts/defer-start.mjs "$STAGE"
fi
node scripts/csp.mjs "$STAGE"
