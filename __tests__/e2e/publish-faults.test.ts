// `publish` against what a real server does not do on demand, played by a small loopback server: a full
// quota (507), a connection closed mid-run, a redirect to another host, no answer at all, an unreachable
// port; and the options refused before any request. Each is a clear error with exit 2 and no stack.
import { afterEach, describe, expect, jest, test } from '@jest/globals';
import type { ServerResponse } from 'node:http';
import { ALICE_ENV, ONLY_NO_DOMAIN_WARNING } from '../helpers/caldav-view.js';
import { startServer } from '../helpers/dav-proxy.js';
import type { Seen, TestServer } from '../helpers/dav-proxy.js';
import { freePort } from '../helpers/radicale.js';
import { runCli, runCliAsync } from '../helpers/run-cli.js';

jest.setTimeout(60_000);

/** The EU feed of three years: 16 events. */
const SMALL = ['--today', '2026-11-29', '--from', '2026-01-01', '--to', '2028-12-31', '--feed', 'eu'];
const CALENDAR = '/cal/';

const multistatus = (inner: string): string =>
  `<?xml version="1.0" encoding="utf-8"?><d:multistatus xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav">${inner}</d:multistatus>`;
const aCalendar = multistatus(
  `<d:response><d:href>${CALENDAR}</d:href><d:propstat><d:prop><d:resourcetype><d:collection/><c:calendar/></d:resourcetype></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>`
);

/** An empty calendar at /cal/ that answers PUT with `put` (the n-th PUT, counted from 1). */
function calendarServer(put: (n: number, req: Seen, res: ServerResponse) => void) {
  let puts = 0;
  return (req: Seen, res: ServerResponse): void => {
    const xml = { 'Content-Type': 'application/xml; charset=utf-8' };
    if (req.method === 'PROPFIND') res.writeHead(207, xml).end(aCalendar);
    else if (req.method === 'REPORT') res.writeHead(207, xml).end(multistatus(''));
    else if (req.method === 'PUT') put(++puts, req, res);
    else res.writeHead(405).end();
  };
}

const servers: TestServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});
const serve = async (handler: Parameters<typeof startServer>[0], host?: string): Promise<TestServer> => {
  const s = await startServer(handler, host);
  servers.push(s);
  return s;
};
const publishTo = (url: string, extra: string[] = []) =>
  runCliAsync(['publish', '--caldav', url, ...SMALL, ...extra], { env: ALICE_ENV });

const expectCleanError = (r: { status: number | null; stderr: string }, message: RegExp): void => {
  expect(r.status).toBe(2);
  expect(r.stderr).toMatch(message);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(r.stderr).not.toContain(ALICE_ENV.CYCLESYNC_CALDAV_PASSWORD);
};

describe('cyclesync publish: server faults', () => {
  test('507 Insufficient Storage stops the run: exit 2, how far it got, what to do', async () => {
    const s = await serve(
      calendarServer((n, _req, res) => {
        res.writeHead(n < 3 ? 201 : 507).end();
      })
    );
    const r = await publishTo(`${s.origin}${CALENDAR}`);
    expectCleanError(r, /out of storage \(507 Insufficient Storage\) at PUT .*\/cal\//);
    expect(r.stderr).toMatch(/hint: +free space or raise the quota/);
    expect(r.stderr).toMatch(/also: +2 of the \d+ writes were made before it; run publish again/);
    expect(s.seen.filter(q => q.method === 'PUT')).toHaveLength(3);
  });

  test('a connection closed before the answer, mid-run: exit 2', async () => {
    const s = await serve(
      calendarServer((n, _req, res) => {
        if (n < 2) res.writeHead(201).end();
        else res.socket?.destroy();
      })
    );
    const r = await publishTo(`${s.origin}${CALENDAR}`);
    expectCleanError(r, /the connection to http:\/\/127\.0\.0\.1:\d+ closed before the server answered PUT/);
    expect(r.stderr).toMatch(/1 of the \d+ writes were made before it/);
  });

  test('a redirect to another host is refused: that host gets no request, no credentials', async () => {
    // 127.0.0.2 is this machine too, but another host than the one named: a calendar there would be found.
    const elsewhere = await serve((_req, res) => {
      res.writeHead(207).end(aCalendar);
    }, '127.0.0.2');
    const s = await serve((req, res) => {
      res.writeHead(301, { Location: `${elsewhere.origin}${req.url}` }).end();
    });
    const r = await publishTo(`${s.origin}${CALENDAR}`);
    expectCleanError(
      r,
      /PROPFIND http:\/\/127\.0\.0\.1:\d+\/cal\/ was redirected to http:\/\/127\.0\.0\.2:\d+\/cal\/, on another host than http:\/\/127\.0\.0\.1:\d+; refused/
    );
    expect(r.stderr).toMatch(/hint: +cyclesync sends the credentials only to the host you named/);
    expect(elsewhere.seen).toEqual([]);
  });

  test('discovery sent to another host (.well-known/caldav) is refused too', async () => {
    const elsewhere = await serve((_req, res) => {
      res.writeHead(207).end(aCalendar);
    }, '127.0.0.2');
    const s = await serve((req, res) => {
      if (req.url === '/.well-known/caldav') res.writeHead(301, { Location: `${elsewhere.origin}/dav/` }).end();
      else
        res
          .writeHead(207, { 'Content-Type': 'application/xml' })
          .end(
            multistatus(
              '<d:response><d:href>/</d:href><d:propstat><d:prop><d:resourcetype><d:collection/></d:resourcetype></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>'
            )
          );
    });
    const r = await publishTo(`${s.origin}/`);
    expectCleanError(r, /the server's answers led to PROPFIND http:\/\/127\.0\.0\.2:\d+\/dav\/, on another host than/);
    expect(elsewhere.seen).toEqual([]);
  });

  test('a redirect within the server is followed, with the method and the credentials', async () => {
    const s = await serve((req, res) => {
      if (req.url === '/old/') return void res.writeHead(308, { Location: CALENDAR }).end();
      return calendarServer((_n, _req, r) => r.writeHead(201).end())(req, res);
    });
    const r = await publishTo(`${s.origin}/old/`, ['--dry-run']);
    expect(r.stderr).toMatch(ONLY_NO_DOMAIN_WARNING);
    expect(r.status).toBe(0);
    // The collection is the one the server names after the redirect: the listing goes there directly.
    expect(s.seen.map(q => `${q.method} ${q.url}`)).toEqual(['PROPFIND /old/', 'PROPFIND /cal/', 'REPORT /cal/']);
    expect(
      s.seen.every(q => q.headers.authorization === `Basic ${btoa(`alice:${ALICE_ENV.CYCLESYNC_CALDAV_PASSWORD}`)}`)
    ).toBe(true);
  });

  test('a server that never answers: the request times out, exit 2', async () => {
    const s = await serve(() => undefined);
    const r = await publishTo(`${s.origin}${CALENDAR}`, ['--timeout', '1']);
    expectCleanError(r, /no answer from http:\/\/127\.0\.0\.1:\d+ to PROPFIND .* within 1 s/);
  });

  test('nothing listening on the port: exit 2', async () => {
    const port = await freePort();
    const r = await publishTo(`http://127.0.0.1:${port}${CALENDAR}`);
    expectCleanError(r, new RegExp(`cannot connect to http://127\\.0\\.0\\.1:${port}: connection refused`));
  });
});

describe('cyclesync publish: options refused before any request', () => {
  test.each([
    [
      'credentials in the URL',
      ['--caldav', 'https://alice:hunter2@cloud.example/cal/'],
      /--caldav must not carry a user name or password/,
    ],
    ['plain http to another host', ['--caldav', 'http://cloud.example/cal/'], /uses plain http/],
    ['a URL that is not one', ['--caldav', 'cloud.example/cal'], /is not a URL/],
    ['another scheme', ['--caldav', 'ftp://cloud.example/cal/'], /is not an http\(s\) URL/],
    [
      'a timeout out of range',
      ['--caldav', 'https://cloud.example/cal/', '--timeout', '0'],
      /--timeout 0 is out of range/,
    ],
    ['a bad grace period', ['--caldav', 'https://cloud.example/cal/', '--grace', 'P1M'], /--grace "P1M"/],
    ['an unknown feed', ['--caldav', 'https://cloud.example/cal/', '--feed', 'asia'], /Invalid values:/],
  ])('%s: exit 2', (_, args, message) => {
    const r = runCli(['publish', ...args, '--today', '2026-11-29'], { env: ALICE_ENV });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toContain('hunter2');
    expect(r.stdout).toBe('');
  });

  test('half of a user and password, or both kinds of credentials: exit 2', () => {
    const run = (env: Record<string, string>) =>
      runCli(['publish', '--caldav', 'https://cloud.example/cal/', '--today', '2026-11-29'], { env });
    expect(run({ CYCLESYNC_CALDAV_USER: 'alice' }).stderr).toMatch(
      /CYCLESYNC_CALDAV_PASSWORD is not set but CYCLESYNC_CALDAV_USER is/
    );
    expect(run({ ...ALICE_ENV, CYCLESYNC_CALDAV_TOKEN: 'tok' }).stderr).toMatch(/both CYCLESYNC_CALDAV_TOKEN and/);
  });
});
