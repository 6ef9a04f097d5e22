#!/usr/bin/env bash
# Release build for a static host. Usage: scripts/build.sh [public-url] [dist-dir]
# e.g. scripts/build.sh /wizard/ dist   → files for https://example.org/wizard/
set -euo pipefail
cd "$(dirname "$0")/.."
PUBLIC_URL="${1:-/}"
DIST="${2:-dist}"
export TRUNK_SKIP_VERSION_CHECK=true
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# Three pages, each its own bundle: index.html ("Your circuits", the first load), wizard.html
# (create, the five steps, changes) and tools.html (import, demos, timelines), the last two fetched
# only when first opened. Trunk empties its dist, so the others build beside it and are merged in
# (the shared CSS and icon have the same content-hashed names in all three).
trunk build --release --offline --public-url "$PUBLIC_URL" --dist "$DIST" index.html
for page in wizard tools; do
  STAGE="$DIST.$page-stage"
  trunk build --release --offline --public-url "$PUBLIC_URL" --dist "$STAGE" "$page.html"
  mv "$STAGE/index.html" "$DIST/$page.html"   # Trunk always names its output index.html
  cp -n "$STAGE"/* "$DIST"/
  rm -rf "$STAGE"
done
# The wasm-bindgen glue and the style sheets minified, their integrity attributes updated.
node scripts/minify.mjs "$DIST"
# The manifest and icons, the prefetch script linked from each page, and the service worker with
# every file of this build and its sha384 (after the pages' last change, before their CSP hashes).
node scripts/offline.mjs "$DIST" "$PUBLIC_URL"
node scripts/csp-hashes.mjs "$DIST"
