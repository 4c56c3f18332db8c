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

export function exactShifts(check: Check, view: InstanceView): IntervalSet {
  const { set, uncertain = [], exact = false } = estimateShifts(check, view);
  if (exact) return set;
  const holdsAt = (s: number): boolean => evaluateCheck(check, view.shifted(s))?.holds ?? true;
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
