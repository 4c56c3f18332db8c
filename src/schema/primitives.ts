// Small value schemas shared by every file format. Each says, in its error, what it expected.
import * as z from './zod.js';
import { Temporal } from 'temporal-polyfill';

import { LANGS } from './langs.js';

export { LANGS };
export type { Lang } from './langs.js';
export const langSchema = z.enum(LANGS);

/** A text in English, Spanish and Portuguese. */
const text = z.string().check(z.minLength(1));
export const localizedSchema = z.strictObject({ en: text, es: text, pt: text });
export type Localized = z.infer<typeof localizedSchema>;

/** Lower-case kebab-case ids: cycle ids, milestone keys, rule ids. Safe in UIDs and file names. */
export const slugSchema = z
  .string()
  .check(
    z.regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, { error: 'expected a lower-case kebab-case id like "oap-drafting"' }),
    z.maxLength(40)
  );

const isValid = (parse: () => unknown): boolean => {
  try {
    parse();
    return true;
  } catch {
    return false;
  }
};

/**
 * True when `YYYY-MM-DD` (its shape already checked by a regex) names a day that exists. Temporal's
 * constructor refuses a day that does not, without compiling the regular expressions of its ISO parser.
 */
const isRealDay = (s: string): boolean =>
  isValid(() => new Temporal.PlainDate(Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8, 10))));

/** A calendar date `YYYY-MM-DD` that exists (2026-02-30 does not). */
export const isoDateSchema = z
  .string()
  .check(
    z.regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'expected a date as YYYY-MM-DD, e.g. 2025-03-18' }),
    z.refine(s => isRealDay(s), { error: 'expected a real calendar date (this day does not exist)' })
  );

/** A day (`YYYY-MM-DD`) or, when only the month is known, a month (`YYYY-MM`). */
export const isoDayOrMonthSchema = z
  .string()
  .check(
    z.regex(/^\d{4}-\d{2}(-\d{2})?$/, { error: 'expected YYYY-MM-DD, or YYYY-MM when only the month is known' }),
    z.refine(s => isRealDay(s.length === 7 ? `${s}-01` : s), {
      error: 'expected a real calendar date (this day or month does not exist)',
    })
  );

/** A month and day `MM-DD` (02-29 allowed: it exists in leap years). */
export const monthDaySchema = z
  .string()
  .check(
    z.regex(/^\d{2}-\d{2}$/, { error: 'expected a month and day as MM-DD, e.g. 06-30' }),
    z.refine(s => isRealDay(`2000-${s}`), { error: 'expected a real month and day' })
  );

/** A local time of day `HH:MM`. */
export const timeSchema = z
  .string()
  .check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'expected a 24-hour time as HH:MM, e.g. 13:00' }));

/**
 * A signed ISO 8601 duration in whole years, months, weeks and days (`P4Y`, `-P2Y`, `P3M`, `P70D`).
 * Times of day have no place in calendar-date arithmetic, so `PT…` is rejected.
 */
export const isoDurationSchema = z
  .string()
  .check(
    z.regex(/^[+-]?P(?=\d)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?$/, {
      error: 'expected an ISO 8601 duration like "P3M", "P70D" or "-P2Y" (years, months, weeks, days)',
    }),
    z.refine(s => isValid(() => Temporal.Duration.from(s)), { error: 'expected a valid ISO 8601 duration' })
  );

/** An IANA time-zone name known to this Node's ICU data. */
export const timeZoneSchema = z.string().check(
  z.refine(isKnownTimeZone, { error: 'expected an IANA time-zone name like "Europe/Brussels" or "America/Panama"' })
);

// ICU's canonical zone list answers for nearly every calendar in about a millisecond. Only a name outside it
// (an alias like "US/Eastern", or a different case) is tried on Intl.DateTimeFormat, whose first use in a
// process costs about 12 ms; each answer is kept, since calendars repeat the same few zones.
let canonicalZones: ReadonlySet<string> | undefined;
const knownTimeZones = new Map<string, boolean>();

export function isKnownTimeZone(zone: string): boolean {
  if (zone === 'UTC') return true;
  if (!/^[A-Za-z]+(\/[A-Za-z0-9_+-]+)*$/.test(zone)) return false;
  canonicalZones ??= new Set(Intl.supportedValuesOf('timeZone'));
  if (canonicalZones.has(zone)) return true;
  let known = knownTimeZones.get(zone);
  if (known === undefined) {
    known = isValid(() => new Intl.DateTimeFormat('en', { timeZone: zone }));
    knownTimeZones.set(zone, known);
  }
  return known;
}

export const basisSchema = z.enum(['verified', 'pattern', 'assumed']);
export type Basis = z.infer<typeof basisSchema>;

export const confidenceSchema = z.enum(['H', 'M', 'L']);
export type Confidence = z.infer<typeof confidenceSchema>;
