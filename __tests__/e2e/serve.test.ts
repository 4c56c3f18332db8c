// `cyclesync serve` as a user runs it: the real feeds and report over HTTP on 127.0.0.1, byte-stable
// across restarts, graceful shutdown on SIGTERM and SIGINT, usage errors, and --watch on a planner's file.
import { afterAll, describe, expect, jest, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ICAL from 'ical.js';
import { httpRequest } from '../helpers/http-request.js';
import { BIN, ROOT, runCli } from '../helpers/run-cli.js';

// Real processes and sockets on a shared, loaded machine: a generous but bounded time per test.
jest.setTimeout(60_000);

const EPOCH = { SOURCE_DATE_EPOCH: '1795000000' };
const TODAY = ['--today', '2026-11-29'];

interface Served {
  child: ChildProcess;
  origin: string;
  stderr: () => string;
  exited: Promise<number | null>;
}

const running: Served[] = [];
const stateHomes: string[] = [];
afterAll(() => {
  for (const s of running) if (s.child.exitCode === null) s.child.kill('SIGKILL');
  for (const dir of stateHomes) rmSync(dir, { recursive: true, force: true });
});

/** A fresh $XDG_STATE_HOME: serve keeps its state there, never in the real home folder. */
function stateHome(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'cyclesync-cli-serve-home-'));
  stateHomes.push(dir);
  return dir;
}

/** Starts the CLI and waits (bounded) for its "listening on" line; its state in `stateHome` (default: a fresh one). */
async function startServe(
  args: string[],
  opts: { cwd?: string; env?: Record<string, string>; stateHome?: string } = {}
): Promise<Served> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', ...args], {
    cwd: opts.cwd ?? ROOT,
    env: {
      PATH: process.env['PATH'] ?? '',
      NO_COLOR: '1',
      TZ: 'UTC',
      LANG: 'C.UTF-8',
      XDG_STATE_HOME: opts.stateHome ?? stateHome(),
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  child.stdout!.resume();
  const exited = new Promise<number | null>(r => child.once('exit', code => r(code)));
  const served: Served = { child, origin: '', stderr: () => err, exited };
  running.push(served);
  const origin = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start within 30 s:\n${err}`)), 30_000);
    const look = () => {
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)\//.exec(err);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stderr!.on('data', look);
    void exited.then(code => reject(new Error(`serve exited ${code} before listening:\n${err}`)));
  });
  served.origin = origin;
  return served;
}

async function waitFor(check: () => Promise<boolean>, what: string, s: Served): Promise<void> {
  for (let i = 0; i < 150; i++) {
    if (await check()) return;
    await new Promise(r => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}; log:\n${s.stderr()}`);
}

describe('cyclesync serve', () => {
  test('serves every feed of feeds.json, the report at /, on loopback; stops cleanly on SIGTERM', async () => {
    const s = await startServe([...TODAY, '--lang', 'en,es'], { env: EPOCH });
    const manifest = await httpRequest(s.origin, '/feeds.json');
    expect(manifest.status).toBe(200);
    expect(manifest.headers['content-type']).toMatch(/^application\/json/);
    const feeds = (JSON.parse(manifest.body.toString()) as { feeds: { file: string; sha256: string }[] }).feeds;
    expect(feeds.map(f => f.file).sort()).toEqual(
      ['eu.ics', 'eu.es.ics', 'latam.ics', 'latam.es.ics', 'joint.ics', 'joint.es.ics'].sort()
    );
    for (const f of feeds) {
      const r = await httpRequest(s.origin, `/${f.file}`);
      expect([f.file, r.status, r.headers['content-type']]).toEqual([f.file, 200, 'text/calendar; charset=utf-8']);
      expect(createHash('sha256').update(r.body).digest('hex')).toBe(f.sha256);
      expect(r.headers['etag']).toBe(`"${createHash('sha256').update(r.body).digest('base64url')}"`);
      expect(r.body.length).toBeLessThan(1024 * 1024);
      const events = new ICAL.Component(ICAL.parse(r.body.toString('utf8'))).getAllSubcomponents('vevent');
      expect(events.length).toBeGreaterThan(0);
    }
    const page = await httpRequest(s.origin, '/');
    expect([page.status, page.headers['content-type']]).toEqual([200, 'text/html; charset=utf-8']);
    expect(page.body.toString()).toMatch(/^<!DOCTYPE html>/i);
    expect((await httpRequest(s.origin, '/report.html')).status).toBe(404);

    s.child.kill('SIGTERM');
    expect(await s.exited).toBe(0);
    expect(s.stderr()).toMatch(/^GET \/feeds\.json 200 \d+ \d+\.\dms$/m);
    expect(s.stderr()).toMatch(/SIGTERM, finishing open requests\ncyclesync serve: stopped\n$/);
  });

  test('a restart with no edit, at another clock, serves every path with the same bytes, ETag and Last-Modified', async () => {
    const home = stateHome();
    const fetchAll = async (origin: string) => {
      const paths = ['/', '/feeds.json', ...['eu', 'latam', 'joint'].flatMap(f => [`/${f}.ics`, `/${f}.es.ics`])];
      const replies = await Promise.all(paths.map(async p => [p, await httpRequest(origin, p)] as const));
      return replies.map(([p, r]) => ({
        path: p,
        status: r.status,
        sha256: createHash('sha256').update(r.body).digest('hex'),
        etag: r.headers['etag'],
        lastModified: r.headers['last-modified'],
      }));
    };
    const args = [...TODAY, '--lang', 'en,es', '--domain', 'example.org'];
    const a = await startServe(args, { env: { SOURCE_DATE_EPOCH: '1790000000' }, stateHome: home });
    const first = await fetchAll(a.origin);
    a.child.kill('SIGINT');
    expect(await a.exited).toBe(0);
    expect(a.stderr()).toContain('SIGINT, finishing open requests');

    const b = await startServe(args, { env: { SOURCE_DATE_EPOCH: '1795000000' }, stateHome: home });
    expect(await fetchAll(b.origin)).toEqual(first);
    expect(first.every(r => r.status === 200)).toBe(true);
    const joint = first.find(r => r.path === '/joint.ics')!;
    const again = await httpRequest(b.origin, '/joint.ics', { headers: { 'If-None-Match': String(joint.etag) } });
    expect(again.status).toBe(304);
    b.child.kill('SIGTERM');
    expect(await b.exited).toBe(0);
    // Without a state (another home) the same clock re-stamps every event: the state is what kept them.
    const c = await startServe(args, { env: { SOURCE_DATE_EPOCH: '1795000000' } });
    expect((await fetchAll(c.origin)).find(r => r.path === '/joint.ics')!.etag).not.toBe(joint.etag);
    c.child.kill('SIGTERM');
    expect(await c.exited).toBe(0);
  });

  test('--state FILE keeps the state there; no --domain is warned about once', async () => {
    const file = path.join(stateHome(), 'nested', 'serve.json');
    const s = await startServe([...TODAY, '--state', file], { env: EPOCH });
    // At once: the signal handlers are in place before the "listening" line (a signal right after it used to
    // meet the default handler, about one time in three).
    s.child.kill('SIGTERM');
    expect(await s.exited).toBe(0);
    const state = JSON.parse(readFileSync(file, 'utf8')) as {
      generator: string;
      feeds: { events: object };
      served: object;
    };
    expect(state.generator).toBe('cyclesync serve');
    expect(Object.keys(state.feeds.events).length).toBeGreaterThan(100);
    expect(Object.keys(state.served).sort()).toEqual(['/', '/eu.ics', '/feeds.json', '/joint.ics', '/latam.ics']);
    expect(s.stderr().match(/warning: no --domain/g)).toHaveLength(1);
  });

  test('--state-from a `feeds --out` folder: the served feeds are the published bytes, at another clock', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'cyclesync-cli-serve-state-'));
    try {
      const written = runCli(['feeds', '--out', out, ...TODAY], { env: { SOURCE_DATE_EPOCH: '1790000000' } });
      expect(written.status).toBe(0);
      const s = await startServe([...TODAY, '--state-from', out], { env: EPOCH });
      for (const name of ['eu.ics', 'latam.ics', 'joint.ics']) {
        const served = await httpRequest(s.origin, `/${name}`);
        expect([name, served.body.equals(readFileSync(path.join(out, name)))]).toEqual([name, true]);
      }
      s.child.kill('SIGTERM');
      expect(await s.exited).toBe(0);
      const missing = runCli(['serve', '--port', '0', ...TODAY, '--state-from', tmpdir()], {
        env: { XDG_STATE_HOME: stateHome() },
      });
      expect(missing.status).toBe(2);
      expect(missing.stderr).toMatch(/--state-from .*: there is no \.cyclesync-state\.json in that folder/);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  test('usage errors exit 2 before listening: bad port, bad language, a port in use', async () => {
    const badPort = runCli(['serve', '--port', '70000', ...TODAY]);
    expect(badPort.status).toBe(2);
    expect(badPort.stderr).toMatch(/--port 70000 is not a TCP port/);
    const badLang = runCli(['serve', '--lang', 'en,fr', ...TODAY]);
    expect(badLang.status).toBe(2);
    expect(badLang.stderr).toMatch(/"fr"/);

    const blocker = createServer();
    await new Promise<void>(r => blocker.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as { port: number }).port;
    try {
      const inUse = await new Promise<{ code: number | null; err: string }>(resolve => {
        const c = spawn(process.execPath, [BIN, 'serve', '--port', String(port), ...TODAY], {
          cwd: ROOT,
          env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1', XDG_STATE_HOME: stateHome() },
        });
        let err = '';
        c.stderr.on('data', (d: Buffer) => (err += d.toString()));
        c.once('exit', code => resolve({ code, err }));
      });
      expect(inUse.code).toBe(2);
      expect(inUse.err).toMatch(/cannot listen on 127\.0\.0\.1:\d+ \(EADDRINUSE\)/);
      expect(inUse.err).toMatch(/--port 0/);
    } finally {
      blocker.close();
    }
  });
});

describe('cyclesync serve --watch', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cyclesync-cli-serve-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const planner = (date: string) =>
    `extends: builtin:ideal\nmilestones:\n  publication:\n    planned:\n      - { instance: 2030, date: '${date}', source: CLASI decision (test) }\n`;
  const file = path.join(dir, 'ideal.yaml');

  test('an edit moves the event (SEQUENCE+1); a broken edit keeps the last good feed; a fix is served', async () => {
    writeFileSync(file, planner('2029-06-19'));
    const s = await startServe([...TODAY, '--calendars', 'ideal.yaml', '--watch'], { cwd: dir, env: EPOCH });
    expect(s.stderr()).toContain('watch: following folder .');
    const feed = async () => (await httpRequest(s.origin, '/latam.ics')).body.toString();
    const before = await feed();
    expect(before).toContain('DTSTART;VALUE=DATE:20290619');

    writeFileSync(file, planner('2029-07-03'));
    await waitFor(async () => (await feed()).includes('DTSTART;VALUE=DATE:20290703'), 'the moved date', s);
    const moved = await feed();
    const event = moved.split('BEGIN:VEVENT').find(e => e.includes('DTSTART;VALUE=DATE:20290703'))!;
    expect(event).toMatch(/SEQUENCE:1\r\n/);
    expect(s.stderr()).toMatch(/rebuilt: changed .*\/latam\.ics/);

    const good = await httpRequest(s.origin, '/latam.ics');
    writeFileSync(file, 'extends: builtin:ideal\nmilestones: [unclosed\n');
    await waitFor(async () => s.stderr().includes('rebuild failed'), 'the failure in the log', s);
    expect(s.stderr()).toMatch(/rebuild failed; still serving the last good set:\nideal\.yaml:\d+:\d+: error: /);
    const still = await httpRequest(s.origin, '/latam.ics');
    expect([still.status, still.headers['etag']]).toEqual([200, good.headers['etag']]);

    writeFileSync(file, planner('2029-09-11'));
    await waitFor(async () => (await feed()).includes('DTSTART;VALUE=DATE:20290911'), 'the fixed date', s);
    s.child.kill('SIGINT');
    expect(await s.exited).toBe(0);
  });

  test('across restarts a moved event’s SEQUENCE only goes up, even when it moves back', async () => {
    const home = stateHome();
    const sequence = async (date: string): Promise<string | undefined> => {
      writeFileSync(file, planner(date));
      const s = await startServe([...TODAY, '--calendars', 'ideal.yaml'], { cwd: dir, env: EPOCH, stateHome: home });
      const body = (await httpRequest(s.origin, '/latam.ics')).body.toString();
      s.child.kill('SIGTERM');
      expect(await s.exited).toBe(0);
      const event = body.split('BEGIN:VEVENT').find(e => e.includes(`DTSTART;VALUE=DATE:${date.replaceAll('-', '')}`));
      return /SEQUENCE:(\d+)\r\n/.exec(event ?? '')?.[1] ?? (event ? '0' : undefined);
    };
    expect(await sequence('2029-06-19')).toBe('0');
    expect(await sequence('2029-06-19')).toBe('0');
    expect(await sequence('2029-07-03')).toBe('1');
    expect(await sequence('2029-06-19')).toBe('2');
  });
});
