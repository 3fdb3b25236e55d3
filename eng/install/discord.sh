#!/usr/bin/env bash
# Discord connector tests: discord-api-types + TypeScript, used to type-check the payloads the bot
# sends (tests/Switchboard.IntegrationTests/Connectors/Discord). Skips the install when it is current.
set -euo pipefail
cd "$(dirname "$0")/../../tests/js/discord"
if ! command -v npm >/dev/null 2>&1; then
  as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
  as_root apt-get update -qq
  as_root apt-get install -y -qq --no-install-recommends nodejs npm
fi
stamp=node_modules/.switchboard-lock.sha256
if [ -f "$stamp" ] && [ -x node_modules/.bin/tsc ] && sha256sum -c --status "$stamp" 2>/dev/null; then
  echo "discord: node_modules up to date"
  exit 0
fi
npm ci --no-audit --no-fund
sha256sum package-lock.json > "$stamp"
