// `cyclesync publish --caldav` against a real server (Debian's Radicale, started for this file). After each
// run the server's view is read independently (a REPORT parsed with xmldom and ical.js): UIDs, ETags,
// SEQUENCE, STATUS. The first publish is also compared, event by event, with the subscribed feed through
// python3-icalendar and python3-vobject (scripts/ics-oracle.py). .ci/run installs radicale; without it the
// file is skipped, saying so.
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import ICAL from 'ical.js';
import {
  ALICE_ENV,
  ONLY_NO_DOMAIN_WARNING,
  foreignEvent,
  putAs,
  requestAs,
  requestsOf,
  viewCollection,
} from '../helpers/caldav-view.js';
import type { ViewedEvent } from '../helpers/caldav-view.js';
import { startProxy } from '../helpers/dav-proxy.js';
import { radicaleAvailable, startRadicale } from '../helpers/radicale.js';
import type { Radicale } from '../helpers/radicale.js';
import { ROOT, runCli, runCliAsync } from '../helpers/run-cli.js';
import { tempDirs } from '../helpers/temp-dirs.js';

jest.setTimeout(120_000);

const SMALL = ['--today', '2026-11-29', '--from', '2026-01-01', '--to', '2028-12-31'];
const EPOCH = 1795000000;
const env = (epoch = EPOCH): Record<string, string> => ({ ...ALICE_ENV, SOURCE_DATE_EPOCH: String(epoch) });
const MOVED = ['--calendars', path.join(ROOT, 'fixtures/feeds/planner/moved')];
const PLANNED = ['--calendars', path.join(ROOT, 'fixtures/feeds/planner/planned')];
/** The one event the `moved` fixture changes: the 2028 CLASI summit. */
const SUMMIT = 'ideal.summit.2026-2029.2028@cyclesync.invalid';
const MINISTERIAL = 'joint.ministerial.2026-2029.2027@cyclesync.invalid';
const PYTHON = '/usr/bin/python3';
const tempDir = tempDirs('cyclesync-publish-');

if (!radicaleAvailable)
  process.stderr.write('publish.test.ts: radicale is not installed; skipped (.ci/run installs it)\n');

(radicaleAvailable ? describe : describe.skip)('cyclesync publish --caldav (Radicale)', () => {
  let radicale: Radicale;
  beforeAll(async () => {
    radicale = await startRadicale();
  });
  afterAll(async () => {
    await radicale?.stop();
  });

  const collection = (name: string): string => `${radicale.origin}/alice/${name}/`;
  const publish = (name: string, extra: string[] = [], epoch = EPOCH) =>
    runCli(['publish', '--caldav', collection(name), ...SMALL, ...extra], { env: env(epoch) });
  const etags = (view: readonly ViewedEvent[]): Record<string, string> =>
    Object.fromEntries(view.map(e => [e.uid, e.etag]));

  /** The UIDs of the feed `cyclesync feeds` writes with the same options, in feed order. */
  async function feedFile(extra: string[] = [], file = 'joint.ics'): Promise<string> {
    const out = await tempDir();
    const r = runCli(['feeds', '--out', out, ...SMALL, ...extra], { env: env() });
    expect(r.status).toBe(0);
    return path.join(out, file);
  }
  const uidsOf = (ics: string): string[] =>
    new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map(v => String(v.getFirstPropertyValue('uid')));

  test('the first publish creates every event of the feed, one resource per UID, as a subscriber sees it', async () => {
    const r = publish('first', ['--create']);
    expect(r.stderr).toMatch(ONLY_NO_DOMAIN_WARNING);
    expect(r.status).toBe(0);
    const feed = await feedFile();
    const uids = uidsOf(await readFile(feed, 'utf8'));
    expect(r.stdout).toContain(`created the calendar collection "cyclesync: EU–CLASI joint calendar" (MKCALENDAR)`);
    expect(r.stdout).toContain(`${uids.length} created, 0 updated, 0 cancelled, 0 deleted`);
    expect(requestsOf(r.stdout)).toEqual({ MKCALENDAR: 1, PROPFIND: 1, PUT: uids.length });

    const view = await viewCollection(collection('first'));
    expect(view.map(e => e.uid)).toEqual([...uids].sort());
    for (const e of view) {
      expect(e.name).toBe(`${encodeURIComponent(e.uid)}.ics`);
      expect(e.sequence).toBe(0);
      expect(e.feed).toBe('joint');
    }

    // Independent parsers read the same events from the server as from the subscribed feed.
    if (!existsSync(PYTHON)) return;
    const dir = await tempDir();
    const files = await Promise.all(
      view.map(async (e, i) => {
        const file = path.join(dir, `${i}.ics`);
        await writeFile(file, e.data);
        return file;
      })
    );
    const oracle = (paths: string[]) => {
      const o = spawnSync(PYTHON, [path.join(ROOT, 'scripts/ics-oracle.py'), ...paths], { encoding: 'utf8' });
      expect(o.status).toBe(0);
      type Seen = { uid: string };
      const report = JSON.parse(o.stdout) as Array<{ icalendar: Seen[]; vobject: Seen[] }>;
      const sorted = (k: 'icalendar' | 'vobject') =>
        report.flatMap(entry => entry[k]).sort((a, b) => (a.uid < b.uid ? -1 : 1));
      return { icalendar: sorted('icalendar'), vobject: sorted('vobject') };
    };
    const fromServer = oracle(files);
    const fromFeed = oracle([feed]);
    expect(fromServer.icalendar).toHaveLength(uids.length);
    expect(fromServer).toEqual(fromFeed);
  });

  test('a second run with nothing changed sends no write', async () => {
    expect(publish('second', ['--create']).status).toBe(0);
    const before = await viewCollection(collection('second'));
    const r = publish('second', [], EPOCH + 3600);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`0 created, 0 updated, 0 cancelled, 0 deleted · ${before.length} unchanged`);
    expect(requestsOf(r.stdout)).toEqual({ PROPFIND: 1, REPORT: 1 });
    expect(etags(await viewCollection(collection('second')))).toEqual(etags(before));
  });

  test('a moved milestone replaces the same resource with SEQUENCE+1, and nothing else', async () => {
    expect(publish('moved', ['--create']).status).toBe(0);
    const before = await viewCollection(collection('moved'));
    const r = publish('moved', MOVED, EPOCH + 60);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('0 created, 1 updated, 0 cancelled, 0 deleted');
    expect(r.stdout).toContain(`  update  ${SUMMIT}`);
    expect(requestsOf(r.stdout)).toEqual({ PROPFIND: 1, REPORT: 1, PUT: 1 });
    const after = await viewCollection(collection('moved'));
    expect(after.map(e => e.name)).toEqual(before.map(e => e.name));
    const summit = after.find(e => e.uid === SUMMIT)!;
    expect(summit.sequence).toBe(1);
    expect(summit.data).toContain('DTSTART;VALUE=DATE:20280315');
    expect(etags(after)).toEqual({ ...etags(before), [SUMMIT]: summit.etag });
    expect(summit.etag).not.toBe(etags(before)[SUMMIT]);
  });

  test('a removed milestone is published as cancelled, then deleted once the grace period is over', async () => {
    expect(publish('cancel', ['--create', ...PLANNED]).status).toBe(0);
    const cancelled = publish('cancel', [], EPOCH + 86_400);
    expect(cancelled.status).toBe(0);
    // The alignment finding that compared the ministerial changes too.
    expect(cancelled.stdout).toMatch(/^0 created, \d+ updated, 1 cancelled, 0 deleted/m);
    expect(cancelled.stdout).toContain(`  cancel  ${MINISTERIAL}\n`);
    const ministerial = (await viewCollection(collection('cancel'))).find(e => e.uid === MINISTERIAL)!;
    expect(ministerial).toMatchObject({ status: 'CANCELLED', sequence: 1 });
    expect(ministerial.summary).toMatch(/^Cancelled: /);

    // Still inside the grace period (P30D): nothing to do.
    expect(publish('cancel', [], EPOCH + 20 * 86_400).stdout).toContain('0 cancelled, 0 deleted');
    const gone = publish('cancel', [], EPOCH + 32 * 86_400);
    expect(gone.status).toBe(0);
    expect(gone.stdout).toMatch(/^0 created, 0 updated, 0 cancelled, 1 deleted/m);
    expect(gone.stdout).toContain(`  delete  ${MINISTERIAL}`);
    expect((await viewCollection(collection('cancel'))).map(e => e.uid)).not.toContain(MINISTERIAL);
  });

  test('events cyclesync did not write are never written nor deleted', async () => {
    expect(publish('foreign', ['--create']).status).toBe(0);
    const url = collection('foreign');
    // A planner's own event, and one at our UID domain without our marks.
    expect(await putAs(`${url}team-note.ics`, foreignEvent('team-note@unit.example', 'Team retreat'))).toBe(201);
    expect(await putAs(`${url}lookalike.ics`, foreignEvent('lookalike@cyclesync.invalid', 'Looks like ours'))).toBe(
      201
    );
    const before = await viewCollection(url);
    const r = publish('foreign', [], EPOCH + 60);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("0 conflicts · 2 not cyclesync's (left alone)");
    expect(etags(await viewCollection(url))).toEqual(etags(before));
  });

  test('an event of the feed held by something cyclesync did not write is a conflict, left as it is (exit 1)', async () => {
    const url = collection('taken');
    expect(await requestAs('MKCALENDAR', url)).toBe(201);
    // Another client wrote the summit first, under a name of its own.
    expect(await putAs(`${url}summit-copy.ics`, foreignEvent(SUMMIT, 'Summit (our own copy)'))).toBe(201);
    const r = publish('taken');
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^\d+ created, 0 updated, 0 cancelled, 0 deleted · 0 unchanged · 1 conflict /m);
    expect(r.stdout).toContain(`  foreign-uid  ${SUMMIT}\n    at ${url}summit-copy.ics\n`);
    const view = await viewCollection(url);
    expect(view.filter(e => e.uid === SUMMIT).map(e => [e.name, e.summary])).toEqual([
      ['summit-copy.ics', 'Summit (our own copy)'],
    ]);
  });

  test('an event edited on the server is kept; a change the feed has for it is a conflict (exit 1)', async () => {
    expect(publish('edited', ['--create']).status).toBe(0);
    const url = collection('edited');
    const original = (await viewCollection(url)).find(e => e.uid === SUMMIT)!;
    const edited = original.data.replace(/^SUMMARY:.*$/m, 'SUMMARY:CLASI summit (room 4B booked)');
    expect(await putAs(`${url}${original.name}`, edited)).toBeLessThan(300);
    const kept = (await viewCollection(url)).find(e => e.uid === SUMMIT)!;

    const same = publish('edited', [], EPOCH + 60);
    expect(same.status).toBe(0);
    expect(same.stdout).toMatch(/\d+ unchanged \(1 of them edited on the server, kept\)/);
    expect(requestsOf(same.stdout)).toEqual({ PROPFIND: 1, REPORT: 1 });

    const moved = publish('edited', MOVED, EPOCH + 120);
    expect(moved.status).toBe(1);
    expect(moved.stdout).toContain(`  edited  ${SUMMIT}`);
    expect(moved.stdout).toContain('edited on the server since cyclesync published it');
    expect((await viewCollection(url)).find(e => e.uid === SUMMIT)!.etag).toBe(kept.etag);
  });

  test('an edit made on the server during the run makes the PUT get 412: left as is, the rest written (exit 1)', async () => {
    expect(publish('race', ['--create']).status).toBe(0);
    const url = collection('race');
    const view = await viewCollection(url);
    const summit = view.find(e => e.uid === SUMMIT)!;
    // One more write in the run: an event removed on the server is created again.
    const other = view.find(e => e.uid !== SUMMIT)!;
    expect(await requestAs('DELETE', `${url}${other.name}`)).toBe(200);
    const proxy = await startProxy(radicale.origin, async req => {
      if (req.method === 'PUT' && req.url.endsWith(summit.name))
        await putAs(`${url}${summit.name}`, summit.data.replace(/^SUMMARY:.*$/m, 'SUMMARY:Edited meanwhile'));
      return 'forward';
    });
    try {
      const r = await runCliAsync(['publish', '--caldav', `${proxy.origin}/alice/race/`, ...SMALL, ...MOVED], {
        env: env(EPOCH + 60),
      });
      expect(r.status).toBe(1);
      expect(r.stdout).toContain('1 created, 0 updated');
      expect(r.stdout).toContain(`  changed-during-run  ${SUMMIT}`);
      expect(r.stdout).toContain('412 Precondition Failed');
      const put = proxy.seen.find(s => s.method === 'PUT' && s.url.endsWith(summit.name))!;
      expect(put.headers['if-match']).toBe(summit.etag);
    } finally {
      await proxy.close();
    }
    const after = await viewCollection(url);
    expect(after.find(e => e.uid === SUMMIT)!.summary).toBe('Edited meanwhile');
    expect(after.map(e => e.uid)).toContain(other.uid);
  });

  test.each([
    ['before the server got the PUT', 'drop' as const],
    ['after the server stored it, before the answer', 'forward-then-drop' as const],
  ])(
    'a run whose connection closes half-way (%s) fails with exit 2; the next completes it, no duplicate',
    async (_, how) => {
      const name = `interrupted-${how}`;
      let puts = 0;
      const proxy = await startProxy(radicale.origin, async req => {
        if (req.method === 'PUT' && ++puts === 5) return how;
        return 'forward';
      });
      let total: number;
      try {
        const r = await runCliAsync(['publish', '--caldav', `${proxy.origin}/alice/${name}/`, ...SMALL, '--create'], {
          env: env(),
        });
        expect(r.status).toBe(2);
        expect(r.stderr).toMatch(/closed before the server answered PUT/);
        total = Number(/4 of the (\d+) writes were made before it; run publish again/.exec(r.stderr)![1]);
      } finally {
        await proxy.close();
      }
      const r = publish(name, [], EPOCH + 60);
      expect(r.status).toBe(0);
      const stored = how === 'drop' ? 4 : 5;
      expect(r.stdout).toContain(`${total - stored} created, 0 updated`);
      const view = await viewCollection(collection(name));
      expect(view).toHaveLength(total);
      expect(new Set(view.map(e => e.uid)).size).toBe(total);
    }
  );

  test('--feed eu --lang es publishes the Spanish EU feed, marked as such', async () => {
    const r = publish('eu-es', ['--create', '--feed', 'eu', '--lang', 'es']);
    expect(r.status).toBe(0);
    const feed = await readFile(await feedFile(['--lang', 'es'], 'eu.ics'), 'utf8');
    const summaries = new ICAL.Component(ICAL.parse(feed))
      .getAllSubcomponents('vevent')
      .map(v => [String(v.getFirstPropertyValue('uid')), String(v.getFirstPropertyValue('summary'))]);
    const view = await viewCollection(collection('eu-es'));
    expect(view.map(e => [e.uid, e.summary])).toEqual(summaries.sort((a, b) => (a[0]! < b[0]! ? -1 : 1)));
    expect(new Set(view.map(e => e.feed))).toEqual(new Set(['eu']));
    expect(r.stdout).toContain('created the calendar collection "cyclesync: hitos SOCTA/EMPACT de la UE" (MKCALENDAR)');
  });

  test('--dry-run prints the plan and sends no write', async () => {
    const fresh = publish('dry', ['--create', '--dry-run']);
    expect(fresh.status).toBe(0);
    expect(fresh.stdout).toMatch(/^dry run: the joint feed in en \((\d+) events\)/);
    expect(fresh.stdout).toContain('would create the calendar collection');
    expect(fresh.stdout).toMatch(/\n(\d+) to create, 0 to update, 0 to cancel, 0 to delete/);
    expect(requestsOf(fresh.stdout)).toEqual({ PROPFIND: 1 });
    expect(publish('dry').status).toBe(2); // still no collection

    expect(publish('dry', ['--create']).status).toBe(0);
    const before = await viewCollection(collection('dry'));
    const moved = publish('dry', [...MOVED, '--dry-run'], EPOCH + 60);
    expect(moved.stdout).toContain('0 to create, 1 to update');
    expect(moved.stdout).toContain(`  update  ${SUMMIT}`);
    expect(requestsOf(moved.stdout)).toEqual({ PROPFIND: 1, REPORT: 1 });
    expect(etags(await viewCollection(collection('dry')))).toEqual(etags(before));
  });

  test('from the server URL, the calendar home is discovered and a calendar named after the feed made there', () => {
    const r = runCli(['publish', '--caldav', `${radicale.origin}/`, ...SMALL, '--create', '--feed', 'latam'], {
      env: env(),
    });
    expect(r.stderr).toMatch(ONLY_NO_DOMAIN_WARNING);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`→ ${radicale.origin}/alice/cyclesync-latam-en/`);
    const again = runCli(['publish', '--caldav', `${radicale.origin}/alice/`, ...SMALL, '--feed', 'latam'], {
      env: env(),
    });
    expect(again.stdout).toMatch(/0 created, 0 updated, 0 cancelled, 0 deleted · \d+ unchanged/);
  });

  test('credentials from a netrc file', async () => {
    const netrc = path.join(await tempDir(), 'netrc');
    await writeFile(netrc, `machine 127.0.0.1\n  login alice\n  password ${ALICE_ENV.CYCLESYNC_CALDAV_PASSWORD}\n`);
    const r = runCli(['publish', '--caldav', collection('netrc'), ...SMALL, '--create', '--feed', 'eu'], {
      env: { NETRC: netrc, SOURCE_DATE_EPOCH: String(EPOCH) },
    });
    expect(r.stderr).toMatch(ONLY_NO_DOMAIN_WARNING);
    expect(r.status).toBe(0);
  });

  test.each([
    [
      'a wrong password',
      (o: string) => `${o}/alice/errors/`,
      { CYCLESYNC_CALDAV_USER: 'alice', CYCLESYNC_CALDAV_PASSWORD: 'not-it' },
      /refused the credentials \(401 Unauthorized\) for PROPFIND .*; credentials: CYCLESYNC_CALDAV_USER \(alice\)/,
    ],
    ['no credentials', (o: string) => `${o}/alice/errors/`, {}, /401 Unauthorized.*credentials: none/],
    [
      "another user's calendar",
      (o: string) => `${o}/bob/calendar/`,
      ALICE_ENV,
      /forbids PROPFIND .* \(403 Forbidden\)/,
    ],
    [
      'a missing calendar without --create',
      (o: string) => `${o}/alice/missing/`,
      ALICE_ENV,
      /no calendar collection at .*alice\/missing\/ \(404 Not Found\)\n {2}hint: .*pass --create/,
    ],
  ])('%s: a clear error, exit 2', (_, url, credentials, message) => {
    const r = runCli(['publish', '--caldav', url(radicale.origin), ...SMALL], {
      env: { ...credentials, HOME: '/nonexistent' },
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toContain('not-it');
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack
  });
});
