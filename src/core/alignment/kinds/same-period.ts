// `same-period`: two cycles have the same period, else the gap between their instances drifts.
import { ALL, NONE } from '../interval-set.js';
import { daysBetween } from '../refs.js';
import { signedParam } from '../message.js';
import type { CheckOutcome } from '../types.js';
import type { KindImpl } from './kind.js';

export const samePeriod: KindImpl<'same-period'> = {
  kind: 'same-period',
  reads: check => ({ milestones: [], cycles: [...check.cycles] }),
  evaluate(check, view): CheckOutcome | undefined {
    const [aId, bId] = check.cycles;
    // The periods of the paired instances: each era has its own, and a cycle that did not exist is not compared.
    const spanA = view.span(aId);
    const spanB = view.span(bId);
    if (!spanA || !spanB) return undefined;
    const a = { periodYears: spanA.periodYears };
    const b = { periodYears: spanB.periodYears };
    const diff = b.periodYears - a.periodYears;
    // Violated by the days one cycle's drift adds to the gap between paired instances.
    const drift = daysBetween(spanA.origin, spanA.origin.add({ years: Math.abs(diff) }));
    const openUntil = daysBetween(spanA.end, spanB.end) > 0 ? spanB.end : spanA.end;
    return {
      kind: 'same-period',
      state: diff === 0 ? 'holds' : 'violated',
      holds: diff === 0,
      slackDays: diff === 0 ? 0 : -drift,
      allowed: { unit: 'days', min: 0, max: 0 },
      milestones: [],
      openUntil,
      messageKey: diff === 0 ? 'samePeriod.holds' : 'samePeriod.broken',
      params: {
        a: aId,
        b: bId,
        periodA: a.periodYears,
        periodB: b.periodYears,
        drift: signedParam(diff),
        pairedA: spanA.label,
        pairedB: spanB.label,
      },
    };
  },
  shifts: (check, view) => {
    const [aId, bId] = check.cycles;
    return { set: view.span(aId)?.periodYears === view.span(bId)?.periodYears ? ALL : NONE, exact: true };
  },
};
