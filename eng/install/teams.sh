#!/usr/bin/env bash
# Installs the Teams connector's test peer: the Bot Framework JavaScript SDK (botframework-connector, pinned
# in tests/js/teams with a lock file). The integration tests run tests/js/teams/peer.js with node as the
# Bot Framework channel. Idempotent: skips npm ci when node_modules already matches the committed lock file.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
pkg_dir="$repo_root/tests/js/teams"

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y --no-install-recommends nodejs npm
fi

stamp="$pkg_dir/node_modules/.switchboard-lock.sha256"
want="$(sha256sum "$pkg_dir/package-lock.json" | cut -d' ' -f1)"
if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" && -f "$pkg_dir/node_modules/botframework-connector/package.json" ]]; then
  echo "teams: tests/js/teams is up to date"
  exit 0
fi

(cd "$pkg_dir" && npm ci --no-audit --no-fund --loglevel=error)
echo "$want" > "$stamp"
echo "teams: installed botframework-connector $(node -p "require('$pkg_dir/node_modules/botframework-connector/package.json').version")"
