#!/usr/bin/env bash
# The one test command (README): installs what the tests need on a fresh Debian machine, builds, and
# runs every test. Safe to run again: each install step skips work already done.
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# System packages the tests use: Debian's Chromium for the browser tests, sqlite3 for debugging.
missing=()
for pkg in chromium ca-certificates; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "== apt-get install ${missing[*]}"
  as_root apt-get update -qq
  as_root apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# Each area's own install step (npm oracles, native libraries, audio tools).
for step in eng/install/*.sh; do
  [ -e "$step" ] || continue
  echo "== $step"
  bash "$step"
done

echo "== dotnet restore / build"
dotnet restore Bot.sln
dotnet build Bot.sln --no-restore -c Debug

echo "== dotnet test"
log=$(mktemp)
set +e
dotnet test --solution Bot.sln --no-build -c Debug 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
total_failed=$(grep -E '^\s+failed: [0-9]+' "$log" | tail -n 1 | grep -oE '[0-9]+' || echo 0)
total_passed=$(grep -E '^\s+succeeded: [0-9]+' "$log" | tail -n 1 | grep -oE '[0-9]+' || echo 0)
rm -f "$log"
echo "${total_passed} passed, ${total_failed} failed"
exit "$status"
