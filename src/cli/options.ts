// Options shared by several commands, and their conversion into typed values (usage errors → exit 2).
import { Temporal } from 'temporal-polyfill';
import type { Argv } from 'yargs';
import { CycleSyncError } from '../errors.js';
import { LANGS } from '../schema/primitives.js';
import type { Lang } from '../schema/primitives.js';

export function parseDateOption(name: string, value: unknown): Temporal.PlainDate | undefined {
  if (value === undefined) return undefined;
  const text = String(value);
  try {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) throw new Error('format');
    return Temporal.PlainDate.from(text, { overflow: 'reject' });
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
}

/** The day the command runs as: `--today`, else the system's local date (the only clock read). */
export const resolveToday = (value: unknown): Temporal.PlainDate =>
  parseDateOption('today', value) ?? Temporal.Now.plainDateISO();

export const withCalendars = <T>(y: Argv<T>) =>
  y.option('calendars', {
    type: 'string',
    array: true,
    default: [] as string[],
    describe: 'Calendar files or folders; each replaces or adds a cycle (builtin:ideal names a built-in one)',
  });

export const withToday = <T>(y: Argv<T>) =>
  y.option('today', { type: 'string', describe: 'Run as if today were this date (YYYY-MM-DD)' });

export const withLang = <T>(y: Argv<T>) =>
  y.option('lang', { choices: LANGS, default: 'en' as Lang, describe: 'Language of titles, dates and messages' });

export const withHorizon = <T>(y: Argv<T>) =>
  y
    .option('from', { type: 'string', describe: 'First day of the horizon (default: start of the previous instance)' })
    .option('to', { type: 'string', describe: 'Last day of the horizon (default: end of the next instance)' });

/** Colour only on a terminal, and never with NO_COLOR set (https://no-color.org). */
export const useColor = (stream: NodeJS.WriteStream): boolean =>
  Boolean(stream.isTTY) && (process.env['NO_COLOR'] ?? '') === '';

/** The run's instant: SOURCE_DATE_EPOCH (reproducible builds) when set, else the clock, to the second. */
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
