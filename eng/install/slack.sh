#!/usr/bin/env bash
# @slack/types and typescript, for type-checking the Block Kit payloads the Slack connector sends.
set -euo pipefail
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source "$repo_root/eng/install/lib/npm.sh"
npm_install "$repo_root/tests/js/slack" slack
