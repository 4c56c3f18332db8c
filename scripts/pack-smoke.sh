#!/usr/bin/env bash
# `npm pack` yields a package that installs and runs in an empty folder: pack, install the tarball in a
# fresh temp folder, and run the installed binary on the built-in calendars. The bundle carries every
# dependency, so the package has none to install; each command below would fail on a missing one.
# (The explain command is the one the shipped code caches cover that this does not run.)
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tarball=$(npm pack --silent --pack-destination "$work" | tail -n 1)
mkdir "$work/app"
cd "$work/app"
npm init -y >/dev/null
npm install --no-audit --no-fund --silent "$work/$tarball" >/dev/null
export CYCLESYNC_COMPILE_CACHE="$work/cache"
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
# The code caches shipped in the package cover every command above, so none of them wrote a cache of its
# own; --version is not covered, and starts one.
if ls "$work/cache"/v8-*.bin >/dev/null 2>&1; then
  echo "pack-smoke: a covered command wrote a compile cache: the shipped one was not used" >&2
  exit 1
fi
$bin --version
ls "$work/cache"/v8-*.bin >/dev/null
echo "pack-smoke: the packed tarball installs and runs in an empty folder"
