// buildFeeds/writeFeeds end to end on the built-in calendars: goldens, byte-identical regeneration, a moved
// milestone (only its event changes), a removed one (cancelled, then gone after the grace period).
import { beforeAll, describe, expect, jest, test } from '@jest/globals';
import { mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Temporal } from 'temporal-polyfill';
import { buildFeeds, writeFeeds } from '../../src/app/feeds.js';
import { verifyFeed } from '../../src/app/verify-feed.js';
import type { BuiltFeeds, FeedsOptions } from '../../src/app/feeds.js';
import { ROOT } from '../helpers/run-cli.js';
import { tempDirs } from '../helpers/temp-dirs.js';

// Builds and CLI runs are slow on a loaded machine (the whole suite runs in parallel on two cores).
jest.setTimeout(60_000);

const GOLDEN = path.join(ROOT, 'fixtures/feeds/golden');
const PLANNER = path.join(ROOT, 'fixtures/feeds/planner');
const today = Temporal.PlainDate.from('2026-11-29');
const at = (iso: string) => ({ cwd: ROOT, today, now: Temporal.Instant.from(iso) });
const T0 = '2026-11-29T12:00:00Z';

const goldenOptions: FeedsOptions = {
  calendars: [],
  langs: ['en', 'es', 'pt'],
  baseUrl: 'https://example.org/cal/',
  remind: ['P14D', 'P2D'],
  from: Temporal.PlainDate.from('2025-01-01'),
  to: Temporal.PlainDate.from('2027-12-31'),
};

const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('utf8');
const file = (built: { files: { name: string; bytes: Uint8Array }[] }, name: string) =>
  text(built.files.find(f => f.name === name)!.bytes);

/** The VEVENT blocks of a feed, keyed by UID. */
function events(ics: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const block of ics
    .replace(/\r\n[ \t]/g, '')
    .split('BEGIN:VEVENT\r\n')
    .slice(1)) {
    const uid = /^UID:(.*)\r\n/m.exec(block)![1]!;
    out.set(uid, block.slice(0, block.indexOf('END:VEVENT')));
  }
  return out;
}

const tempDir = tempDirs('cyclesync-feeds-');

// One build shared by the read-only tests below (a build takes a while on a loaded machine).
let golden: BuiltFeeds;
beforeAll(async () => {
  golden = await buildFeeds(at(T0), goldenOptions);
});

describe('buildFeeds', () => {
  test('matches the golden feeds byte for byte (UPDATE_GOLDEN=1 rewrites them)', async () => {
    const built = golden;
    expect(built.files.map(f => f.name)).toEqual([
      'eu.ics',
      'eu.es.ics',
      'eu.pt.ics',
      'latam.ics',
      'latam.es.ics',
      'latam.pt.ics',
      'joint.ics',
      'joint.es.ics',
      'joint.pt.ics',
      'feeds.json',
    ]);
    if (process.env['UPDATE_GOLDEN'] === '1') {
      await rm(GOLDEN, { recursive: true, force: true });
      await mkdir(GOLDEN, { recursive: true });
      for (const f of built.files) await writeFile(path.join(GOLDEN, f.name), f.bytes);
    }
    expect((await readdir(GOLDEN)).sort()).toEqual(built.files.map(f => f.name).sort());
    for (const f of built.files) {
      const golden = await readFile(path.join(GOLDEN, f.name));
      expect({ name: f.name, text: text(f.bytes) }).toEqual({ name: f.name, text: golden.toString('utf8') });
    }
  });

  test('every .ics uses CRLF only, ends with CRLF and has no line over 75 octets', async () => {
    const built = golden;
    for (const f of built.files.filter(x => x.name.endsWith('.ics'))) {
      const buf = Buffer.from(f.bytes);
      expect(buf.subarray(-2).toString()).toBe('\r\n');
      const lines = buf.toString('latin1').split('\r\n').slice(0, -1);
      expect(lines.filter(l => l.includes('\n') || l.includes('\r'))).toEqual([]);
      expect(lines.filter(l => l.length > 75)).toEqual([]);
    }
  });

  test('the timed SOCTA 2025 publication has TZID, a VTIMEZONE and both regions’ times', async () => {
    const built = golden;
    const ics = file(built, 'joint.ics');
    const ev = events(ics).get('socta.publication.2026-2029@cyclesync.invalid')!;
    expect(ev).toContain('DTSTART;TZID=Europe/Brussels:20250318T130000\r\n');
    expect(ev).not.toContain('DTEND');
    expect(ics).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Brussels\r\n');
    const unfolded = ev.replace(/\r\n /g, '');
    expect(unfolded).toContain('13:00 Europe/Brussels (UTC+01:00) · 07:00 America/Panama (UTC-05:00)');
  });

  test('all-day events have an exclusive DTEND; long windows become start and end markers', async () => {
    const built = golden;
    const evs = events(file(built, 'eu.ics'));
    const priorities = evs.get('socta.priorities.2026-2029@cyclesync.invalid')!;
    expect(priorities).toContain('DTSTART;VALUE=DATE:20250613\r\nDTEND;VALUE=DATE:20250614\r\n');
    expect(evs.has('socta.oap.2026-2029.2027@cyclesync.invalid')).toBe(false);
    expect(evs.get('socta.oap.2026-2029.2027.start@cyclesync.invalid')).toContain('DTSTART;VALUE=DATE:20270101\r\n');
    const end = evs.get('socta.oap.2026-2029.2027.end@cyclesync.invalid')!;
    expect(end).toContain('DTSTART;VALUE=DATE:20271231\r\nDTEND;VALUE=DATE:20280101\r\n');
    expect(end).toContain('TRIGGER:-P14D');
    // A start marker is not a deadline: no alarm.
    expect(evs.get('socta.oap.2026-2029.2027.start@cyclesync.invalid')).not.toContain('VALARM');
  });

  test('feeds.json lists every feed with https and webcal links', async () => {
    const built = golden;
    const manifest = JSON.parse(file(built, 'feeds.json')) as {
      feeds: { file: string; url: string; webcal: string }[];
    };
    expect(manifest.feeds.map(f => f.file)).toContain('joint.pt.ics');
    expect(manifest.feeds[0]).toMatchObject({
      file: 'eu.ics',
      url: 'https://example.org/cal/eu.ics',
      webcal: 'webcal://example.org/cal/eu.ics',
    });
  });

  test('UIDs do not depend on the language, and differ between milestones', async () => {
    const built = golden;
    expect(built.uids['joint.es.ics']).toEqual(built.uids['joint.ics']);
    expect(new Set(built.uids['joint.ics']).size).toBe(built.uids['joint.ics']!.length);
    for (const uid of built.uids['joint.ics']!) expect(uid).toMatch(/^[a-z0-9.-]+@cyclesync\.invalid$/);
  });

  test('refuses a bad --base-url, --domain, --remind or --grace with a usage error', async () => {
    for (const bad of [
      { baseUrl: 'http://example.org/' },
      { domain: 'Evil\r\nX' },
      { remind: ['P14D\r\nX-EVIL:1'] },
      { grace: 'P1M' },
      { maxSpanDays: 0 },
      { maxSpanDays: 1.5 },
    ])
      await expect(buildFeeds(at(T0), { ...goldenOptions, ...bad })).rejects.toMatchObject({
        code: 'USAGE',
        exitCode: 2,
      });
  });
});

describe('the subscription lifecycle through writeFeeds', () => {
  // A three-year horizon keeps these runs fast; the lifecycle does not depend on its length.
  const opts = (out: string, calendars: string[] = []): FeedsOptions & { out: string } => ({
    calendars,
    langs: ['en', 'es'],
    findings: false,
    out,
    from: Temporal.PlainDate.from('2026-01-01'),
    to: Temporal.PlainDate.from('2028-12-31'),
  });
  const readAll = async (dir: string) =>
    new Map(
      await Promise.all(
        (await readdir(dir)).sort().map(async n => [n, await readFile(path.join(dir, n), 'utf8')] as const)
      )
    );

  test('regenerating unchanged input later gives byte-identical feeds and state', async () => {
    const out = await tempDir();
    await writeFeeds(at(T0), opts(out));
    const first = await readAll(out);
    await writeFeeds(at('2027-01-05T08:00:00Z'), opts(out));
    expect(await readAll(out)).toEqual(first);
    await rm(out, { recursive: true });
  });

  test('a moved milestone changes only its own event: SEQUENCE+1, DTSTAMP = the change', async () => {
    const out = await tempDir();
    await writeFeeds(at(T0), opts(out));
    const before = events(await readFile(path.join(out, 'joint.ics'), 'utf8'));
    const result = await writeFeeds(at('2026-12-01T09:30:00Z'), opts(out, [path.join(PLANNER, 'moved')]));
    const after = events(await readFile(path.join(out, 'joint.ics'), 'utf8'));
    const uid = 'ideal.summit.2026-2029.2028@cyclesync.invalid';
    const changed = [...after.keys()].filter(k => after.get(k) !== before.get(k));
    expect(changed).toEqual([uid]);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    expect(after.get(uid)).toContain('SEQUENCE:1\r\n');
    expect(after.get(uid)).toContain('DTSTAMP:20261201T093000Z\r\n');
    expect(after.get(uid)).toContain('DTSTART;VALUE=DATE:20280315\r\n');
    expect(result.built.changes).toMatchObject({ changed: 1, added: 0, cancelled: 0 });
    await rm(out, { recursive: true });
  });

  test('a removed milestone is cancelled (prefixed, localized) for the grace period, then gone', async () => {
    const out = await tempDir();
    const uid = 'joint.ministerial.2026-2029.2027@cyclesync.invalid';
    await writeFeeds(at(T0), opts(out, [path.join(PLANNER, 'planned')]));
    const first = events(await readFile(path.join(out, 'joint.ics'), 'utf8')).get(uid)!;
    expect(first).toContain('SEQUENCE:0\r\n');

    await writeFeeds(at('2026-12-01T00:00:00Z'), { ...opts(out), grace: 'P30D' });
    const cancelled = events(await readFile(path.join(out, 'joint.ics'), 'utf8')).get(uid)!;
    expect(cancelled).toContain('STATUS:CANCELLED\r\n');
    expect(cancelled).toContain('SEQUENCE:1\r\n');
    expect(cancelled).toContain('DTSTAMP:20261201T000000Z\r\n');
    expect(cancelled).toContain('SUMMARY:Cancelled: EU–CLASI interior ministers meet (clause 26)\r\n');
    const es = events(await readFile(path.join(out, 'joint.es.ics'), 'utf8')).get(uid)!;
    expect(es).toContain('SUMMARY:Cancelado: Reunión de ministros del Interior UE–CLASI (cláusula 26)\r\n');
    expect(es).not.toContain('VALARM');

    // Still there (unchanged) a day before the grace period ends …
    await writeFeeds(at('2026-12-30T23:59:59Z'), opts(out));
    expect(events(await readFile(path.join(out, 'joint.ics'), 'utf8')).get(uid)).toBe(cancelled);
    // … and gone once it has passed, from the feed and from the state.
    await writeFeeds(at('2026-12-31T00:00:00Z'), opts(out));
    expect(events(await readFile(path.join(out, 'joint.ics'), 'utf8')).has(uid)).toBe(false);
    expect(await readFile(path.join(out, '.cyclesync-state.json'), 'utf8')).not.toContain(uid);
    await rm(out, { recursive: true });
  });

  test('a cancelled milestone that comes back is live again with a higher SEQUENCE', async () => {
    const out = await tempDir();
    const uid = 'joint.ministerial.2026-2029.2027@cyclesync.invalid';
    await writeFeeds(at(T0), opts(out, [path.join(PLANNER, 'planned')]));
    await writeFeeds(at('2026-12-01T00:00:00Z'), opts(out));
    await writeFeeds(at('2026-12-02T00:00:00Z'), opts(out, [path.join(PLANNER, 'planned')]));
    const back = events(await readFile(path.join(out, 'joint.ics'), 'utf8')).get(uid)!;
    expect(back).toContain('SEQUENCE:2\r\n');
    expect(back).toContain('STATUS:CONFIRMED\r\n');
    expect(back).toContain('SUMMARY:EU–CLASI interior ministers meet (clause 26)\r\n');
    await rm(out, { recursive: true });
  });
});

describe('alignment findings in joint.ics', () => {
  test('each failing rule × instance is one all-day event (an overdue one on the day its window closed), with its clause', async () => {
    const built = golden;
    const evs = events(file(built, 'joint.es.ics'));
    const uid = 'finding.ideal-follows-socta.2026-2029@cyclesync.invalid';
    const ev = evs.get(uid)!;
    expect(ev).toContain('SUMMARY:⚠ Riesgo de alineación: ideal-follows-socta\r\n');
    // No IDEAL launch on record within six months of SOCTA 2025: overdue since 18 September 2025.
    expect(ev).toContain('DTSTART;VALUE=DATE:20250918\r\nDTEND;VALUE=DATE:20250919\r\n');
    expect(ev).toContain('Cláusula de la declaración: 20');
    expect(ev).toContain('Estado: vencida — sin registro');
    // A rule with no record to judge by is not an event.
    expect([...evs.keys()].some(k => k.startsWith('finding.assessments-before-joint-operations.'))).toBe(false);
    expect(ev).toContain('CATEGORIES:Alineación,UE–CLASI\r\n');
    expect(ev).not.toContain('VALARM');
    // Findings are in joint feeds only, and can be left out.
    expect(built.uids['eu.ics']!.some(u => u.startsWith('finding.'))).toBe(false);
    const without = await buildFeeds(at(T0), { ...goldenOptions, findings: false });
    expect(without.uids['joint.ics']!.some(u => u.startsWith('finding.'))).toBe(false);
  });
});

describe('feed size', () => {
  // A planner cycle of yearly milestones whose sources are 7,000 characters long: every event carries a
  // description near the 8 KB cap, so a few dozen events make a big feed (and the build stays fast).
  async function bulkyCalendar(milestones: number): Promise<string> {
    const dir = await tempDir();
    const source = 'Minutes of the meeting, ' + 'long text with accents: ação, reunión, ç, ñ. '.repeat(150);
    const lines = [
      'id: bulky',
      'name: { en: Bulky, es: Bulky, pt: Bulky }',
      'region: latam',
      'zone: America/Panama',
      'period: P4Y',
      'firstYear: 2022',
      'milestones:',
      ...Array.from({ length: milestones }, (_, i) => [
        `  m${i}:`,
        `    title: { en: Meeting ${i}, es: Reunión ${i}, pt: Reunião ${i} }`,
        '    kind: point',
        '    repeat: yearly',
        `    date: { on: '${String(6 + Math.floor(i / 28)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}', year: 0 }`,
        '    basis: assumed',
        `    source: '${source}'`,
      ]).flat(),
    ];
    await writeFile(path.join(dir, 'bulky.yaml'), `${lines.join('\n')}\n`);
    return dir;
  }
  const opts = (calendars: string): FeedsOptions => ({ calendars: [calendars], langs: ['en'], findings: false });

  test('warns over 512 KB (Google Calendar drops events past about 1 MB)', async () => {
    // Slots before today have no record and are no events: the feed carries the years 2027-2033.
    const built = await buildFeeds(at(T0), opts(await bulkyCalendar(10)));
    const size = built.files.find(f => f.name === 'latam.ics')!.bytes.length;
    expect(size).toBeGreaterThan(512 * 1024);
    expect(size).toBeLessThan(1024 * 1024);
    expect(built.warnings).toEqual([
      expect.stringMatching(/^latam\.ics is \d+ KB; Google Calendar drops events/),
      expect.stringMatching(/^joint\.ics is \d+ KB; Google Calendar drops events/),
    ]);
  });

  test('refuses over 1 MB with exit 2 and a hint, and writeFeeds then writes nothing', async () => {
    const calendars = await bulkyCalendar(20);
    await expect(buildFeeds(at(T0), opts(calendars))).rejects.toMatchObject({
      code: 'FEED_INVALID',
      exitCode: 2,
      message: expect.stringMatching(
        /^latam\.ics passes 1 MB after \d+ of its \d+ events; Google Calendar accepts 1 MB/
      ),
      hint: expect.stringContaining('--from/--to'),
    });
    const out = await tempDir();
    await expect(writeFeeds(at(T0), { ...opts(calendars), out })).rejects.toMatchObject({ exitCode: 2 });
    expect(await readdir(out)).toEqual([]);
  });

  test('more events than 1 MB can hold is refused before a feed is rendered', async () => {
    const calendars = await bulkyCalendar(60);
    const horizon = { from: Temporal.PlainDate.from('2022-01-01'), to: Temporal.PlainDate.from('2099-12-31') };
    await expect(buildFeeds(at(T0), { ...opts(calendars), ...horizon })).rejects.toMatchObject({
      code: 'FEED_INVALID',
      exitCode: 2,
      message: expect.stringMatching(/^latam\.ics would hold \d{4} events, more than fit in 1 MB/),
    });
  });
});

describe('the gate before writing', () => {
  test('verifyFeed refuses a feed the linter rejects, or one that parses back with other UIDs', () => {
    const good = golden.files.find(f => f.name === 'eu.ics')!;
    const uids = golden.uids['eu.ics']!;
    expect(() => verifyFeed('eu.ics', good.bytes, uids)).not.toThrow();
    const lfOnly = new TextEncoder().encode(text(good.bytes).replace(/\r\n/g, '\n'));
    expect(() => verifyFeed('eu.ics', lfOnly, uids)).toThrow(/failed the feed linter/);
    expect(() => verifyFeed('eu.ics', good.bytes, uids.slice(1))).toThrow(/parses back with \d+ events/);
  });

  test('a symlink where a feed should go is refused (exit 2) and its target left alone', async () => {
    const out = await tempDir();
    const elsewhere = path.join(await tempDir(), 'precious.txt');
    await writeFile(elsewhere, 'keep me');
    await symlink(elsewhere, path.join(out, 'joint.ics'));
    await expect(writeFeeds(at(T0), { calendars: [], langs: ['en'], findings: false, out })).rejects.toMatchObject({
      code: 'WRITE_FAILED',
      exitCode: 2,
      message: expect.stringContaining('symbolic link'),
    });
    expect(await readFile(elsewhere, 'utf8')).toBe('keep me');
    expect((await readdir(out)).sort()).toEqual(['joint.ics']);
  });
});
