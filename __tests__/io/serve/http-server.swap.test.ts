// Rebuilds under load: a response is always one whole set (its ETag hashes its own body), a failed
// build keeps the last good set, and overlapping rebuild requests are serialised.
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import { createHash } from 'node:crypto';
import { Agent } from 'node:http';
import { startServer } from '../../../src/io/serve/http-server.js';
import type { RunningServer } from '../../../src/io/serve/http-server.js';
import { createLiveSet } from '../../../src/io/serve/live-set.js';
import type { Build, LiveSet } from '../../../src/io/serve/live-set.js';
import { httpRequest } from '../../helpers/http-request.js';

// Real sockets (and fs.watch) on a shared, loaded machine: a generous but bounded time per test.
jest.setTimeout(30_000);

const CT = 'text/calendar; charset=utf-8';
/** Each version's feed and index name the version, so a mixed answer would show. */
const version = (n: number): Build => ({
  entries: [
    {
      path: '/joint.ics',
      bytes: Buffer.from(`BEGIN:VCALENDAR\r\nX-V:${n}\r\n${'X'.repeat(5000)}\r\nEND:VCALENDAR\r\n`),
      contentType: CT,
    },
    { path: '/feeds.json', bytes: Buffer.from(JSON.stringify({ version: n })), contentType: 'application/json' },
  ],
  stamp: new Date(Date.UTC(2026, 0, 1, 0, 0, n)),
});

let next: () => Promise<Build>;
let builds = 0;
let live: LiveSet;
let server: RunningServer;

beforeAll(async () => {
  next = async () => version(0);
  live = await createLiveSet(() => {
    builds++;
    return next();
  });
  server = await startServer({ host: '127.0.0.1', port: 0, currentSet: live.current, log: () => {} });
});
afterAll(() => server.close());

const sha = (b: Buffer) => `"${createHash('sha256').update(b).digest('base64url')}"`;

describe('live set', () => {
  test('requests during 20 rebuilds each see one whole version', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 16 });
    try {
      let n = 0;
      next = async () => {
        await new Promise(r => setTimeout(r, 2));
        return version(++n);
      };
      const rebuilding = (async () => {
        for (let i = 0; i < 20; i++) await live.rebuild();
      })();
      const replies = await Promise.all(
        Array.from({ length: 150 }, () => httpRequest(server.origin, '/joint.ics', { agent }))
      );
      await rebuilding;
      const seen = new Set<string>();
      for (const r of replies) {
        expect(r.status).toBe(200);
        expect(r.headers['etag']).toBe(sha(r.body));
        const v = /X-V:(\d+)/.exec(r.body.toString())?.[1];
        seen.add(v ?? '?');
        expect(r.headers['last-modified']).toBe(new Date(Date.UTC(2026, 0, 1, 0, 0, Number(v))).toUTCString());
      }
      expect(seen.has('?')).toBe(false);
      expect((await httpRequest(server.origin, '/feeds.json')).body.toString()).toBe('{"version":20}');
    } finally {
      agent.destroy();
    }
  });

  test('a failing build keeps serving the last good set and reports the error', async () => {
    const before = await httpRequest(server.origin, '/joint.ics');
    next = async () => {
      throw new Error('calendar broken');
    };
    const outcome = await live.rebuild();
    expect(outcome.ok).toBe(false);
    expect(outcome.ok ? '' : String(outcome.error)).toMatch(/calendar broken/);
    const after = await httpRequest(server.origin, '/joint.ics');
    expect(after.status).toBe(200);
    expect(after.body.equals(before.body)).toBe(true);
    expect(after.headers['etag']).toBe(before.headers['etag']);
  });

  test('an identical rebuild changes nothing a client can see; a changed one reports what changed', async () => {
    next = async () => version(7);
    const a = await live.rebuild();
    const etag7 = (await httpRequest(server.origin, '/joint.ics')).headers['etag'];
    next = async () => ({ ...version(7), stamp: new Date(Date.UTC(2027, 0, 1)) });
    const b = await live.rebuild();
    expect(a.ok && b.ok).toBe(true);
    expect(b.ok ? [b.changed, b.removed] : []).toEqual([[], []]);
    const r = await httpRequest(server.origin, '/joint.ics', { headers: { 'If-None-Match': String(etag7) } });
    expect(r.status).toBe(304);
    expect(r.headers['last-modified']).toBe(new Date(Date.UTC(2026, 0, 1, 0, 0, 7)).toUTCString());
    next = async () => ({ entries: version(8).entries.slice(0, 1), stamp: version(8).stamp });
    const c = await live.rebuild();
    expect(c.ok ? [c.changed, c.removed] : []).toEqual([['/joint.ics'], ['/feeds.json']]);
    expect((await httpRequest(server.origin, '/feeds.json')).status).toBe(404);
  });

  test('rebuild calls during a build are merged into one more build, not one each', async () => {
    let release: () => void = () => {};
    next = () => new Promise<Build>(r => (release = () => r(version(9))));
    const count = builds;
    const first = live.rebuild();
    const others = [live.rebuild(), live.rebuild(), live.rebuild()];
    release();
    await first;
    await new Promise(r => setTimeout(r, 0));
    release();
    await Promise.all(others);
    expect(builds - count).toBe(2);
  });
});
