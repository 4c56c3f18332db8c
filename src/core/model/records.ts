// Which record stands for a slot, how it is known as of today, and whether a slot may exist at all
// (`since`/`until` on the cycle and the milestone).
import type { Temporal } from 'temporal-polyfill';
import { compareDates } from '../dates/days.js';
import type { Bound, Cycle, MilestoneDef, RecordedDate } from './types.js';

/**
 * Known as of `today`: a history entry is known from its source's date (its own day unless `reported` says
 * otherwise), so `--today 2020-06-01` shows the calendar as it stood then.
 */
export const isKnown = (e: RecordedDate, today: Temporal.PlainDate): boolean =>
  e.knownFrom === undefined || compareDates(e.knownFrom, today) <= 0;

/**
 * The record of a slot: a known history entry (an announced one stays planned), else a planned entry.
 * `without` is left out (back-testing predicts that slot from its rule).
 */
export function findRecord(
  def: MilestoneDef,
  y: number,
  n: number,
  today: Temporal.PlainDate,
  without?: RecordedDate
): { entry: RecordedDate; status: 'actual' | 'planned' } | undefined {
  const match = (e: RecordedDate): boolean => e !== without && (def.yearly ? e.year === n : e.instance === y);
  const reported = def.history.find(e => match(e) && isKnown(e, today));
  if (reported) return { entry: reported, status: reported.announced ? 'planned' : 'actual' };
  const planned = def.planned.find(match);
  return planned ? { entry: planned, status: 'planned' } : undefined;
}

const yearOf = (b: Bound | undefined): number | undefined => (b && 'year' in b ? b.year : undefined);
const dateOf = (b: Bound | undefined): Temporal.PlainDate | undefined => (b && 'date' in b ? b.date : undefined);

/**
 * May the rule place a slot here? Year bounds name an instance's first year (a yearly milestone's own bounds:
 * the year n); date bounds apply to the slot's first day, once it is known.
 */
export function slotAllowed(
  cycle: Pick<Cycle, 'since' | 'until'>,
  def: Pick<MilestoneDef, 'since' | 'until' | 'yearly'>,
  y: number,
  n: number,
  start?: Temporal.PlainDate
): boolean {
  const years: [Bound | undefined, number][] = [
    [cycle.since, y],
    [def.since, def.yearly ? n : y],
  ];
  const untilYears: [Bound | undefined, number][] = [
    [cycle.until, y],
    [def.until, def.yearly ? n : y],
  ];
  if (years.some(([b, v]) => yearOf(b) !== undefined && v < yearOf(b)!)) return false;
  if (untilYears.some(([b, v]) => yearOf(b) !== undefined && v > yearOf(b)!)) return false;
  if (start === undefined) return true;
  const after = [cycle.since, def.since].map(dateOf).every(d => d === undefined || compareDates(start, d) >= 0);
  const before = [cycle.until, def.until].map(dateOf).every(d => d === undefined || compareDates(start, d) <= 0);
  return after && before;
}

/**
 * Could the milestone have a date between `from` and `to`? Not before its (or its cycle's) `since` nor after
 * its `until`; a year bound is read as that calendar year.
 */
export function existsBetween(
  cycle: Pick<Cycle, 'since' | 'until'>,
  def: Pick<MilestoneDef, 'since' | 'until'>,
  from: Temporal.PlainDate,
  to: Temporal.PlainDate
): boolean {
  const startOf = (b: Bound): Temporal.PlainDate | number => ('date' in b ? b.date : b.year);
  const tooEarly = [cycle.since, def.since].some(b => {
    if (!b) return false;
    const s = startOf(b);
    return typeof s === 'number' ? to.year < s : compareDates(to, s) < 0;
  });
  const tooLate = [cycle.until, def.until].some(b => {
    if (!b) return false;
    const u = startOf(b);
    return typeof u === 'number' ? from.year > u : compareDates(from, u) > 0;
  });
  return !tooEarly && !tooLate;
}
