#!/usr/bin/env bash
# Builds the release .deb (AppImage would download tools from the internet, so deb only).
# The Tauri CLI is the UI's @tauri-apps/cli when installed there, else npm's pinned 2.12.5.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh app
scripts/ui-deps.sh
tauri=(ui/node_modules/.bin/tauri)
[ -x "${tauri[0]}" ] || tauri=(npx --yes @tauri-apps/cli@2.12.5)
TAURI_APP_PATH=src-tauri TAURI_FRONTEND_PATH=ui "${tauri[@]}" build --bundles deb
find "${CARGO_TARGET_DIR:-target}/release/bundle/deb" -name '*.deb' -exec ls -l {} +
