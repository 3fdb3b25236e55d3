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

repo_root="$root"
source "$root/eng/install/lib/npm.sh"
npm_install "$root/tests/js/cards" cards
npm_install "$root/src/Switchboard/web" cards
