// SIGKILL at random points, repeatedly (a bounded number of times): after every kill each feed a reader
// finds is complete and valid (the old one or the new one, never a partial one), and the next run sweeps
// the temp files and the dead run's lock. feeds.json, when there is one, always describes the feeds beside it. The kill delays come from a seeded generator (printed on failure).
import { expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import { watch } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import ICAL from 'ical.js';
import { lintIcs } from '../../src/core/ics-lint/index.js';
import { parseFeedState } from '../../src/io/feed-state.js';
import { manifestDisagreements } from '../helpers/manifest.js';
import { BIN, ROOT } from '../helpers/run-cli.js';
import { tempDirs } from '../helpers/temp-dirs.js';

const RUNS = 6;
const SEED = Number(process.env['KILL_SEED'] ?? 20261129);
const tempDir = tempDirs('cyclesync-kill-');
let out = '';

/** mulberry32: a tiny seeded generator, so a failing sequence of kill points can be replayed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * One run, killed `kill.afterMs` after it starts, or `kill.afterWriteMs` after its first temp file appears
 * (the write phase is short, so a purely random point would rarely land in it).
 */
function run(
  i: number,
  kill: { afterMs: number } | { afterWriteMs: number } | undefined
): Promise<{ code: number | null; ms: number; killedWriting: boolean }> {
  const calendars = i % 2 === 1 ? ['--calendars', path.join(ROOT, 'fixtures/feeds/planner/moved')] : [];
  const started = Date.now();
  const child = spawn(
    process.execPath,
    [
      BIN,
      'feeds',
      '--today',
      '2026-11-29',
      '--from',
      '2025-01-01',
      '--to',
      '2028-12-31',
      '--lang',
      'en,es',
      '--out',
      out,
      ...calendars,
    ],
    {
      cwd: ROOT,
      env: { PATH: process.env['PATH'] ?? '', SOURCE_DATE_EPOCH: String(1795000000 + i * 3600) },
      stdio: 'ignore',
    }
  );
  let killedWriting = false;
  let timer: NodeJS.Timeout | undefined;
  const watcher =
    kill && 'afterWriteMs' in kill
      ? watch(out, (_event, name) => {
          if (timer || !name?.startsWith('.cyclesync-tmp-')) return;
          timer = setTimeout(() => {
            killedWriting = child.kill('SIGKILL');
          }, kill.afterWriteMs);
        })
      : undefined;
  if (kill && 'afterMs' in kill) timer = setTimeout(() => child.kill('SIGKILL'), kill.afterMs);
  return new Promise(resolve =>
    child.on('exit', code => {
      clearTimeout(timer);
      watcher?.close();
      resolve({ code, ms: Date.now() - started, killedWriting });
    })
  );
}

async function expectOnlyCompleteFiles(context: string): Promise<void> {
  for (const name of await readdir(out)) {
    if (name.startsWith('.cyclesync-tmp-') || name.startsWith('.cyclesync.lock')) continue;
    const bytes = await readFile(path.join(out, name));
    const text = bytes.toString('utf8');
    if (name.endsWith('.ics')) {
      expect({ context, name, tail: text.slice(-15) }).toEqual({ context, name, tail: 'END:VCALENDAR\r\n' });
      expect(lintIcs(bytes).filter(f => f.severity === 'error')).toEqual([]);
      expect(new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').length).toBeGreaterThan(0);
    } else if (name === 'feeds.json') {
      expect({ context, wrong: await manifestDisagreements(out) }).toEqual({ context, wrong: [] });
    } else if (name === '.cyclesync-state.json') {
      expect(() => parseFeedState(text, name)).not.toThrow();
    }
  }
}

test(`${RUNS} runs killed at random points never leave a partial feed (seed ${SEED})`, async () => {
  out = await tempDir();
  const seedRun = await run(0, undefined);
  expect(seedRun.code).toBe(0);
  const next = random(SEED);
  let killedWriting = 0;
  for (let i = 1; i <= RUNS; i++) {
    // Odd runs die at a random point of the whole run, even ones a few milliseconds into the writes.
    const kill = i % 2 === 1 ? { afterMs: Math.floor(next() * seedRun.ms) } : { afterWriteMs: Math.floor(next() * 25) };
    const r = await run(i, kill);
    if (r.killedWriting) killedWriting++;
    await expectOnlyCompleteFiles(`run ${i}, killed ${JSON.stringify(kill)} (seed ${SEED})`);
  }
  // The point of the test: some kills did land while files were being written.
  expect(killedWriting).toBeGreaterThan(0);
  const last = await run(RUNS + 1, undefined);
  expect(last.code).toBe(0);
  await expectOnlyCompleteFiles('final run');
  expect(await readdir(out)).toContain('feeds.json');
  expect((await readdir(out)).filter(n => n.startsWith('.cyclesync-tmp-') || n.startsWith('.cyclesync.lock'))).toEqual(
    []
  );
}, 120_000);
