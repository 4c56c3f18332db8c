// Expands a region's holiday rules into the holidays of one year.
import { gregorianEaster } from 'date-easter';
import { Temporal } from 'temporal-polyfill';
import type { HolidayRule } from '../model/types.js';

export function easterSunday(year: number): Temporal.PlainDate {
  const e = gregorianEaster(year);
  return Temporal.PlainDate.from({ year: e.year, month: e.month, day: e.day });
}

/** Holidays of `year` as ISO date → holiday name (the first rule wins when two fall on one day). */
export function holidaysOfYear(rules: readonly HolidayRule[], year: number): Map<string, string> {
  const days = new Map<string, string>();
  const put = (d: Temporal.PlainDate, name: string): void => {
    const key = d.toString();
    if (!days.has(key)) days.set(key, name);
  };
  for (const rule of rules) {
    if (rule.kind === 'date') {
      if (rule.date.year === year) put(rule.date, rule.name);
    } else if (rule.kind === 'easter') {
      put(easterSunday(year).add({ days: rule.offsetDays }), rule.name);
    } else {
      const first = Temporal.PlainDate.from({ year, month: rule.month, day: rule.day }, { overflow: 'constrain' });
      // Feb 29 as a fixed holiday exists only in leap years.
      if (first.month !== rule.month || first.day !== rule.day) continue;
      const last = rule.through
        ? Temporal.PlainDate.from({ year, month: rule.through.month, day: rule.through.day }, { overflow: 'constrain' })
        : first;
      for (let d = first; Temporal.PlainDate.compare(d, last) <= 0; d = d.add({ days: 1 })) put(d, rule.name);
    }
  }
  return days;
}
