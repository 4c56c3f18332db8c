// Day counts between calendar dates: the one piece of day arithmetic that rules, feeds and pictures share.
import type { Temporal } from 'temporal-polyfill';

const epochDays = new WeakMap<Temporal.PlainDate, number>();

/** Days since 1970-01-01 (proleptic Gregorian), memoized: checks and pictures use the same dates many times. */
export function epochDay(d: Temporal.PlainDate): number {
  let n = epochDays.get(d);
  if (n === undefined) {
    n = Date.UTC(d.year, d.month - 1, d.day) / 86_400_000;
    epochDays.set(d, n);
  }
  return n;
}

/**
 * Signed whole days from `a` to `b` (negative when `b` is earlier).
 * @example daysBetween(2024-03-13, 2025-03-18) //=> 370
 */
export const daysBetween = (a: Temporal.PlainDate, b: Temporal.PlainDate): number => epochDay(b) - epochDay(a);

/** Days a window covers, both ends included. */
export const daysInclusive = (start: Temporal.PlainDate, end: Temporal.PlainDate): number =>
  daysBetween(start, end) + 1;
