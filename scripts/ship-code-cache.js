#!/usr/bin/env node
// The code cache shipped in the package: dist/bundle/cyclesync.v8cache. A user's own compile cache
// (bin/cyclesync.cjs) starts empty on every fresh machine, and a CI runner, where planners run
// `cyclesync check`, is always a fresh machine: without a cache, `check` takes about 40 ms longer. So the
// build runs each command once through the built bin, as a user would, with the cache in a temporary folder,
// and ships the file that results. The bin uses it only for the very bundle it was made from (the build id
// that scripts/bundle.js appends to the bundle), only while the user's own cache has no file, and V8 itself
// refuses it under another V8 or other V8 flags. `npm run build` runs this after scripts/bundle.js.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILD_ID_COMMENT, BUNDLE_DIR, BUNDLE_FILE, writeAtomically } from './bundle.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = path.join(ROOT, 'bin', 'cyclesync.cjs');
export const SHIPPED_CACHE = path.join(BUNDLE_DIR, 'cyclesync.v8cache');
const TODAY = '2026-11-29';

/** Each command a planner runs without a server, with the arguments that make it do its whole job. */
const runs = out => [
  ['validate'],
  ['plan', '--today', TODAY],
  ['check'], // as CI runs it: today from the clock
  ['explain', 'socta.publication', '--today', TODAY],
  ['feeds', '--today', TODAY, '--out', path.join(out, 'feeds')],
  ['report', '--today', TODAY, '--out', path.join(out, 'report.html')],
  ['lint-ics', path.join(out, 'feeds', 'joint.ics')],
];

export function shipCodeCache() {
  // The runs must compile from scratch: a shipped cache from an earlier build of the same bundle would cover
  // every command, and they would write nothing.
  rmSync(SHIPPED_CACHE, { force: true });
  const work = mkdtempSync(path.join(tmpdir(), 'cyclesync-ship-cache-'));
  try {
    const cache = path.join(work, 'cache');
    for (const args of runs(work)) {
      // No NODE_OPTIONS: V8 accepts cached data only under the flags it was made with, a plain run's.
      const env = { PATH: process.env['PATH'] ?? '', NO_COLOR: '1', CYCLESYNC_COMPILE_CACHE: cache };
      const r = spawnSync(process.execPath, [BIN, ...args], { cwd: work, env, encoding: 'utf8' });
      // check exits 1 when it reports a finding, which is a normal run.
      if (r.status !== 0 && !(args[0] === 'check' && r.status === 1))
        throw new Error(`cyclesync ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
    }
    const files = readdirSync(cache).filter(f => /^v8-.*\.bin$/.test(f));
    if (files.length !== 1) throw new Error(`expected one cache file, found ${files.length}`);
    const bytes = readFileSync(path.join(cache, files[0]));
    const newline = bytes.indexOf(10);
    const { commands } = JSON.parse(bytes.subarray(0, newline).toString('utf8'));
    const expected = runs(work).map(args => args[0]);
    if (expected.some(c => !commands.includes(c)))
      throw new Error(`the cache covers ${commands.join(', ')}, not all of ${expected.join(', ')}`);
    const source = readFileSync(BUNDLE_FILE, 'latin1');
    const build = source.slice(source.lastIndexOf(BUILD_ID_COMMENT) + BUILD_ID_COMMENT.length).trim();
    const header = Buffer.from(`${JSON.stringify({ commands, build })}\n`, 'utf8');
    writeAtomically(SHIPPED_CACHE, Buffer.concat([header, bytes.subarray(newline + 1)]));
    return SHIPPED_CACHE;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // The shipped cache only makes start-up faster, so a failure here does not fail the build (or `npm ci`,
  // which builds): the package then ships without one, and the tests that check it say so.
  try {
    console.log(`shipped ${path.relative(ROOT, shipCodeCache())}`);
  } catch (e) {
    console.error(`ship-code-cache: no code cache shipped: ${e instanceof Error ? e.message : String(e)}`);
  }
}
