#!/usr/bin/env bash
# Runs CMD... with DISPLAY set to a private Xvfb (a display number of its own, never hard-coded),
# stopped afterwards. Usage: scripts/with-xvfb.sh CMD [ARGS...]
set -euo pipefail
[ $# -gt 0 ] || { echo "usage: $0 CMD [ARGS...]" >&2; exit 2; }
command -v Xvfb >/dev/null || { echo "$0: Xvfb missing: run scripts/bootstrap.sh app" >&2; exit 1; }
tmp=$(mktemp -d)
Xvfb -displayfd 5 -screen 0 1280x800x24 -nolisten tcp 5>"$tmp/display" 2>"$tmp/xvfb.log" &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true; wait $xvfb 2>/dev/null || true; rm -rf "$tmp"' EXIT
until [ -s "$tmp/display" ]; do
  kill -0 $xvfb 2>/dev/null || { cat "$tmp/xvfb.log" >&2; exit 1; }
  sleep 0.05
done
DISPLAY=":$(head -n1 "$tmp/display")" "$@"
