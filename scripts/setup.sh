#!/usr/bin/env bash
# Installs whatever the build and the tests need and is missing; skips what is present.
# Only the package registries are used (crates.io, npm, Debian apt): nothing is downloaded from
# anywhere else, so the Trunk build runs offline against the local tools.
# Usage: scripts/setup.sh [--browser]   (--browser adds Chromium, chromedriver and brotli for the tests)
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14   # 0.22 needs a newer rustc than the build machines have
export TRUNK_SKIP_VERSION_CHECK=true
export PATH="$HOME/.cargo/bin:$PATH"
want_browser=0
[ "${1:-}" = "--browser" ] && want_browser=1

say() { echo "setup: $*"; }
timed() { local s; s=$(date +%s); "$@"; say "took $(( $(date +%s) - s ))s: $*"; }

# 1. The wasm target.
rustup target list --installed | grep -qx wasm32-unknown-unknown \
  || timed rustup target add wasm32-unknown-unknown

# 2. Debian packages (the browser for the tests; brotli for the benchmark).
if [ "$want_browser" = 1 ]; then
  missing=""
  for p in chromium chromium-driver brotli; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing="$missing $p"
  done
  if [ -n "$missing" ]; then
    sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
    say "installing$missing from Debian"
    timed $sudo apt-get update -qq
    # Never binaryen from Debian: its wasm-opt 108 silently breaks current rustc output.
    timed env DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing
  fi
fi

# 3. Trunk.
if [ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (about 13 minutes on 2 cores)"
  timed cargo install --locked trunk --version "$TRUNK_VERSION"
fi

# 4. wasm-bindgen-cli of exactly the Cargo.lock version (Trunk would otherwise try to download it).
timed cargo fetch --locked
WB=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WB" ] \
   || [ "$(wasm-bindgen-test-runner --version 2>/dev/null || true)" != "wasm-bindgen-test-runner $WB" ]; then
  say "installing wasm-bindgen-cli $WB (about 6 minutes)"
  # Not --locked: the crate's own lock file names a version the registry no longer serves.
  timed cargo install --force wasm-bindgen-cli --version "$WB"
fi
grep -q "wasm_bindgen = \"$WB\"" Trunk.toml \
  || { echo "setup: Trunk.toml [tools] wasm_bindgen must be \"$WB\" (the Cargo.lock version)"; exit 1; }

# 5. Node packages: wasm-opt (npm binaryen), Playwright (driving Debian's Chromium), axe-core,
#    terser and Lightning CSS (scripts/minify.mjs).
if [ ! -d node_modules/binaryen ] || [ ! -d node_modules/@playwright/test ] || [ ! -d node_modules/terser ] \
   || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  timed env PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-fund --no-audit
fi
WO=$(node_modules/.bin/wasm-opt --version | awk '{print "version_" $3}')
grep -q "wasm_opt = \"$WO\"" Trunk.toml \
  || { echo "setup: Trunk.toml [tools] wasm_opt must be \"$WO\""; exit 1; }
say "ready: $(trunk --version), $(wasm-bindgen --version), wasm-opt $WO"
