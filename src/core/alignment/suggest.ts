// Fixes for a failing plan instance. First an edit a planner can apply: the window of days in which to plan
// one milestone of the movable cycle (its dependents follow their rules) so that every error rule holds, and
// the file and line to write it in. Then, second, the smallest whole-cycle shift (`check --shift`), or which
// rules conflict when none exists.
import { closestToZero, contains, intersect, isEmpty } from './interval-set.js';
import type { IntervalSet } from './interval-set.js';
import { signedParam } from './message.js';
import { ruleShifts } from './shifts.js';
import type { AlignmentRule, Edit, Evaluation, ShiftRange, Suggestion } from './types.js';
import type { InstanceView } from './view.js';

/** `+P21D`, `-P5D`: the duration `--shift` takes. */
export const formatShift = (days: number): string => `${days < 0 ? '-' : '+'}P${Math.abs(days)}D`;

const toRanges = (set: IntervalSet): ShiftRange[] =>
  set.map(([lo, hi]) => ({ min: Number.isFinite(lo) ? lo : null, max: Number.isFinite(hi) ? hi : null }));

/** Views of one instance: with the movable cycle moved rigidly, and with one of its milestones moved. */
export interface SuggestViews {
  cycle: InstanceView;
  milestone: (id: string) => InstanceView;
}

export function suggestFix(
  rules: readonly AlignmentRule[],
  evaluations: readonly Evaluation[],
  views: SuggestViews,
  movable: string
): Suggestion | undefined {
  const view = views.cycle;
  const mine = evaluations.filter(e => e.instance === view.instance);
  const failing = mine.filter(e => e.severity === 'error' && e.state === 'violated' && e.status === 'plan');
  if (failing.length === 0) return undefined;
  const errorRules = rules.filter(r => r.severity === 'error');
  const warnings = rules.filter(r => r.severity === 'warning');
  const movableOnes = (list: readonly Evaluation[]) =>
    list
      .flatMap(e => e.checks.flatMap(c => c.milestones))
      .filter(m => m.id.startsWith(`${movable}.`) && (m.status === 'planned' || m.status === 'projected'));
  const moves = [...new Set(movableOnes(mine.filter(e => e.severity === 'error')).map(m => m.id))].sort();
  const edit = editFor(movableOnes(failing), errorRules, warnings, views, view);
  const base = {
    instance: view.instance,
    cycle: movable,
    failing: failing.map(e => e.rule),
    rules: errorRules.map(r => r.id),
    moves,
    ...(edit ? { edit } : {}),
  };
  const sets = errorRules.map(rule => ({ rule: rule.id, set: ruleShifts(rule, view) }));
  const allowed = intersect(...sets.map(s => s.set));
  const shift = closestToZero(allowed);
  const paired = view.span(movable)?.label ?? view.instance;
  if (shift !== undefined) {
    const alsoBreaks = warnings.filter(r => !contains(ruleShifts(r, view), shift)).map(r => r.id);
    const whatIf = `--shift ${movable}@${paired}=${formatShift(shift)}`;
    const params = { cycle: movable, days: signedParam(shift), instance: view.instance, whatIf };
    return {
      ...base,
      shiftDays: shift,
      allowed: toRanges(allowed),
      whatIf,
      alsoBreaks,
      ...(edit ? editMessage(edit) : { messageKey: 'suggest.shift', params }),
    };
  }
  const fixed = sets.filter(s => isEmpty(s.set)).map(s => s.rule);
  const conflict =
    fixed.length > 0
      ? { rules: fixed, reason: 'fixed' as const }
      : { rules: disjointRules(sets), reason: 'disjoint' as const };
  const params = { cycle: movable, instance: view.instance, rules: conflict.rules.join(', ') };
  return {
    ...base,
    allowed: [],
    alsoBreaks: [],
    conflict,
    ...(edit
      ? editMessage(edit)
      : { messageKey: conflict.reason === 'fixed' ? 'suggest.fixed' : 'suggest.disjoint', params }),
  };
}

const editMessage = (edit: Edit): Pick<Suggestion, 'messageKey' | 'params'> => ({
  messageKey: 'suggest.edit',
  params: {
    milestone: edit.milestone,
    instance: edit.instance,
    fromDate: edit.from?.toString() ?? '',
    toDate: edit.to?.toString() ?? '',
    suggestedDate: edit.suggested.toString(),
    where: edit.at ? [edit.at.file, edit.at.line].filter(v => v !== undefined).join(':') : '',
  },
});

/**
 * The edit: the most upstream movable milestone among those the failing rules compare (moving it moves the
 * others placed from it), and the window of days around its date now in which every error rule holds.
 */
function editFor(
  candidates: readonly { id: string; start: Edit['suggested'] }[],
  errorRules: readonly AlignmentRule[],
  warnings: readonly AlignmentRule[],
  views: SuggestViews,
  view: InstanceView
): Edit | undefined {
  const unique = [...new Set(candidates.map(c => c.id))];
  // Upstream first: a milestone whose move carries more of the others with it.
  const carried = (id: string): number => {
    const moved = views.milestone(id);
    return unique.filter(other => moved.inInstance(other).some(o => moved.moves(o) === 1)).length;
  };
  const ids = unique
    .map(id => ({ id, n: carried(id) }))
    .sort((a, b) => b.n - a.n)
    .map(x => x.id);
  for (const id of ids) {
    const moved = views.milestone(id);
    const allowed = intersect(...errorRules.map(rule => ruleShifts(rule, moved)));
    const shift = closestToZero(allowed);
    if (shift === undefined) continue;
    const [lo, hi] = allowed.find(([a, b]) => a <= shift && shift <= b)!;
    const now = candidates.find(c => c.id === id)!.start;
    const [cycle = '', key = ''] = id.split('.');
    const c = view.cycle(cycle);
    const def = c?.milestones.find(m => m.key === key);
    const own = c && c.files[0] !== undefined && def?.at?.file !== c.files[0] ? c.extendsAt : undefined;
    const leaves = warnings.filter(r => !contains(ruleShifts(r, moved), shift)).map(r => r.id);
    return {
      milestone: id,
      instance: view.span(cycle)?.label ?? view.instance,
      from: Number.isFinite(lo) ? now.add({ days: lo }) : null,
      to: Number.isFinite(hi) ? now.add({ days: hi }) : null,
      suggested: now.add({ days: shift }),
      at: own ?? def?.at,
      leaves,
    };
  }
  return undefined;
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
