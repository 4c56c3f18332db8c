import { describe, expect, test } from '@jest/globals';
import { nthWeekdayOfMonth } from '../../../src/core/dates/recurrence.js';
import { iso } from '../../helpers/dates.js';

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
  ] as const)('%i-%i %s #%i → %s', (year, month, weekday, nth, expected) => {
    expect(iso(nthWeekdayOfMonth(year, month, weekday, nth))).toBe(expected);
  });

  test('a fifth weekday that the month lacks is undefined', () => {
    expect(nthWeekdayOfMonth(2026, 2, 'MO', 5)).toBeUndefined();
  });
});
