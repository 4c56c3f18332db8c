// Instances of a cycle through its eras. An era starts at an instance boundary and sets the period of the
// instances from there on (the EU cycle: 2012-2013 lasted two years, four years from 2014-2017); instance
// labels, pairing and yearly occurrences all follow it. No instance exists before the cycle's first one.
import { Temporal } from 'temporal-polyfill';
import { daysBetween } from '../dates/days.js';
import type { Cycle, Era } from './types.js';

export interface InstanceSpan {
  cycle: string;
  /** First (operational) year Y. */
  year: number;
  periodYears: number;
  /** `2026-2029` */
  label: string;
  /** Y-01-01 */
  origin: Temporal.PlainDate;
  /** The last day of the instance (inclusive). */
  end: Temporal.PlainDate;
  era: Era;
}

type EraCycle = Pick<Cycle, 'id' | 'eras'>;

export const firstYearOf = (cycle: Pick<Cycle, 'eras'>): number => cycle.eras[0]!.from;

const spanAt = (cycle: EraCycle, era: Era, year: number): InstanceSpan => ({
  cycle: cycle.id,
  year,
  periodYears: era.periodYears,
  label: `${year}-${year + era.periodYears - 1}`,
  origin: new Temporal.PlainDate(year, 1, 1),
  end: new Temporal.PlainDate(year + era.periodYears - 1, 12, 31),
  era,
});

/** The era in force for a year (the last one starting at or before it); undefined before the first. */
export function eraAt(cycle: Pick<Cycle, 'eras'>, year: number): Era | undefined {
  let found: Era | undefined;
  for (const era of cycle.eras) if (era.from <= year) found = era;
  return found;
}

/** The instance whose years contain `year`; undefined before the cycle's first instance. */
export function instanceContaining(cycle: EraCycle, year: number): InstanceSpan | undefined {
  const era = eraAt(cycle, year);
  if (!era) return undefined;
  return spanAt(cycle, era, era.from + Math.floor((year - era.from) / era.periodYears) * era.periodYears);
}

/** The instance starting in `year`, or undefined when no instance starts then. */
export function instanceStarting(cycle: EraCycle, year: number): InstanceSpan | undefined {
  const span = instanceContaining(cycle, year);
  return span?.year === year ? span : undefined;
}

/** The instance after `span` (one always exists: the last era runs on). */
export const nextInstance = (cycle: EraCycle, span: InstanceSpan): InstanceSpan =>
  instanceContaining(cycle, span.year + span.periodYears)!;

/** The instance before `span`, or undefined for the first one. */
export const previousInstance = (cycle: EraCycle, span: InstanceSpan): InstanceSpan | undefined =>
  instanceContaining(cycle, span.year - 1);

/** Every instance whose years overlap `fromYear` … `toYear`, in order. */
export function instancesBetween(cycle: EraCycle, fromYear: number, toYear: number): InstanceSpan[] {
  const out: InstanceSpan[] = [];
  let span = instanceContaining(cycle, Math.max(fromYear, firstYearOf(cycle)));
  while (span && span.year <= toYear) {
    out.push(span);
    span = nextInstance(cycle, span);
  }
  return out;
}

/**
 * The instance of `cycle` paired with another cycle's instance `with`: among those that overlap it, the one
 * whose origin is nearest (the earlier on a tie). Undefined when none overlaps (the cycle did not exist yet).
 */
export function pairedInstance(cycle: EraCycle, with_: Pick<InstanceSpan, 'origin' | 'end'>): InstanceSpan | undefined {
  const candidates = instancesBetween(cycle, with_.origin.year, with_.end.year);
  let best: InstanceSpan | undefined;
  for (const c of candidates) {
    const distance = Math.abs(daysBetween(with_.origin, c.origin));
    if (!best || distance < Math.abs(daysBetween(with_.origin, best.origin))) best = c;
  }
  return best;
}
