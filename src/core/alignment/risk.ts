// Uncertainty in a check: how far the measured days between two dates may move when the projections behind
// them err as much as their rules did in back-testing. Errors of a rule both dates rest on cancel out (an
// IDEAL placed three months after a SOCTA moves with it). A check that holds on the projected dates but not
// everywhere inside that range is at risk.
import type { Occurrence, Uncertainty } from '../model/types.js';

/** The range of `to − from` (days) inside the two dates' bands, or undefined when a band is unknown. */
export function measuredRange(
  from: Occurrence,
  to: Occurrence,
  measured: number
): { low: number; high: number } | undefined {
  const own = (o: Occurrence): Uncertainty => o.uncertainty ?? { parts: [], untested: [], unrecorded: [] };
  const a = own(from);
  const b = own(to);
  const shared = new Set(a.parts.map(p => p.milestone).filter(m => b.parts.some(p => p.milestone === m)));
  const sharedUntested = new Set(a.untested.filter(m => b.untested.includes(m)));
  const unknown = [
    ...a.untested.filter(m => !sharedUntested.has(m)),
    ...b.untested.filter(m => !sharedUntested.has(m)),
    ...a.unrecorded,
    ...b.unrecorded,
  ];
  if (unknown.length > 0) return undefined;
  const sum = (u: Uncertainty, side: 'early' | 'late'): number =>
    u.parts.filter(p => !shared.has(p.milestone)).reduce((n, p) => n + p[side], 0);
  // to may come up to b.early sooner and from up to a.late later: the gap shrinks by both, and grows likewise.
  return { low: measured - sum(b, 'early') - sum(a, 'late'), high: measured + sum(b, 'late') + sum(a, 'early') };
}

/** At risk: the range leaves [min, max] on some side. */
export const outside = (
  range: { low: number; high: number },
  min: number | undefined,
  max: number | undefined
): boolean => (min !== undefined && range.low < min) || (max !== undefined && range.high > max);
