// The dates cyclesync computes (limits.ts: 0001-01-01 … 9999-12-31, the years of four digits that iCalendar,
// ISO 8601's common form and every parser the feeds are checked with, Python's datetime among them, can hold).
// A date outside is an input error (a duration or a period too large), refused where it is computed, never a
// crash.
import type { Temporal } from 'temporal-polyfill';
import { CycleSyncError } from '../../errors.js';
import { DATE_RANGE_TEXT, isDurationWithinLimit, isYearInRange, MAX_DURATION_YEARS } from '../../limits.js';
import { isoDuration } from './parse.js';
import type { SourceLocation } from '../../errors.js';

/** The error for a date that `what` would put outside the range. */
export const outOfRange = (what: string): CycleSyncError =>
  new CycleSyncError({
    code: 'DATE_RANGE',
    message: `${what} falls outside ${DATE_RANGE_TEXT}, the dates cyclesync computes`,
    hint: `durations and periods reach at most ${MAX_DURATION_YEARS} years; check this one`,
  });

/** `date` itself, or the range error when it lies outside the range. */
export function inRange(date: Temporal.PlainDate, what: () => string): Temporal.PlainDate {
  if (!isYearInRange(date.year)) throw outOfRange(what());
  return date;
}

/**
 * True when an ISO duration's years and months, and its weeks and days, each stay within MAX_DURATION_YEARS.
 * @example isWithinMaxDuration('P300000Y') //=> false
 */
export function isWithinMaxDuration(iso: string): boolean {
  let d: Temporal.Duration;
  try {
    d = isoDuration(iso);
  } catch {
    return false; // beyond even what Temporal holds
  }
  return isDurationWithinLimit(d);
}

/**
 * A range error located at what computed the date (a milestone, a rule); any other error as it is. The
 * first location wins: a date computed from a referenced milestone is blamed on that milestone.
 */
export function locateRangeError(e: unknown, subject: string, at: SourceLocation | undefined, path: string): unknown {
  if (!(e instanceof CycleSyncError) || e.code !== 'DATE_RANGE' || e.at !== undefined) return e;
  return new CycleSyncError({
    code: 'DATE_RANGE',
    message: `${subject}: ${e.message}`,
    ...(at ? { at } : {}),
    path,
    ...(e.hint ? { hint: e.hint } : {}),
  });
}
