#!/usr/bin/env bash
# Builds the UI (npm ci when node_modules is missing or older than the lockfile) and the app with
# the UI embedded (feature custom-protocol), debug profile. Used by make run / e2e / screenshots.
# Usage: scripts/build-app.sh [--release]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ui-deps.sh
(cd ui && npm run build)
profile=()
[ "${1:-}" = "--release" ] && profile=(--release)
cargo build --locked -p livedesk --features custom-protocol "${profile[@]}"
