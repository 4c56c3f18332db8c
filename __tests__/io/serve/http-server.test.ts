// Real HTTP on 127.0.0.1 against the server started from fixture bytes; every header rule of issue 7.
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import { createHash } from 'node:crypto';
import { Agent } from 'node:http';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../../src/io/serve/http-server.js';
import type { RunningServer } from '../../../src/io/serve/http-server.js';
import { makeServedSet } from '../../../src/io/serve/served-set.js';
import { httpRequest, rawRequest } from '../../helpers/http-request.js';

// Real sockets (and fs.watch) on a shared, loaded machine: a generous but bounded time per test.
jest.setTimeout(30_000);

const FIXTURE = fileURLToPath(new URL('../../../fixtures/serve/basic/', import.meta.url));
const ics = readFileSync(FIXTURE + 'joint.ics');
const json = readFileSync(FIXTURE + 'feeds.json');
const html = readFileSync(FIXTURE + 'index.html');
const STAMP = new Date('2026-11-29T10:20:30.456Z');
const NOW = Date.parse('2026-11-29T12:00:00Z');
const set = makeServedSet(
  [
    { path: '/joint.ics', bytes: ics, contentType: 'text/calendar; charset=utf-8' },
    { path: '/feeds.json', bytes: json, contentType: 'application/json' },
    { path: '/', bytes: html, contentType: 'text/html; charset=utf-8' },
  ],
  STAMP
);
const etag = `"${createHash('sha256').update(ics).digest('base64url')}"`;
const LAST_MODIFIED = 'Sun, 29 Nov 2026 10:20:30 GMT';

let server: RunningServer;
const log: string[] = [];
const get = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
  httpRequest(server.origin, path, { method, headers });

beforeAll(async () => {
  server = await startServer({
    host: '127.0.0.1',
    port: 0,
    currentSet: () => set,
    log: l => log.push(l),
    nowMs: () => NOW,
  });
});
afterAll(() => server.close());

describe('responses', () => {
  test('a feed: 200, text/calendar, strong ETag of the bytes, Last-Modified in whole seconds, exact bytes', async () => {
    const r = await get('/joint.ics');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(r.headers['etag']).toBe(etag);
    expect(r.headers['last-modified']).toBe(LAST_MODIFIED);
    expect(r.headers['content-length']).toBe(String(ics.length));
    expect(r.body.equals(ics)).toBe(true);
  });

  test('feeds.json is application/json and / is the HTML report', async () => {
    const j = await get('/feeds.json');
    expect([j.status, j.headers['content-type']]).toEqual([200, 'application/json']);
    expect(j.body.equals(json)).toBe(true);
    const h = await get('/');
    expect([h.status, h.headers['content-type']]).toEqual([200, 'text/html; charset=utf-8']);
    expect(h.body.equals(html)).toBe(true);
  });

  test('no gzip and no content negotiation: Accept and Accept-Encoding change nothing', async () => {
    const variants: Record<string, string>[] = [
      {},
      { Accept: 'text/html' },
      { Accept: 'application/json' },
      { 'Accept-Encoding': 'gzip, br' },
    ];
    for (const headers of variants) {
      const r = await get('/joint.ics', headers);
      expect(r.status).toBe(200);
      expect(r.headers['content-type']).toBe('text/calendar; charset=utf-8');
      expect(r.headers['content-encoding']).toBeUndefined();
      expect(r.headers['vary']).toBeUndefined();
      expect(r.body.equals(ics)).toBe(true);
    }
  });

  test('HEAD: the same headers as GET and no body', async () => {
    const r = await get('/joint.ics', {}, 'HEAD');
    expect(r.status).toBe(200);
    expect(r.headers['content-length']).toBe(String(ics.length));
    expect(r.headers['etag']).toBe(etag);
    expect(r.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(r.body.length).toBe(0);
  });

  test.each(['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'])('%s on a served path: 405 with Allow', async method => {
    const r = await get('/joint.ics', {}, method);
    expect(r.status).toBe(405);
    expect(r.headers['allow']).toBe('GET, HEAD');
  });

  test('a query string is ignored (clients add cache busters)', async () => {
    const r = await get('/joint.ics?nocache=123&x=..%2f..%2fetc%2fpasswd');
    expect(r.status).toBe(200);
    expect(r.body.equals(ics)).toBe(true);
  });
});

describe('conditional requests', () => {
  const status = async (headers: Record<string, string>, method = 'GET') => {
    const r = await get('/joint.ics', headers, method);
    if (r.status === 304) {
      // A 304 repeats the validators and carries no body.
      expect(r.headers['etag']).toBe(etag);
      expect(r.headers['last-modified']).toBe(LAST_MODIFIED);
      expect(r.body.length).toBe(0);
    }
    return r.status;
  };

  test('If-None-Match: exact, weak form, in a list and * give 304; a stale tag gives 200', async () => {
    expect(await status({ 'If-None-Match': etag })).toBe(304);
    expect(await status({ 'If-None-Match': `W/${etag}` })).toBe(304);
    expect(await status({ 'If-None-Match': `"old", W/"older,with-comma", ${etag}` })).toBe(304);
    expect(await status({ 'If-None-Match': '*' })).toBe(304);
    expect(await status({ 'If-None-Match': '"stale"' })).toBe(200);
    expect(await status({ 'If-None-Match': etag.slice(1, -1) })).toBe(200); // unquoted: not an entity-tag
    expect(await status({ 'If-None-Match': etag }, 'HEAD')).toBe(304);
  });

  test('If-Modified-Since: equal or later gives 304, earlier gives 200, in all three date forms', async () => {
    expect(await status({ 'If-Modified-Since': LAST_MODIFIED })).toBe(304);
    expect(await status({ 'If-Modified-Since': 'Sun, 29 Nov 2026 11:00:00 GMT' })).toBe(304);
    expect(await status({ 'If-Modified-Since': 'Sunday, 29-Nov-26 10:20:30 GMT' })).toBe(304);
    expect(await status({ 'If-Modified-Since': 'Sun Nov 29 10:20:30 2026' })).toBe(304);
    expect(await status({ 'If-Modified-Since': 'Sun, 29 Nov 2026 10:20:29 GMT' })).toBe(200);
  });

  test('an unparseable, impossible or future If-Modified-Since is ignored', async () => {
    for (const ims of ['not a date', '1', '2026', '2026-11-29T11:00:00Z', 'Sun, 31 Feb 2026 11:00:00 GMT', ''])
      expect(await status({ 'If-Modified-Since': ims })).toBe(200);
    expect(await status({ 'If-Modified-Since': 'Mon, 30 Nov 2026 00:00:00 GMT' })).toBe(200); // after NOW
  });

  test('If-None-Match takes precedence: stale INM + fresh IMS → 200; matching INM + old IMS → 304', async () => {
    expect(await status({ 'If-None-Match': '"stale"', 'If-Modified-Since': LAST_MODIFIED })).toBe(200);
    expect(await status({ 'If-None-Match': etag, 'If-Modified-Since': 'Thu, 01 Jan 1970 00:00:00 GMT' })).toBe(304);
  });

  test('a burst of 200 concurrent conditional GETs: every answer right, every 200 the exact bytes', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 32 });
    try {
      const replies = await Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          httpRequest(server.origin, '/joint.ics', {
            agent,
            headers: i % 2 === 0 ? { 'If-None-Match': etag } : { 'If-None-Match': `"stale-${i}"` },
          })
        )
      );
      const notModified = replies.filter(r => r.status === 304);
      const full = replies.filter(r => r.status === 200);
      expect([notModified.length, full.length]).toEqual([100, 100]);
      expect(full.every(r => r.body.equals(ics) && r.headers['etag'] === etag)).toBe(true);
    } finally {
      agent.destroy();
    }
  });
});

describe('routing: exact paths of the set only', () => {
  const hostile = [
    '/missing.ics',
    '/JOINT.ICS',
    '/joint.ics/',
    '/joint.ics.',
    '/joint%2eics',
    '//joint.ics',
    '/./joint.ics',
    '/../joint.ics',
    '/%2e%2e/joint.ics',
    '/%2E%2E/%2E%2E/etc/passwd',
    '/..%2f..%2fetc%2fpasswd',
    '/../../../../etc/passwd',
    '/fixtures/serve/basic/joint.ics',
    '/package.json',
    '/\\joint.ics',
    '/..\\..\\etc\\passwd',
    '/joint.ics%00',
    '/joint.ics%00.html',
    `/${'a'.repeat(8000)}.ics`,
  ];
  test.each(hostile.map(p => [p.length > 60 ? `${p.slice(0, 40)}… (${p.length} chars)` : p, p]))(
    '%s → 404',
    async (_label, path) => {
      const r = await get(path);
      expect(r.status).toBe(404);
      expect(r.body.length).toBe(0);
    }
  );

  test('bytes node:http refuses (NUL, raw space, a 20 kB target) get 400/431 and the server keeps serving', async () => {
    expect(await rawRequest(server.origin, 'GET /joint.ics\0 HTTP/1.1\r\nHost: x\r\n\r\n')).toMatch(/^HTTP\/1\.1 400/);
    expect(await rawRequest(server.origin, 'GET /a b HTTP/1.1\r\nHost: x\r\n\r\n')).toMatch(/^HTTP\/1\.1 400/);
    expect(
      await rawRequest(server.origin, `GET /${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`)
    ).toMatch(/^HTTP\/1\.1 431/);
    expect(await rawRequest(server.origin, 'GET \\joint.ics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')).toMatch(
      /^HTTP\/1\.1 (400|404)/
    );
    expect((await get('/joint.ics')).status).toBe(200);
  });

  test('an absolute-form target names its path, whatever the host (RFC 9112 §3.2.2), and nothing outside the set', async () => {
    const send = (target: string) =>
      rawRequest(server.origin, `GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
    expect(await send('http://evil.example/joint.ics')).toMatch(/^HTTP\/1\.1 200/);
    expect(await send('HTTP://127.0.0.1:1/joint.ics?x=1')).toMatch(/^HTTP\/1\.1 200/);
    expect(await send('http://evil.example')).toMatch(/^HTTP\/1\.1 200/); // an empty path is "/"
    expect(await send('http://evil.example/../joint.ics')).toMatch(/^HTTP\/1\.1 404/);
    expect(await send('file:///joint.ics')).toMatch(/^HTTP\/1\.1 404/);
  });
});

describe('access log', () => {
  test('one line per request: method, path, status, bytes, ms; hostile bytes escaped', async () => {
    log.length = 0;
    await get('/joint.ics');
    await get('/joint.ics', { 'If-None-Match': etag });
    await get('/joint.ics', {}, 'HEAD');
    await get('/nope?secret=1');
    await get('/%1b[31mred');
    expect(log).toHaveLength(5);
    const pattern = /^[A-Z]+ \S+ \d{3} \d+ \d+\.\dms$/;
    expect(log.every(l => pattern.test(l))).toBe(true);
    expect(log.map(l => l.split(' ').slice(0, 4).join(' '))).toEqual([
      `GET /joint.ics 200 ${ics.length}`,
      'GET /joint.ics 304 0',
      'HEAD /joint.ics 200 0',
      'GET /nope 404 0',
      'GET /%1b[31mred 404 0',
    ]);
  });
});

test('close() stops the server: a later connection is refused', async () => {
  const s = await startServer({ host: '127.0.0.1', port: 0, currentSet: () => set, log: () => {} });
  const agent = new Agent({ keepAlive: true });
  expect((await httpRequest(s.origin, '/joint.ics', { agent })).status).toBe(200);
  await s.close(1000); // an idle keep-alive socket must not hold the close up
  agent.destroy();
  await expect(httpRequest(s.origin, '/joint.ics')).rejects.toThrow(/ECONNREFUSED/);
});
