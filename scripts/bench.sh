#!/usr/bin/env bash
# SellerCalc's benchmark (issue #7): one command, prints a table and writes
# bench-results/bench-<UTC timestamp>.json and bench-results/latest.json (git-ignored).
#
#   bash scripts/bench.sh                 build everything, then measure (1-2 min when cached)
#   bash scripts/bench.sh --no-build      measure the builds already in bench-results/build/
#   bash scripts/bench.sh --attribution   also attribute the wasm's size to crates (current sources)
#   bash scripts/bench.sh --catalog       only catalog mode (issue #6): 1,000, 10,000 and 100,000
#                                         SKUs natively (bench/engine) and in the browser
#                                         (bench/catalog.mjs); about 1 min after the builds
#   bash scripts/bench.sh --lighthouse    only Lighthouse (issue #17): the mobile preset on the app
#                                         and the floor, three interleaved runs each, medians side
#                                         by side (bench/lighthouse.mjs); about 2-3 min after the
#                                         builds; writes bench-results/lighthouse-latest.{json,md}
#
# Steps: set-up (scripts/setup.sh); release build of the app with Trunk into
# bench-results/build/app (dist/ is left alone); release build of the Yew hello-world floor
# (bench/hello, same profile) into bench-results/build/hello; the native engine benchmark
# (bench/engine); precompressed .gz/.br next to both builds (scripts/precompress.mjs); then
# bench/run.mjs in headless Chromium. See docs/performance.md for the method.
#
# Exits non-zero if a build fails, a page logs an error, or memory grows more than 2x over
# 1,000 edits. Timings are reported, never asserted; the size budget is asserted by
# tests/e2e/size-budget.test.mjs.
set -euo pipefail
BUILD=1
ATTRIBUTION=0
CATALOG=0
LIGHTHOUSE=0
for arg in "$@"; do
    case "$arg" in
        --no-build) BUILD=0 ;;
        --attribution) ATTRIBUTION=1 ;;
        --catalog) CATALOG=1 ;;
        --lighthouse) LIGHTHOUSE=1 ;;
        -h | --help) sed -n '2,24p' "${BASH_SOURCE[0]}"; exit 0 ;;
        *) echo "bench: unknown argument '$arg' (try --help)" >&2; exit 2 ;;
    esac
done

# shellcheck source=scripts/setup.sh
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"   # installs what is missing; cds to the repo root

OUT="$ROOT/bench-results"
BUILD_DIR="$OUT/build"
mkdir -p "$BUILD_DIR"
T0=$SECONDS

step() { echo; echo "== bench: $*"; }

if [ "$BUILD" -eq 1 ]; then
    step "scripts/build.sh (SellerCalc: calculator + catalog) -> bench-results/build/app"
    bash scripts/build.sh "$BUILD_DIR/app"

    step "trunk build --release (Yew hello-world floor, bench/hello) -> bench-results/build/hello"
    # Its own workspace and Cargo.lock (same versions as the root lock); crates are already
    # in the cache after setup's cargo fetch, so this does not need the network.
    cargo fetch --quiet --manifest-path bench/hello/Cargo.toml
    (cd bench/hello && CARGO_TARGET_DIR="$ROOT/target/bench-hello" \
        trunk build --release --offline --dist "$BUILD_DIR/hello")

    if [ "$LIGHTHOUSE" -eq 0 ]; then
        step "native engine benchmark (bench/engine, release profile)"
        cargo fetch --quiet --manifest-path bench/engine/Cargo.toml
        CARGO_TARGET_DIR="$ROOT/target/bench-engine" \
            cargo build --release --offline --quiet --manifest-path bench/engine/Cargo.toml
    fi
fi

if [ "$LIGHTHOUSE" -eq 1 ]; then
    # Lighthouse is installed here on first use, pinned, outside the project's dependencies
    # (200 MB that no test needs).
    if [ ! -x "$ROOT/target/lighthouse/node_modules/.bin/lighthouse" ]; then
        step "install Lighthouse 12.2.3 into target/lighthouse (once)"
        npm install --no-save --no-audit --no-fund --prefix "$ROOT/target/lighthouse" lighthouse@12.2.3 >/dev/null
    fi
    step "precompress (.gz, .br) both builds"
    node scripts/precompress.mjs "$BUILD_DIR/app" >/dev/null
    node scripts/precompress.mjs "$BUILD_DIR/hello" >/dev/null
    step "Lighthouse, mobile preset: SellerCalc and the floor, interleaved (bench/lighthouse.mjs)"
    rc=0
    node bench/lighthouse.mjs || rc=$?
    echo
    echo "bench: done in $((SECONDS - T0))s (exit $rc)"
    exit "$rc"
fi

if [ ! -x "$ROOT/target/bench-engine/release/sellercalc-engine-bench" ]; then
    echo "bench: no native engine benchmark built; run without --no-build" >&2
    exit 1
fi
if [ "$CATALOG" -eq 1 ]; then
    step "catalog mode, natively (bench/engine catalog): 1,000 / 10,000 / 100,000 SKUs"
    (cd "$ROOT/bench/engine" && "$ROOT/target/bench-engine/release/sellercalc-engine-bench" catalog)
    step "catalog mode in the browser (bench/catalog.mjs), the same files"
    rc=0
    node bench/catalog.mjs "$BUILD_DIR/app" || rc=$?
    echo
    echo "bench: done in $((SECONDS - T0))s (exit $rc)"
    exit "$rc"
fi

step "native engine throughput (1 s per measure)"
"$ROOT/target/bench-engine/release/sellercalc-engine-bench" 1 >"$BUILD_DIR/engine-native.json"
cat "$BUILD_DIR/engine-native.json"

step "precompress (.gz, .br) both builds"
node scripts/precompress.mjs "$BUILD_DIR/app" >/dev/null
node scripts/precompress.mjs "$BUILD_DIR/hello" >/dev/null
echo "precompressed $BUILD_DIR/app and $BUILD_DIR/hello"

if [ "$ATTRIBUTION" -eq 1 ]; then
    step "size attribution (wasm with names; same code as the shipped wasm)"
    # The release build again, then wasm-bindgen and wasm-opt -Oz as Trunk runs them, but
    # with -g so the name section survives for attribution.
    cargo build --release --offline --quiet --target wasm32-unknown-unknown --bin sellercalc
    PROF="$BUILD_DIR/profiling"
    rm -rf "$PROF" && mkdir -p "$PROF"
    wasm-bindgen --target web --no-typescript --keep-debug --out-dir "$PROF" \
        target/wasm32-unknown-unknown/release/sellercalc.wasm
    wasm-opt -Oz -g "$PROF/sellercalc_bg.wasm" -o "$PROF/sellercalc-names.wasm"
    # The floor the same way (its cargo build is cached by the trunk build above).
    (cd bench/hello && CARGO_TARGET_DIR="$ROOT/target/bench-hello" \
        cargo build --release --offline --quiet --target wasm32-unknown-unknown --bin hello)
    wasm-bindgen --target web --no-typescript --keep-debug --out-dir "$PROF" \
        target/bench-hello/wasm32-unknown-unknown/release/hello.wasm
    wasm-opt -Oz -g "$PROF/hello_bg.wasm" -o "$PROF/hello-names.wasm"
    # Without its name section each file is the shipped wasm, byte for byte, so attribute.mjs
    # scales its estimates to that file's own gzip size (of the current sources).
    node bench/attribute.mjs "$PROF/sellercalc-names.wasm" --baseline "$PROF/hello-names.wasm" \
        --json "$BUILD_DIR/attribution.json"
    if command -v twiggy >/dev/null; then
        twiggy top -n 25 "$PROF/sellercalc-names.wasm" | cut -c1-160
    else
        echo "(twiggy not installed: cargo install twiggy --locked, for per-function detail)"
    fi
fi

step "measure (bench/run.mjs, headless Chromium)"
rc=0
node bench/run.mjs || rc=$?
echo
echo "bench: done in $((SECONDS - T0))s (exit $rc)"
exit "$rc"
