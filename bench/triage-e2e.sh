#!/usr/bin/env bash
# End-to-end speed of `switchboard triage` (JSON in and out): builds Release, makes an input of N messages
# from ../shared/data/triage-train.jsonl (the texts repeated, 20 messages per second of message time),
# runs the verb with --stats and prints wall and CPU time. Usage: bench/triage-e2e.sh [N]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
n="${1:-50000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
dotnet build "$root/src/Switchboard" -c Release --nologo -v q >/dev/null
python3 - "$root/../shared/data/triage-train.jsonl" "$work/in.jsonl" "$n" <<'PY'
import json, sys
src, dst, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
texts = [json.loads(line)["text"] for line in open(src, encoding="utf-8")]
with open(dst, "w", encoding="utf-8") as out:
    for i in range(n):
        out.write(json.dumps({"id": f"m{i}", "text": texts[i % len(texts)], "platform": "x", "public": True, "ts": 1795000000 + i // 20}) + "\n")
PY
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
run=("$root/artifacts/bin/Switchboard/release/switchboard" triage --in "$work/in.jsonl" --out "$work/out.jsonl" --stats)
if [[ -x /usr/bin/time ]]; then
  /usr/bin/time -f "wall %e s, user %U s, sys %S s, max RSS %M KB" "${run[@]}"
else
  time "${run[@]}"
fi
