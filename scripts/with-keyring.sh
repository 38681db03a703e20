#!/usr/bin/env bash
# Runs CMD... inside a private D-Bus session with a throwaway, unlocked gnome-keyring (a real
# Secret Service), so keyring tests never touch the user's keyring and leave nothing behind.
# Usage: scripts/with-keyring.sh CMD [ARGS...]
# The keyring's files live in a temp XDG_DATA_HOME; CMD gets KEEP_XDG_DATA_HOME as its XDG_DATA_HOME
# when that is set (the e2e tests give the app a data dir they can search afterwards).
set -euo pipefail
[ $# -gt 0 ] || { echo "usage: $0 CMD [ARGS...]" >&2; exit 2; }
for bin in dbus-run-session gnome-keyring-daemon; do
  command -v "$bin" >/dev/null || { echo "$0: $bin missing: run scripts/bootstrap.sh app" >&2; exit 1; }
done
exec dbus-run-session -- bash -c '
  set -euo pipefail
  tmp=$(mktemp -d)
  trap "kill \${GNOME_KEYRING_PID:-} 2>/dev/null || true; rm -rf \"$tmp\"" EXIT
  export XDG_DATA_HOME="$tmp/data" XDG_RUNTIME_DIR="$tmp/run"
  mkdir -p "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR"; chmod 700 "$XDG_RUNTIME_DIR"
  eval "$(printf test | gnome-keyring-daemon --unlock --components=secrets | sed "s/^/export /")"
  if [ -n "${KEEP_XDG_DATA_HOME:-}" ]; then export XDG_DATA_HOME="$KEEP_XDG_DATA_HOME"; fi
  "$@"
' with-keyring "$@"
