import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import * as rruleModule from 'rrule';
import { nthWeekdayOfMonth } from '../../../src/core/dates/recurrence.js';
import { iso } from '../../helpers/dates.js';

type RRuleModule = typeof rruleModule;
// rrule ships CJS/UMD: under native ESM its exports sit on `default`.
const { RRule } = ((rruleModule as unknown as { default?: RRuleModule }).default ?? rruleModule) as RRuleModule;
const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

/** rrule's answer (BYDAY with an ordinal, in floating UTC dates), as an independent oracle. */
function byRRule(year: number, month: number, weekday: (typeof WEEKDAYS)[number], nth: number): string | undefined {
  const first = new Date(Date.UTC(year, month - 1, 1));
  const last = new Date(Date.UTC(year, month, 0));
  const [hit] = new RRule({
    freq: RRule.MONTHLY,
    byweekday: RRule[weekday].nth(nth),
    dtstart: first,
    until: last,
    count: 1,
  }).all();
  return hit?.toISOString().slice(0, 10);
}

describe('nthWeekdayOfMonth', () => {
  test.each([
    [2029, 3, 'TU', 3, '2029-03-20'], // SOCTA 2029: third Tuesday of March
    [2025, 3, 'TU', 3, '2025-03-18'], // matches the actual SOCTA 2025 day
    [2029, 7, 'TU', 2, '2029-07-10'], // IDEAL 2029: second Tuesday of July
    [2021, 7, 'TU', 2, '2021-07-13'], // matches IDEAL 1.0
    [2033, 3, 'TU', 1, '2033-03-01'], // the month starts on the weekday itself
    [2024, 2, 'TH', 5, '2024-02-29'], // a fifth Thursday on a leap day
    [2026, 10, 'WE', 2, '2026-10-14'],
    [2026, 12, 'TH', -1, '2026-12-31'], // last Thursday = the month's last day
    [2027, 2, 'MO', -1, '2027-02-22'],
    [2026, 2, 'SU', -4, '2026-02-01'], // the fourth-last Sunday of a 28-day month is its first day
  ] as const)('%i-%i %s #%i → %s', (year, month, weekday, nth, expected) => {
    expect(iso(nthWeekdayOfMonth(year, month, weekday, nth))).toBe(expected);
  });

  test('a fifth weekday that the month lacks is undefined', () => {
    expect(nthWeekdayOfMonth(2026, 2, 'MO', 5)).toBeUndefined();
    expect(nthWeekdayOfMonth(2026, 2, 'MO', -5)).toBeUndefined();
  });

  test('every weekday, ordinal and month of 2024–2031 (every month shape) agrees with rrule', () => {
    const disagreements: string[] = [];
    for (let year = 2024; year <= 2031; year++)
      for (let month = 1; month <= 12; month++)
        for (const weekday of WEEKDAYS)
          for (const nth of [1, 2, 3, 4, 5, -1, -2, -3, -4, -5]) {
            const ours = nthWeekdayOfMonth(year, month, weekday, nth);
            const theirs = byRRule(year, month, weekday, nth);
            if ((ours && iso(ours)) !== theirs) disagreements.push(`${year}-${month} ${weekday} ${nth}`);
          }
    expect(disagreements).toEqual([]);
  });

  test('agrees with rrule over the years planners use (1990–2300)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1990, max: 2300 }),
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom(...WEEKDAYS),
        fc.constantFrom(1, 2, 3, 4, 5, -1, -2, -3, -4, -5),
        (year, month, weekday, nth) => {
          const ours = nthWeekdayOfMonth(year, month, weekday, nth);
          expect(ours && iso(ours)).toBe(byRRule(year, month, weekday, nth));
        }
      ),
      { numRuns: 1000 }
    );
  });
});
