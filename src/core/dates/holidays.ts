// Expands a region's holiday rules into the holidays of one year.
import { gregorianEaster } from 'date-easter';
import { Temporal } from 'temporal-polyfill';
import type { HolidayRule } from '../model/types.js';
import { daysInMonth, epochDay, epochDayOf } from './days.js';
import { constrainedDate } from './parse.js';

export function easterSunday(year: number): Temporal.PlainDate {
  const e = gregorianEaster(year);
  return new Temporal.PlainDate(e.year, e.month, e.day);
}

/**
 * Holidays of `year` as epoch day (days.ts) → holiday name (the first rule wins when two fall on one day).
 * Keyed by day number, not by date: a year's closure spans are walked a day at a time, and working-day checks
 * look a date up by its (memoized) epoch day.
 */
export function holidaysOfYear(rules: readonly HolidayRule[], year: number): Map<number, string> {
  const days = new Map<number, string>();
  const put = (day: number, name: string): void => {
    if (!days.has(day)) days.set(day, name);
  };
  for (const rule of rules) {
    if (rule.kind === 'date') {
      if (rule.date.year === year) put(epochDay(rule.date), rule.name);
    } else if (rule.kind === 'easter') {
      put(epochDay(easterSunday(year)) + rule.offsetDays, rule.name);
    } else {
      // Feb 29 as a fixed holiday exists only in leap years.
      if (rule.day > daysInMonth(year, rule.month)) continue;
      const first = epochDayOf(year, rule.month, rule.day);
      // A span "through 02-29" ends on Feb 28 in other years.
      const last = rule.through ? epochDay(constrainedDate(year, rule.through.month, rule.through.day)) : first;
      for (let d = first; d <= last; d++) put(d, rule.name);
    }
  }
  return days;
}
