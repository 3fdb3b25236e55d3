#!/usr/bin/env bash
# Installs the Telegram Bot API emulator (npm telegram-test-api, pinned in tests/js/telegram/package-lock.json)
# that the Telegram integration tests run as a node child process. Idempotent: skips npm ci when the installed
# tree already matches the lock file.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
dir="$root/tests/js/telegram"

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  apt-get update
  apt-get install -y --no-install-recommends nodejs npm
fi

stamp="$dir/node_modules/.package-lock.json"
if [[ -f "$stamp" && -d "$dir/node_modules/telegram-test-api" && "$stamp" -nt "$dir/package-lock.json" ]]; then
  echo "telegram: emulator already installed"
  exit 0
fi

cd "$dir"
npm ci --no-audit --no-fund
echo "telegram: emulator installed"
