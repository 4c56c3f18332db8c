// The date tables in src/i18n/format-date.ts against CLDR itself (Intl), and pinned examples that hold on
// any Node. The comparison runs on a Node whose CLDR is the release the tables were copied from; on another
// it would measure the difference between CLDR releases, which is the point of owning the tables.
import { describe, expect, test } from '@jest/globals';
import { Temporal } from 'temporal-polyfill';
import {
  DATE_LOCALES,
  DATE_TABLES_CLDR,
  formatDate,
  formatDateWithPrecision,
  formatWeekday,
} from '../../src/i18n/format-date.js';

const LANGS = ['en', 'es', 'pt'] as const;
const STYLES = {
  long: { day: 'numeric', month: 'long', year: 'numeric' },
  medium: { day: 'numeric', month: 'short', year: 'numeric' },
  month: { month: 'long', year: 'numeric' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

describe('formatDate', () => {
  test.each([
    ['2025-03-18', 'en', 'long', '18 March 2025'],
    ['2025-03-18', 'es', 'long', '18 de marzo de 2025'],
    ['2025-03-18', 'pt', 'long', '18 de março de 2025'],
    ['2025-09-01', 'en', 'medium', '1 Sept 2025'],
    ['2025-09-01', 'es', 'medium', '1 sept 2025'],
    ['2025-09-01', 'pt', 'medium', '1/09/2025'],
    ['2029-04-30', 'en', 'month', 'April 2029'],
    ['2029-04-30', 'es', 'month', 'abril de 2029'],
    ['2029-04-30', 'pt', 'month', 'abril de 2029'],
    ['2225-12-31', 'en', 'long', '31 December 2225'],
  ] as const)('%s in %s, %s: %s', (iso, lang, style, expected) => {
    expect(formatDate(Temporal.PlainDate.from(iso), lang, style)).toBe(expected);
  });

  test('precision month uses the month style, day the long one', () => {
    const d = Temporal.PlainDate.from('2029-04-12');
    expect(formatDateWithPrecision(d, 'es', 'month')).toBe('abril de 2029');
    expect(formatDateWithPrecision(d, 'es', 'day')).toBe('12 de abril de 2029');
  });

  test.each([
    ['2025-03-17', 'en', 'Monday'],
    ['2025-03-18', 'pt', 'terça-feira'],
    ['2025-03-23', 'es', 'domingo'],
  ] as const)('the weekday of %s in %s is %s', (iso, lang, expected) => {
    expect(formatWeekday(Temporal.PlainDate.from(iso), lang)).toBe(expected);
  });
});

const sameCldr = process.versions.cldr === DATE_TABLES_CLDR;
(sameCldr ? describe : describe.skip)(`the tables against Intl (CLDR ${DATE_TABLES_CLDR})`, () => {
  // Two years, a leap one included: every month, day number and weekday occurs.
  const days: Temporal.PlainDate[] = [];
  for (let d = Temporal.PlainDate.from('2027-01-01'); d.year < 2029; d = d.add({ days: 1 })) days.push(d);
  const utc = (d: Temporal.PlainDate) => new Date(Date.UTC(d.year, d.month - 1, d.day));

  test.each(LANGS)('%s: every style of every day matches', lang => {
    for (const [style, options] of Object.entries(STYLES) as [keyof typeof STYLES, Intl.DateTimeFormatOptions][]) {
      const intl = new Intl.DateTimeFormat(DATE_LOCALES[lang], { timeZone: 'UTC', ...options });
      const mismatches = days.filter(d => formatDate(d, lang, style) !== intl.format(utc(d)));
      expect(mismatches.map(d => `${style} ${d.toString()}`)).toEqual([]);
    }
    const weekday = new Intl.DateTimeFormat(DATE_LOCALES[lang], { timeZone: 'UTC', weekday: 'long' });
    expect(days.filter(d => formatWeekday(d, lang) !== weekday.format(utc(d))).map(String)).toEqual([]);
  });
});
