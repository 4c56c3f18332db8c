// Limits that more than one layer enforces (the schema when it validates a file, the core when it computes),
// stated once. docs/limits.md lists every limit with where it is enforced.

/** The dates cyclesync computes: four-digit years, which iCalendar and every parser the feeds are checked with hold. */
export const FIRST_YEAR = 1;
export const LAST_YEAR = 9999;
export const DATE_RANGE_TEXT = '0001-01-01 … 9999-12-31';

/** Durations in calendars, rules and what-ifs reach at most the longest horizon. */
export const MAX_DURATION_YEARS = 200;

/** A cycle's period, in whole years. */
export const MIN_PERIOD_YEARS = 1;
export const MAX_PERIOD_YEARS = 100;
export const isPeriodInRange = (years: number): boolean => years >= MIN_PERIOD_YEARS && years <= MAX_PERIOD_YEARS;

/** The largest SEQUENCE a feed state may hold: one more change still fits iCalendar's integer (2^31 − 1). */
export const MAX_SEQUENCE = 2 ** 31 - 2;

export const isYearInRange = (year: number): boolean => year >= FIRST_YEAR && year <= LAST_YEAR;

/**
 * True when a duration's years and months, and its weeks and days, each reach at most MAX_DURATION_YEARS.
 * @example isDurationWithinLimit({ years: 300000, months: 0, weeks: 0, days: 0 }) //=> false
 */
export const isDurationWithinLimit = (d: { years: number; months: number; weeks: number; days: number }): boolean =>
  Math.abs(d.years * 12 + d.months) <= MAX_DURATION_YEARS * 12 &&
  Math.abs(d.weeks * 7 + d.days) <= Math.floor(MAX_DURATION_YEARS * 365.2425);
