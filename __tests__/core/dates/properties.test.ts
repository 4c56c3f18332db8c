// Properties of the date primitives over the whole range planners use (1990–2300).
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { addDuration } from '../../../src/core/dates/duration.js';
import { easterSunday } from '../../../src/core/dates/holidays.js';
import { nthWeekdayOfMonth } from '../../../src/core/dates/recurrence.js';
import { WorkingDays } from '../../../src/core/dates/working-days.js';
import type { HolidayRule } from '../../../src/core/model/types.js';
import { plainDates } from '../../helpers/dates.js';

const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
const date = plainDates(1990, 2300);

const EU: HolidayRule[] = [
  { name: 'New Year', kind: 'fixed', month: 1, day: 1 },
  { name: 'Easter Monday', kind: 'easter', offsetDays: 1 },
  { name: 'Whit Monday', kind: 'easter', offsetDays: 50 },
  { name: 'Closure', kind: 'fixed', month: 12, day: 24, through: { month: 12, day: 31 } },
];

describe('date primitives', () => {
  test('the nth weekday is that weekday, in that month, in the right week', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1990, max: 2300 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 6 }),
        fc.constantFrom(1, 2, 3, 4, -1),
        (year, month, w, nth) => {
          const hit = nthWeekdayOfMonth(year, month, WEEKDAYS[w]!, nth)!;
          expect([hit.year, hit.month, hit.dayOfWeek]).toEqual([year, month, w + 1]);
          if (nth > 0) expect(Math.ceil(hit.day / 7)).toBe(nth);
          else expect(hit.add({ days: 7 }).month).not.toBe(month);
        }
      ),
      { numRuns: 300 }
    );
  });

  test('a roll lands on a working day, in its direction, and skips only closed days', () => {
    const wd = new WorkingDays(EU);
    fc.assert(
      fc.property(date, fc.constantFrom('next' as const, 'previous' as const), (d, direction) => {
        const { result, skipped } = wd.roll(d, direction);
        expect(wd.isWorkingDay(result)).toBe(true);
        const sign = Temporal.PlainDate.compare(result, d);
        expect(direction === 'next' ? sign >= 0 : sign <= 0).toBe(true);
        expect(skipped.length).toBe(Math.abs(d.until(result).days));
        for (const s of skipped) expect(wd.isWorkingDay(s.date)).toBe(false);
      }),
      { numRuns: 300 }
    );
  });

  test('Easter Sunday is a Sunday between 22 March and 25 April', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2300 }), year => {
        const e = easterSunday(year);
        expect(e.dayOfWeek).toBe(7);
        expect(
          Temporal.PlainDate.compare(e, Temporal.PlainDate.from({ year, month: 3, day: 22 }))
        ).toBeGreaterThanOrEqual(0);
        expect(Temporal.PlainDate.compare(e, Temporal.PlainDate.from({ year, month: 4, day: 25 }))).toBeLessThanOrEqual(
          0
        );
      })
    );
  });

  test('adding days and subtracting them again is the identity (no clamping for days)', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 4000 }), (d, n) => {
        expect(addDuration(addDuration(d, `P${n}D`), `-P${n}D`).equals(d)).toBe(true);
      })
    );
  });

  test('adding months never overflows into the next month', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 60 }), (d, n) => {
        const r = addDuration(d, `P${n}M`);
        expect((r.year - d.year) * 12 + (r.month - d.month)).toBe(n);
        expect(r.day).toBe(Math.min(d.day, r.daysInMonth));
      })
    );
  });
});
