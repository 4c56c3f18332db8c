// The only place the CLI reads the clock: today, and the instant of a run.
import { Temporal } from 'temporal-polyfill';
import { CycleSyncError } from '../errors.js';
import { localToday } from '../app/today.js';
import { parseDateOption } from './parse-options.js';

/** The day the command runs as: `--today`, else the system's local date. */
export const resolveToday = (value: string | undefined): Temporal.PlainDate =>
  parseDateOption('today', value) ?? localToday();

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
