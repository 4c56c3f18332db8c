// Time zones of timed milestones: the VTIMEZONE (RRULE-style, from timezones-ical-library, whose data is
// embedded JS and so survives bundling) and the local time shown in each region's zone.
import { Temporal } from 'temporal-polyfill';
import { tzlib_get_ical_block, tzlib_get_timezones } from 'timezones-ical-library';
import { CycleSyncError } from '../../errors.js';
import { isoDate } from '../../core/dates/parse.js';
import { formatDate } from '../../i18n/format-date.js';
import type { Lang } from '../../schema/primitives.js';

/** IANA names only: letters, digits, `_+-` and slashes (also checked against the library's list). */
const ZONE_PATTERN = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;
let known: Set<string> | undefined;

export function checkZone(zone: string): string {
  known ??= new Set(tzlib_get_timezones() as string[]);
  if (!ZONE_PATTERN.test(zone) || !known.has(zone))
    throw new CycleSyncError({
      code: 'FEED_INVALID',
      message: `time zone ${JSON.stringify(zone)} has no VTIMEZONE data`,
      expected: 'an IANA time-zone name such as Europe/Brussels or America/Panama',
      hint: 'fix the `zone` of the calendar that holds this timed milestone',
    });
  return zone;
}

/** The VTIMEZONE block for `zone`, CRLF-separated lines without a trailing CRLF. */
export function vtimezone(zone: string): string {
  const block = tzlib_get_ical_block(checkZone(zone));
  const text = Array.isArray(block) ? block[0] : '';
  if (!text?.startsWith('BEGIN:VTIMEZONE'))
    throw new CycleSyncError({ code: 'FEED_INVALID', message: `no VTIMEZONE for ${zone}`, exitCode: 3 });
  return text.replace(/\r?\n/g, '\r\n').trim();
}

export const zonedStart = (day: string, time: string, zone: string): Temporal.ZonedDateTime =>
  isoDate(day).toPlainDateTime(Temporal.PlainTime.from(time)).toZonedDateTime(zone, { disambiguation: 'compatible' });

/**
 * The instant in each zone, e.g. "13:00 Europe/Brussels (UTC+01:00) · 07:00 America/Panama (UTC-05:00)";
 * a zone where the day differs gets its date too.
 */
export function formatInZones(day: string, time: string, zone: string, zones: readonly string[], lang: Lang): string {
  const at = zonedStart(day, time, zone);
  return [...new Set([zone, ...zones])]
    .map(z => {
      const local = at.withTimeZone(z);
      const hhmm = local.toPlainTime().toString({ smallestUnit: 'minute' });
      const date = local.toPlainDate().equals(at.toPlainDate()) ? '' : ` ${formatDate(local.toPlainDate(), lang)}`;
      return `${hhmm}${date} ${z} (UTC${local.offset})`;
    })
    .join(' · ');
}
