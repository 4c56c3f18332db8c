#!/usr/bin/env bash
# `npm pack` yields a package under 1.5 MB unpacked that installs and runs in an empty folder: pack, install the
# tarball in a fresh temp folder, and run the installed binary on the built-in calendars. The bundle carries every
# dependency, so the package has none to install; each command below would fail on a missing one.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The JSON that npm prints after the build's own output (prepare runs the build).
npm pack --json --pack-destination "$work" | sed -n '/^\[/,$p' >"$work/pack.json"
tarball=$(node -p "require(process.argv[1])[0].filename" "$work/pack.json")
unpacked=$(node -p "require(process.argv[1])[0].unpackedSize" "$work/pack.json")
[ "$unpacked" -lt 1500000 ] || { echo "pack-smoke: the package is $unpacked bytes unpacked, over 1.5 MB" >&2; exit 1; }
mkdir "$work/app"
cd "$work/app"
npm init -y >/dev/null
npm install --no-audit --no-fund --silent "$work/$tarball" >/dev/null
bin=./node_modules/.bin/cyclesync
$bin validate
$bin plan --today 2026-11-29 --format json --cycle socta --from 2029-03-01 --to 2029-03-31 |
  grep -q '"start": "2029-03-20"'
status=0
$bin check --today 2026-11-29 --format json >check.json || status=$?
[ "$status" -le 1 ] || { echo "pack-smoke: check exited $status" >&2; exit 1; }
grep -q '"findings"' check.json
$bin feeds --today 2026-11-29 --out feeds >/dev/null
$bin lint-ics feeds/joint.ics >/dev/null
$bin report --today 2026-11-29 --out report.html >/dev/null
grep -q '<svg' report.html
$bin --version
echo "pack-smoke: the packed tarball installs and runs in an empty folder"
