// Working days of a region: neither Saturday, Sunday nor one of its holidays.
import type { Temporal } from 'temporal-polyfill';
import type { HolidayRule, SkippedDay } from '../model/types.js';
import { epochDay } from './days.js';
import { holidaysOfYear } from './holidays.js';
import { CycleSyncError } from '../../errors.js';

/** A region's working-day calendar, memoizing each year's holidays. */
export class WorkingDays {
  private readonly years = new Map<number, Map<number, string>>();
  private readonly rules: readonly HolidayRule[];
  constructor(rules: readonly HolidayRule[]) {
    this.rules = rules;
  }

  /** Why `date` is not a working day (`weekend` or a holiday name), or undefined when it is one. */
  closedReason(date: Temporal.PlainDate): string | undefined {
    if (date.dayOfWeek >= 6) return 'weekend';
    let year = this.years.get(date.year);
    if (!year) {
      year = holidaysOfYear(this.rules, date.year);
      this.years.set(date.year, year);
    }
    return year.get(epochDay(date));
  }

  isWorkingDay(date: Temporal.PlainDate): boolean {
    return this.closedReason(date) === undefined;
  }

  /** Moves to the nearest working day in `direction` (the day itself when it is one). */
  roll(
    date: Temporal.PlainDate,
    direction: 'next' | 'previous'
  ): { result: Temporal.PlainDate; skipped: SkippedDay[] } {
    const step = direction === 'next' ? 1 : -1;
    const skipped: SkippedDay[] = [];
    let d = date;
    // A region closed for over a year is a data error; the bound keeps a bad holiday list from looping forever.
    for (let i = 0; i < 400; i++) {
      const reason = this.closedReason(d);
      if (reason === undefined) return { result: d, skipped };
      skipped.push({ date: d, reason });
      d = d.add({ days: step });
    }
    throw new CycleSyncError({
      code: 'SCHEMA',
      message: `no working day within 400 days ${direction === 'next' ? 'after' : 'before'} ${date.toString()}`,
      hint: 'check the holidays: a `fixed`…`through` span may cover the whole year',
    });
  }
}
