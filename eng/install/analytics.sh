#!/usr/bin/env bash
# Chart.js for the dashboard, bundled at build time from src/Switchboard/dashboard-web (pinned by its lock file).
set -euo pipefail
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source "$repo_root/eng/install/lib/npm.sh"
npm_install "$repo_root/src/Switchboard/dashboard-web" analytics
