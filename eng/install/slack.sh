#!/usr/bin/env bash
# Installs the Slack connector's test oracle: @slack/types and TypeScript (pinned in tests/js/slack with a
# lock file), used by the integration tests to type-check the Block Kit payloads the bot sends.
# Idempotent: skips npm ci when node_modules already matches the committed lock file.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
pkg_dir="$repo_root/tests/js/slack"

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y --no-install-recommends nodejs npm
fi

stamp="$pkg_dir/node_modules/.switchboard-lock.sha256"
want="$(sha256sum "$pkg_dir/package-lock.json" | cut -d' ' -f1)"
if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" && -f "$pkg_dir/node_modules/typescript/bin/tsc" ]]; then
  echo "slack: tests/js/slack is up to date"
  exit 0
fi

(cd "$pkg_dir" && npm ci --no-audit --no-fund --loglevel=error)
echo "$want" > "$stamp"
echo "slack: installed $(node "$pkg_dir/node_modules/typescript/bin/tsc" --version) and @slack/types $(node -p "require('$pkg_dir/node_modules/@slack/types/package.json').version")"
