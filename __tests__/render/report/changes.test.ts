// What changed since the previous publication: moved, added and cancelled events, matched by identity and
// compared only over the span both publications cover. Past slots without record are not events.
import { describe, expect, test } from '@jest/globals';
import { Temporal } from 'temporal-polyfill';
import type { Occurrence } from '../../../src/core/model/types.js';
import { diffSnapshot } from '../../../src/render/report/changes.js';
import { buildReportView } from '../../../src/render/report/model.js';
import { toRecord } from '../../../src/render/plan/occurrence-record.js';
import { parsePrevious } from '../../../src/render/report/previous.js';
import type { Snapshot, SnapshotMilestone } from '../../../src/render/report/previous.js';
import { builtinOccurrences, OVERDUE_CHECK, TODAY } from './report-input.js';

const d = (s: string) => Temporal.PlainDate.from(s);
/** What the next report reads back from a published JSON (open ends, year precision and slots without record too). */
const asSnapshot = (
  occ: readonly Occurrence[],
  horizon: { from: Temporal.PlainDate; to: Temporal.PlainDate }
): Snapshot =>
  parsePrevious(JSON.stringify({ horizon, milestones: occ.map(o => toRecord(o, 'en')) }), 'published.json');

describe('diffSnapshot', () => {
  test('the same publication twice: nothing changed, open ends and years included', async () => {
    const { horizon, occurrences } = await builtinOccurrences();
    const snapshot = asSnapshot(occurrences, horizon);
    const open = snapshot.milestones.find(m => m.id === 'ideal.data-collection' && m.instance === '2022-2025')!;
    expect([open.start.toString(), open.endKnown]).toEqual(['2022-02-21', false]);
    expect(snapshot.milestones.some(m => m.precision === 'year')).toBe(true);
    const set = diffSnapshot(snapshot, occurrences, horizon);
    expect([set.moved, set.added, set.cancelled]).toEqual([[], [], []]);
    expect(set.over).toEqual(horizon);
  });

  test('slots without record are not events: left out of the snapshot and of the comparison', async () => {
    const { horizon, occurrences } = await builtinOccurrences();
    expect(occurrences.filter(o => o.status === 'unrecorded').length).toBeGreaterThan(10);
    const snapshot = asSnapshot(occurrences, horizon);
    expect(snapshot.milestones.some(m => m.status === 'unrecorded')).toBe(false);
    // Compared with a publication that had none of them, nothing was added.
    const set = diffSnapshot({ horizon, milestones: [] }, occurrences, horizon);
    expect(set.added.some(o => o.status === 'unrecorded')).toBe(false);
    expect(set.added.length).toBe(occurrences.filter(o => o.status !== 'unrecorded').length);
  });

  test('a past slot an earlier version published as a projection is cancelled, and says it has no record now', async () => {
    const { horizon, occurrences } = await builtinOccurrences();
    const previous = asSnapshot(occurrences, horizon);
    previous.milestones.push({
      id: 'socta.midterm-review',
      instance: '2022-2025',
      year: null,
      start: d('2023-12-15'),
      end: d('2023-12-15'),
      endKnown: true,
      status: 'projected',
      precision: 'day',
      title: 'Mid-term review',
    });
    const set = diffSnapshot(previous, occurrences, horizon);
    expect(set.cancelled.map(m => [m.id, m.instance])).toEqual([['socta.midterm-review', '2022-2025']]);
    const view = buildReportView({
      lang: 'en',
      today: TODAY,
      horizon,
      occurrences,
      check: OVERDUE_CHECK,
      changes: { file: 'prev.json', set },
    });
    expect(view.changes?.cancelled).toEqual([
      {
        milestone: 'Mid-term review of the cycle',
        instance: '2022-2025',
        before: '15 December 2023',
        now: '— no record (the rule expected about 15 Dec 2023)',
      },
    ]);
  });

  test('a moved date, a vanished milestone and a new one are told apart', async () => {
    const { horizon, occurrences } = await builtinOccurrences();
    const prev = asSnapshot(occurrences, horizon);
    const i = prev.milestones.findIndex(m => m.id === 'ideal.publication' && m.instance === '2030-2033');
    const ideal = prev.milestones[i]!;
    prev.milestones[i] = { ...ideal, start: d('2029-04-10'), end: d('2029-04-10') };
    prev.milestones.push({ ...ideal, id: 'ideal.retired', start: d('2028-01-01'), end: d('2028-01-01') });
    const dropped = prev.milestones.findIndex(m => m.id === 'socta.masp' && m.instance === '2030-2033');
    const masp = prev.milestones.splice(dropped, 1)[0]!;
    const set = diffSnapshot(prev, occurrences, horizon);
    expect(set.moved.map(m => [m.now.id, m.before.start.toString(), m.now.start.toString()])).toEqual([
      ['ideal.publication', '2029-04-10', '2029-06-20'],
    ]);
    expect(set.cancelled.map(m => m.id)).toEqual(['ideal.retired']);
    expect(set.added.map(o => [o.id, o.instance, o.start.toString()])).toEqual([
      [masp.id, '2030-2033', masp.start.toString()],
    ]);
  });

  test('a previous date known only to the month reads as that month, not as a range of days', async () => {
    const { horizon, occurrences } = await builtinOccurrences();
    const prev = asSnapshot(occurrences, horizon);
    const i = prev.milestones.findIndex(m => m.id === 'ideal.publication' && m.instance === '2030-2033');
    prev.milestones[i] = { ...prev.milestones[i]!, start: d('2029-04-01'), end: d('2029-04-30'), precision: 'month' };
    const set = diffSnapshot(prev, occurrences, horizon);
    const view = (lang: 'en' | 'es' | 'pt') =>
      buildReportView({
        lang,
        today: TODAY,
        horizon,
        occurrences,
        check: OVERDUE_CHECK,
        changes: { file: 'prev.json', set },
      });
    expect(view('en').changes?.moved.map(m => [m.before, m.now])).toEqual([['April 2029', '20 June 2029 (projected)']]);
    expect(view('es').changes?.moved[0]?.before).toBe('abril de 2029');
    expect(view('pt').changes?.moved[0]?.before).toBe('abril de 2029');
  });

  test('only the span both publications cover is compared', async () => {
    const { horizon, occurrences } = await builtinOccurrences();
    const narrow = { from: d('2026-01-01'), to: d('2027-12-31') };
    const prev = asSnapshot(
      occurrences.filter(
        o => Temporal.PlainDate.compare(o.end, narrow.from) >= 0 && Temporal.PlainDate.compare(o.start, narrow.to) <= 0
      ),
      narrow
    );
    const set = diffSnapshot(prev, occurrences, horizon);
    expect(set.over).toEqual(narrow);
    expect([set.moved, set.added, set.cancelled]).toEqual([[], [], []]);
  });

  test('history-only meetings sharing an identity pair by equal date first, then by nearest date', () => {
    const meeting = (start: string): SnapshotMilestone => ({
      id: 'joint.senior-officials',
      instance: '2022-2025',
      year: null,
      start: d(start),
      end: d(start),
      endKnown: true,
      status: 'actual',
      precision: 'day',
      title: undefined,
    });
    const occ = (start: string) =>
      ({
        ...meeting(start),
        year: undefined,
        precision: 'day',
        title: { en: 'SOM', es: 'SOM', pt: 'SOM' },
      }) as unknown as Occurrence;
    const horizon = { from: d('2022-01-01'), to: d('2025-12-31') };
    // 2024-05-30 stays; 2025-11-19 moved to 2025-11-20; a third meeting was added.
    const set = diffSnapshot(
      { horizon, milestones: [meeting('2024-05-30'), meeting('2025-11-19')] },
      [occ('2024-05-30'), occ('2025-06-02'), occ('2025-11-20')],
      horizon
    );
    expect(set.moved.map(m => [m.before.start.toString(), m.now.start.toString()])).toEqual([
      ['2025-11-19', '2025-11-20'],
    ]);
    expect(set.added.map(o => o.start.toString())).toEqual(['2025-06-02']);
    expect(set.cancelled).toEqual([]);
  });
});
