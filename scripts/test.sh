#!/usr/bin/env bash
# Installs what is missing, then runs every test layer in order and stops at the first failure:
#   1. cargo fmt --check   2. clippy -D warnings (native and wasm32)   3. native cargo test (core + app logic)
#   4. wasm-bindgen-test in headless Chromium   5. Playwright against the release build under /wizard/
set -euo pipefail
cd "$(dirname "$0")/.."
T0=$(date +%s)
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
export CHROMEDRIVER=/usr/bin/chromedriver
LOG=$(mktemp -d)
summary=()

layer() {  # layer <name> <command...>: run, keep the output, record the test counts
  local name=$1; shift
  local s; s=$(date +%s)
  echo; echo "=== [$(( s - T0 ))s] $name"
  if ! "$@" 2>&1 | tee "$LOG/$name.log"; then
    echo; echo "FAILED: $name"; exit 1
  fi
  local counts
  counts=$( (grep -Eo 'test result: ok\. [0-9]+ passed' "$LOG/$name.log" || true) | awk '{s+=$4} END {if (NR) print s " passed"}')
  [ -n "$counts" ] || counts=$(grep -Eo '[0-9]+ passed' "$LOG/$name.log" | tail -n 1 || true)
  summary+=("$(printf '%-28s ok  %-14s %4ss' "$name" "${counts:-}" "$(( $(date +%s) - s ))")")
}

layer setup scripts/setup.sh --browser
layer fmt cargo fmt --all --check
layer clippy-native cargo clippy --workspace --all-targets --locked -- -D warnings
# The core's own tests use proptest, which does not build for wasm32: on wasm32 the core is linted
# as the library the app ships, and everything else with all its targets.
layer clippy-wasm32 sh -c 'cargo clippy --workspace --exclude er-core --all-targets --locked --target wasm32-unknown-unknown -- -D warnings && cargo clippy -p er-core --lib --locked --target wasm32-unknown-unknown -- -D warnings'
layer core-and-native-tests cargo test --workspace --locked
layer wasm-bindgen-test cargo test -p er-wizard --locked --target wasm32-unknown-unknown
layer release-build scripts/build.sh /wizard/ dist-e2e
layer playwright npx playwright test

echo
echo "=== all layers passed in $(( $(date +%s) - T0 ))s"
printf '%s\n' "${summary[@]}"
