#!/usr/bin/env bash
# Installs whatever SellerCalc's build and tests need and is missing; a no-op
# (a few seconds) when everything is already there. One line per step.
#
#   bash scripts/setup.sh        # run it on its own
#   source scripts/setup.sh      # what serve.sh and test.sh do: runs the same
#                                # steps in a child bash, then exports PATH,
#                                # ROOT, CHROMEDRIVER and cds to the repo root
#
# Tool versions are pinned: Trunk 0.21.14, wasm-bindgen-cli = the wasm-bindgen
# version in Cargo.lock, and the npm packages in package-lock.json (wasm-opt
# comes from npm binaryen 132; Debian's /usr/bin/wasm-opt 108 is too old).

SELLERCALC_TRUNK_VERSION="0.21.14"

# Environment every build/test step needs: our pinned tools first on PATH.
sellercalc_env() {
    ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
    export ROOT
    export PATH="$ROOT/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
    # playwright-core never downloads a browser; make sure nothing else tries.
    export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
    export PUPPETEER_SKIP_DOWNLOAD=1
    export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
    cd "$ROOT"
}

if [ "${BASH_SOURCE[0]}" != "$0" ]; then
    # Sourced: do the installs in a child bash (so set -e really applies to
    # every step), then set up this shell's environment.
    bash "${BASH_SOURCE[0]}" || return $?
    sellercalc_env
    return 0
fi

set -euo pipefail

sellercalc_setup() {
    local sudo="" t0=$SECONDS
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    sellercalc_env

    # --- Debian packages: Chromium, chromedriver, CJK fonts, Node -----------
    local apt_pkgs=()
    [ -x /usr/bin/chromium ] || apt_pkgs+=(chromium)
    [ -x /usr/bin/chromedriver ] || apt_pkgs+=(chromium-driver)
    # (Command output is captured before grep -q: with pipefail, a writer killed
    # by SIGPIPE when grep -q stops reading early would count as a failure.)
    local fonts=""
    fonts="$(fc-list : family 2>/dev/null || true)"
    if ! grep -qi "Noto Sans CJK" <<<"$fonts"; then
        apt_pkgs+=(fonts-noto-cjk fontconfig)
    fi
    command -v node >/dev/null || apt_pkgs+=(nodejs)
    command -v npm >/dev/null || apt_pkgs+=(npm)
    if [ "${#apt_pkgs[@]}" -gt 0 ]; then
        echo "setup: apt-get install ${apt_pkgs[*]}"
        $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
        $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${apt_pkgs[@]}" >/dev/null
    else
        echo "setup: chromium, chromedriver, CJK fonts, node: present"
    fi

    # --- Rust target and components ----------------------------------------
    local targets
    targets="$(rustup target list --installed)"
    if ! grep -qx wasm32-unknown-unknown <<<"$targets"; then
        echo "setup: rustup target add wasm32-unknown-unknown"
        rustup target add wasm32-unknown-unknown
    else
        echo "setup: wasm32-unknown-unknown target: present"
    fi
    local comps=() installed_comps
    installed_comps="$(rustup component list --installed)"
    grep -q '^clippy' <<<"$installed_comps" || comps+=(clippy)
    grep -q '^rustfmt' <<<"$installed_comps" || comps+=(rustfmt)
    if [ "${#comps[@]}" -gt 0 ]; then
        echo "setup: rustup component add ${comps[*]}"
        rustup component add "${comps[@]}"
    else
        echo "setup: clippy, rustfmt: present"
    fi

    # --- Trunk --------------------------------------------------------------
    local trunk_have=""
    trunk_have="$(trunk --version 2>/dev/null || true)"
    if [ "$trunk_have" != "trunk $SELLERCALC_TRUNK_VERSION" ]; then
        echo "setup: cargo install trunk $SELLERCALC_TRUNK_VERSION (10-16 min on 2 cores)"
        cargo install trunk --version "$SELLERCALC_TRUNK_VERSION" --locked
    else
        echo "setup: trunk $SELLERCALC_TRUNK_VERSION: present"
    fi

    # --- wasm-bindgen CLI (must equal the wasm-bindgen crate in Cargo.lock) --
    local wbg_id wbg_want wbg_have runner_have
    wbg_id="$(cargo pkgid wasm-bindgen)"
    wbg_want="${wbg_id##*[@#]}"
    wbg_have="$(wasm-bindgen --version 2>/dev/null || true)"
    runner_have="$(wasm-bindgen-test-runner --version 2>/dev/null || true)"
    if [ "${wbg_have%% (*}" != "wasm-bindgen $wbg_want" ] \
        || [ "${runner_have%% (*}" != "wasm-bindgen-test-runner $wbg_want" ]; then
        echo "setup: cargo install wasm-bindgen-cli $wbg_want (about 8 min)"
        # No --locked: its lockfile wants a webpki-roots the registry lacks.
        cargo install wasm-bindgen-cli --version "$wbg_want" --force
    else
        echo "setup: wasm-bindgen-cli $wbg_want: present"
    fi

    # --- npm packages (playwright-core, axe-core, binaryen) ------------------
    if [ ! -f package-lock.json ]; then
        echo "setup: npm install (no package-lock.json yet)"
        npm install --no-audit --no-fund --loglevel=error
    elif [ ! -f node_modules/.package-lock.json ] \
        || [ package-lock.json -nt node_modules/.package-lock.json ]; then
        echo "setup: npm ci"
        npm ci --no-audit --no-fund --loglevel=error
    else
        echo "setup: node_modules: up to date"
    fi

    # --- wasm-opt must be binaryen 132 from npm, not Debian's 108 -----------
    local wo_path wo_ver
    wo_path="$(command -v wasm-opt || true)"
    wo_ver="$(wasm-opt --version 2>/dev/null || true)"
    if [ "$wo_path" != "$ROOT/node_modules/.bin/wasm-opt" ] || [[ "$wo_ver" != *"version 132"* ]]; then
        echo "setup: ERROR: wasm-opt is '$wo_path' ($wo_ver), want node_modules/.bin/wasm-opt version 132" >&2
        exit 1
    fi
    echo "setup: wasm-opt: $wo_ver"

    # --- crates, so Trunk and cargo can build offline ------------------------
    echo "setup: cargo fetch"
    cargo fetch --quiet

    echo "setup: done in $((SECONDS - t0))s"
}

sellercalc_setup
