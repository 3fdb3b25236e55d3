#!/usr/bin/env bash
# Front-door benchmark: ingest path vs a bare endpoint of the same host, interleaved, one run.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build -c Release src/Switchboard -v quiet -nologo
dotnet run -c Release --project bench/Switchboard.LoadTest -- "$@"
