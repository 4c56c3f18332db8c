// `gap`: `to − from` lies within [min, max] (signed ISO durations added to `from`'s date).
import { addDuration } from '../../dates/duration.js';
import { ALL, NONE, range } from '../interval-set.js';
import { daysBetween, hasCalendarUnits, involve, parseRef, pointOf, rangeText } from '../refs.js';
import type { Point } from '../refs.js';
import type { CheckOutcome } from '../types.js';
import type { InstanceView } from '../view.js';
import { WIDE } from './kind.js';
import type { KindImpl } from './kind.js';
import { absentOutcome } from './missing.js';
import { measuredRange, outside } from '../risk.js';

/** The limits of a gap measured from `from`, in days. */
function limits(from: Point, min: string | undefined, max: string | undefined): { lo?: number; hi?: number } {
  return {
    ...(min !== undefined ? { lo: daysBetween(from.date, addDuration(from.date, min)) } : {}),
    ...(max !== undefined ? { hi: daysBetween(from.date, addDuration(from.date, max)) } : {}),
  };
}

/** The message of a measured gap; `before` reuses it for "the latest milestone → target". */
export function gapMessage(
  from: { id: string; date: string },
  to: { id: string; date: string },
  measured: number,
  allowed: string
): Pick<CheckOutcome, 'messageKey' | 'params'> {
  return {
    messageKey: measured > 0 ? 'gap.after' : measured < 0 ? 'gap.before' : 'gap.same',
    params: {
      from: from.id,
      fromDate: from.date,
      to: to.id,
      toDate: to.date,
      days: Math.abs(measured),
      allowed,
    },
  };
}

export const gap: KindImpl<'gap'> = {
  kind: 'gap',
  reads: check => ({ milestones: [parseRef(check.from).id, parseRef(check.to).id], cycles: [] }),

  evaluate(check, view: InstanceView): CheckOutcome | undefined {
    const fromRef = parseRef(check.from);
    const toRef = parseRef(check.to);
    const from = pointOf(view, fromRef);
    const to = pointOf(view, toRef);
    if (!from || !to)
      return absentOutcome(
        'gap',
        [...(from ? [] : [fromRef.id]), ...(to ? [] : [toRef.id])],
        [from, to].flatMap(p => (p ? [p.occurrence] : [])),
        view,
        // Only a missing `to` has a window that closes: the last day `max` allows after a known `from`.
        from && check.max !== undefined
          ? { from: check.from, fromDate: from.date, closesOn: addDuration(from.date, check.max) }
          : undefined
      );
    const measured = daysBetween(from.date, to.date);
    const { lo, hi } = limits(from, check.min, check.max);
    const slack = Math.min(lo === undefined ? Infinity : measured - lo, hi === undefined ? Infinity : hi - measured);
    const range = slack >= 0 ? measuredRange(from.occurrence, to.occurrence, measured) : undefined;
    const atRisk = range !== undefined && outside(range, lo, hi);
    return {
      kind: 'gap',
      state: slack < 0 ? 'violated' : atRisk ? 'at-risk' : 'holds',
      ...(atRisk ? { band: range } : {}),
      holds: slack >= 0,
      slackDays: slack,
      measuredDays: measured,
      allowed: {
        unit: 'days',
        ...(lo !== undefined ? { min: lo } : {}),
        ...(hi !== undefined ? { max: hi } : {}),
        iso: { ...(check.min ? { min: check.min } : {}), ...(check.max ? { max: check.max } : {}) },
      },
      milestones: [involve(from.occurrence), involve(to.occurrence)],
      ...gapMessage(
        { id: check.from, date: from.date.toString() },
        { id: check.to, date: to.date.toString() },
        measured,
        rangeText(lo, hi)
      ),
    };
  },

  shifts(check, view) {
    const from = pointOf(view, parseRef(check.from));
    const to = pointOf(view, parseRef(check.to));
    if (!from || !to) return { set: NONE };
    const { lo = -Infinity, hi = Infinity } = limits(from, check.min, check.max);
    const measured = daysBetween(from.date, to.date);
    const movesFrom = view.moves(from.occurrence);
    const d = view.moves(to.occurrence) - movesFrom;
    // When `from` moves, month-based limits change length with it: exact only up to a few days.
    const calendar = movesFrom === 1 && (hasCalendarUnits(check.min) || hasCalendarUnits(check.max));
    if (d === 0) {
      const set = lo <= measured && measured <= hi ? ALL : NONE;
      return calendar ? { set, uncertain: [[-WIDE, WIDE]] } : { set };
    }
    // measured + d·s ∈ [lo, hi]
    return { set: d === 1 ? range(lo - measured, hi - measured) : range(measured - hi, measured - lo) };
  },
};
