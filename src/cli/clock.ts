// The only place the CLI reads the clock, and where date options become Temporal values. Handlers import this
// lazily, so `--help` and `--version` do not load temporal-polyfill.
import { Temporal } from 'temporal-polyfill';
import { CycleSyncError } from '../errors.js';
import { isoDate } from '../core/dates/parse.js';
import { DATE_RANGE_TEXT, isYearInRange } from '../limits.js';

export function parseDateOption(name: string, value: unknown): Temporal.PlainDate | undefined {
  if (value === undefined) return undefined;
  const text = String(value);
  let date: Temporal.PlainDate;
  try {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) throw new Error('format');
    date = isoDate(text);
  } catch {
    throw new CycleSyncError({
      code: 'USAGE',
      message: `--${name} ${JSON.stringify(text)} is not a valid date`,
      expected: 'a real calendar date as YYYY-MM-DD, e.g. 2026-11-29',
      hint: /^\d{4}-\d{2}-\d{2}$/.test(text)
        ? 'this day does not exist in the calendar'
        : 'write the date as YYYY-MM-DD',
    });
  }
  if (!isYearInRange(date.year))
    throw new CycleSyncError({
      code: 'USAGE',
      message: `--${name} ${text} is outside ${DATE_RANGE_TEXT}, the dates cyclesync computes`,
      expected: `a date from ${DATE_RANGE_TEXT}`,
    });
  return date;
}

/**
 * The system's local date. Read through Date, not Temporal.Now.plainDateISO(): both take the process's time
 * zone from ICU, but the polyfill asks Intl.DateTimeFormat for its name, and the first Intl.DateTimeFormat
 * of a process costs about 12 ms (__tests__/cli/clock.test.ts compares the two under odd zones).
 */
export function localToday(): Temporal.PlainDate {
  const now = new Date();
  return new Temporal.PlainDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** The day the command runs as: `--today`, else the system's local date. */
export const resolveToday = (value: unknown): Temporal.PlainDate => parseDateOption('today', value) ?? localToday();

/** The instant of this run: `SOURCE_DATE_EPOCH` (reproducible builds) when set, else the clock, to the second. */
export function resolveNow(): Temporal.Instant {
  const epoch = process.env['SOURCE_DATE_EPOCH'];
  if (epoch === undefined || epoch === '')
    return Temporal.Now.instant().round({ smallestUnit: 'second', roundingMode: 'floor' });
  if (!/^\d{1,12}$/.test(epoch))
    throw new CycleSyncError({
      code: 'USAGE',
      message: `SOURCE_DATE_EPOCH=${JSON.stringify(epoch)} is not a number of seconds`,
      expected: 'whole seconds since 1970-01-01T00:00:00Z, e.g. 1780000000',
    });
  return Temporal.Instant.fromEpochMilliseconds(Number(epoch) * 1000);
}

/**
 * "Now" and "today" for commands that stamp their output (feeds, serve). With SOURCE_DATE_EPOCH and no
 * --today, today is that instant's UTC date, so the whole build is reproducible.
 */
export function resolveRunClock(today: string | undefined): { now: Temporal.Instant; today: Temporal.PlainDate } {
  const now = resolveNow();
  const fixedByEpoch = today === undefined && (process.env['SOURCE_DATE_EPOCH'] ?? '') !== '';
  return { now, today: fixedByEpoch ? now.toZonedDateTimeISO('UTC').toPlainDate() : resolveToday(today) };
}
