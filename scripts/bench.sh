#!/usr/bin/env bash
# The benchmark (not part of scripts/test.sh): builds the release app and the two floor pages, then
# measures transfer size, time to interactive (1x and 4x CPU throttling), one action + re-render and
# localStorage save/load in headless Chromium, prints a Markdown table and PASS/FAIL budget lines.
# Exits 0 even when a budget fails (budgets are reported, not enforced); non-zero only if it cannot
# build or measure.
# Usage: scripts/bench.sh [--no-build]     Env: BENCH_LOADS (>=15), BENCH_ACTIONS (1000), BENCH_JSON=file
set -euo pipefail
cd "$(dirname "$0")/.."
export TRUNK_SKIP_VERSION_CHECK=true
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
DIST=dist-bench

if [ "${1:-}" != "--no-build" ]; then
  scripts/setup.sh --browser >&2
  # The app, exactly as shipped (release profile, wasm-opt -Oz from npm binaryen, CSP hashes).
  scripts/build.sh / "$DIST" >&2
  # The Leptos floor app: same workspace release profile, same Trunk and wasm-opt settings.
  (cd bench/floor && trunk build --release --offline) >&2
  node scripts/csp-hashes.mjs bench/floor/dist >&2   # served with the same CSP as the app
fi
for d in "$DIST" bench/floor/dist; do
  [ -d "$d" ] || { echo "bench: $d is missing: run without --no-build" >&2; exit 1; }
done
echo "bench: measuring (takes a few minutes; numbers are noisy if the machine is busy)" >&2
node scripts/bench.mjs "$DIST" bench/floor/dist bench/plain
