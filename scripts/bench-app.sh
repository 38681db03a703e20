#!/usr/bin/env bash
# The desktop app's benchmarks: cold start to interactive and memory after 6 s idle, LiveDesk's
# release build against the smallest Tauri 2 app (bench/tauri-baseline) built the same way, under
# Xvfb with a private session bus (and keyring), each app with its own HOME/XDG dirs.
# Usage: scripts/bench-app.sh [app-bench flags, e.g. --runs 10 --idle-runs 3 --idle-secs 6]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh app
scripts/build-app.sh --release
cargo build --locked --release -p tauri-baseline --features custom-protocol
cargo build --locked --release -p app-bench
target="${CARGO_TARGET_DIR:-$PWD/target}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# No accessibility bus for either app: its launcher would outlive the display.
export NO_AT_BRIDGE=1 GTK_A11Y=none
scripts/with-xvfb.sh scripts/with-keyring.sh "$target/release/app-bench" \
  --app "$target/release/livedesk" --baseline "$target/release/tauri-baseline" --work "$work" "$@"
