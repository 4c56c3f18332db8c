// Drift: when two compared cycles have different periods, paired instances (nearest origin) move apart by the
// difference each cycle. Says how the gap moves per instance and in which plan instance a rule first breaks.
import type { Temporal } from 'temporal-polyfill';
import type { Cycle } from '../model/types.js';
import { evaluateRule } from './evaluate.js';
import { readsOf } from './kinds/index.js';
import { signedParam } from './message.js';
import { daysBetween } from './refs.js';
import type { ActiveRule, AlignmentRule, Drift, Gate } from './types.js';
import { buildViews, pairedYear, spanOf } from './view.js';

/** How many reference instances beyond those evaluated to look through for the first break. */
const LOOKAHEAD = 8;

const cyclesRead = (rule: AlignmentRule): Set<string> =>
  new Set(
    rule.checks.flatMap(c => {
      const r = readsOf(c);
      return [...r.cycles, ...r.milestones.map(m => m.split('.')[0] ?? '')];
    })
  );

export function computeDrift(
  cycles: readonly Cycle[],
  reference: Cycle,
  /** The rules not switched off. */
  active: readonly ActiveRule[],
  years: readonly number[],
  today: Temporal.PlainDate,
  movable: string,
  gate: Gate
): Drift[] {
  const reads = new Map(active.map(r => [r, cyclesRead(r)]));
  const compared = new Set(active.flatMap(r => [...reads.get(r)!]));
  const drifting = cycles.filter(
    c => c.id !== reference.id && compared.has(c.id) && c.periodYears !== reference.periodYears
  );
  if (drifting.length === 0) return [];
  const last = Math.max(...years);
  const ahead = [...years, ...Array.from({ length: LOOKAHEAD }, (_, i) => last + (i + 1) * reference.periodYears)];
  const lastLabel = spanOf(reference, ahead.at(-1)!).label;
  // Expanded once for every drifting cycle: the views do not depend on which one is compared.
  const views = buildViews(cycles, reference, ahead, movable);
  return drifting.map(other => {
    const pairs = years.map(y => {
      const b = spanOf(other, pairedYear(other, y));
      const a = spanOf(reference, y);
      return { instance: a.label, paired: b.label, originGapDays: daysBetween(a.origin, b.origin) };
    });
    // Gating rules comparing the two cycles' dates (not the period rule itself), from the first plan instance on.
    const relevant = active.filter(r => {
      const read = reads.get(r)!;
      const gating = r.severity === 'error' || gate.failOn === 'warning';
      return gating && read.has(other.id) && read.has(reference.id) && r.checks.every(c => c.kind !== 'same-period');
    });
    let firstBreak: Drift['firstBreak'];
    for (const view of views) {
      const evals = relevant.map(r => evaluateRule(r, view, today, movable, gate)).filter(e => e.status === 'plan');
      const broken = evals.filter(e => !e.holds).map(e => e.rule);
      if (broken.length > 0) {
        firstBreak = { instance: view.instance, rules: broken };
        break;
      }
    }
    const diff = other.periodYears - reference.periodYears;
    const params = {
      a: reference.id,
      b: other.id,
      periodA: reference.periodYears,
      periodB: other.periodYears,
      drift: signedParam(diff),
      rules: firstBreak?.rules.join(', ') ?? '',
      instance: firstBreak?.instance ?? lastLabel,
    };
    const key = firstBreak ? 'drift.firstBreak' : 'drift.noBreak';
    return {
      a: reference.id,
      b: other.id,
      periodYearsA: reference.periodYears,
      periodYearsB: other.periodYears,
      yearsPerCycle: diff,
      pairs,
      ...(firstBreak ? { firstBreak } : {}),
      messageKey: key,
      params,
    };
  });
}
