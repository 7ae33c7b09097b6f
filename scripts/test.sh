#!/usr/bin/env bash
# Installs what is missing, then runs every check and test, stopping at the
# first failure:
#   1 fmt      cargo fmt --check
#   2 clippy   native and wasm32, warnings are errors
#   3 engine   cargo test -p sellercalc-engine, and cargo test -p sellercalc --lib (native)
#   4 wasm     cargo test -p sellercalc in headless Chromium (wasm-bindgen-test-runner)
#   5 e2e      scripts/build.sh (calculator + catalog, release), then node --test tests/e2e/
#              (playwright-core + Chromium)
set -euo pipefail
# shellcheck source=scripts/setup.sh
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"   # installs what is missing; cds to the repo root

STAGE="setup"
PASSED=()
T_ALL=$SECONDS
T_STAGE=$SECONDS

# The browsers get a temporary directory of their own, removed at exit: chromedriver stops
# Chromium without letting it delete its profile (~55 MB under $TMPDIR per wasm test binary),
# and those leftovers once filled the disk of the machine CI runs on.
BROWSER_TMP=$(mktemp -d "${TMPDIR:-/tmp}/sellercalc-test.XXXXXX")

on_exit() {
    local rc=$?
    rm -rf "$BROWSER_TMP"
    if [ "$rc" -ne 0 ]; then
        echo
        echo "================================================================"
        echo "test.sh: FAILED in stage '$STAGE' (exit $rc)"
        [ "${#PASSED[@]}" -eq 0 ] || echo "test.sh: passed before it: ${PASSED[*]}"
        echo "================================================================"
    fi
}
trap on_exit EXIT

stage() {
    if [ "$STAGE" != "setup" ]; then
        PASSED+=("$STAGE($((SECONDS - T_STAGE))s)")
    fi
    STAGE="$1"
    T_STAGE=$SECONDS
    echo
    echo "================================================================"
    echo "== $1: $2"
    echo "================================================================"
}

stage fmt "cargo fmt --all -- --check"
cargo fmt --all -- --check

stage clippy "cargo clippy (native and wasm32-unknown-unknown), -D warnings"
cargo clippy --workspace --all-targets -- -D warnings
# The engine's dev-dependencies (proptest, rand) do not build for wasm32; its library does.
cargo clippy -p sellercalc --all-targets --target wasm32-unknown-unknown -- -D warnings
cargo clippy -p sellercalc-engine --lib --target wasm32-unknown-unknown -- -D warnings

stage engine "cargo test -p sellercalc-engine, and the app's own unit tests (native)"
cargo test -p sellercalc-engine
# The app's #[test] unit tests (text tables in every language, language packs in sync, number
# parsing) are plain Rust: they run natively; the wasm stage runs the browser tests.
cargo test -p sellercalc --lib

stage wasm "cargo test -p sellercalc --target wasm32-unknown-unknown (headless Chromium)"
# The runner reads the browser capabilities (--no-sandbox etc., needed as root)
# from webdriver.json; name it absolutely so the test binary's cwd doesn't matter.
TMPDIR="$BROWSER_TMP" CHROMEDRIVER=/usr/bin/chromedriver \
    WASM_BINDGEN_TEST_WEBDRIVER_JSON="$ROOT/webdriver.json" \
    WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-60}" \
    cargo test -p sellercalc --target wasm32-unknown-unknown

stage e2e "scripts/build.sh (both pages, release), then node --test tests/e2e/"
bash scripts/build.sh dist
mkdir -p artifacts/screenshots
TMPDIR="$BROWSER_TMP" node --test tests/e2e/

PASSED+=("$STAGE($((SECONDS - T_STAGE))s)")
echo
echo "================================================================"
echo "test.sh: all stages OK in $((SECONDS - T_ALL))s: ${PASSED[*]}"
echo "================================================================"
