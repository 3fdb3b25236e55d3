#!/usr/bin/env bash
# telegram-test-api (the Bot API emulator the Telegram tests run) and @grammyjs/types with typescript.
set -euo pipefail
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source "$repo_root/eng/install/lib/npm.sh"
npm_install "$repo_root/tests/js/telegram" telegram
