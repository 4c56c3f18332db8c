// What changed since the previous publication: occurrences matched by identity (milestone id + instance +
// occurrence year, the identity the feeds' UIDs rest on), compared only over the span both publications cover.
// Milestones known only from history (several meetings in one instance share an identity) pair up by equal
// date first, then by nearest date; what is left over was added or cancelled. Events only: a past slot without
// record is not an event, so it is neither added nor kept (one published before as a projection is cancelled).
import { Temporal } from 'temporal-polyfill';
import type { Horizon, Occurrence } from '../../core/model/types.js';
import type { Snapshot, SnapshotMilestone } from './previous.js';

export interface MovedMilestone {
  before: SnapshotMilestone;
  now: Occurrence;
}

export interface ChangeSet {
  /** The span both publications cover. */
  over: Horizon;
  moved: MovedMilestone[];
  added: Occurrence[];
  cancelled: SnapshotMilestone[];
}

const { compare } = Temporal.PlainDate;
const identity = (m: { id: string; instance: string; year: number | null | undefined }): string =>
  `${m.id}@${m.instance}#${m.year ?? ''}`;
const overlaps = (m: { start: Temporal.PlainDate; end: Temporal.PlainDate }, h: Horizon): boolean =>
  compare(m.end, h.from) >= 0 && compare(m.start, h.to) <= 0;

/** A month- or year-precision date (either side) compares by its start only: its end is the period's, not a choice. */
const sameDates = (b: SnapshotMilestone, o: Occurrence): boolean =>
  b.start.equals(o.start) && (b.precision !== 'day' || o.precision !== 'day' || b.end.equals(o.end));

function group<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const it of items) {
    const list = out.get(key(it));
    if (list) list.push(it);
    else out.set(key(it), [it]);
  }
  return out;
}

export function diffSnapshot(previous: Snapshot, current: readonly Occurrence[], horizon: Horizon): ChangeSet {
  const ph = previous.horizon ?? horizon;
  const over: Horizon = {
    from: compare(ph.from, horizon.from) > 0 ? ph.from : horizon.from,
    to: compare(ph.to, horizon.to) < 0 ? ph.to : horizon.to,
  };
  const set: ChangeSet = { over, moved: [], added: [], cancelled: [] };
  const before = group(previous.milestones, identity);
  const now = group(
    current.filter(o => o.status !== 'unrecorded'),
    identity
  );
  for (const key of new Set([...now.keys(), ...before.keys()])) {
    const olds = [...(before.get(key) ?? [])].sort((a, b) => compare(a.start, b.start));
    const news = [...(now.get(key) ?? [])];
    const unmatched: Occurrence[] = [];
    for (const o of news) {
      const i = olds.findIndex(b => sameDates(b, o));
      if (i >= 0) olds.splice(i, 1);
      else unmatched.push(o);
    }
    // The rest pair by nearest date (a meeting moved by a day is that meeting, not a new one).
    const pairs = olds
      .flatMap((b, i) => unmatched.map((o, j) => ({ i, j, gap: Math.abs(b.start.until(o.start).total('days')) })))
      .sort((x, y) => x.gap - y.gap || x.i - y.i || x.j - y.j);
    const usedOld = new Set<number>();
    const usedNew = new Set<number>();
    for (const p of pairs) {
      if (usedOld.has(p.i) || usedNew.has(p.j)) continue;
      usedOld.add(p.i);
      usedNew.add(p.j);
      const b = olds[p.i]!;
      const o = unmatched[p.j]!;
      if (overlaps(b, over) || overlaps(o, over)) set.moved.push({ before: b, now: o });
    }
    unmatched.forEach((o, j) => {
      if (!usedNew.has(j) && overlaps(o, over)) set.added.push(o);
    });
    olds.forEach((b, i) => {
      if (!usedOld.has(i) && overlaps(b, over)) set.cancelled.push(b);
    });
  }
  const byDate = <T extends { start: Temporal.PlainDate; id: string }>(a: T, b: T): number =>
    compare(a.start, b.start) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  set.moved.sort((a, b) => byDate(a.now, b.now));
  set.added.sort(byDate);
  set.cancelled.sort(byDate);
  return set;
}
