// Cross-parser oracle: every generated feed (all scopes and languages, with alarms, a timed milestone and a
// cancelled event) is read by ical.js and node-ical here, and by Debian's python3-icalendar and
// python3-vobject (scripts/ics-oracle.py through /usr/bin/python3). All must agree on UIDs, titles, dates,
// STATUS and SEQUENCE. The python part is skipped, saying so, when those packages are not installed.
import { beforeAll, describe, expect, jest, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import ICAL from 'ical.js';
import nodeIcal from 'node-ical';
import type { VEvent } from 'node-ical';
import { Temporal } from 'temporal-polyfill';
import { buildFeeds } from '../../src/app/feeds.js';
import { renderFeed } from '../../src/render/ics/calendar.js';
import { emit, makeItem } from '../render/ics/item-builder.js';
import { ROOT } from '../helpers/run-cli.js';
import { tempDirs } from '../helpers/temp-dirs.js';

// Builds and CLI runs are slow on a loaded machine (the whole suite runs in parallel on two cores).
jest.setTimeout(60_000);

interface Seen {
  uid: string;
  summary: string;
  start: string;
  end: string | null;
  status: string | null;
  sequence: number;
}

const PYTHON = '/usr/bin/python3';
const hasPython = spawnSync(PYTHON, ['-c', 'import icalendar, vobject'], { encoding: 'utf8' }).status === 0;
const tempDir = tempDirs('cyclesync-oracle-');
let dir = '';
const feeds = new Map<string, string>();

beforeAll(async () => {
  dir = await tempDir();
  const ctx = (now: string) => ({
    cwd: ROOT,
    today: Temporal.PlainDate.from('2026-11-29'),
    now: Temporal.Instant.from(now),
  });
  const base = { langs: ['en', 'es', 'pt'] as const, remind: ['P14D', 'P2D'] };
  // A first build with a planned meeting, a second without it: the meeting is then CANCELLED (SEQUENCE 1).
  const first = await buildFeeds(ctx('2026-11-29T12:00:00Z'), {
    ...base,
    calendars: [path.join(ROOT, 'fixtures/feeds/planner/planned')],
  });
  const built = await buildFeeds(ctx('2026-12-01T00:00:00Z'), {
    ...base,
    calendars: [path.join(ROOT, 'fixtures/feeds/planner/moved')],
    previousState: first.state,
  });
  for (const f of built.files.filter(x => x.name.endsWith('.ics'))) {
    const text = Buffer.from(f.bytes).toString('utf8');
    feeds.set(f.name, text);
    await writeFile(path.join(dir, f.name), f.bytes);
  }
});

const ymd = (y: number, m: number, d: number) =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

function withIcalJs(text: string): Seen[] {
  const root = new ICAL.Component(ICAL.parse(text));
  return root.getAllSubcomponents('vevent').map(v => {
    const ev = new ICAL.Event(v);
    const start = ev.startDate;
    const end = v.getFirstPropertyValue('dtend') as ICAL.Time | null;
    return {
      uid: ev.uid,
      summary: ev.summary,
      start: start.isDate ? ymd(start.year, start.month, start.day) : start.toString().slice(0, 16),
      end: end ? ymd(end.year, end.month, end.day) : null,
      status: (v.getFirstPropertyValue('status') as string | null) ?? null,
      sequence: ev.sequence,
    };
  });
}

function inZone(date: Date, zone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  const get = (t: string) => parts.find(p => p.type === t)!.value;
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}

type NodeIcalDate = Date & { dateOnly?: boolean; tz?: string };
function withNodeIcal(text: string): Seen[] {
  const local = (d: Date) => ymd(d.getFullYear(), d.getMonth() + 1, d.getDate());
  return Object.values(nodeIcal.sync.parseICS(text))
    .filter((c): c is VEvent => c?.type === 'VEVENT')
    .map(ev => {
      const start = ev.start as NodeIcalDate;
      const end = (ev as { end?: NodeIcalDate }).end;
      const summary = ev.summary as unknown;
      return {
        uid: ev.uid,
        summary: typeof summary === 'string' ? summary : String((summary as { val: string }).val),
        start: start.dateOnly ? local(start) : inZone(start, start.tz ?? 'UTC'),
        // node-ical invents an end for an event without DTEND; only compare the ones that have one.
        end: start.dateOnly && end ? local(end) : null,
        status: (ev.status as string | undefined) ?? null,
        sequence: Number(ev.sequence ?? 0),
      };
    });
}

describe('cross-parser oracle', () => {
  test('the feeds under test include a timed milestone, alarms and a cancelled event', () => {
    const joint = feeds.get('joint.ics')!;
    expect(joint).toContain('DTSTART;TZID=Europe/Brussels:20250318T130000');
    expect(joint).toContain('BEGIN:VALARM');
    expect(joint).toContain('STATUS:CANCELLED');
    expect(feeds.size).toBe(9);
  });

  test('ical.js and node-ical agree on every event of every feed', () => {
    for (const [name, text] of feeds) {
      const a = withIcalJs(text);
      const b = withNodeIcal(text);
      expect({ name, count: b.length }).toEqual({ name, count: a.length });
      const byUid = new Map(b.map(e => [e.uid, e]));
      for (const e of a) {
        const other = byUid.get(e.uid)!;
        expect({ name, ...other, end: e.end === null ? null : other.end }).toEqual({ name, ...e });
      }
    }
  });

  (hasPython ? test : test.skip)('python3-icalendar and python3-vobject read the same events', () => {
    const files = [...feeds.keys()].map(n => path.join(dir, n));
    const r = spawnSync(PYTHON, [path.join(ROOT, 'scripts/ics-oracle.py'), ...files], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const report = JSON.parse(r.stdout) as Array<
      { file: string; icalendar?: Seen[]; vobject?: Seen[] } & Record<string, unknown>
    >;
    expect(
      report.filter(e => e['icalendarFailure'] || e['vobjectFailure'] || (e['icalendarErrors'] as unknown[])?.length)
    ).toEqual([]);
    expect(r.status).toBe(0);
    for (const entry of report) {
      const expected = withIcalJs(feeds.get(path.basename(entry.file))!);
      expect(entry.icalendar).toEqual(expected);
      expect(entry.vobject).toEqual(expected);
    }
  });
});

describe('hostile text through the python parsers', () => {
  // vobject treats a bare CR as a line break: the case where an unescaped CR would expose an injected URL.
  const title = 'Meeting\rURL:https://evil.example/\r\nEND:VEVENT\r\nBEGIN:VEVENT\u2028\u0000;,\\ ação';
  (hasPython ? test : test.skip)('one event, its own properties only, the cleaned title', async () => {
    const item = makeItem({ title: { en: title, es: title, pt: title }, source: 'x\rATTACH:https://evil.example/' });
    const ics = renderFeed({ scope: 'eu', lang: 'en', events: [emit(item)], zones: [], alarms: [] });
    const file = path.join(dir, 'hostile.ics');
    await writeFile(file, ics);
    const r = spawnSync(PYTHON, [path.join(ROOT, 'scripts/ics-oracle.py'), file], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    const [entry] = JSON.parse(r.stdout) as Array<{ icalendar: Seen[]; vobject: Seen[] }>;
    const expected = [
      {
        uid: item.uid,
        summary: 'Meeting URL:https://evil.example/ END:VEVENT BEGIN:VEVENT ;,\\ ação',
        start: '2025-03-18',
        end: '2025-03-19',
        status: 'CONFIRMED',
        sequence: 0,
      },
    ];
    expect(entry!.vobject).toEqual(expected);
    expect(entry!.icalendar).toEqual(expected);
    expect(ics).not.toMatch(/\r\n(URL|ATTACH)[:;]/);
  });
});

if (!hasPython)
  process.stderr.write(
    'oracle: python3-icalendar/python3-vobject not importable by /usr/bin/python3; skipped (apt-get install -y python3-icalendar python3-vobject)\n'
  );
