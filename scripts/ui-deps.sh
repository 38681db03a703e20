#!/usr/bin/env bash
# Installs the UI's npm packages with `npm ci`, only when they are missing or older than the lockfile.
set -euo pipefail
cd "$(dirname "$0")/../ui"
command -v npm >/dev/null || { echo "LiveDesk needs Node.js 20+ and npm (https://nodejs.org)" >&2; exit 1; }
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
