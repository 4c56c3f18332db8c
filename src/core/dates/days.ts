// Day counts between calendar dates: the one piece of day arithmetic that rules, feeds and pictures share.
import type { Temporal } from 'temporal-polyfill';

const epochDays = new WeakMap<Temporal.PlainDate, number>();

/**
 * Days since 1970-01-01 (proleptic Gregorian) of a year, month (1–12) and day of month.
 * @example epochDayOf(1970, 1, 2) //=> 1
 */
export function epochDayOf(year: number, month: number, day: number): number {
  // setUTCFullYear, not Date.UTC, which would read the years 0–99 as 1900–1999.
  return new Date(0).setUTCFullYear(year, month - 1, day) / 86_400_000;
}

/** Days since 1970-01-01 (proleptic Gregorian), memoized: checks and pictures use the same dates many times. */
export function epochDay(d: Temporal.PlainDate): number {
  let n = epochDays.get(d);
  if (n === undefined) {
    n = epochDayOf(d.year, d.month, d.day);
    epochDays.set(d, n);
  }
  return n;
}

/** Days in a month (1–12) of a year: from its first day to the next month's. */
export const daysInMonth = (year: number, month: number): number =>
  epochDayOf(year, month + 1, 1) - epochDayOf(year, month, 1);

/**
 * Orders two dates like Temporal.PlainDate.compare (negative, zero, positive), on their memoized day
 * numbers: sorting and filtering a cycle's occurrences compares the same dates many times.
 */
export const compareDates = (a: Temporal.PlainDate, b: Temporal.PlainDate): number => epochDay(a) - epochDay(b);

/**
 * Signed whole days from `a` to `b` (negative when `b` is earlier).
 * @example daysBetween(2024-03-13, 2025-03-18) //=> 370
 */
export const daysBetween = (a: Temporal.PlainDate, b: Temporal.PlainDate): number => epochDay(b) - epochDay(a);

/** Days a window covers, both ends included. */
export const daysInclusive = (start: Temporal.PlainDate, end: Temporal.PlainDate): number =>
  daysBetween(start, end) + 1;
