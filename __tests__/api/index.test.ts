// The programmatic API returns what the CLI's JSON outputs hold, by construction (one builder each): checked
// here against the built CLI on the same inputs, with typed errors for bad input and a loaded set of
// calendars reused without reading the files again.
import { describe, expect, test } from '@jest/globals';
import path from 'node:path';
import { buildFeeds, check, CycleSyncError, lintIcs, loadCalendars, plan, renderReport } from '../../src/api/index.js';
import { ROOT, runCli } from '../helpers/run-cli.js';

const LATE = path.join(ROOT, 'fixtures', 'alignment', 'late-ideal', 'calendars');
const BROKEN = path.join(ROOT, 'fixtures', 'invalid', 'duration-typo', 'calendar.yaml');

const cliJson = (args: string[]): unknown => JSON.parse(runCli([...args, '--format', 'json']).stdout);

describe('the API returns the JSON the CLI prints', () => {
  test('plan', async () => {
    const args = { today: '2026-11-29', cycles: ['ideal'], lang: 'es' as const, from: '2029-01-01', to: '2030-12-31' };
    expect(await plan(args)).toEqual(
      cliJson([
        'plan',
        '--today',
        '2026-11-29',
        '--cycle',
        'ideal',
        '--lang',
        'es',
        '--from',
        '2029-01-01',
        '--to',
        '2030-12-31',
      ])
    );
  });

  test('check, on a misaligned planner folder, from another working folder', async () => {
    const data = await check({ cwd: ROOT, calendars: [LATE], today: '2026-11-29', lang: 'pt' });
    expect(data.ok).toBe(false);
    expect(data).toEqual(cliJson(['check', '--calendars', LATE, '--today', '2026-11-29', '--lang', 'pt']));
  });

  test('lintIcs, on a file and on text in memory', async () => {
    const file = path.join('fixtures', 'feeds', 'golden', 'joint.ics');
    expect(await lintIcs({ cwd: ROOT, files: [file] })).toEqual(cliJson(['lint-ics', file]));
    const inMemory = await lintIcs({ files: [{ name: 'x.ics', content: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n' }] });
    expect(inMemory.files[0]!.findings.map(f => f.rule)).toContain('R8');
  });
});

describe('loaded calendars are used as they are', () => {
  test('plan, check, buildFeeds and renderReport take what loadCalendars returned', async () => {
    const calendars = await loadCalendars({ calendars: [LATE] });
    expect(calendars.cycles.map(c => c.id)).toEqual(['socta', 'ideal', 'joint']);
    // Shown relative to the working folder, as the CLI shows them.
    expect(calendars.cycles[1]!.files[0]).toBe('fixtures/alignment/late-ideal/calendars/ideal.yaml');
    const today = '2026-11-29';
    expect(await check({ calendars, today })).toEqual(await check({ calendars: [LATE], today }));
    expect(await plan({ calendars, today })).toEqual(await plan({ calendars: [LATE], today }));
    const feeds = await buildFeeds({ calendars, today, now: '2026-11-29T12:00:00Z', domain: 'example.org' });
    expect(feeds.files.map(f => f.name)).toEqual(['eu.ics', 'latam.ics', 'joint.ics', 'feeds.json']);
    expect(JSON.parse(feeds.files[3]!.content)).toEqual(feeds.manifest);
    const again = await buildFeeds({
      calendars,
      today,
      now: '2027-01-01T00:00:00Z',
      domain: 'example.org',
      state: feeds.state,
    });
    expect(again.files).toEqual(feeds.files);
    expect(again.changes.unchanged).toBe(feeds.changes.added);
    expect((await renderReport({ calendars, today, format: 'svg' })).contentType).toBe('image/svg+xml; charset=utf-8');
  });
});

describe('bad input is a CycleSyncError with what the CLI would say', () => {
  const thrown = async (p: Promise<unknown>): Promise<CycleSyncError> => {
    const e = await p.then(
      () => undefined,
      (err: unknown) => err
    );
    expect(e).toBeInstanceOf(CycleSyncError);
    return e as CycleSyncError;
  };

  test('a broken calendar: code, file, line, field and hint', async () => {
    const e = await thrown(plan({ calendars: [BROKEN], today: '2026-11-29' }));
    expect([e.code, e.at?.file, e.at?.line, e.path]).toEqual([
      'SCHEMA',
      'fixtures/invalid/duration-typo/calendar.yaml',
      4,
      'milestones.priorities.date.offset',
    ]);
    expect(e.hint).toMatch(/Calendar format/);
  });

  test('options of the wrong value or type', async () => {
    expect((await thrown(plan({ today: '2026-02-30' }))).path).toBe('today');
    expect((await thrown(check({ failOn: 'fatal' as 'error' }))).expected).toBe('one of error, warning');
    expect((await thrown(plan({ lang: 'fr' as 'en' }))).expected).toBe('one of en, es, pt');
    expect((await thrown(plan({ calendars: 'calendars' as unknown as string[] }))).path).toBe('calendars');
    expect((await thrown(buildFeeds({ now: 'yesterday' }))).path).toBe('now');
    expect((await thrown(buildFeeds({ state: '{"version":1}' }))).code).toBe('SCHEMA');
    expect((await thrown(lintIcs({ files: [{ name: 'x.ics' } as never] }))).path).toBe('files[0]');
    expect((await thrown(renderReport({ format: 'pdf' as 'html' }))).code).toBe('USAGE');
  });
});
