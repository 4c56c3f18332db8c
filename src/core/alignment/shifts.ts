// The exact set of whole-day shifts of the movable cycle for which a check (or a rule) holds: the kind's
// estimate, with every day near its ends, and any range it marks uncertain, checked by evaluating the check.
import { boundaries, intersect, subtract, union } from './interval-set.js';
import type { Interval, IntervalSet } from './interval-set.js';
import { estimateShifts, evaluateCheck } from './kinds/index.js';
import type { AlignmentRule, Check } from './types.js';
import type { InstanceView } from './view.js';

/**
 * Month-based limits vary by at most 3 days with the date they are added to, and a moved milestone's dependents
 * roll to working days (the EU's year-end closure and a weekend add up to 11 days): two weeks cover both.
 */
const MARGIN = 14;

/**
 * Where a moved milestone is expanded again for every shift tried (its dependents roll anew), each try costs an
 * expansion: from each finite end of each estimated interval, walk day by day to where the check changes
 * (outward while it holds, inward while it does not), instead of trying every day of the margin.
 */
function walked(set: IntervalSet, holdsAt: (s: number) => boolean): IntervalSet {
  const end = (b: number, outward: 1 | -1, limit: number): number | undefined => {
    let s = b;
    if (holdsAt(s)) {
      while (Math.abs(s + outward - b) <= MARGIN && holdsAt(s + outward)) s += outward;
      return s;
    }
    while (Math.abs(s - b) < MARGIN && (s - outward - limit) * outward >= 0) {
      s -= outward;
      if (holdsAt(s)) return s;
    }
    return undefined;
  };
  return set.flatMap(([lo, hi]) => {
    const a = Number.isFinite(lo) ? end(lo, -1, hi) : lo;
    const b = Number.isFinite(hi) ? end(hi, 1, lo) : hi;
    return a === undefined || b === undefined || a > b ? [] : [[a, b] as const];
  });
}

export function exactShifts(check: Check, view: InstanceView): IntervalSet {
  const { set, uncertain = [], exact = false } = estimateShifts(check, view);
  if (exact) return set;
  const holdsAt = (s: number): boolean => evaluateCheck(check, view.shifted(s))?.holds ?? true;
  if (view.reexpands && uncertain.length === 0) return walked(set, holdsAt);
  const ranges: Interval[] = [...boundaries(set).map(b => [b - MARGIN, b + MARGIN] as const), ...uncertain];
  let out = set;
  for (const [lo, hi] of ranges) {
    out = subtract(out, lo, hi);
    const hits: Interval[] = [];
    for (let s = lo; s <= hi; s++) if (holdsAt(s)) hits.push([s, s]);
    out = union(out, hits);
  }
  return out;
}

export const ruleShifts = (rule: AlignmentRule, view: InstanceView): IntervalSet =>
  intersect(...rule.checks.map(c => exactShifts(c, view)));
