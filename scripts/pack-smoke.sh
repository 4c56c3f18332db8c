#!/usr/bin/env bash
# `npm pack` yields a package that installs and runs in an empty folder: pack, install the tarball in a
# fresh temp folder, and run the installed binary on the built-in calendars.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tarball=$(npm pack --silent --pack-destination "$work" | tail -n 1)
mkdir "$work/app"
cd "$work/app"
npm init -y >/dev/null
npm install --no-audit --no-fund --silent "$work/$tarball" >/dev/null
./node_modules/.bin/cyclesync validate
./node_modules/.bin/cyclesync plan --today 2026-11-29 --format json --cycle socta --from 2029-03-01 --to 2029-03-31 |
  grep -q '"start": "2029-03-20"'
./node_modules/.bin/cyclesync --version
echo "pack-smoke: the packed tarball installs and runs in an empty folder"
