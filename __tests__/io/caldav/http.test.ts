// The one fetch every CalDAV request goes through, against a loopback server: credentials only to the named
// origin, redirects within it followed (and counted), answers capped, fatal statuses as clear errors.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { createDavHttp } from '../../../src/io/caldav/http.js';
import { startServer } from '../../helpers/dav-proxy.js';
import type { TestServer } from '../../helpers/dav-proxy.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer((req, res) => {
    const [, what, arg] = req.url.split('/');
    if (what === 'redirect') res.writeHead(307, { Location: `/ok/${arg}` }).end();
    else if (what === 'loop') res.writeHead(302, { Location: '/loop/' }).end();
    else if (what === 'status')
      res
        .writeHead(Number(arg), { 'Content-Type': 'application/xml' })
        .end('<d:error xmlns:d="DAV:"><d:need-privileges/></d:error>');
    else if (what === 'big') res.writeHead(200).end('x'.repeat(2048));
    else res.writeHead(200).end(`${req.method} ${req.url} ${req.headers.authorization ?? '-'} ${req.body}`);
  });
});
afterAll(async () => {
  await server.close();
});

const http = (maxResponseBytes?: number) =>
  createDavHttp({
    origin: server.origin,
    authorization: 'Basic c2VjcmV0',
    credentialsFrom: 'CYCLESYNC_CALDAV_USER (ana)',
    timeoutMs: 5000,
    ...(maxResponseBytes === undefined ? {} : { maxResponseBytes }),
  });

describe('createDavHttp', () => {
  test('sends the credentials; follows a redirect within the origin with the method and body; counts both', async () => {
    const h = http();
    const res = await h.fetch(`${server.origin}/redirect/a`, { method: 'PUT', body: 'event' });
    expect(await res.text()).toBe('PUT /ok/a Basic c2VjcmV0 event');
    expect(h.counts()).toEqual({ PUT: 2 });
  });

  test('tsdav’s own redirect handling (redirect: manual) gets the 3xx as it is', async () => {
    const res = await http().fetch(`${server.origin}/redirect/b`, { method: 'PROPFIND', redirect: 'manual' });
    expect(res.status).toBe(307);
    expect(res.headers.get('location')).toBe('/ok/b');
  });

  test('never sends anything to another origin', async () => {
    const h = http();
    await expect(h.fetch('http://127.0.0.2:9/cal/', { method: 'PROPFIND' })).rejects.toThrow(
      /led to PROPFIND http:\/\/127\.0\.0\.2:9\/cal\/, on another host than http:\/\/127\.0\.0\.1:\d+; refused/
    );
    expect(h.counts()).toEqual({});
  });

  test('a redirect loop ends', async () => {
    await expect(http().fetch(`${server.origin}/loop/`)).rejects.toThrow(/more than 5 redirects/);
  });

  test.each([
    [401, /refused the credentials \(401 Unauthorized\) for GET .*; credentials: CYCLESYNC_CALDAV_USER \(ana\)$/],
    [403, /forbids GET .* \(403 Forbidden\) \(need-privileges\)/],
    [507, /out of storage \(507 Insufficient Storage\)/],
    [502, /failed GET .* with 502 \(need-privileges\)/],
  ])('%i is an error naming the request', async (status, message) => {
    const error = await http()
      .fetch(`${server.origin}/status/${status}`)
      .catch((e: Error) => e);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('c2VjcmV0');
  });

  test('statuses a caller handles (404, 409, 412) come back as answers', async () => {
    for (const status of [404, 409, 412])
      expect((await http().fetch(`${server.origin}/status/${status}`)).status).toBe(status);
  });

  test('an answer over the cap is refused', async () => {
    await expect(http(1024).fetch(`${server.origin}/big/`)).rejects.toThrow(
      /the answer to GET .* is larger than 1 KiB/
    );
    expect(await (await http(2048).fetch(`${server.origin}/big/`)).text()).toHaveLength(2048);
  });
});
