#!/usr/bin/env node
// The code caches shipped in the package: dist/bundle/cyclesync.core.v8cache and dist/bundle/cyclesync.v8cache.
// A user's own compile cache (bin/cyclesync.cjs) starts empty on every fresh machine, and a CI runner, where
// planners run `cyclesync check`, is always a fresh machine: without a cache, `check` takes about 40 ms
// longer. So the build runs each command once through the built bin, as a user would, with the cache in a
// temporary folder, and ships the files that result:
// - the core cache, after validate, plan, check and explain on the built-in calendars;
// - the full cache, after feeds, report, lint-ics and init too, and each of them but lint-ics and init on the
//   calendars of a planner's repository (bin/cyclesync.cjs counts those as other kinds of run: `check+files`).
//   This is what a planner's CI runs, and it also loads the YAML parser and zod.
// V8 deserialises a whole cache before a run starts, and the full one is over twice the size: for `check`,
// about 3 ms more. The bin takes the first one whose header names the command (the core one first), and
// starts a user's own cache from the core one.
// It uses them only for the very bundle they were made from (the build id that scripts/bundle.js appends to
// the bundle), only when the user's own cache does not cover the run, and V8 itself refuses them under
// another V8 or other V8 flags. `npm run build` runs this after scripts/bundle.js.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILD_ID_COMMENT, BUNDLE_DIR, BUNDLE_FILE, writeAtomically } from './bundle.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = path.join(ROOT, 'bin', 'cyclesync.cjs');
const TODAY = '2026-11-29';

/** The shipped caches, in the order the bin tries them, each with the runs (after the ones before) it adds. */
const SHIPPED_CACHES = [
  {
    file: path.join(BUNDLE_DIR, 'cyclesync.core.v8cache'),
    runs: () => [
      ['validate'],
      ['plan', '--today', TODAY],
      ['check'], // as CI runs it: today from the clock
      ['explain', 'socta.publication', '--today', TODAY],
    ],
  },
  {
    file: path.join(BUNDLE_DIR, 'cyclesync.v8cache'),
    runs: out => {
      // A planner's repository as `cyclesync init` scaffolds it: calendars that extend the built-ins.
      const planner = ['--calendars', path.join(out, 'planning', 'calendars')];
      return [
        ['feeds', '--today', TODAY, '--out', path.join(out, 'feeds')],
        ['report', '--today', TODAY, '--out', path.join(out, 'report.html')],
        ['lint-ics', path.join(out, 'feeds', 'joint.ics')],
        ['init', path.join(out, 'planning')],
        ['check', ...planner],
        ['validate', ...planner],
        ['plan', '--today', TODAY, ...planner],
        ['explain', 'socta.publication', '--today', TODAY, ...planner],
        ['feeds', '--today', TODAY, '--out', path.join(out, 'planner-feeds'), ...planner],
        ['report', '--today', TODAY, '--out', path.join(out, 'planner-report.html'), ...planner],
      ];
    },
  },
];

/** The one cache file in `dir`: its header's commands and V8's data. */
function readCacheFile(dir) {
  const files = readdirSync(dir).filter(f => /^v8-.*\.bin$/.test(f));
  if (files.length !== 1) throw new Error(`expected one cache file, found ${files.length}`);
  const bytes = readFileSync(path.join(dir, files[0]));
  const newline = bytes.indexOf(10);
  const { commands } = JSON.parse(bytes.subarray(0, newline).toString('utf8'));
  return { commands, data: bytes.subarray(newline + 1) };
}

export function shipCodeCaches() {
  // The runs must compile from scratch: a shipped cache from an earlier build of the same bundle would cover
  // every command, and they would write nothing.
  for (const { file } of SHIPPED_CACHES) rmSync(file, { force: true });
  const source = readFileSync(BUNDLE_FILE, 'latin1');
  const build = source.slice(source.lastIndexOf(BUILD_ID_COMMENT) + BUILD_ID_COMMENT.length).trim();
  const work = mkdtempSync(path.join(tmpdir(), 'cyclesync-ship-cache-'));
  try {
    const cache = path.join(work, 'cache');
    // Written only after every run: a run that found a shipped cache would use it, and write nothing here.
    const made = [];
    let covered = 0;
    for (const { file, runs } of SHIPPED_CACHES) {
      for (const args of runs(work)) {
        // No NODE_OPTIONS: V8 accepts cached data only under the flags it was made with, a plain run's.
        const env = { PATH: process.env['PATH'] ?? '', NO_COLOR: '1', CYCLESYNC_COMPILE_CACHE: cache };
        const r = spawnSync(process.execPath, [BIN, ...args], { cwd: work, env, encoding: 'utf8' });
        // check exits 1 when it reports a finding, which is a normal run.
        if (r.status !== 0 && !(args[0] === 'check' && r.status === 1))
          throw new Error(`cyclesync ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
        // Each run must be a kind of its own (bin/cyclesync.cjs, kindOf), which the file then covers.
        const { commands } = readCacheFile(cache);
        if (commands.length !== ++covered)
          throw new Error(`cyclesync ${args.join(' ')} added no kind of run to the cache (${commands.join(', ')})`);
      }
      const { commands, data } = readCacheFile(cache);
      made.push({ file, bytes: Buffer.concat([Buffer.from(`${JSON.stringify({ commands, build })}\n`), data]) });
    }
    for (const { file, bytes } of made) writeAtomically(file, bytes);
    return made.map(({ file }) => file);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // The shipped caches only make start-up faster, so a failure here does not fail the build (or `npm ci`,
  // which builds): the package then ships without them, and the tests that check them say so.
  try {
    for (const file of shipCodeCaches()) console.log(`shipped ${path.relative(ROOT, file)}`);
  } catch (e) {
    console.error(`ship-code-cache: no code cache shipped: ${e instanceof Error ? e.message : String(e)}`);
  }
}
