#!/usr/bin/env bash
# Installs what is missing, builds the release app and serves it at http://127.0.0.1:8080/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh / dist
echo "Open http://127.0.0.1:8080/"
exec node scripts/static-server.mjs dist 8080 /
