// The clause-20 alignment engine. PURE: cycles and rules in, evaluations, findings, fixes and drift out;
// "today" is passed in. Report, feeds and `check` all call checkAlignment.
import type { Temporal } from 'temporal-polyfill';
import { CycleSyncError } from '../../errors.js';
import { bandsOf, backtest } from '../model/backtest.js';
import { expandCalendar } from '../model/expand.js';
import { instanceContaining, instanceStarting, nextInstance, previousInstance } from '../model/instances.js';
import { referenceCycle } from '../model/reference.js';
import type { Cycle } from '../model/types.js';
import { computeDrift } from './drift.js';
import { evaluateRule } from './evaluate.js';
import { DEFAULT_MOVABLE } from './rule-set.js';
import { suggestFix } from './suggest.js';
import type { ActiveRule, AlignmentResult, AlignmentRule, Gate } from './types.js';
import { validateRules } from './validate-rules.js';
import { buildViews } from './view.js';
import type { InstanceView, ViewOptions } from './view.js';

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
  const current = instanceContaining(reference, today.year) ?? instanceContaining(reference, reference.eras[0]!.from)!;
  return [previousInstance(reference, current), current, nextInstance(reference, current)].flatMap(s =>
    s ? [s.year] : []
  );
}

export function checkAlignment(input: CheckAlignmentInput): AlignmentResult {
  const movable = input.movable ?? DEFAULT_MOVABLE;
  // Instances are named and paired after the reference cycle, as the plan and the report do.
  const reference = referenceCycle(input.cycles);
  validateRules(input.rules, input.cycles, movable);
  const years = input.instances ?? defaultInstances(reference, input.today);
  for (const y of years)
    if (!instanceStarting(reference, y)) {
      const near = instanceContaining(reference, y);
      throw new CycleSyncError({
        code: 'USAGE',
        message: `${y} is not the first year of a ${reference.id} instance`,
        hint: near
          ? `did you mean ${near.label}?`
          : `the first instance of ${reference.id} starts in ${reference.eras[0]!.from}`,
      });
    }
  const gate: Gate = { failOn: input.gate?.failOn ?? 'error', includeHistory: input.gate?.includeHistory ?? false };
  const active = input.rules.filter((r): r is ActiveRule => r.severity !== 'off');
  // Projections carry the bands their rules earned in back-testing; a fix's what-if is expanded with the same.
  const bands = bandsOf(backtest(input.cycles, input.today));
  const opts: ViewOptions = {
    today: input.today,
    expand: cycles => expandCalendar(cycles, { today: input.today, bands }),
  };
  const views = buildViews(input.cycles, reference, years, { cycle: movable }, opts);
  const evaluations = active.flatMap(rule =>
    views.flatMap(view => evaluateRule(rule, view, input.today, movable, gate) ?? [])
  );
  const suggestions = views.flatMap(view => {
    const byMilestone = new Map<string, InstanceView>();
    const milestoneView = (id: string): InstanceView => {
      let v = byMilestone.get(id);
      if (!v) {
        const mover = { cycle: movable, milestone: id.split('.')[1]! };
        v = buildViews(input.cycles, reference, [view.referenceYear], mover, opts)[0]!;
        byMilestone.set(id, v);
      }
      return v;
    };
    const s = suggestFix(active, evaluations, { cycle: view, milestone: milestoneView }, movable);
    return s ? [s] : [];
  });
  return {
    evaluations,
    findings: evaluations.filter(e => e.state !== 'holds'),
    suggestions,
    drift: computeDrift(input.cycles, reference, active, years, input.today, movable, gate, opts),
    ok: !evaluations.some(e => e.gates),
    reference: reference.id,
    instances: views.map(v => v.instance),
    movable,
  };
}
