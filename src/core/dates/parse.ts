// Dates and durations from the strings of the calendar format, the CLI and the report snapshots. Temporal's
// own parsers (PlainDate.from, Duration.from) read every ISO 8601 form through large regular expressions,
// which V8 compiles on their first use in each process: about 2 ms of a `cyclesync check`, for strings that
// the schemas have already held to one plain shape. These read that shape directly and hand anything else to
// Temporal, so a result, and every error, is Temporal's own (__tests__/core/dates/parse.test.ts).
import { Temporal } from 'temporal-polyfill';
import { ISO_DURATION } from '../../schema/iso-duration.js';
import { daysInMonth } from './days.js';

const PLAIN_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A date from `YYYY-MM-DD` (or any form Temporal.PlainDate.from reads). Throws a RangeError for a day that
 * does not exist, as Temporal does for any string.
 * @example isoDate('2025-03-18') //=> 2025-03-18
 */
export function isoDate(text: string): Temporal.PlainDate {
  let date = dates.get(text);
  if (!date) {
    const m = PLAIN_DATE.exec(text);
    date = m ? new Temporal.PlainDate(Number(m[1]), Number(m[2]), Number(m[3])) : Temporal.PlainDate.from(text);
    dates.set(text, date);
  }
  return date;
}

/**
 * Each date read once (a PlainDate cannot change): feeds read the dates of every item, state entry and event,
 * the same few thousand days many times over, and the polyfill's constructor is not cheap.
 */
const dates = new Map<string, Temporal.PlainDate>();

/**
 * A duration from years, months, weeks and days (`P3M`, `-P1Y2W`), or any form Temporal.Duration.from reads.
 * @example isoDuration('-P2W') //=> -P2W
 */
export function isoDuration(text: string): Temporal.Duration {
  const m = ISO_DURATION.exec(text);
  if (!m) return Temporal.Duration.from(text);
  const sign = m[1] === '-' ? -1 : 1;
  // `|| 0`: a negative sign on a zero field would make -0.
  const field = (s: string | undefined): number => sign * Number(s ?? 0) || 0;
  return new Temporal.Duration(field(m[2]), field(m[3]), field(m[4]), field(m[5]));
}

/**
 * The day of a month, or the month's last day when it has fewer days: Temporal's `overflow: 'constrain'`
 * (02-29 in 2027 is 2027-02-28).
 */
export const constrainedDate = (year: number, month: number, day: number): Temporal.PlainDate =>
  new Temporal.PlainDate(year, month, Math.min(day, daysInMonth(year, month)));
