// Back-testing: each rule is tried against the actual dates it is meant to reproduce. Leave-one-out: one
// record is set aside, the rule places that slot (the milestones it starts from keep their records), and the
// residual is rule − actual in days (positive: the rule was late). The largest early and late residuals are
// the band every projection of that rule carries.
import type { Temporal } from 'temporal-polyfill';
import { daysBetween } from '../dates/days.js';
import { expandCalendar } from './expand.js';
import { instanceContaining } from './instances.js';
import { isKnown } from './records.js';
import type { BandPart, Basis, Cycle, MilestoneDef, RecordedDate } from './types.js';

export interface BacktestPoint {
  /** The instance label, e.g. `2018-2021`. */
  instance: string;
  /** The occurrence year of a yearly milestone. */
  year: number | undefined;
  actual: Temporal.PlainDate;
  predicted: Temporal.PlainDate;
  /** predicted − actual, in days. */
  residual: number;
}

export interface BacktestedRule {
  milestone: string;
  basis: Basis;
  points: BacktestPoint[];
  meanAbs: number;
  maxAbs: number;
  /** How much earlier than the rule's date the truth came, at most (days, ≥ 0). */
  early: number;
  /** How much later, at most. */
  late: number;
}

export interface UntestableRule {
  milestone: string;
  basis: Basis;
  /** The day-precision actual dates there are to test it against (fewer than two). */
  points: number;
}

export interface Backtest {
  rules: BacktestedRule[];
  /** Rules that are not verified and have fewer than two points: their projections are "untested". */
  untestable: UntestableRule[];
}

/** The records a rule can be tested against: actual (reported, known as of today) and day-precise. */
const testable = (def: MilestoneDef, today: Temporal.PlainDate): RecordedDate[] =>
  def.history.filter(e => !e.announced && e.precision === 'day' && isKnown(e, today));

export function backtest(cycles: readonly Cycle[], today: Temporal.PlainDate): Backtest {
  const rules: BacktestedRule[] = [];
  const untestable: UntestableRule[] = [];
  for (const cycle of cycles)
    for (const def of cycle.milestones) {
      const ruled = cycle.eras.some(era => era.milestones.find(m => m.key === def.key)?.rule);
      if (!ruled || def.basis === undefined) continue;
      const points = testable(def, today).flatMap(record => {
        const span = instanceContaining(
          cycle,
          def.yearly ? (record.year ?? record.start.year) : (record.instance ?? record.start.year)
        );
        if (!span) return [];
        const n = def.yearly ? (record.year ?? record.start.year) : span.year;
        const predicted = expandCalendar(cycles, { today, without: record }).slot(cycle.id, def.key, span.year, n);
        // A prediction placed from a month- or year-precise record is not precise enough to test with.
        if (!predicted || predicted.record || predicted.precision !== 'day') return [];
        return [
          {
            instance: span.label,
            year: def.yearly ? n : undefined,
            actual: record.start,
            predicted: predicted.start,
            residual: daysBetween(record.start, predicted.start),
          },
        ];
      });
      points.sort((a, b) => daysBetween(b.actual, a.actual));
      if (points.length >= 2) rules.push(summarise(def.id, def.basis, points));
      else if (def.basis !== 'verified')
        untestable.push({ milestone: def.id, basis: def.basis, points: points.length });
    }
  return { rules, untestable };
}

function summarise(milestone: string, basis: Basis, points: BacktestPoint[]): BacktestedRule {
  const abs = points.map(p => Math.abs(p.residual));
  return {
    milestone,
    basis,
    points,
    meanAbs: Math.round((abs.reduce((a, b) => a + b, 0) / abs.length) * 10) / 10,
    maxAbs: Math.max(...abs),
    early: Math.max(0, ...points.map(p => p.residual)),
    late: Math.max(0, ...points.map(p => -p.residual)),
  };
}

/** The band of each back-tested rule, by milestone id. */
export const bandsOf = (bt: Backtest): Map<string, BandPart> =>
  new Map(bt.rules.map(r => [r.milestone, { milestone: r.milestone, early: r.early, late: r.late }]));

/** The calendar set expanded as of `today`, every projection carrying the bands of the rules it rests on. */
export const expandBacktested = (cycles: readonly Cycle[], today: Temporal.PlainDate) =>
  expandCalendar(cycles, { today, bands: bandsOf(backtest(cycles, today)) });
