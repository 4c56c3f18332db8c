// What a check sees of one instance: the reference cycle's instance, each other cycle's paired instance
// (same first year; when periods differ, the instance whose origin is nearest), their occurrences, and the
// same picture with the movable cycle shifted by a number of days.
import { Temporal } from 'temporal-polyfill';
import { expandCycle, instanceEnd, instanceLabel, instanceOrigin, instanceYearOf } from '../model/expand.js';
import type { Cycle, Occurrence } from '../model/types.js';

export interface CycleSpan {
  cycle: string;
  year: number;
  label: string;
  origin: Temporal.PlainDate;
  /** Inclusive. */
  end: Temporal.PlainDate;
}

export interface InstanceView {
  /** The reference cycle's instance label, e.g. `2026-2029`. */
  instance: string;
  referenceYear: number;
  cycle(id: string): Cycle | undefined;
  /** The paired instance of a cycle. */
  span(cycleId: string): CycleSpan | undefined;
  /** Occurrences of a milestone in its cycle's paired instance, by start. */
  inInstance(id: string): readonly Occurrence[];
  /** Every expanded occurrence of a milestone (all instances around this one), by start. */
  everywhere(id: string): readonly Occurrence[];
  /** 1 when the occurrence moves with a shift of the movable cycle (planned or projected), else 0. */
  moves(o: Occurrence): 0 | 1;
  /** Days the movable cycle is shifted by in this view. */
  shiftDays: number;
  /** This view with the movable cycle's planned and projected occurrences moved by `days`. */
  shifted(days: number): InstanceView;
}

/**
 * The first year of `cycle`'s instance paired with the reference instance starting in `y`: the instance with
 * the nearest origin (the earlier one on a tie).
 */
export function pairedYear(cycle: Pick<Cycle, 'periodYears' | 'firstYear'>, y: number): number {
  const before = instanceYearOf(cycle, y);
  const after = before + cycle.periodYears;
  return y - before <= after - y ? before : after;
}

export const spanOf = (cycle: Cycle, year: number): CycleSpan => ({
  cycle: cycle.id,
  year,
  label: instanceLabel(cycle, year),
  origin: instanceOrigin(year),
  end: instanceEnd(cycle, year),
});

interface Index {
  byId: Map<string, Occurrence[]>;
  byInstance: Map<string, Occurrence[]>;
}

const push = <K, V>(map: Map<K, V[]>, key: K, value: V): void => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

/** Expands every cycle once over a horizon covering all the paired instances, with a margin of one instance. */
function indexOccurrences(cycles: readonly Cycle[], reference: Cycle, years: readonly number[]): Index {
  const byId = new Map<string, Occurrence[]>();
  const byInstance = new Map<string, Occurrence[]>();
  for (const cycle of cycles) {
    const paired = years.map(y => pairedYear(cycle, y));
    const lo = Math.min(...paired, ...years) - Math.max(cycle.periodYears, reference.periodYears);
    const hi = Math.max(...paired, ...years) + 2 * Math.max(cycle.periodYears, reference.periodYears);
    const horizon = { from: instanceOrigin(lo), to: Temporal.PlainDate.from({ year: hi, month: 12, day: 31 }) };
    for (const o of expandCycle(cycle, horizon)) {
      push(byId, o.id, o);
      push(byInstance, `${o.id}@${o.instanceYear}`, o);
    }
  }
  return { byId, byInstance };
}

const shiftOccurrence = (o: Occurrence, days: number): Occurrence => ({
  ...o,
  start: o.start.add({ days }),
  end: o.end.add({ days }),
});

/** One view per reference instance (`years` are the reference cycle's first years). */
export function buildViews(
  cycles: readonly Cycle[],
  reference: Cycle,
  years: readonly number[],
  movable: string
): InstanceView[] {
  const index = indexOccurrences(cycles, reference, years);
  const byCycle = new Map(cycles.map(c => [c.id, c]));
  const moves = (o: Occurrence): 0 | 1 => (o.cycle === movable && o.status !== 'actual' ? 1 : 0);

  return years.map(y => {
    const spans = new Map(cycles.map(c => [c.id, spanOf(c, c.id === reference.id ? y : pairedYear(c, y))]));
    const make = (days: number): InstanceView => {
      const cache = new Map<string, readonly Occurrence[]>();
      const shiftAll = (key: string, list: readonly Occurrence[] | undefined): readonly Occurrence[] => {
        if (!list) return [];
        if (days === 0) return list;
        const hit = cache.get(key);
        if (hit) return hit;
        const out = list.map(o => (moves(o) ? shiftOccurrence(o, days) : o));
        cache.set(key, out);
        return out;
      };
      return {
        instance: instanceLabel(reference, y),
        referenceYear: y,
        cycle: id => byCycle.get(id),
        span: id => spans.get(id),
        inInstance: id => {
          const cycleId = id.split('.')[0] ?? '';
          const span = spans.get(cycleId);
          return span ? shiftAll(`${id}@${span.year}`, index.byInstance.get(`${id}@${span.year}`)) : [];
        },
        everywhere: id => shiftAll(id, index.byId.get(id)),
        moves,
        shiftDays: days,
        shifted: more => make(days + more),
      };
    };
    return make(0);
  });
}
