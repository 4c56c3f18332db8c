// What changed since the previous publication: moved, added and cancelled milestones, matched by identity and
// compared only over the span both publications cover.
import { describe, expect, test } from '@jest/globals';
import { Temporal } from 'temporal-polyfill';
import type { Occurrence } from '../../../src/core/model/types.js';
import { diffSnapshot } from '../../../src/render/report/changes.js';
import { buildReportView } from '../../../src/render/report/model.js';
import type { Snapshot, SnapshotMilestone } from '../../../src/render/report/previous.js';
import { builtinOccurrences, HISTORY_FINDING_CHECK, TODAY } from './report-input.js';

const d = (s: string) => Temporal.PlainDate.from(s);
const asSnapshot = (
  occ: readonly Occurrence[],
  horizon: { from: Temporal.PlainDate; to: Temporal.PlainDate }
): Snapshot => ({
  horizon,
  milestones: occ.map(o => ({
    id: o.id,
    instance: o.instance,
    year: o.year ?? null,
    start: o.start,
    end: o.end,
    status: o.status,
    precision: o.precision,
    title: o.title.en,
  })),
});

describe('diffSnapshot', () => {
  test('the same publication twice: nothing changed', async () => {
    const { horizon, occurrences } = await builtinOccurrences();
    const set = diffSnapshot(asSnapshot(occurrences, horizon), occurrences, horizon);
    expect([set.moved, set.added, set.cancelled]).toEqual([[], [], []]);
    expect(set.over).toEqual(horizon);
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
      ['ideal.publication', '2029-04-10', '2029-07-10'],
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
        check: HISTORY_FINDING_CHECK,
        changes: { file: 'prev.json', set },
      });
    expect(view('en').changes?.moved.map(m => [m.before, m.now])).toEqual([['April 2029', '10 July 2029 (projected)']]);
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
