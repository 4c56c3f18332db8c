// What a projected date's error rests on. A back-tested rule adds its band (its largest early and late
// residuals); a rule that cannot be tested (fewer than two day-precision records) leaves the error unknown,
// and so does a date placed from a slot that has no record. A verified rule adds nothing: a source states it.
import type { PlacedDate } from './evaluate-rule.js';
import type { Band, BandPart, MilestoneDef, Uncertainty } from './types.js';

export function uncertaintyOf(
  def: Pick<MilestoneDef, 'id' | 'basis'>,
  sides: readonly (PlacedDate | undefined)[],
  bands: ReadonlyMap<string, BandPart> | undefined
): Uncertainty {
  const parts = new Map<string, BandPart>();
  const untested = new Set<string>();
  const unrecorded = new Set<string>();
  const addPart = (p: BandPart): void => {
    const had = parts.get(p.milestone);
    parts.set(p.milestone, had ? { ...p, early: Math.max(had.early, p.early), late: Math.max(had.late, p.late) } : p);
  };
  if (def.basis !== 'verified') {
    const own = bands?.get(def.id);
    if (own) addPart(own);
    else untested.add(def.id);
  }
  for (const side of sides) {
    const from = side?.from;
    if (!from) continue;
    if (from.resolved.status === 'unrecorded') unrecorded.add(from.id);
    const u = from.resolved.uncertainty;
    if (from.resolved.status !== 'projected' && from.resolved.status !== 'unrecorded') continue;
    if (!u) continue;
    u.parts.forEach(addPart);
    u.untested.forEach(id => untested.add(id));
    u.unrecorded.forEach(id => unrecorded.add(id));
  }
  return { parts: [...parts.values()], untested: [...untested], unrecorded: [...unrecorded] };
}

/** The band of a projection: the sum of its parts, or undefined when it rests on anything untested. */
export function bandOf(u: Uncertainty | undefined): Band | undefined {
  if (!u || u.untested.length > 0 || u.unrecorded.length > 0) return undefined;
  return u.parts.reduce((b, p) => ({ early: b.early + p.early, late: b.late + p.late }), { early: 0, late: 0 });
}
