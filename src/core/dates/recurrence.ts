// Weekday rules of the calendar format ("the third Tuesday of March"). Temporal knows each date's weekday and
// each month's length, so the nth weekday is one step from the month's first (or last) day. (It was once
// rrule's BYDAY; __tests__/core/dates/recurrence.test.ts still checks every case against rrule.)
import { Temporal } from 'temporal-polyfill';

/** The calendar format's weekday codes (RFC 5545's), Monday first like Temporal's dayOfWeek (1–7). */
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/**
 * The nth weekday of a month; negative n counts from the end. Undefined when the month has no such day
 * (a fifth Monday).
 * @example nthWeekdayOfMonth(2029, 3, 'TU', 3) //=> 2029-03-20
 */
export function nthWeekdayOfMonth(
  year: number,
  month: number,
  weekday: Weekday,
  nth: number
): Temporal.PlainDate | undefined {
  const wanted = WEEKDAYS.indexOf(weekday) + 1;
  const first = new Temporal.PlainDate(year, month, 1);
  const length = first.daysInMonth;
  let day: number;
  if (nth > 0) {
    // Days from the 1st to the first such weekday, then whole weeks.
    day = 1 + ((wanted - first.dayOfWeek + 7) % 7) + 7 * (nth - 1);
  } else {
    // The month's last day falls (length - 1) days after the 1st: its weekday, then back to the wanted one.
    const lastDayOfWeek = ((first.dayOfWeek - 1 + length - 1) % 7) + 1;
    day = length - ((lastDayOfWeek - wanted + 7) % 7) - 7 * (-nth - 1);
  }
  return nth !== 0 && day >= 1 && day <= length ? new Temporal.PlainDate(year, month, day) : undefined;
}
