// What a check sees of one instance: the reference cycle's instance, each other cycle's paired instance
// (same first year; when periods differ, the instance whose origin is nearest), their occurrences, and the
// same picture with the movable cycle shifted by a number of days.
import type { Temporal } from 'temporal-polyfill';
import { WorkingDays } from '../dates/working-days.js';
import {
  expandInstance,
  historyOnly,
  instanceEnd,
  instanceLabel,
  instanceOrigin,
  instanceYearOf,
  sortOccurrences,
} from '../model/expand.js';
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
  /** 1 when the occurrence moves with a shift of the movable cycle's paired instance (planned or projected), else 0. */
  moves(o: Occurrence): 0 | 1;
  /** Days the movable cycle is shifted by in this view. */
  shiftDays: number;
  /** This view with the planned and projected occurrences of the movable cycle's paired instance moved by `days`. */
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

/**
 * Expands, once per cycle, the paired instances and their neighbours (one before, two after: cadence and nest
 * look across an instance's edges), plus the milestones known only from recorded dates.
 */
function indexOccurrences(cycles: readonly Cycle[], reference: Cycle, years: readonly number[]): Index {
  const byId = new Map<string, Occurrence[]>();
  const byInstance = new Map<string, Occurrence[]>();
  for (const cycle of cycles) {
    const wd = new WorkingDays(cycle.holidays);
    const paired = new Set(years.map(y => (cycle.id === reference.id ? y : pairedYear(cycle, y))));
    const wanted = new Set(
      [...paired].flatMap(y => [y - cycle.periodYears, y, y + cycle.periodYears, y + 2 * cycle.periodYears])
    );
    const occurrences = [...wanted]
      .filter(y => y >= cycle.firstYear)
      .sort((a, b) => a - b)
      .flatMap(y => expandInstance(cycle, y, wd));
    for (const o of sortOccurrences([...occurrences, ...historyOnly(cycle)])) {
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

  return years.map(y => {
    const spans = new Map(cycles.map(c => [c.id, spanOf(c, c.id === reference.id ? y : pairedYear(c, y))]));
    // A fix moves the movable cycle's paired instance only: its planned and projected dates, never actual ones.
    const movableYear = spans.get(movable)?.year;
    const moves = (o: Occurrence): 0 | 1 =>
      o.cycle === movable && o.instanceYear === movableYear && o.status !== 'actual' ? 1 : 0;
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
