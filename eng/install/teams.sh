#!/usr/bin/env bash
# botframework-connector, the Bot Framework JavaScript SDK the Teams tests use as a real peer.
set -euo pipefail
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source "$repo_root/eng/install/lib/npm.sh"
npm_install "$repo_root/tests/js/teams" teams
