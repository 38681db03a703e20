#!/usr/bin/env bash
# End-to-end tests of the real app: builds LiveDesk with the UI embedded, then runs
# tests/e2e/run.mjs against it over WebDriver (tauri-driver + WebKitWebDriver) under Xvfb, in a
# private D-Bus session with a throwaway keyring, with its own HOME/XDG dirs and free ports.
# Usage: scripts/e2e.sh [SCRIPT.mjs]   (default tests/e2e/run.mjs; the push-latency benchmark runs
#        bench/console-push.mjs the same way; LIVEDESK_SCREENSHOTS=dir to also save screenshots;
#        LIVEDESK_PROFILE=release to drive the release build)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
TAURI_DRIVER_VERSION=2.1.0

# The OBS steps start a real OBS Studio on the tests' display.
scripts/bootstrap.sh app obs
export PATH="$HOME/.cargo/bin:$PATH"
# tauri-driver has no --version: ask cargo which version it installed.
if ! command -v tauri-driver >/dev/null \
   || ! cargo install --list | grep -qx "tauri-driver v$TAURI_DRIVER_VERSION:"; then
  cargo install tauri-driver --version "$TAURI_DRIVER_VERSION" --locked
fi
command -v node >/dev/null || { echo "e2e: LiveDesk's tests need Node.js 20+ (https://nodejs.org)" >&2; exit 1; }

SCRIPT=${1:-tests/e2e/run.mjs}
PROFILE=${LIVEDESK_PROFILE:-debug}
if [ "$PROFILE" = release ]; then scripts/build-app.sh --release; else scripts/build-app.sh; fi
APP="${CARGO_TARGET_DIR:-$ROOT/target}/$PROFILE/livedesk"
[ -x "$APP" ] || { echo "e2e: no app binary at $APP" >&2; exit 1; }

free_port() { node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }

work=$(mktemp -d)
pids=()
# Processes started on our behalf that were reparented away from us (WebKit's helpers, services the
# session bus activated): found by PID through the marker only our environment carries.
ours() {
  local e
  for e in /proc/[0-9]*/environ; do
    grep -qzx "LIVEDESK_E2E_DIR=$work/scratch" "$e" 2>/dev/null && { e=${e#/proc/}; echo "${e%/environ}"; }
  done
  return 0
}
cleanup() {
  local left
  left=$(ours)
  if [ -n "$left" ]; then
    kill $left 2>/dev/null || true
    for _ in $(seq 50); do left=$(ours); [ -z "$left" ] && break; sleep 0.1; done
    [ -z "$left" ] || kill -9 $left 2>/dev/null || true
  fi
  for p in ${pids[@]+"${pids[@]}"}; do kill "$p" 2>/dev/null || true; done
  for p in ${pids[@]+"${pids[@]}"}; do wait "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

# A display of our own (never a hard-coded number).
f="$work/display"; Xvfb -displayfd 5 -screen 0 1280x800x24 -nolisten tcp 5>"$f" 2>"$work/xvfb.log" &
pids+=($!)
until [ -s "$f" ]; do kill -0 "${pids[-1]}" 2>/dev/null || { cat "$work/xvfb.log" >&2; exit 1; }; sleep 0.05; done
export DISPLAY=":$(head -n1 "$f")"

mkdir -p "$work/home" "$work/data" "$work/config" "$work/cache" "$work/scratch"
export HOME="$work/home" XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" XDG_CACHE_HOME="$work/cache"
export KEEP_XDG_DATA_HOME="$work/data"
# No accessibility bus: nothing in the tests reads it, and its launcher outlives the display.
export NO_AT_BRIDGE=1 GTK_A11Y=none
export LIVEDESK_APP="$APP" LIVEDESK_E2E_DIR="$work/scratch" LIVEDESK_E2E_SCRIPT="$SCRIPT"
# The app's sandbox simulator picks its own free port; run.mjs reads it from the app's log.
unset LIVEDESK_SANDBOX_PORT
# Ports are picked free, then handed to tauri-driver: another process may take one in between, so a
# driver that dies before answering is started again on fresh ports (three tries).
export -f free_port

status=0
"$ROOT/scripts/with-keyring.sh" bash -c '
  set -euo pipefail
  driver=
  # Stops the driver and whatever it started (WebKitWebDriver, the app and its WebKit processes),
  # by PID: the tree under the driver, leaves first.
  tree() { local c; for c in $(ps -o pid= --ppid "$1" 2>/dev/null); do tree "$c"; done; echo "$1"; }
  stop() {
    [ -n "$driver" ] || return 0
    local p; for p in $(tree "$driver"); do kill "$p" 2>/dev/null || true; done
    wait "$driver" 2>/dev/null || true
  }
  trap stop EXIT
  ready=
  for attempt in 1 2 3; do
    TAURI_DRIVER_PORT=$(free_port); TAURI_NATIVE_PORT=$(free_port)
    export LIVEDESK_WEBDRIVER="http://127.0.0.1:$TAURI_DRIVER_PORT"
    tauri-driver --port "$TAURI_DRIVER_PORT" --native-port "$TAURI_NATIVE_PORT" >"$LIVEDESK_E2E_DIR/driver.log" 2>&1 &
    driver=$!
    for _ in $(seq 600); do
      if curl -sf "$LIVEDESK_WEBDRIVER/status" >/dev/null 2>&1; then ready=1; break; fi
      kill -0 "$driver" 2>/dev/null || break
      sleep 0.1
    done
    [ -n "$ready" ] && break
    echo "e2e: tauri-driver did not answer on $LIVEDESK_WEBDRIVER (try $attempt):" >&2
    tail -n 5 "$LIVEDESK_E2E_DIR/driver.log" >&2 || true
    stop
  done
  [ -n "$ready" ] || { echo "e2e: tauri-driver never started" >&2; exit 1; }
  node "$LIVEDESK_E2E_SCRIPT"
' || status=$?
if [ $status -ne 0 ]; then
  echo "--- tauri-driver log (tail) ---" >&2; tail -n 40 "$work/scratch/driver.log" >&2 || true
fi
exit $status
