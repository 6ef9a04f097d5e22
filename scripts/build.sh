#!/usr/bin/env bash
# Release build for a static host. Usage: scripts/build.sh [public-url] [dist-dir]
# e.g. scripts/build.sh /wizard/ dist   → files for https://example.org/wizard/
set -euo pipefail
cd "$(dirname "$0")/.."
PUBLIC_URL="${1:-/}"
DIST="${2:-dist}"
export TRUNK_SKIP_VERSION_CHECK=true
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
trunk build --release --offline --public-url "$PUBLIC_URL" --dist "$DIST"
node scripts/csp-hashes.mjs "$DIST"
