#!/usr/bin/env bash
# Card tests: npm reference oracles (adaptivecards-templating, adaptivecards, discord-api-types, typescript)
# in tests/js/cards, and the adaptivecards browser bundle the playground serves (src/Switchboard/web).
# Idempotent: an install whose lock file has not changed is skipped.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

missing=()
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
# The playground card test renders cards in headless Debian Chromium (Playwright, executablePath /usr/bin/chromium).
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
if ((${#missing[@]})); then
  apt-get update
  apt-get install -y --no-install-recommends "${missing[@]}"
fi

install_npm() {
  local dir="$1"
  local stamp="$dir/node_modules/.switchboard-lock"
  if [[ -f "$stamp" ]] && cmp -s "$dir/package-lock.json" "$stamp"; then
    echo "cards.sh: $dir is up to date"
    return
  fi
  (cd "$dir" && npm ci --no-audit --no-fund)
  cp "$dir/package-lock.json" "$stamp"
}

install_npm "$root/tests/js/cards"
install_npm "$root/src/Switchboard/web"
