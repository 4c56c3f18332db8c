import type { Temporal } from 'temporal-polyfill';
import { isoDuration } from './parse.js';
import { inRange, outOfRange } from './range.js';

/**
 * Adds a signed ISO 8601 duration to a date. Month arithmetic clamps to the month's end
 * (2024-01-31 + P1M = 2024-02-29), as planners expect "one month later" to stay in that month. A result
 * outside the dates cyclesync computes (range.ts) is a DATE_RANGE error, whatever Temporal would make of it.
 * @example addDuration(2025-03-18, 'P70D') //=> 2025-05-27
 */
export function addDuration(date: Temporal.PlainDate, iso: string): Temporal.PlainDate {
  const what = (): string =>
    iso.startsWith('-') ? `${date.toString()} − ${iso.slice(1)}` : `${date.toString()} + ${iso.replace(/^\+/, '')}`;
  let result: Temporal.PlainDate;
  try {
    result = date.add(parsed(iso), { overflow: 'constrain' });
  } catch (e) {
    if (e instanceof RangeError) throw outOfRange(what());
    throw e;
  }
  return inRange(result, what);
}

const durations = new Map<string, Temporal.Duration>();

/** Each ISO duration parsed once: expansion and the alignment checks add the same few durations many times. */
function parsed(iso: string): Temporal.Duration {
  let d = durations.get(iso);
  if (!d) {
    d = isoDuration(iso);
    durations.set(iso, d);
  }
  return d;
}
