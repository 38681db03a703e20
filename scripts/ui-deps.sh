#!/usr/bin/env bash
# Installs the UI's npm packages with `npm ci`, only when they are missing or older than the lockfile.
set -euo pipefail
cd "$(dirname "$0")/../ui"
LIVEDESK_TOOLCHAIN_QUIET=1 ../scripts/check-toolchain.sh
quiet=()
# Node 20.19+ runs every package; those declaring ">= 22" would print a screen of EBADENGINE warnings.
node -e 'process.exit(+process.versions.node.split(".")[0] >= 22 ? 0 : 1)' || quiet=(--loglevel=error)
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund "${quiet[@]}"
fi
