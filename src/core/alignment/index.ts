// The clause-20 alignment engine. PURE: cycles and rules in, evaluations, findings, fixes and drift out;
// "today" is passed in. Report, feeds and `check` all call checkAlignment.
import type { Temporal } from 'temporal-polyfill';
import { CycleSyncError } from '../../errors.js';
import { instanceLabel, instanceYearOf } from '../model/expand.js';
import { referenceCycle } from '../model/reference.js';
import type { Cycle } from '../model/types.js';
import { computeDrift } from './drift.js';
import { evaluateRule } from './evaluate.js';
import { DEFAULT_MOVABLE } from './rule-set.js';
import { suggestFix } from './suggest.js';
import type { ActiveRule, AlignmentResult, AlignmentRule, Gate } from './types.js';
import { validateRules } from './validate-rules.js';
import { buildViews } from './view.js';

export type * from './types.js';
export type { WhatIf } from './what-if.js';
export { evaluateCheck } from './kinds/index.js';
export { applyWhatIfs } from './what-if.js';
export { mergeRules } from './rule-set.js';
export { formatShift } from './suggest.js';
export { buildViews } from './view.js';
export { validateRules } from './validate-rules.js';

export interface CheckAlignmentInput {
  cycles: Cycle[];
  rules: AlignmentRule[];
  today: Temporal.PlainDate;
  /** The cycle fixes move (default `ideal`). */
  movable?: string;
  /** First years of the reference cycle's instances to evaluate (default: the one containing today, the one before, the one after). */
  instances?: number[];
  /** Which findings make `ok` false (default: plan findings of error severity). */
  gate?: Partial<Gate>;
}

/** The instance containing today, the one before and the one after. */
function defaultInstances(reference: Cycle, today: Temporal.PlainDate): number[] {
  const y = instanceYearOf(reference, today.year);
  return [y - reference.periodYears, y, y + reference.periodYears].filter(v => v >= reference.firstYear);
}

export function checkAlignment(input: CheckAlignmentInput): AlignmentResult {
  const movable = input.movable ?? DEFAULT_MOVABLE;
  // Instances are named and paired after the reference cycle, as the plan and the report do.
  const reference = referenceCycle(input.cycles);
  validateRules(input.rules, input.cycles, movable);
  const years = input.instances ?? defaultInstances(reference, input.today);
  for (const y of years)
    if ((y - reference.firstYear) % reference.periodYears !== 0)
      throw new CycleSyncError({
        code: 'USAGE',
        message: `${y} is not the first year of a ${reference.id} instance`,
        hint: `instances start in ${reference.firstYear} + k × ${reference.periodYears} years, e.g. ${instanceLabel(reference, instanceYearOf(reference, y))}`,
      });
  const gate: Gate = { failOn: input.gate?.failOn ?? 'error', includeHistory: input.gate?.includeHistory ?? false };
  const active = input.rules.filter((r): r is ActiveRule => r.severity !== 'off');
  const views = buildViews(input.cycles, reference, years, movable);
  const evaluations = active.flatMap(rule => views.map(view => evaluateRule(rule, view, input.today, movable, gate)));
  const suggestions = views.flatMap(view => {
    const s = suggestFix(active, evaluations, view, movable);
    return s ? [s] : [];
  });
  return {
    evaluations,
    findings: evaluations.filter(e => !e.holds),
    suggestions,
    drift: computeDrift(input.cycles, reference, active, years, input.today, movable, gate),
    ok: !evaluations.some(e => e.gates),
    reference: reference.id,
    instances: views.map(v => v.instance),
    movable,
  };
}
