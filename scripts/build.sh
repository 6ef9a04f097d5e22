#!/usr/bin/env bash
# Release build for a static host. Usage: scripts/build.sh [public-url] [dist-dir]
# e.g. scripts/build.sh /wizard/ dist   → files for https://example.org/wizard/
set -euo pipefail
cd "$(dirname "$0")/.."
PUBLIC_URL="${1:-/}"
DIST="${2:-dist}"
export TRUNK_SKIP_VERSION_CHECK=true
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# Two pages: index.html (the wizard, the first load) and tools.html (import and demos, a second
# bundle fetched only when first opened). Trunk empties its dist, so the second builds beside it
# and is merged in (the shared CSS and icon have the same content-hashed names in both).
TOOLS_DIST="$DIST.tools-stage"
trunk build --release --offline --public-url "$PUBLIC_URL" --dist "$DIST" index.html
trunk build --release --offline --public-url "$PUBLIC_URL" --dist "$TOOLS_DIST" tools.html
mv "$TOOLS_DIST/index.html" "$DIST/tools.html"   # Trunk always names its output index.html
cp -n "$TOOLS_DIST"/* "$DIST"/
rm -rf "$TOOLS_DIST"
node scripts/csp-hashes.mjs "$DIST"
