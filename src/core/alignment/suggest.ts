// Fix suggestions: per failing plan instance, the smallest whole-cycle shift of the movable cycle that makes
// every error rule hold, found by intersecting each rule's exact set of allowed shifts; or which rules conflict.
import { closestToZero, contains, intersect, isEmpty } from './interval-set.js';
import type { IntervalSet } from './interval-set.js';
import { signedParam } from './message.js';
import { ruleShifts } from './shifts.js';
import type { AlignmentRule, Evaluation, ShiftRange, Suggestion } from './types.js';
import type { InstanceView } from './view.js';

/** `+P21D`, `-P5D`: the duration `--shift` takes. */
export const formatShift = (days: number): string => `${days < 0 ? '-' : '+'}P${Math.abs(days)}D`;

const toRanges = (set: IntervalSet): ShiftRange[] =>
  set.map(([lo, hi]) => ({ min: Number.isFinite(lo) ? lo : null, max: Number.isFinite(hi) ? hi : null }));

export function suggestFix(
  rules: readonly AlignmentRule[],
  evaluations: readonly Evaluation[],
  view: InstanceView,
  movable: string
): Suggestion | undefined {
  const mine = evaluations.filter(e => e.instance === view.instance);
  const failing = mine.filter(e => e.severity === 'error' && !e.holds && e.status === 'plan').map(e => e.rule);
  if (failing.length === 0) return undefined;
  const errorRules = rules.filter(r => r.severity === 'error');
  const sets = errorRules.map(rule => ({ rule: rule.id, set: ruleShifts(rule, view) }));
  const allowed = intersect(...sets.map(s => s.set));
  const moves = [
    ...new Set(
      mine
        .filter(e => e.severity === 'error')
        .flatMap(e => e.checks.flatMap(c => c.milestones))
        .filter(m => m.id.startsWith(`${movable}.`) && m.status !== 'actual')
        .map(m => m.id)
    ),
  ].sort();
  const base = { instance: view.instance, cycle: movable, failing, rules: errorRules.map(r => r.id), moves };
  const shift = closestToZero(allowed);
  if (shift !== undefined) {
    const warnings = rules.filter(r => r.severity === 'warning');
    const alsoBreaks = warnings.filter(r => !contains(ruleShifts(r, view), shift)).map(r => r.id);
    const paired = view.span(movable)?.label ?? view.instance;
    const whatIf = `--shift ${movable}@${paired}=${formatShift(shift)}`;
    const params = { cycle: movable, days: signedParam(shift), instance: view.instance, whatIf };
    return {
      ...base,
      shiftDays: shift,
      allowed: toRanges(allowed),
      whatIf,
      alsoBreaks,
      messageKey: 'suggest.shift',
      params,
    };
  }
  const fixed = sets.filter(s => isEmpty(s.set)).map(s => s.rule);
  const conflict =
    fixed.length > 0
      ? { rules: fixed, reason: 'fixed' as const }
      : { rules: disjointRules(sets), reason: 'disjoint' as const };
  const params = { cycle: movable, instance: view.instance, rules: conflict.rules.join(', ') };
  const key = conflict.reason === 'fixed' ? 'suggest.fixed' : 'suggest.disjoint';
  return {
    ...base,
    allowed: [],
    alsoBreaks: [],
    conflict,
    messageKey: key,
    params,
  };
}

/** The rules in pairs whose allowed shifts do not overlap (all of them when only the whole set is empty). */
function disjointRules(sets: readonly { rule: string; set: IntervalSet }[]): string[] {
  const named = new Set<string>();
  sets.forEach((a, i) =>
    sets.slice(i + 1).forEach(b => {
      if (isEmpty(intersect(a.set, b.set))) {
        named.add(a.rule);
        named.add(b.rule);
      }
    })
  );
  return named.size > 0 ? sets.map(s => s.rule).filter(r => named.has(r)) : sets.map(s => s.rule);
}
