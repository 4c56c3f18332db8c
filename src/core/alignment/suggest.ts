// Fixes for a failing plan instance. First an edit a planner can apply: the window of days in which to plan
// one milestone of the movable cycle (its dependents follow their rules) so that every error rule holds, and
// the file and line to write it in. Then, second, the smallest whole-cycle shift (`check --shift`), or which
// rules conflict when none exists.
import { closestToZero, contains, intersect, isEmpty } from './interval-set.js';
import type { IntervalSet } from './interval-set.js';
import { signedParam } from './message.js';
import { evaluateCheck } from './kinds/index.js';
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
  // The rules a fix must keep or make true: error rules measured on known dates here (an overdue or unrecorded
  // one asks for a record, which no move of a planned date gives).
  const measured = new Set(mine.filter(e => e.state !== 'no-record' && e.state !== 'overdue').map(e => e.rule));
  const errorRules = rules.filter(r => r.severity === 'error' && measured.has(r.id));
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
    const guess = closestToZero(allowed);
    if (guess === undefined) continue;
    const run = verifiedRun(allowed, guess, s =>
      errorRules.every(r => r.checks.every(c => evaluateCheck(c, moved.shifted(s))?.holds ?? true))
    );
    if (!run) continue;
    const now = candidates.find(c => c.id === id)!.start;
    const [cycle = '', key = ''] = id.split('.');
    const c = view.cycle(cycle);
    const def = c?.milestones.find(m => m.key === key);
    const own = c && c.files[0] !== undefined && def?.at?.file !== c.files[0] ? c.extendsAt : undefined;
    const there = moved.shifted(run.best);
    const leaves = warnings
      .filter(r => r.checks.some(c => evaluateCheck(c, there)?.state === 'violated'))
      .map(r => r.id);
    return {
      milestone: id,
      instance: view.span(cycle)?.label ?? view.instance,
      from: run.lo === null ? null : now.add({ days: run.lo }),
      to: run.hi === null ? null : now.add({ days: run.hi }),
      suggested: now.add({ days: run.best }),
      at: own ?? def?.at,
      leaves,
    };
  }
  return undefined;
}

/** How far a window is searched day by day before it is called unbounded. */
const SEARCH = 400;

/**
 * The estimate assumes a moved milestone's dependents move with it day for day; they do not quite (a month
 * added to a date that moves, a roll to a working day), so the days of the estimated interval around the guess
 * are each tried. The result: the day nearest to no move that works, and the run of working days around it.
 */
function verifiedRun(
  allowed: IntervalSet,
  guess: number,
  holds: (s: number) => boolean
): { best: number; lo: number | null; hi: number | null } | undefined {
  const [lo, hi] = allowed.find(([a, b]) => a <= guess && guess <= b)!;
  const from = Math.max(lo, guess - SEARCH);
  const to = Math.min(hi, guess + SEARCH);
  const ok: number[] = [];
  for (let s = from; s <= to; s++) if (holds(s)) ok.push(s);
  if (ok.length === 0) return undefined;
  const best = ok.reduce((a, b) => (Math.abs(b) < Math.abs(a) || (Math.abs(b) === Math.abs(a) && b > a) ? b : a));
  let a = best;
  let b = best;
  while (ok.includes(a - 1)) a--;
  while (ok.includes(b + 1)) b++;
  return {
    best,
    lo: a === from && !Number.isFinite(lo) ? null : a,
    hi: b === to && !Number.isFinite(hi) ? null : b,
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
