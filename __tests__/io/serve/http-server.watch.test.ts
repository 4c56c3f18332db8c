// `serve --watch` at the app level, on real planner calendar files in a temp folder: an edit is served
// after a rebuild, a broken edit keeps the last good set (and is logged), a fix is picked up again.
// The builder here renders `plan --format json` from the calendars, so the test needs no other command.
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Temporal } from 'temporal-polyfill';
import { plan } from '../../../src/app/plan.js';
import { serve } from '../../../src/app/serve.js';
import type { ServeBuilder, ServeHandle } from '../../../src/app/serve.js';
import { loadCalendars } from '../../../src/io/load-calendars.js';
import { httpRequest } from '../../helpers/http-request.js';

// Real sockets (and fs.watch) on a shared, loaded machine: a generous but bounded time per test.
jest.setTimeout(30_000);

const planner = (date: string) => `extends: builtin:ideal
milestones:
  publication:
    planned:
      - { instance: 2030, date: '${date}', source: CLASI Support Group decision (test) }
`;

const planBuilder: ServeBuilder = async (ctx, opts) => {
  const body = await plan(ctx, {
    calendars: opts.calendars,
    cycles: [],
    from: Temporal.PlainDate.from('2028-01-01'),
    to: Temporal.PlainDate.from('2031-12-31'),
    format: 'json',
    lang: opts.langs[0] ?? 'en',
    color: false,
  });
  const cycles = await loadCalendars({ cwd: ctx.cwd, calendars: opts.calendars });
  return {
    entries: [{ path: '/plan.json', bytes: Buffer.from(body), contentType: 'application/json' }],
    stamp: new Date(ctx.now.epochMilliseconds),
    inputs: cycles.flatMap(c => c.files),
  };
};

let dir: string;
let handle: ServeHandle;
const log: string[] = [];
let tick = 0;

/** Polls (bounded) until the served plan mentions `needle` or the log grows by a line matching `logged`. */
async function waitFor(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (await check()) return;
    await new Promise(r => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}\nlog:\n${log.join('\n')}`);
}
const served = async () => (await httpRequest(handle.origin, '/plan.json')).body.toString();

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'cyclesync-serve-watch-'));
  writeFileSync(path.join(dir, 'ideal.yaml'), planner('2029-06-19'));
  handle = await serve(
    { cwd: dir },
    { host: '127.0.0.1', port: 0, calendars: ['.'], langs: ['en'], watch: true },
    {
      log: l => log.push(l),
      clock: () => ({
        today: Temporal.PlainDate.from('2026-11-29'),
        now: Temporal.Instant.from('2026-11-29T12:00:00Z').add({ seconds: tick++ }),
      }),
      build: planBuilder,
      debounceMs: 50,
    }
  );
});
afterAll(async () => {
  await handle?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('serve --watch', () => {
  test('starts with the planner’s date and follows the folder', async () => {
    expect(await served()).toContain('2029-06-19');
    expect(log).toContain('watch: following folder .');
  });

  test('an edit saved by rename (as editors do) is served after the rebuild, with a new ETag', async () => {
    const before = await httpRequest(handle.origin, '/plan.json');
    writeFileSync(path.join(dir, '.ideal.yaml.tmp'), planner('2029-07-03'));
    renameSync(path.join(dir, '.ideal.yaml.tmp'), path.join(dir, 'ideal.yaml'));
    await waitFor(async () => (await served()).includes('2029-07-03'), 'the edited date');
    const after = await httpRequest(handle.origin, '/plan.json');
    expect(after.headers['etag']).not.toBe(before.headers['etag']);
    expect(log.some(l => l === 'rebuilt: changed /plan.json')).toBe(true);
  });

  test('a broken edit keeps the last good set and logs where the file is wrong; a fix is picked up', async () => {
    const good = await httpRequest(handle.origin, '/plan.json');
    writeFileSync(path.join(dir, 'ideal.yaml'), 'extends: builtin:ideal\nmilestones: [unclosed\n');
    await waitFor(async () => log.some(l => l.startsWith('rebuild failed')), 'the failure to be logged');
    const failure = log.find(l => l.startsWith('rebuild failed'))!;
    expect(failure).toMatch(/still serving the last good set:\nideal\.yaml:\d+:\d+: error: /);
    const still = await httpRequest(handle.origin, '/plan.json');
    expect(still.status).toBe(200);
    expect(still.headers['etag']).toBe(good.headers['etag']);
    expect(still.body.equals(good.body)).toBe(true);

    writeFileSync(path.join(dir, 'ideal.yaml'), planner('2029-09-11'));
    await waitFor(async () => (await served()).includes('2029-09-11'), 'the fixed date');
  });

  test('a file the calendars do not use (not YAML) triggers nothing', async () => {
    const lines = log.length;
    writeFileSync(path.join(dir, 'notes.txt'), 'hello');
    await new Promise(r => setTimeout(r, 300));
    expect(log.slice(lines).filter(l => l.startsWith('rebuil'))).toEqual([]);
  });

  test('a FIFO dropped into the watched folder does not freeze the server: the rebuild fails naming it', async () => {
    const good = await httpRequest(handle.origin, '/plan.json');
    const failures = log.filter(l => l.startsWith('rebuild failed')).length;
    execFileSync('mkfifo', [path.join(dir, 'pipe.yaml')]);
    await waitFor(
      async () => log.filter(l => l.startsWith('rebuild failed')).length > failures,
      'the failed rebuild to be logged'
    );
    expect(log.at(-1)).toContain('pipe.yaml is a named pipe (FIFO), not a regular file');
    const still = await httpRequest(handle.origin, '/plan.json');
    expect(still.headers['etag']).toBe(good.headers['etag']);
    rmSync(path.join(dir, 'pipe.yaml'));
  });
});

describe('serve close() during a rebuild', () => {
  test('a rebuild that ends after close() starts no new watcher (it would keep the process alive)', async () => {
    const other = mkdtempSync(path.join(tmpdir(), 'cyclesync-serve-close-'));
    try {
      writeFileSync(path.join(other, 'a.yaml'), planner('2029-06-19'));
      writeFileSync(path.join(other, 'b.yaml'), planner('2029-06-19'));
      let release: () => void = () => {};
      let calls = 0;
      const lines: string[] = [];
      const builder: ServeBuilder = async ctx => {
        calls++;
        if (calls > 1) await new Promise<void>(r => (release = r));
        return {
          entries: [{ path: '/x', bytes: Buffer.from(String(calls)), contentType: 'text/plain' }],
          stamp: new Date(ctx.now.epochMilliseconds),
          // The second build reads one more file, so it would want to watch more.
          inputs: calls > 1 ? [path.join(other, 'a.yaml'), path.join(other, 'b.yaml')] : [path.join(other, 'a.yaml')],
        };
      };
      const h = await serve(
        { cwd: other },
        { host: '127.0.0.1', port: 0, calendars: ['a.yaml'], langs: ['en'], watch: true },
        {
          log: l => lines.push(l),
          clock: () => ({
            today: Temporal.PlainDate.from('2026-11-29'),
            now: Temporal.Instant.from('2026-11-29T12:00:00Z'),
          }),
          build: builder,
        }
      );
      expect(lines.filter(l => l.startsWith('watch: following'))).toHaveLength(1);
      const pending = h.rebuild();
      await new Promise(r => setTimeout(r, 20));
      await h.close();
      release();
      expect((await pending).ok).toBe(true);
      expect(lines.filter(l => l.startsWith('watch: following'))).toHaveLength(1);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });
});
