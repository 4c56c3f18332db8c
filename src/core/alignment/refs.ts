// Milestone references in rules (`socta.publication`, `socta.masp.end`) and the day arithmetic checks share.
import type { Temporal } from 'temporal-polyfill';
import { daysBetween } from '../dates/days.js';
import { bandOf } from '../model/uncertainty.js';
import type { Occurrence } from '../model/types.js';
import type { InvolvedMilestone } from './types.js';
import type { InstanceView } from './view.js';

export interface Ref {
  cycle: string;
  key: string;
  /** `<cycle>.<key>`, the milestone id. */
  id: string;
  side: 'start' | 'end';
}

export function parseRef(text: string): Ref {
  const [cycle = '', key = '', end] = text.split('.');
  return { cycle, key, id: `${cycle}.${key}`, side: end === 'end' ? 'end' : 'start' };
}

// The kinds import it from here with the other reference helpers.
export { daysBetween };

export interface Point {
  date: Temporal.PlainDate;
  occurrence: Occurrence;
}

/**
 * The date a reference stands for in an instance: the start of its first occurrence, or with `.end` the end
 * of its last one (a yearly milestone has several occurrences per instance). Undefined when there is none, or
 * when a slot with no record comes first (or last): then the date the reference means is not known.
 */
export function pointOf(view: InstanceView, ref: Ref): Point | undefined {
  const list = view.inInstance(ref.id);
  if (list.length === 0) return undefined;
  const blind = view.unrecordedIn(ref.id);
  if (ref.side === 'start') {
    const first = list.reduce((a, b) => (daysBetween(a.start, b.start) < 0 ? b : a));
    return blind.some(o => daysBetween(o.start, first.start) > 0)
      ? undefined
      : { date: first.start, occurrence: first };
  }
  const last = list.reduce((a, b) => (daysBetween(a.end, b.end) > 0 ? b : a));
  return blind.some(o => daysBetween(last.end, o.end) > 0) ? undefined : { date: last.end, occurrence: last };
}

export function involve(o: Occurrence): InvolvedMilestone {
  const band = bandOf(o.uncertainty);
  const untested = o.uncertainty ? [...o.uncertainty.untested, ...o.uncertainty.unrecorded] : [];
  return {
    id: o.id,
    instance: o.instance,
    ...(o.year !== undefined ? { year: o.year } : {}),
    start: o.start,
    end: o.end,
    status: o.status,
    precision: o.precision,
    ...(o.basis !== undefined && o.status !== 'actual' ? { basis: o.basis } : {}),
    ...(band ? { band } : {}),
    ...(untested.length > 0 ? { untested } : {}),
    ...(o.at ? { at: o.at } : {}),
  };
}

/** A language-neutral allowed range: `0 … 184`, `≥ 1`, `≤ 184`. */
export function rangeText(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return `${min} … ${max}`;
  if (min !== undefined) return `≥ ${min}`;
  return `≤ ${max ?? '∞'}`;
}

/** Does an ISO duration count months or years (whose length in days depends on the date it is added to)? */
export const hasCalendarUnits = (iso: string | undefined): boolean => iso !== undefined && /\d+[YM]/.test(iso);
