#!/usr/bin/env bash
# Installs the Debian packages a make target needs, only those missing.
# Usage: scripts/bootstrap.sh GROUP...   (groups: bench, app, ui, live, obs)
# As root it runs apt-get; otherwise it prints the exact apt line and fails, so nothing half-installs.
set -euo pipefail

declare -A GROUPS_PKGS=(
  [bench]="wrk"
  # The desktop app: Tauri 2's WebKitGTK build deps, plus a display, a bus, a keyring and WebDriver
  # for its tests, ImageMagick for test images, and xdotool to press the console's global hotkey.
  [app]="libwebkit2gtk-4.1-dev libgtk-3-dev libayatana-appindicator3-dev librsvg2-dev libssl-dev
    libsoup-3.0-dev libxdo-dev libdbus-1-dev pkg-config build-essential file patchelf
    xvfb xauth x11-utils webkit2gtk-driver dbus dbus-x11 gnome-keyring libsecret-tools imagemagick
    fonts-wqy-microhei curl xdotool"
  # Browser-level UI flow tests (Playwright drives Debian's chromium; never `playwright install`),
  # with a CJK font so Chinese renders in screenshots.
  [ui]="chromium fonts-wqy-microhei"
  # Going live: ffmpeg pushes a test pattern into the sandbox's RTMP ingest in the core's tests.
  [live]="ffmpeg"
  # OBS and RTMP tests: a real OBS Studio (29, obs-websocket 5.1 built in) under Xvfb, and
  # nginx-rtmp for the probe's tests against a third-party ingest.
  [obs]="obs-studio nginx libnginx-mod-rtmp xvfb"
)

missing=()
for group in "$@"; do
  pkgs=${GROUPS_PKGS[$group]:-}
  if [ -z "$pkgs" ]; then echo "bootstrap: unknown group '$group'" >&2; exit 2; fi
  for p in $pkgs; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
  done
done
[ ${#missing[@]} -eq 0 ] && exit 0

apt_line="apt-get install -y -o DPkg::Lock::Timeout=900 --no-install-recommends ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  echo "LiveDesk needs these Debian packages: ${missing[*]}" >&2
  echo "Run as root:  apt-get update && $apt_line" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
# The package lists may be missing or stale on a fresh machine.
apt-get update -qq -o DPkg::Lock::Timeout=900
$apt_line
