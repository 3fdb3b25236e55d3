#!/usr/bin/env bash
# discord-api-types and typescript, for type-checking the payloads the Discord connector sends.
set -euo pipefail
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source "$repo_root/eng/install/lib/npm.sh"
npm_install "$repo_root/tests/js/discord" discord
