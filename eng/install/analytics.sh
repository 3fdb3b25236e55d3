#!/usr/bin/env bash
# Analytics dashboard: Chart.js from npm (pinned by package-lock.json), embedded into the host at build.
set -euo pipefail
cd "$(dirname "$0")/../../src/Switchboard/dashboard-web"
if [ -f node_modules/chart.js/dist/chart.umd.min.js ] && [ node_modules/.package-lock.json -nt package-lock.json ]; then
  echo "analytics: chart.js already installed"
  exit 0
fi
if ! command -v npm >/dev/null; then
  as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
  as_root apt-get update -qq
  as_root apt-get install -y -qq --no-install-recommends nodejs npm
fi
npm ci --no-audit --no-fund
