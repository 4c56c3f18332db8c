#!/usr/bin/env bash
# Regenerates fixtures/invalid/*/expected-stderr.txt from the built CLI. Review the diff before committing:
# these files are the contract for what a user sees on each bad input.
set -euo pipefail
cd "$(dirname "$0")/.."
for c in fixtures/invalid/*/; do
  c=${c%/}
  mapfile -t args < <(node -e "for (const a of JSON.parse(require('fs').readFileSync('$c/args.json','utf8'))) console.log(a.replace('{dir}','$c'))")
  NO_COLOR=1 node bin/cyclesync.js "${args[@]}" >/dev/null 2>"$c/expected-stderr.txt" || true
done
