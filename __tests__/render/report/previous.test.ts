// Reading the previous publication: plan/report JSON and the feeds' state file, as this version writes them
// and as the versions before truthful dates did; anything else is a clear usage error naming the file.
import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { CycleSyncError } from '../../../src/errors.js';
import { parsePrevious } from '../../../src/render/report/previous.js';
import { feedStateSchema } from '../../../src/schema/feed-state.schema.js';
import { ROOT } from '../../helpers/run-cli.js';

const fixture = (name: string) => readFileSync(`${ROOT}fixtures/report/previous/${name}`, 'utf8');

describe('parsePrevious', () => {
  test('reads a plan --format json output of this version: open ends, years, and no slot without record', () => {
    const text = fixture('plan-2026-11-29.json');
    const snap = parsePrevious(text, 'plan.json');
    expect(snap.horizon?.from.toString()).toBe('2022-01-01');
    const pub = snap.milestones.find(m => m.id === 'socta.publication' && m.instance === '2026-2029')!;
    expect([pub.start.toString(), pub.status, pub.year]).toEqual(['2025-03-18', 'actual', null]);
    // IDEAL 2.0's data collection: a start, no end (`"end": null`).
    const open = snap.milestones.find(m => m.id === 'ideal.data-collection' && m.instance === '2022-2025')!;
    expect([open.start.toString(), open.end.toString(), open.endKnown]).toEqual(['2022-02-21', '2022-02-21', false]);
    // The 2025 Support Group meeting is known to the year only.
    const group = snap.milestones.find(m => m.id === 'ideal.support-group' && m.year === 2026)!;
    expect([group.precision, group.start.toString()]).toEqual(['year', '2025-01-01']);
    // The file lists IDEAL 3.0's launch as a slot without record; the snapshot does not.
    expect(text).toContain('"status": "unrecorded"');
    expect(snap.milestones.some(m => m.status === 'unrecorded')).toBe(false);
    expect(snap.milestones.some(m => m.id === 'ideal.publication' && m.instance === '2026-2029')).toBe(false);
  });

  test('reads a plan --format json output written before truthful dates', () => {
    const snap = parsePrevious(fixture('plan-rev1-2026-11-29.json'), 'plan.json');
    expect(snap.horizon?.to.toString()).toBe('2033-12-31');
    const launch = snap.milestones.find(m => m.id === 'ideal.publication' && m.instance === '2026-2029')!;
    expect([launch.start.toString(), launch.status, launch.endKnown]).toEqual(['2024-03-13', 'actual', true]);
  });

  test('the state-file fixture is valid under the feeds’ own schema (it tracks the real format)', () => {
    expect(feedStateSchema.safeParse(JSON.parse(fixture('cyclesync-state.json'))).error?.issues).toBeUndefined();
  });

  test('reads a feeds state file: live events once per milestone, whole windows, no findings or tombstones', () => {
    const snap = parsePrevious(fixture('cyclesync-state.json'), '.cyclesync-state.json');
    expect(snap.milestones.map(m => [m.id, m.instance, m.year, m.start.toString(), m.end.toString()])).toEqual([
      ['socta.oap', '2026-2029', 2027, '2027-01-01', '2027-12-31'],
      ['socta.publication', '2030-2033', null, '2029-03-20', '2029-03-20'],
    ]);
    expect(snap.horizon?.from.toString()).toBe('2027-01-01');
  });

  test('reads a window without end from a state file of this version (`openEnd`)', () => {
    const state = JSON.parse(fixture('cyclesync-state.json')) as {
      events: Record<string, { item: Record<string, unknown> }>;
    };
    const point = Object.values(state.events).find(e => e.item['role'] === 'point')!;
    point.item['openEnd'] = true;
    const snap = parsePrevious(JSON.stringify(state), '.cyclesync-state.json');
    expect(snap.milestones.find(m => m.id === point.item['milestone'])?.endKnown).toBe(false);
  });

  test.each([
    ['not JSON', '{"milestones": [', /is not valid JSON/],
    ['another JSON', '{"events": 3, "generator": "x"}', /is not a cyclesync feed state file/],
    [
      'a record without dates',
      '{"milestones":[{"id":"socta.publication","instance":"2026-2029"}]}',
      /not a cyclesync plan or report/,
    ],
    [
      'an impossible date',
      '{"milestones":[{"id":"a.b","instance":"2026-2029","start":"2025-02-30","end":"2025-02-30"}]}',
      /milestones\.0\.start "2025-02-30" is not a calendar date/,
    ],
  ])('refuses %s with exit 2', (_name, text, message) => {
    let error: unknown;
    try {
      parsePrevious(text, 'prev.json');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CycleSyncError);
    expect((error as CycleSyncError).exitCode).toBe(2);
    expect((error as CycleSyncError).message).toMatch(message);
    expect((error as CycleSyncError).at?.file).toBe('prev.json');
  });
});
