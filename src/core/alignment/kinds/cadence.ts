// `cadence`: at least one occurrence in every period of `every` (counted from the instance's origin), and/or
// at least one occurrence in the instance on or after the latest of some milestones.
import { addDuration } from '../../dates/duration.js';
import type { Temporal } from 'temporal-polyfill';
import type { Occurrence } from '../../model/types.js';
import { ALL, NONE, atLeast, atMost, intersect, range, union } from '../interval-set.js';
import type { IntervalSet } from '../interval-set.js';
import { daysBetween, involve, parseRef, pointOf } from '../refs.js';
import type { Point } from '../refs.js';
import type { CheckOf, CheckOutcome, State } from '../types.js';
import type { InstanceView } from '../view.js';
import type { KindImpl } from './kind.js';
import { tighter } from '../outcome.js';
import { absentOutcome, definitionAt } from './missing.js';

/** Which period decides a cadence: a broken one first, then overdue, then one without record. */
const RANK: Record<Exclude<State, 'at-risk'>, number> = { violated: 0, overdue: 1, 'no-record': 2, holds: 3 };

type Cadence = CheckOf<'cadence'>;
interface Period {
  start: Temporal.PlainDate;
  end: Temporal.PlainDate;
}

const periodsMemo = new Map<string, Period[]>();

/** Consecutive periods of `every` from the origin of the milestone's paired instance, the last one cut at its end. */
function periods(view: InstanceView, check: Cadence, every: string): Period[] {
  const span = view.span(parseRef(check.of).cycle)!;
  const key = `${span.origin.toString()}/${span.end.toString()}/${every}`;
  const hit = periodsMemo.get(key);
  if (hit) return hit;
  const out: Period[] = [];
  for (let k = 0; out.length < 1000; k++) {
    const start = addDuration(span.origin, multiply(every, k));
    if (daysBetween(start, span.end) < 0) break;
    const next = addDuration(span.origin, multiply(every, k + 1)).subtract({ days: 1 });
    out.push({ start, end: daysBetween(next, span.end) < 0 ? span.end : next });
  }
  periodsMemo.set(key, out);
  return out;
}

/** `k × duration`, computed from the origin each time so that month lengths never accumulate an error. */
function multiply(iso: string, k: number): string {
  return iso.replace(/(\d+)([YMWD])/g, (_, n: string, unit: string) => `${Number(n) * k}${unit}`);
}

const inside = (d: Temporal.PlainDate, p: Period): boolean =>
  daysBetween(p.start, d) >= 0 && daysBetween(d, p.end) >= 0;

function evaluateEvery(check: Cadence, every: string, view: InstanceView): CheckOutcome {
  const id = parseRef(check.of).id;
  const all = view.everywhere(id);
  const blind = view.unrecorded(id);
  const span = view.span(parseRef(check.of).cycle)!;
  type Verdict = { state: Exclude<State, 'at-risk'>; slack: number | null; period: Period; unrecorded: Occurrence[] };
  let worst: Verdict | undefined;
  const used: Occurrence[] = [];
  const confirm: Occurrence[] = [];
  for (const period of periods(view, check, every)) {
    // A period before the milestone existed (or after it ended) asks for nothing.
    if (!view.exists(id, period.start, period.end)) continue;
    const hits = all.filter(o => inside(o.start, period));
    used.push(...hits);
    let verdict: Verdict;
    if (hits.length > 0) {
      // How far the best-placed occurrence can move before it leaves its period.
      const m = Math.max(
        ...hits.map(o => Math.min(daysBetween(period.start, o.start), daysBetween(o.start, period.end)))
      );
      verdict = { state: 'holds', slack: m, period, unrecorded: [] };
    } else {
      const unrecorded = blind.filter(o => inside(o.start, period));
      confirm.push(...unrecorded);
      const closed = daysBetween(period.end, view.today) > 0;
      const distances = all.map(o =>
        daysBetween(o.start, period.start) > 0 ? daysBetween(o.start, period.start) : daysBetween(period.end, o.start)
      );
      const state = closed ? 'overdue' : unrecorded.length > 0 ? 'no-record' : 'violated';
      // An empty period that only a planned date can fill has no slack to speak of; one that a move could fill does.
      const slack =
        state === 'violated' && distances.length > 0 && all.some(o => view.moves(o) === 1)
          ? -Math.min(...distances)
          : null;
      verdict = { state, slack, period, unrecorded };
    }
    const rank = (v: Verdict): number => RANK[v.state] * 1e6 + (v.slack ?? 0);
    if (!worst || rank(verdict) < rank(worst)) worst = verdict;
  }
  const state = worst?.state ?? 'holds';
  const key =
    state === 'holds'
      ? 'cadence.every.holds'
      : state === 'violated'
        ? 'cadence.every.gap'
        : state === 'overdue'
          ? 'cadence.every.overdue'
          : 'cadence.every.noRecord';
  // A missing occurrence is mended where its milestone is defined: a planned date, or a record.
  const at = state === 'holds' ? undefined : definitionAt(view, check.of);
  return {
    kind: 'cadence',
    state,
    ...(at ? { at } : {}),
    holds: state === 'holds',
    slackDays: worst?.slack ?? null,
    allowed: { unit: 'days', min: 0 },
    milestones: used.map(involve),
    openUntil: span.end,
    ...(confirm.length > 0 ? { toConfirm: confirm.map(involve) } : {}),
    messageKey: key,
    params: {
      of: check.of,
      every,
      instance: span.label,
      periodDate: worst?.period.start.toString() ?? span.origin.toString(),
      periodEndDate: worst?.period.end.toString() ?? span.end.toString(),
      days: Math.abs(worst?.slack ?? 0),
      ...(worst?.unrecorded[0] ? { expectedDate: worst.unrecorded[0].start.toString() } : {}),
    },
  };
}

function afterPoints(check: Cadence, view: InstanceView): { points: (Point | undefined)[]; ids: string[] } {
  const refs = (check.after ?? []).map(parseRef);
  return { points: refs.map(r => pointOf(view, r)), ids: refs.map(r => r.id) };
}

function evaluateAfter(check: Cadence, view: InstanceView): CheckOutcome | undefined {
  const { points, ids } = afterPoints(check, view);
  const span = view.span(parseRef(check.of).cycle)!;
  const absent = ids.filter((_, i) => !points[i]);
  if (absent.length > 0)
    return absentOutcome(
      'cadence',
      absent,
      points.flatMap(p => (p ? [p.occurrence] : [])),
      view
    );
  const present = points as Point[];
  const latest = present.reduce((a, b) => (daysBetween(a.date, b.date) > 0 ? b : a));
  const latestId = ids[present.indexOf(latest)] ?? '';
  const hits = view
    .everywhere(parseRef(check.of).id)
    .filter(o => daysBetween(latest.date, o.start) >= 0 && daysBetween(o.start, span.end) >= 0);
  const best = hits.reduce<{ o?: Occurrence; m: number }>(
    (acc, o) => {
      const m = Math.min(daysBetween(latest.date, o.start), daysBetween(o.start, span.end));
      return m > acc.m ? { o, m } : acc;
    },
    { m: -Infinity }
  );
  const base = {
    kind: 'cadence' as const,
    allowed: { unit: 'days' as const, min: 0 },
    openUntil: span.end,
  };
  const params = {
    of: check.of,
    latest: latestId,
    latestDate: latest.date.toString(),
    endDate: span.end.toString(),
    instance: span.label,
  };
  if (!best.o) {
    const at = definitionAt(view, check.of);
    const blind = view
      .unrecorded(parseRef(check.of).id)
      .filter(o => daysBetween(latest.date, o.start) >= 0 && daysBetween(o.start, span.end) >= 0);
    const state = daysBetween(span.end, view.today) > 0 ? 'overdue' : blind.length > 0 ? 'no-record' : 'violated';
    return {
      ...base,
      ...(at ? { at } : {}),
      state,
      holds: false,
      slackDays: null,
      milestones: [involve(latest.occurrence)],
      ...(blind.length > 0 ? { toConfirm: blind.map(involve) } : {}),
      messageKey: 'cadence.after.missing',
      params,
    };
  }
  return {
    ...base,
    state: 'holds',
    holds: true,
    slackDays: best.m,
    measuredDays: daysBetween(latest.date, best.o.start),
    milestones: [involve(latest.occurrence), involve(best.o)],
    messageKey: 'cadence.after.holds',
    params: { ...params, date: best.o.start.toString() },
  };
}

function shiftsEvery(check: Cadence, every: string, view: InstanceView): IntervalSet {
  const all = view.everywhere(parseRef(check.of).id);
  // Each period needs one occurrence whose (possibly shifted) start falls inside it.
  return intersect(
    ...periods(view, check, every).map(p =>
      union(
        ...all.map(o =>
          view.moves(o) === 1
            ? range(daysBetween(o.start, p.start), daysBetween(o.start, p.end))
            : inside(o.start, p)
              ? ALL
              : NONE
        )
      )
    )
  );
}

function shiftsAfter(check: Cadence, view: InstanceView): IntervalSet {
  const { points } = afterPoints(check, view);
  if (points.some(p => !p)) return NONE;
  const span = view.span(parseRef(check.of).cycle)!;
  // Some occurrence o with o + s·mo ≥ a + s·ma for every `after` milestone a, and o + s·mo ≤ the instance's end.
  return union(
    ...view.everywhere(parseRef(check.of).id).map(o => {
      const mo = view.moves(o);
      const conditions = (points as Point[]).map(a => {
        const d = mo - view.moves(a.occurrence);
        const need = daysBetween(o.start, a.date); // d·s ≥ need
        return d === 0 ? (need <= 0 ? ALL : NONE) : d === 1 ? atLeast(need) : atMost(-need);
      });
      const room = daysBetween(o.start, span.end); // mo·s ≤ room
      const end = mo === 1 ? atMost(room) : room >= 0 ? ALL : NONE;
      return intersect(...conditions, end);
    })
  );
}

export const cadence: KindImpl<'cadence'> = {
  kind: 'cadence',
  reads: check => ({ milestones: [check.of, ...(check.after ?? [])].map(r => parseRef(r).id), cycles: [] }),
  evaluate(check, view) {
    const parts = [
      ...(check.every !== undefined ? [evaluateEvery(check, check.every, view)] : []),
      ...(check.after !== undefined ? [evaluateAfter(check, view)] : []),
    ].filter((p): p is CheckOutcome => p !== undefined);
    if (parts.length === 0) return undefined;
    const decisive = parts.reduce(tighter);
    const confirm = parts.flatMap(p => p.toConfirm ?? []);
    return {
      ...decisive,
      milestones: parts.flatMap(p => p.milestones),
      ...(confirm.length > 0 ? { toConfirm: confirm } : {}),
    };
  },
  shifts: (check, view) => ({
    set: intersect(
      ...(check.every !== undefined ? [shiftsEvery(check, check.every, view)] : []),
      ...(check.after !== undefined ? [shiftsAfter(check, view)] : [])
    ),
    // Periods are fixed dates and nothing adds months to a moving date: day arithmetic is exact.
    exact: true,
  }),
};
