// Small value schemas shared by every file format. Each says, in its error, what it expected.
import * as z from './zod.js';
import { Temporal } from 'temporal-polyfill';

import { DATE_RANGE_TEXT, isDurationWithinLimit, isYearInRange, MAX_DURATION_YEARS } from '../limits.js';
import { describeControl, firstControl, PLAIN_TEXT } from '../plain-text.js';
import { ISO_DURATION } from './iso-duration.js';
import { LANGS } from './langs.js';
import { canonicalZone } from './time-zone.js';

export { LANGS };
export type { Lang } from './langs.js';

/**
 * Text a person reads (a title, a name, a source, a note, a web address): no control character but tab, and no
 * bidirectional override. Such text reaches terminals, CI logs, feeds and reports, where those characters would
 * act instead of showing (src/plain-text.ts).
 */
export const plainTextSchema = z.string().check(
  z.regex(PLAIN_TEXT, {
    error: issue => {
      const found = typeof issue.input === 'string' ? firstControl(issue.input) : undefined;
      return found
        ? `expected plain text, found ${describeControl(found.char)} at character ${found.position}`
        : 'expected plain text';
    },
  })
);
/** Plain text that says something: at least one character. */
export const nonEmptyTextSchema = plainTextSchema.check(z.minLength(1));

/** A text in English, Spanish and Portuguese. */
export const localizedSchema = z.strictObject({
  en: nonEmptyTextSchema,
  es: nonEmptyTextSchema,
  pt: nonEmptyTextSchema,
});
export type Localized = z.infer<typeof localizedSchema>;

/** Lower-case kebab-case ids: cycle ids, milestone keys, rule ids. Safe in UIDs and file names. */
export const slugSchema = z
  .string()
  .check(
    z.regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, { error: 'expected a lower-case kebab-case id like "oap-drafting"' }),
    z.maxLength(40)
  );

/** True when `parse` returns instead of throwing. */
export const isValid = (parse: () => unknown): boolean => {
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

/** Year 0000 is refused: cyclesync computes dates of the years 0001 to 9999 (limits.ts). */
const inYearRange = z.refine<string>(s => isYearInRange(Number(s.slice(0, 4))), {
  error: `expected a date from ${DATE_RANGE_TEXT}`,
});

/** A calendar date `YYYY-MM-DD` that exists (2026-02-30 does not). */
export const isoDateSchema = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'expected a date as YYYY-MM-DD, e.g. 2025-03-18' }),
  z.refine(s => isRealDay(s), { error: 'expected a real calendar date (this day does not exist)' }),
  inYearRange
);

/** A year (`YYYY`), a month (`YYYY-MM`) or a day (`YYYY-MM-DD`): a date as precisely as a source gives it. */
export const isoPeriodDateSchema = z.string().check(
  z.regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, {
    error: 'expected YYYY-MM-DD, or YYYY-MM when only the month is known, or YYYY when only the year is',
  }),
  z.refine(s => isRealDay(s.length === 4 ? `${s}-01-01` : s.length === 7 ? `${s}-01` : s), {
    error: 'expected a real calendar date (this day or month does not exist)',
  }),
  inYearRange
);

/** A web address a planner can follow: http or https. */
export const urlSchema = plainTextSchema.check(
  z.regex(/^https?:\/\/[^\s]+$/i, { error: 'expected a web address starting with https:// or http://' }),
  z.refine(s => URL.canParse(s), { error: 'expected a well-formed web address' })
);

/** A month and day `MM-DD` (02-29 allowed: it exists in leap years). */
export const monthDaySchema = z.string().check(
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
export const isoDurationSchema = z.string().check(
  z.regex(ISO_DURATION, {
    error: 'expected an ISO 8601 duration like "P3M", "P70D" or "-P2Y" (years, months, weeks, days)',
  }),
  z.refine(s => isValid(() => Temporal.Duration.from(s)), { error: 'expected a valid ISO 8601 duration' }),
  z.refine(s => !isValid(() => Temporal.Duration.from(s)) || isDurationWithinLimit(Temporal.Duration.from(s)), {
    error: `expected a duration of at most ${MAX_DURATION_YEARS} years`,
  })
);

/**
 * An IANA time-zone name with VTIMEZONE data and known to ICU (time-zone.ts), case-sensitive; a link is
 * read as the canonical zone it names (`Asia/Calcutta` → `Asia/Kolkata`).
 */
export const timeZoneSchema = z.pipe(
  z.string().check(
    z.refine(zone => canonicalZone(zone) !== undefined, {
      error: 'expected an IANA time-zone name like "Europe/Brussels" or "America/Panama"',
    })
  ),
  z.transform((zone: string) => canonicalZone(zone)!)
);

export const basisSchema = z.enum(['verified', 'pattern', 'assumed']);
export type Basis = z.infer<typeof basisSchema>;

export const confidenceSchema = z.enum(['H', 'M', 'L']);
export type Confidence = z.infer<typeof confidenceSchema>;
