// Sets of whole-day shifts as sorted, disjoint, non-adjacent closed intervals (ends may be ±Infinity). Each
// check yields the shifts for which it holds; intersecting them is how a fix suggestion is found exactly.

export type Interval = readonly [number, number];
export type IntervalSet = readonly Interval[];

export const ALL: IntervalSet = [[-Infinity, Infinity]];
export const NONE: IntervalSet = [];

export const range = (lo: number, hi: number): IntervalSet => (lo <= hi ? [[lo, hi]] : NONE);
export const atLeast = (lo: number): IntervalSet => range(lo, Infinity);
export const atMost = (hi: number): IntervalSet => range(-Infinity, hi);

/** Sorts and merges overlapping or adjacent (integer) intervals. */
function normalize(list: readonly Interval[]): IntervalSet {
  const sorted = list.filter(([lo, hi]) => lo <= hi).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: [number, number][] = [];
  for (const [lo, hi] of sorted) {
    const last = out.at(-1);
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}

export const union = (...sets: IntervalSet[]): IntervalSet => normalize(sets.flat());

export function intersect(...sets: IntervalSet[]): IntervalSet {
  return sets.reduce<IntervalSet>((acc, set) => {
    const out: Interval[] = [];
    for (const [a0, a1] of acc)
      for (const [b0, b1] of set) {
        const lo = Math.max(a0, b0);
        const hi = Math.min(a1, b1);
        if (lo <= hi) out.push([lo, hi]);
      }
    return normalize(out);
  }, ALL);
}

/** The set minus the closed interval [lo, hi]. */
export function subtract(set: IntervalSet, lo: number, hi: number): IntervalSet {
  const out: Interval[] = [];
  for (const [a0, a1] of set) {
    if (a1 < lo || a0 > hi) out.push([a0, a1]);
    else {
      if (a0 < lo) out.push([a0, lo - 1]);
      if (a1 > hi) out.push([hi + 1, a1]);
    }
  }
  return normalize(out);
}

export const contains = (set: IntervalSet, s: number): boolean => set.some(([lo, hi]) => lo <= s && s <= hi);
export const isEmpty = (set: IntervalSet): boolean => set.length === 0;

/** The member nearest zero; between −k and +k, +k (a delay is easier to arrange than an advance). */
export function closestToZero(set: IntervalSet): number | undefined {
  let best: number | undefined;
  const better = (s: number): boolean =>
    best === undefined || Math.abs(s) < Math.abs(best) || (Math.abs(s) === Math.abs(best) && s > best);
  for (const [lo, hi] of set) {
    const candidate = lo <= 0 && 0 <= hi ? 0 : hi < 0 ? hi : lo;
    if (better(candidate)) best = candidate;
  }
  return best;
}

/** The finite ends of the set, where an approximation must be checked exactly. */
export const boundaries = (set: IntervalSet): number[] =>
  set.flatMap(([lo, hi]) => [lo, hi]).filter(n => Number.isFinite(n));
