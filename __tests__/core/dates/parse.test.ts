// The fast readers of core/dates/parse.ts must give exactly what Temporal's own parsers give, and fail where
// they fail.
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { compareDates, daysInMonth } from '../../../src/core/dates/days.js';
import { constrainedDate, isoDate, isoDuration } from '../../../src/core/dates/parse.js';
import { plainDates } from '../../helpers/dates.js';

const outcome = <T>(f: () => T): { value: T } | { error: string } => {
  try {
    return { value: f() };
  } catch (e) {
    return { error: (e as Error).constructor.name };
  }
};
const pad = (n: number, width: number): string => String(n).padStart(width, '0');
const durationFields = (d: Temporal.Duration): number[] => [d.years, d.months, d.weeks, d.days, d.hours, d.sign];

describe('isoDate', () => {
  test('reads every YYYY-MM-DD, real or not, as Temporal.PlainDate.from does', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        (y, m, d) => {
          const text = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
          const ours = outcome(() => isoDate(text).toString());
          expect(ours).toEqual(outcome(() => Temporal.PlainDate.from(text).toString()));
        }
      ),
      { numRuns: 2000 }
    );
  });

  test.each(['2025-02-29', '2024-13-01', '2024-00-10', '2024-04-31'])('refuses %s with a RangeError', text => {
    expect(() => isoDate(text)).toThrow(RangeError);
  });

  test.each(['20250318', '2025-03-18T10:00', '+002025-03-18'])('hands %s to Temporal', text => {
    expect(isoDate(text).toString()).toBe(Temporal.PlainDate.from(text).toString());
  });

  test.each(['2025-3-18', '', 'yesterday'])('refuses %j as Temporal does', text => {
    expect(() => isoDate(text)).toThrow(RangeError);
  });
});

describe('isoDuration', () => {
  test('reads every signed years/months/weeks/days duration as Temporal.Duration.from does', () => {
    const part = fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined });
    fc.assert(
      fc.property(fc.constantFrom('', '+', '-'), part, part, part, part, (sign, y, m, w, d) => {
        const body = [
          [y, 'Y'],
          [m, 'M'],
          [w, 'W'],
          [d, 'D'],
        ]
          .filter(([n]) => n !== undefined)
          .map(([n, unit]) => `${n}${unit}`)
          .join('');
        const text = `${sign}P${body}`;
        const ours = outcome(() => durationFields(isoDuration(text)));
        expect(ours).toEqual(outcome(() => durationFields(Temporal.Duration.from(text))));
      }),
      { numRuns: 2000 }
    );
  });

  test('a negative zero is zero, as in Temporal', () => {
    expect(Object.is(isoDuration('-P0D').days, 0)).toBe(true);
    expect(isoDuration('-P0D').sign).toBe(0);
  });

  test.each(['PT12H', 'P1DT2H', 'P1.5Y'])('hands %s to Temporal', text => {
    expect(outcome(() => isoDuration(text).toString())).toEqual(outcome(() => Temporal.Duration.from(text).toString()));
  });
});

describe('constrainedDate, daysInMonth and compareDates', () => {
  test("clamp the day as Temporal's overflow: 'constrain' does", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2400 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (year, month, day) => {
          const expected = Temporal.PlainDate.from({ year, month, day }, { overflow: 'constrain' });
          expect(constrainedDate(year, month, day).toString()).toBe(expected.toString());
          expect(daysInMonth(year, month)).toBe(expected.daysInMonth);
        }
      ),
      { numRuns: 2000 }
    );
  });

  test('compareDates orders dates as Temporal.PlainDate.compare does', () => {
    const date = plainDates(1, 9999);
    fc.assert(
      fc.property(date, date, (a, b) => {
        expect(Math.sign(compareDates(a, b))).toBe(Temporal.PlainDate.compare(a, b));
      }),
      { numRuns: 2000 }
    );
  });

  test('02-29 is Feb 28 outside leap years', () => {
    expect(constrainedDate(2027, 2, 29).toString()).toBe('2027-02-28');
    expect(constrainedDate(2028, 2, 29).toString()).toBe('2028-02-29');
    expect(constrainedDate(2100, 2, 29).toString()).toBe('2100-02-28');
  });
});
