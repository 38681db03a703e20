#!/usr/bin/env bash
# Checks the Rust and Node versions LiveDesk builds with and says what to install, in one line each,
# before a build would fail with a stack of errors or warnings. Used by `make run` and `make test`.
set -euo pipefail
cd "$(dirname "$0")/.."

RUST_MIN=1.90        # src-tauri's rust-version (Tauri 2.12)
NODE_MIN=20.19.0     # Vite 8, Vitest 4 and vue-tsc 3 in ui/package-lock.json
NODE_QUIET=22.0.0    # vue-i18n 11, chokidar 5, … declare ">= 22"; they run on 20.19+

ver_ge() { [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n1)" = "$2" ]; }
fail=0

if ! command -v rustc >/dev/null || ! command -v cargo >/dev/null; then
  echo "toolchain: Rust is missing: install it with rustup (https://rustup.rs), then run this again." >&2
  fail=1
else
  rust=$(rustc --version | awk '{print $2}')
  if ! ver_ge "$rust" "$RUST_MIN"; then
    echo "toolchain: Rust $rust is too old: LiveDesk needs $RUST_MIN or newer. Run: rustup update stable" >&2
    fail=1
  fi
fi

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "toolchain: Node.js is missing: LiveDesk's UI needs Node.js $NODE_MIN or newer with npm" \
       "(https://nodejs.org; Debian 12's own nodejs 18 is too old — use NodeSource or nvm)." >&2
  fail=1
else
  node=$(node --version | sed 's/^v//')
  if ! ver_ge "$node" "$NODE_MIN"; then
    echo "toolchain: Node.js $node is too old: LiveDesk's UI needs $NODE_MIN or newer" \
         "(Debian 12's nodejs is 18: install Node 22 LTS from NodeSource or with nvm)." >&2
    fail=1
  elif ! ver_ge "$node" "$NODE_QUIET" && [ -z "${LIVEDESK_TOOLCHAIN_QUIET:-}" ]; then
    echo "toolchain: Node.js $node works; a few packages ask for 22+, so npm's engine warnings are" \
         "silenced (Node 22 LTS removes them)."
  fi
fi
exit $fail
