// Drift: when two compared cycles have different periods, paired instances (nearest origin) move apart by the
// difference each cycle. Says how the gap moves per instance and in which plan instance a rule first breaks.
import type { Temporal } from 'temporal-polyfill';
import { instanceStarting, nextInstance, pairedInstance } from '../model/instances.js';
import type { Cycle } from '../model/types.js';
import { evaluateRule } from './evaluate.js';
import { readsOf } from './kinds/index.js';
import { signedParam } from './message.js';
import { daysBetween } from './refs.js';
import type { ActiveRule, AlignmentRule, Drift, Gate } from './types.js';
import { buildViews } from './view.js';
import type { ViewOptions } from './view.js';

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
  gate: Gate,
  opts: ViewOptions
): Drift[] {
  const reads = new Map(active.map(r => [r, cyclesRead(r)]));
  const compared = new Set(active.flatMap(r => [...reads.get(r)!]));
  const refSpans = years.flatMap(y => instanceStarting(reference, y) ?? []);
  // A cycle drifts when a paired instance runs on another period than the reference's (each era has its own).
  const drifting = cycles.filter(
    c =>
      c.id !== reference.id &&
      compared.has(c.id) &&
      refSpans.some(r => {
        const paired = pairedInstance(c, r);
        return paired !== undefined && paired.periodYears !== r.periodYears;
      })
  );
  if (drifting.length === 0 || refSpans.length === 0) return [];
  const ahead = [...refSpans];
  for (let i = 0; i < LOOKAHEAD; i++) ahead.push(nextInstance(reference, ahead.at(-1)!));
  const lastLabel = ahead.at(-1)!.label;
  // Expanded once for every drifting cycle: the views do not depend on which one is compared.
  const views = buildViews(
    cycles,
    reference,
    ahead.map(s => s.year),
    { cycle: movable },
    opts
  );
  return drifting.map(other => {
    const pairs = refSpans.flatMap(a => {
      const b = pairedInstance(other, a);
      return b ? [{ instance: a.label, paired: b.label, originGapDays: daysBetween(a.origin, b.origin), a, b }] : [];
    });
    const last = pairs.at(-1)!;
    // Gating rules comparing the two cycles' dates (not the period rule itself), from the first plan instance on.
    const relevant = active.filter(r => {
      const read = reads.get(r)!;
      const gating = r.severity === 'error' || gate.failOn === 'warning';
      return gating && read.has(other.id) && read.has(reference.id) && r.checks.every(c => c.kind !== 'same-period');
    });
    let firstBreak: Drift['firstBreak'];
    for (const view of views) {
      const evals = relevant
        .flatMap(r => evaluateRule(r, view, today, movable, gate) ?? [])
        .filter(e => e.status === 'plan');
      const broken = evals.filter(e => e.state === 'violated').map(e => e.rule);
      if (broken.length > 0) {
        firstBreak = { instance: view.instance, rules: broken };
        break;
      }
    }
    const diff = last.b.periodYears - last.a.periodYears;
    const params = {
      a: reference.id,
      b: other.id,
      periodA: last.a.periodYears,
      periodB: last.b.periodYears,
      drift: signedParam(diff),
      rules: firstBreak?.rules.join(', ') ?? '',
      instance: firstBreak?.instance ?? lastLabel,
    };
    const key = firstBreak ? 'drift.firstBreak' : 'drift.noBreak';
    return {
      a: reference.id,
      b: other.id,
      periodYearsA: last.a.periodYears,
      periodYearsB: last.b.periodYears,
      yearsPerCycle: diff,
      pairs: pairs.map(({ instance, paired, originGapDays }) => ({ instance, paired, originGapDays })),
      ...(firstBreak ? { firstBreak } : {}),
      messageKey: key,
      params,
    };
  });
}
